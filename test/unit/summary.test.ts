import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rng, vendorLog } from '../../bench/generate';
import { analyze } from '../../server/src/service/analysis';
import { defaultSettings, normalizeSettings, type Settings } from '../../server/src/settings';
import { normalizeLineBreaks } from '../../server/src/summary/chunk';
import { SummaryCache, SummaryCancelled, summarizeFile, type SummarizeOptions } from '../../server/src/summary/summarize';
import { lineTimestamp } from '../../server/src/summary/timestamps';
import type { LogSummary } from '../../server/src/summary/types';
import { bin, chartHtml } from '../../client/src/logSummaryChart';
import { registry } from '../helpers';

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-test-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

type Counts = Record<string, { count: number; firstLine: number; lastLine: number }>;

/**
 * The reference: the editor's analysis of the whole text (lone CRs read as line breaks, as VS Code does), every
 * occurrence resolved one by one and counted under its best candidate's vendor.
 */
function reference(text: string, settings: Settings = defaultSettings): { counts: Counts; lines: number; occurrences: number } {
  const doc = TextDocument.create('file:///reference.log', 'log', 1, normalizeLineBreaks(text));
  const analysis = analyze(doc, registry, settings)!;
  const counts: Counts = {};
  for (let i = 0; i < analysis.occurrences.length; i++) {
    const r = analysis.resolve(i);
    const key = `${r.candidates[0]?.vendor ?? 'unknown'}/${r.code}`;
    const line = doc.positionAt(r.start).line;
    const c = (counts[key] ??= { count: 0, firstLine: line, lastLine: line });
    c.count++;
    c.lastLine = line;
  }
  return { counts, lines: text.length === 0 ? 0 : doc.lineCount - (/[\r\n]$/.test(text) ? 1 : 0), occurrences: analysis.occurrences.length };
}

function countsOf(summary: LogSummary): Counts {
  const counts: Counts = {};
  for (const v of summary.vendors) for (const c of v.codes) counts[`${v.id}/${c.code}`] = { count: c.count, firstLine: c.firstLine, lastLine: c.lastLine };
  return counts;
}

const small: Partial<SummarizeOptions> = { chunkBytes: 64 * 1024, readBytes: 16 * 1024 };

async function summarize(file: string, extra: Partial<SummarizeOptions> = {}): Promise<LogSummary> {
  return summarizeFile(file, { registry, settings: defaultSettings, ...small, ...extra });
}

/**
 * A multi-vendor log over the hint window (1.25 MB), with lines whose vendor only document evidence decides: a
 * Faceki hint string in the middle (outside the window: must not count) and one near the end (inside: must count).
 */
function mixedLog(bytes: number, seed: number): string {
  const base = vendorLog(bytes, seed).split('\n');
  const r = rng(seed + 100);
  const extra = ['code=400 retry', 'status=500', 'code=5004', 'code=ERROR_BLURRY_FACE', 'status=299 odd', 'error_code=SELFIE_LIVENESS_FAILED'];
  for (let i = 0; i < base.length; i += 7) base[i] = `2026-11-02T11:${String(Math.floor(r() * 60)).padStart(2, '0')}:00Z ${extra[Math.floor(r() * extra.length)]}`;
  base[Math.floor(base.length / 2)] = 'note: sent through faceki relay';
  base[base.length - 3] = 'upstream faceki gateway code=400';
  return base.join('\n');
}

