import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, WorkDoneProgress, type Hover, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { vendorLog } from '../../bench/generate';
import { SummarizeLogRequest, type LogSummary } from '../../server/src/protocol';
import { open, startServer, type TestServer } from '../lspClient';

const root = path.resolve(__dirname, '..', '..', '..');

describe('protocol: errorCodes/summarizeLog', () => {
  let server: TestServer;
  let dir: string;
  let big: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-protocol-'));
    big = path.join(dir, 'gateway.log');
    const piece = Buffer.from(vendorLog(2 * 1024 * 1024, 31));
    const fd = fs.openSync(big, 'w');
    for (let k = 0; k < 12; k++) fs.writeSync(fd, piece);
    fs.closeSync(fd);
    server = await startServer();
    await open(server, 'file:///ws/small.log', 'log', 'ts=1 status=404 trx_id=t-1\n');
  });
  /** Work-done progress values seen for a token (the connection routes `$/progress` to its own handlers). */
  function track(token: string): { values: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[]; until: (kind: string) => Promise<void> } {
    const values: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    const waiters: { kind: string; resolve: () => void }[] = [];
    server.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      values.push(value);
      for (const w of waiters.filter((w) => w.kind === value.kind)) w.resolve();
    });
    const until = (kind: string) =>
      values.some((v) => v.kind === kind)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no ${kind} progress for ${token} within 20 s`)), 20000);
            waiters.push({ kind, resolve: () => (clearTimeout(timer), resolve()) });
          });
    return { values, until };
  }

  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('summarizes with work-done progress while hovers are answered', async () => {
    const token = 'summary-1';
    const progress = track(token);
    let summaryDone = false;
    const hoversBeforeDone: number[] = [];
    const request = server.connection.sendRequest(SummarizeLogRequest.method, { uri: pathToFileURL(big).href, workDoneToken: token }).then((s) => {
      summaryDone = true;
      return s as LogSummary;
    });
    await progress.until('begin');
    // Hovers go on being answered while the summary runs (it reads on the server's thread, scans in workers).
    for (let k = 0; k < 20 && !summaryDone; k++) {
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///ws/small.log' }, position: { line: 0, character: 13 } })) as Hover | null;
      assert.match((hover?.contents as { value: string }).value, /404/);
      if (!summaryDone) hoversBeforeDone.push(k);
    }
    const summary = await request;
    assert.ok(hoversBeforeDone.length > 0, 'at least one hover was answered before the summary finished');
    assert.equal(summary.bytes, fs.statSync(big).size);
    assert.ok(summary.occurrences > 100000);
    assert.ok(summary.vendors.some((v) => v.id === 'riset-face') && summary.vendors.some((v) => v.id === 'http'));
    await progress.until('end');
    const reports = progress.values;
    assert.equal(reports[0].kind, 'begin');
    assert.ok(reports.some((r) => r.kind === 'report' && /MB\/s/.test(r.message ?? '')), JSON.stringify(reports.slice(0, 3)));
    // The same file again: the first summary, at once.
    const again = (await server.connection.sendRequest(SummarizeLogRequest.method, { uri: pathToFileURL(big).href })) as LogSummary;
    assert.equal(again.cached, true);
    assert.equal(again.occurrences, summary.occurrences);
  });

  it('cancelling the request answers RequestCancelled promptly', async () => {
    fs.appendFileSync(big, 'status=503\n'); // a different file now: no cached summary
    const source = new CancellationTokenSource();
    const progress = track('summary-2');
    const request = server.connection.sendRequest(SummarizeLogRequest.method, { uri: pathToFileURL(big).href, workDoneToken: 'summary-2' }, source.token);
    await progress.until('begin');
    const t = performance.now();
    source.cancel();
    await assert.rejects(request, (e: { code?: number }) => e.code === -32800);
    const latency = performance.now() - t;
    assert.ok(latency < 1000, `answered ${latency.toFixed(0)} ms after the cancel`);
  });

  it('a missing file and a non-file URI are clear errors; the server lives on', async () => {
    await assert.rejects(server.connection.sendRequest(SummarizeLogRequest.method, { uri: pathToFileURL(path.join(dir, 'nope.log')).href }), /ENOENT|no such file/);
    await assert.rejects(server.connection.sendRequest(SummarizeLogRequest.method, { uri: 'untitled:Untitled-1' }), /Only files on disk/);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///ws/small.log' }, position: { line: 0, character: 13 } });
    assert.ok(hover);
  });

  it('the CLI: JSON names each vendor and code with its count; text and CSV', () => {
    const file = path.join(dir, 'cli.log');
    fs.writeFileSync(file, 'a status=404\nb status=400 trx_id=t-1\nc upstream_status=502, code=ERROR_BLURRY_FACE\n');
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(root, 'dist', 'summarize.js'), ...args], { encoding: 'utf8' });
    const json = run(file, '--format', 'json');
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as LogSummary;
    const counts = Object.fromEntries(parsed.vendors.flatMap((v) => v.codes.map((c) => [`${v.id}/${c.code}`, c.count])));
    assert.deepEqual(counts, { 'http/404': 1, 'riset-face/400': 1, 'http/502': 1, 'ailabtools/ERROR_BLURRY_FACE': 1 });
    const csv = run(file, '--format=csv');
    assert.equal(csv.status, 0);
    assert.match(csv.stdout, /^vendor,code,name,title,count,first_line,last_line/);
    assert.match(csv.stdout, /\nhttp,404,,Not Found,1,1,1,,\n/);
    const text = run(file);
    assert.match(text.stdout, /HTTP \(http\): 2/);
    assert.match(text.stdout, /Riset\.ai Face API \(riset-face\): 1\n  400 +1 — Request malformed/);
    assert.equal(run().status, 2);
    assert.equal(run(file, '--format', 'xml').status, 2);
    // The same verb in the package's CLI (a row of its verb table), with its workers next to it.
    const pkg = spawnSync(process.execPath, [path.join(root, 'packages', 'language-server', 'dist', 'cli.js'), 'summarize', file, '--format', 'json'], { encoding: 'utf8', cwd: dir });
    assert.equal(pkg.status, 0, pkg.stderr);
    assert.deepEqual((JSON.parse(pkg.stdout) as LogSummary).vendors.map((v) => [v.id, v.count]), parsed.vendors.map((v) => [v.id, v.count]));
    const help = spawnSync(process.execPath, [path.join(root, 'packages', 'language-server', 'dist', 'cli.js'), '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /summarize +summarize the error codes of a log file/);
    const missing = run(path.join(dir, 'nope.log'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.log/);
  });
});