describe('log summary: equals the editor\'s analysis of the same file', () => {
  it('a generated multi-vendor log, in many chunks on two workers', async () => {
    const text = mixedLog(3 * 1024 * 1024, 21);
    const file = write('mixed.log', text);
    const summary = await summarize(file, { workers: 2 });
    const ref = reference(text);
    assert.ok(Object.keys(ref.counts).length > 20, 'the reference finds many codes');
    assert.deepEqual(countsOf(summary), ref.counts);
    assert.equal(summary.occurrences, ref.occurrences);
    assert.equal(summary.lines, ref.lines);
    assert.equal(summary.bytes, Buffer.byteLength(text));
    assert.equal(summary.changed, undefined);
    // Several vendors, decided by their lines and by the document.
    assert.ok(summary.vendors.length >= 4, summary.vendors.map((v) => v.id).join());
    assert.ok(summary.documentVendors.includes('faceki'), 'the hint string in the tail counts');
  });

  it('the same log in one chunk, in this thread, gives the same summary', async () => {
    const text = mixedLog(3 * 1024 * 1024, 21);
    const file = write('mixed1.log', text);
    const many = await summarize(file, { workers: 2 });
    const one = await summarize(file, { workers: 0, chunkBytes: 64 * 1024 * 1024 });
    assert.deepEqual(countsOf(one), countsOf(many));
    assert.deepEqual(one.histogram, many.histogram);
  });

  it('a hint string outside the window does not count (as in the editor)', async () => {
    const lines = Array.from({ length: 40000 }, (_, i) => `2026-11-02T10:00:${String(i % 60).padStart(2, '0')}Z worker id=${i} code=400 padding-${'x'.repeat(20)}`);
    lines[20000] = 'relay: faceki';
    const text = lines.join('\n') + '\n';
    assert.ok(text.length > 1.25 * 1024 * 1024);
    const file = write('window.log', text);
    const summary = await summarize(file);
    assert.deepEqual(countsOf(summary), reference(text).counts);
    assert.ok(!summary.documentVendors.includes('faceki'));
  });

  it('.gz input gives the summary of its text', async () => {
    const text = mixedLog(1024 * 1024, 5);
    const file = write('mixed.log.gz', gzipSync(text));
    const summary = await summarize(file);
    assert.equal(summary.gzip, true);
    assert.equal(summary.bytes, Buffer.byteLength(text));
    assert.deepEqual(countsOf(summary), reference(text).counts);
    assert.equal(summary.changed, undefined);
  });

  it('a truncated .gz: the summary of the text it holds, with a warning (not only an error)', async () => {
    const text = mixedLog(256 * 1024, 6);
    const gz = gzipSync(text);
    const file = write('broken.log.gz', gz.subarray(0, gz.length >> 1));
    const summary = await summarize(file);
    assert.match(summary.incomplete ?? '', /could not be read to its end \(unexpected end of file\)/);
    assert.equal(summary.changed, undefined);
    assert.ok(summary.bytes > 0 && summary.bytes < Buffer.byteLength(text), `${summary.bytes} bytes`);
    assert.ok(summary.occurrences > 100, `${summary.occurrences} codes`);
    // What it read is a prefix of the text: its counts are the reference's on that prefix (but the cut last line).
    const read = text.slice(0, text.lastIndexOf('\n', summary.bytes - 1) + 1);
    const counts = countsOf(summary);
    for (const [key, c] of Object.entries(reference(read).counts)) assert.ok(counts[key] && counts[key].count >= c.count, key);
  });

  it('a .gz damaged before any text is a clear error', async () => {
    const gz = Buffer.from(gzipSync(mixedLog(64 * 1024, 6)));
    gz.fill(0x55, 10, 40);
    const file = write('garbage.log.gz', gz);
    await assert.rejects(summarize(file), /not a readable gzip file/);
  });

  it('CRLF and CR line ends: same counts and line numbers', async () => {
    const text = mixedLog(512 * 1024, 8);
    for (const [name, eol] of [['crlf', '\r\n'], ['cr', '\r']] as const) {
      const converted = text.split('\n').join(eol);
      const file = write(`${name}.log`, converted);
      const summary = await summarize(file, { chunkBytes: 10_000, readBytes: 4096 });
      assert.deepEqual(countsOf(summary), reference(converted).counts, name);
      assert.deepEqual(countsOf(summary), reference(text).counts, `${name}: the same as with LF`);
      assert.equal(summary.lines, reference(text).lines, name);
    }
  });

  it('a truncated last line is counted', async () => {
    const text = 'a status=404\nb status=502 upstream_status=503';
    const file = write('truncated.log', text);
    const summary = await summarize(file);
    assert.equal(summary.lines, 2);
    assert.deepEqual(countsOf(summary), reference(text).counts);
    assert.equal(countsOf(summary)['http/503'].firstLine, 1);
  });

  it('binary garbage in the middle does not stop it', async () => {
    const head = mixedLog(200 * 1024, 9);
    const tail = mixedLog(200 * 1024, 10);
    const r = rng(3);
    const garbage = Buffer.from(Array.from({ length: 300 * 1024 }, () => Math.floor(r() * 256)));
    const bytes = Buffer.concat([Buffer.from(head + '\n'), garbage, Buffer.from('\n' + tail + '\n')]);
    const file = write('binary.log', bytes);
    const summary = await summarize(file, { workers: 2 });
    const ref = reference(bytes.toString('utf8'));
    assert.deepEqual(countsOf(summary), ref.counts);
    // Codes after the garbage are there: the last line of the tail's codes.
    const lastLine = Math.max(...Object.values(countsOf(summary)).map((c) => c.lastLine));
    assert.ok(lastLine > ref.lines - 10, `last code on line ${lastLine} of ${ref.lines}`);
  });

  it('samples, timestamps and the per-minute histogram', async () => {
    const text = [
      '2026-11-02T10:00:05Z a status=404',
      '2026-11-02T10:00:59.5+00:00 b status=404',
      '10.0.0.1 - - [02/Nov/2026:10:01:04 +0000] "GET /x HTTP/1.1" 404 12',
      'Nov  2 10:02:00 host app: status=404',
      'no time status=404',
      '10.0.0.2 - - 2026-11-02T10:03:00Z "GET /y HTTP/1.1" 503 9',
      'gw 02/Nov/2026:10:04:00 +0000 "GET /z HTTP/1.1" 503 9',
    ].join('\n');
    const file = write('times.log', text + '\n');
    const summary = await summarize(file);
    const c = summary.vendors.find((v) => v.id === 'http')!.codes.find((x) => x.code === '404')!;
    assert.equal(c.count, 5);
    assert.equal(c.title, 'Not Found');
    assert.deepEqual(c.samples.map((s) => s.line), [0, 1, 2]);
    assert.equal(c.samples[0].text, '2026-11-02T10:00:05Z a status=404');
    assert.equal(c.firstTime, '2026-11-02T10:00:05.000Z');
    assert.equal(c.lastTime, `${new Date(fs.statSync(file).mtimeMs).getUTCFullYear()}-11-02T10:02:00.000Z`);
    assert.deepEqual(summary.histogram.total.slice(0, 2), [2, 1]);
    assert.equal(summary.histogram.series[0].code, '404');
    // ISO-8601 after a host and common log format without its bracket are times too; the line with none is said.
    assert.deepEqual(summary.histogram.series.map((s) => [s.code, s.counts.reduce((a, b) => a + b, 0)]), [['404', 4], ['503', 2]]);
    assert.deepEqual(summary.histogram.untimed, [{ vendor: 'http', code: '404', count: 1 }]);
  });
});

describe('log summary: cancel, change, reuse', () => {
  let big: string;
  before(() => {
    const piece = Buffer.from(mixedLog(1024 * 1024, 2) + '\n');
    big = path.join(dir, 'big.log');
    const fd = fs.openSync(big, 'w');
    for (let k = 0; k < 24; k++) fs.writeSync(fd, piece);
    fs.closeSync(fd);
  });

  it('cancel stops reading at once (within 100 ms) and rejects', async () => {
    const controller = new AbortController();
    let readsAfterCancel = 0;
    let cancelledAt = 0;
    let positionAtCancel = 0;
    let lastPosition = 0;
    let reads = 0;
    const run = summarizeFile(big, {
      registry,
      settings: defaultSettings,
      readBytes: 64 * 1024,
      chunkBytes: 512 * 1024,
      onRead: (position) => {
        lastPosition = position;
        if (cancelledAt) readsAfterCancel++;
        else if (++reads === 40) {
          positionAtCancel = position;
          cancelledAt = performance.now();
          controller.abort();
        }
      },
      signal: controller.signal,
    });
    await assert.rejects(run, SummaryCancelled);
    const latency = performance.now() - cancelledAt;
    assert.ok(cancelledAt > 0, 'cancelled while reading');
    assert.ok(latency < 100, `settled ${latency.toFixed(1)} ms after the cancel`);
    assert.equal(readsAfterCancel, 0, 'no read is handled after the cancel');
    assert.ok(lastPosition - positionAtCancel <= 64 * 1024, `${lastPosition - positionAtCancel} bytes read after the cancel`);
    assert.ok(positionAtCancel < fs.statSync(big).size / 2);
  });

  it('a cancel while the file is being opened is not lost', async () => {
    const controller = new AbortController();
    const run = summarizeFile(big, { registry, settings: defaultSettings, signal: controller.signal });
    controller.abort(); // before the first await inside has finished: the abort event fires before its listener exists
    await assert.rejects(run, SummaryCancelled);
  });

  it('a file that grows while it is read is reported, not a crash', async () => {
    const file = write('growing.log', fs.readFileSync(big).subarray(0, 4 * 1024 * 1024));
    let appended = false;
    const summary = await summarize(file, {
      onRead: () => {
        if (!appended) {
          appended = true;
          fs.appendFileSync(file, 'late status=503\n'.repeat(1000));
        }
      },
    });
    assert.match(summary.changed ?? '', /changed size/);
    assert.ok(summary.occurrences > 0);
  });

  it('a file truncated while it is read is reported', async () => {
    const file = write('shrinking.log', fs.readFileSync(big).subarray(0, 4 * 1024 * 1024));
    let cut = false;
    const summary = await summarize(file, {
      onRead: () => {
        if (!cut) {
          cut = true;
          fs.truncateSync(file, 1024 * 1024);
        }
      },
    });
    assert.match(summary.changed ?? '', /changed size/);
  });

  it('a second summary of the unchanged file is the first one; a change makes a new one', async () => {
    const file = write('again.log', 'a status=404\n');
    const cache = new SummaryCache();
    const first = await summarize(file, { cache });
    const second = await summarize(file, { cache });
    assert.equal(first.cached, undefined);
    assert.equal(second.cached, true);
    assert.deepEqual(countsOf(second), countsOf(first));
    const other = await summarizeFile(file, { registry, settings: normalizeSettings({ vendors: { http: false } }), cache });
    assert.equal(other.cached, undefined, 'other settings: not reused');
    fs.appendFileSync(file, 'b status=502\n');
    const third = await summarize(file, { cache });
    assert.equal(third.cached, undefined);
    assert.equal(countsOf(third)['http/502'].count, 1);
  });
});

describe('log line timestamps', () => {
  const at = (line: string) => lineTimestamp(line, 0, line.length, 2026);
  it('reads ISO-8601, common log format and syslog', () => {
    assert.equal(at('2026-11-02T10:00:00Z x'), Date.UTC(2026, 10, 2, 10, 0, 0));
    assert.equal(at('2026-11-02 10:00:00.250+01:00 x'), Date.UTC(2026, 10, 2, 9, 0, 0, 250));
    assert.equal(at('[2026-11-02T10:00:00-0230] x'), Date.UTC(2026, 10, 2, 12, 30, 0));
    assert.equal(at('10.0.0.1 - - [02/Nov/2026:10:00:00 +0100] "GET"'), Date.UTC(2026, 10, 2, 9, 0, 0));
    assert.equal(at('Nov  2 10:00:00 host x'), Date.UTC(2026, 10, 2, 10, 0, 0));
    assert.equal(at('Nov 12 10:00:00 host x'), Date.UTC(2026, 10, 12, 10, 0, 0));
    // Further into the line: after an address or a host, and common log format without its bracket.
    assert.equal(at('10.0.0.1 - - 2026-11-02T10:00:00Z "GET /x HTTP/1.1" 503 1'), Date.UTC(2026, 10, 2, 10, 0, 0));
    assert.equal(at('edge-7 02/Nov/2026:10:00:00 +0100 "GET /x HTTP/1.1" 503 1'), Date.UTC(2026, 10, 2, 9, 0, 0));
    assert.equal(at('[pid 7] [02/Nov/2026:10:00:00 +0000] x'), Date.UTC(2026, 10, 2, 10, 0, 0), 'a bracket that is no date is passed');
  });
  it('none in lines without one', () => {
    for (const line of ['status=404', '12:30 lunch', '2026-13-02T10:00:00Z', 'Foo  2 10:00:00', '[not/a/date]', '']) assert.ok(Number.isNaN(at(line)), line);
  });
});

describe('log summary chart (SVG drawn by the extension)', () => {
  const summary = (minutes: number[], counts: number[], code = '404'): LogSummary => ({
    file: '/x/<img src=x onerror=alert(1)>.log',
    size: 1,
    mtimeMs: 0,
    gzip: false,
    bytes: 1,
    lines: 1,
    occurrences: counts.reduce((a, b) => a + b, 0),
    vendors: [{ id: 'evil', displayName: '<script>alert(1)</script>', count: 1, codes: [] }],
    histogram: { minutes: minutes.map((m) => m * 60000), total: counts, series: [{ vendor: '"><b>x</b>', code, counts }], truncated: false, untimed: [] },
    documentVendors: [],
    elapsedMs: 1,
  });

  it('bins minutes into at most 120 bars that keep every count', () => {
    const minutes = Array.from({ length: 1000 }, (_, i) => 29_000_000 + i * 3);
    const counts = minutes.map((_, i) => 1 + (i % 5));
    const bins = bin(summary(minutes, counts))!;
    assert.ok(bins.starts.length <= 120);
    assert.equal(bins.total.reduce((a, b) => a + b, 0), counts.reduce((a, b) => a + b, 0));
    assert.equal(bins.series[0].reduce((a, b) => a + b, 0), counts.reduce((a, b) => a + b, 0));
    assert.ok(bins.series[1].every((n) => n === 0), 'nothing is "other" when the one series is all');
  });

  it('draws bars, escapes registry and log text, allows no script', () => {
    const html = chartHtml(summary([29_000_000, 29_000_001], [3, 5], '<i>404</i>'), 'abc123');
    assert.equal((html.match(/<rect /g) ?? []).length, 2);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abc123'"/);
    assert.ok(!/<script|<img|<b>|<i>|onerror=alert\(1\)>/.test(html.replace(/&lt;script&gt;/g, '')), 'no markup from data');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;i&gt;404&lt;\/i&gt;/);
    assert.ok(!/ style="/.test(html), 'no inline style attributes (the CSP allows none)');
  });

  it('says so when no line had a timestamp', () => {
    assert.match(chartHtml(summary([], []), 'n'), /no histogram/);
  });

  it('names what it leaves out: codes without a timestamp, counted, with vendor names; no legend entry without bars', () => {
    const s: LogSummary = {
      ...summary([29_000_000, 29_000_001], [3, 5], '5004'),
      occurrences: 182_361,
      vendors: [
        { id: 'http', displayName: 'HTTP', count: 182_353, codes: [{ code: '503', vendor: 'http', count: 182_353, firstLine: 0, lastLine: 9, samples: [] }] },
        { id: 'faceki', displayName: 'Faceki', count: 8, codes: [{ code: '5004', vendor: 'faceki', count: 8, firstLine: 0, lastLine: 9, samples: [] }] },
      ],
    };
    s.histogram = { ...s.histogram, series: [{ vendor: 'faceki', code: '5004', counts: [3, 5] }], untimed: [{ vendor: 'http', code: '503', count: 182_353 }] };
    const html = chartHtml(s, 'n');
    assert.match(html, /182,353 codes without a timestamp \(not in the chart\): 503 \(HTTP\) 182,353\./);
    assert.match(html, /5004 \(Faceki\)/);
    assert.match(html, /182,361 codes in/);
    assert.doesNotMatch(html, /class="swatch other"/, 'no "other" key: nothing else has a time');
  });
});
