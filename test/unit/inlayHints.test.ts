/** Issue 30: inlay hints beside opaque codes (labels, shortening, where they show) and one terminal line's codes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InlayHint, MarkupContent } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Registry } from '../../server/src/registry';
import { doHover } from '../../server/src/service/hover';
import { doInlayHints, hintLabel, MAX_EXAMINED, MAX_LABEL, shortLabel } from '../../server/src/service/inlayHints';
import { codesInLine } from '../../server/src/service/lineCodes';
import { defaultSettings, type Settings } from '../../server/src/settings';
import { analysisOf, registry, settings } from '../helpers';

const LANG: Record<string, string> = { ts: 'typescript', json: 'json', log: 'log', py: 'python', php: 'php', go: 'go', yaml: 'yaml' };

function docOf(text: string, ext: string): TextDocument {
  return TextDocument.create(`file:///hints.${ext}`, LANG[ext] ?? ext, 1, text);
}

/** The hints of the whole document, or of lines [from, to). */
function hintsOf(text: string, ext: string, s: Settings = defaultSettings, reg: Registry = registry, lines?: [number, number]): InlayHint[] {
  const doc = docOf(text, ext);
  const range = lines ? { start: { line: lines[0], character: 0 }, end: { line: lines[1], character: 0 } } : { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  return doInlayHints(doc, analysisOf(doc, s, reg), range, reg, s);
}

const brief = (hints: InlayHint[]) => hints.map((h) => `${h.position.line}:${h.position.character} ${h.label as string}`);
const withHttp = (on = true) => settings({ inlayHints: { enabled: true, httpStatuses: on } });

const FACEKI_TS = [
  'export function explain(err: { error_code: number }) {',
  '  switch (err.error_code) {',
  '    case 5004: return "liveness";',
  '    case 8008: return "small";',
  '  }',
  '  // case 5010: mentioned in a comment',
  "  const note = 'code 5004 in a string';",
  '  const width = 400;',
  '  res.status(404);',
  '}',
].join('\n');

describe('inlay hint labels', () => {
  const entry = (vendor: string, code: string) => registry.entry(vendor, code)!;

  it("is a vendor's symbolic name where it has one, its title otherwise", () => {
    assert.equal(hintLabel(entry('faceki', '5004')), 'SELFIE_LIVENESS_FAILED');
    assert.equal(hintLabel(entry('riset-face', '412')), 'Face not detected');
    assert.equal(hintLabel(entry('http', '404')), 'Not Found');
  });

  it('drops code-span backticks and a final full stop: a label is plain text', () => {
    assert.equal(hintLabel(entry('riset-face', '415')), 'user_id not found');
    assert.equal(shortLabel('Invalid parameters.'), 'Invalid parameters');
  });

  it(`shortens long labels to ${MAX_LABEL} characters with an ellipsis, at a word boundary when one is near`, () => {
    const label = hintLabel(entry('riset-face', '604'));
    assert.equal(label, 'Timeout While Waiting For…');
    assert.ok(label.length <= MAX_LABEL);
    // No boundary near the end: cut at the limit.
    const long = shortLabel('A'.repeat(50));
    assert.equal(long, 'A'.repeat(MAX_LABEL - 1) + '…');
    // No trailing separator before the ellipsis.
    assert.equal(shortLabel('Origin DNS Error / Site Is Frozen - or something longer'), 'Origin DNS Error / Site Is…');
    for (const e of registry.vendors.get('http')!.entries) assert.ok(hintLabel(e).length <= MAX_LABEL, e.code);
  });

  it('removes control characters and never cuts a surrogate pair in half', () => {
    assert.equal(shortLabel('Bad\u0007 line\nbreak\ttab'), 'Bad line break tab');
    const emoji = shortLabel('x'.repeat(30) + '😀😀😀');
    assert.ok(!/[\ud800-\udbff]…$/.test(emoji), emoji);
    assert.ok(emoji.endsWith('…'));
  });
});

describe('inlay hints', () => {
  it("labels Faceki's case 5004 right after the code, and nothing in comments, strings or non-code numbers", () => {
    assert.deepEqual(brief(hintsOf(FACEKI_TS, 'ts')), ['2:13 SELFIE_LIVENESS_FAILED', '3:13 FACE_TOO_SMALL']);
  });

  it("labels Riset's 412 after the closing quote in a Riset response", () => {
    const json = '{"facegallery_id": "g-1", "status": "412", "status_message": "x"}';
    const hints = hintsOf(json, 'json');
    assert.deepEqual(brief(hints), [`0:${json.indexOf('"412"') + 5} Face not detected`]);
    assert.equal(hints[0].paddingLeft, true);
  });

  it('gives HTTP statuses none by default; errorCodes.inlayHints.httpStatuses turns them on, unofficial ones too', () => {
    const ts = 'res.status(404);\nres.status(520);';
    assert.deepEqual(brief(hintsOf(ts, 'ts')), []);
    assert.deepEqual(brief(hintsOf(ts, 'ts', withHttp())), ['0:14 Not Found', '1:14 Web Server Returned an Unknown…']);
  });

  it('errorCodes.inlayHints.enabled: false (and errorCodes.enable: false) turn them all off', () => {
    assert.deepEqual(hintsOf(FACEKI_TS, 'ts', settings({ inlayHints: { enabled: false, httpStatuses: true } })), []);
    assert.deepEqual(hintsOf(FACEKI_TS, 'ts', settings({ enable: false })), []);
  });

  it('only within the requested range', () => {
    assert.deepEqual(brief(hintsOf(FACEKI_TS, 'ts', defaultSettings, registry, [3, 10])), ['3:13 FACE_TOO_SMALL']);
    assert.deepEqual(brief(hintsOf(FACEKI_TS, 'ts', defaultSettings, registry, [0, 2])), []);
  });

  it('none beside a symbolic code: it says what it is', () => {
    assert.deepEqual(hintsOf("if (r.code === 'SELFIE_LIVENESS_FAILED') {}", 'ts'), []);
  });

  it('none where the line already says it (the switch action\'s comments, an access log\'s reason phrase)', () => {
    assert.deepEqual(brief(hintsOf('switch (e.code) {\n  case 5004: // SELFIE_LIVENESS_FAILED — Selfie liveness failed\n  case 5010:\n}', 'ts')), ['2:11 EXPIRED_DOCUMENT']);
    assert.deepEqual(hintsOf('status=404 reason="Not Found"', 'log', withHttp()), []);
  });

  it('never where no hover is: every hint sits on a code that hovers with the entry it names', () => {
    const files: [string, string][] = [
      [FACEKI_TS, 'ts'],
      ['{"facegallery_id": "g", "status": 413, "items": [404, 412], "width": 400}', 'json'],
      ['upstream=riset facegallery_id=g status=604 latency=412ms pid=5004\n"GET / HTTP/1.1" 520 0', 'log'],
      ['def f(r):\n    if r.get("code") == 5004:\n        abort(404)\n    return {"status": 8008}', 'py'],
      ['paths:\n  /x:\n    get:\n      responses:\n        "404": {}\n        5XX: {}', 'yaml'],
    ];
    let seen = 0;
    for (const [text, ext] of files) {
      const doc = docOf(text, ext);
      const analysis = analysisOf(doc, withHttp());
      const hints = doInlayHints(doc, analysis, { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, registry, withHttp());
      for (const hint of hints) {
        let at = doc.offsetAt(hint.position);
        if (/["']/.test(text[at - 1])) at--;
        const hover = doHover(doc, analysis, at - 1, registry);
        assert.ok(hover, `${ext}: a hover at the hint ${hint.label as string}`);
        assert.ok((hover!.contents as MarkupContent).value.includes((hint.tooltip as MarkupContent).value.split('\n')[0]), `${ext}: ${hint.label as string}`);
        seen++;
      }
    }
    assert.ok(seen >= 8, `${seen} hints checked`);
  });

  it('the tooltip is the full entry as escaped markdown (no command link), or plain text for plain-text clients', () => {
    const evil = new Registry([
      {
        origin: 'workspace',
        file: 'evil.errorcodes.json',
        data: {
          vendor: { id: 'evil', displayName: 'Evil', docsUrl: 'https://example.com/a)(command:x' },
          entries: [{ code: '7001', name: 'EVIL [x](command:workbench.action.quit)', title: 't', description: 'Click [here](command:workbench.action.quit) <img src=x>', category: 'c' }],
        },
      },
    ]);
    const text = 'if (err.code === 7001) {}';
    const hints = hintsOf(text, 'ts', defaultSettings, evil);
    assert.equal(hints.length, 1);
    assert.equal(hints[0].label, 'EVIL [x](command:workbench.acti…');
    const tooltip = hints[0].tooltip as MarkupContent;
    assert.equal(tooltip.kind, 'markdown');
    // Code spans are inert; outside them, no link to a command and no HTML.
    assert.doesNotMatch(tooltip.value.replace(/`[^`]*`/g, ''), /\]\(command:|<img/);
    assert.match(tooltip.value, /`EVIL \[x\]\(command:workbench\.action\.quit\)`/);
    const doc = docOf(text, 'ts');
    const plain = doInlayHints(doc, analysisOf(doc, defaultSettings, evil), { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, evil, defaultSettings, 'plaintext');
    assert.equal((plain[0].tooltip as MarkupContent).kind, 'plaintext');
    assert.doesNotMatch((plain[0].tooltip as MarkupContent).value, /\\\[/);
  });

  it(`looks at no more than ${MAX_EXAMINED} occurrences in one request`, () => {
    const lines = Array.from({ length: MAX_EXAMINED + 500 }, (_, i) => `facegallery_id=g status=${i % 2 ? 412 : 413}`);
    const hints = hintsOf(lines.join('\n'), 'log');
    assert.equal(hints.length, MAX_EXAMINED);
    assert.equal(hints.at(-1)!.position.line, MAX_EXAMINED - 1);
  });
});

describe('one line of a terminal', () => {
  const line = (text: string, s: Settings = defaultSettings, maxLength = 4096, maxCodes = 16) =>
    codesInLine(text, registry, s, maxLength, maxCodes).map((c) => `${text.slice(c.start, c.end)} ${c.vendor} ${c.label} | ${c.tooltip}`);

  it("finds status=604 as Riset's beside its hint key, and latency=412ms and a number in another column stay silent", () => {
    assert.deepEqual(line('2026-11-02T10:00:02Z WARN kyc facegallery_id=g-7 status=604 latency=412ms took 5004 ms'), [
      '604 riset-face Timeout While Waiting For… | 604 · Riset.ai Face API: Timeout While Waiting For Response',
    ]);
    assert.deepEqual(line('2026-11-02T10:00:03Z INFO worker pid=5004 elapsed=490ms 200 412'), []);
  });

  it('reads "code": 5004, an access log\'s status and a symbolic code', () => {
    assert.deepEqual(line('{"code": 5004, "message": "x"}'), ['5004 faceki SELFIE_LIVENESS_FAILED | 5004 SELFIE_LIVENESS_FAILED · Faceki: Selfie liveness verification failed']);
    assert.deepEqual(line('127.0.0.1 - - [02/Nov/2026:10:00:04 +0000] "GET /v1/faces HTTP/1.1" 404 153 "-" "curl/8.5"'), ['404 http Not Found | 404 · HTTP: Not Found']);
    assert.match(line('ERROR ailab error_code=ERROR_BLURRY_FACE log_id=l-9')[0], /^ERROR_BLURRY_FACE ailabtools /);
  });

  it('is bounded: the line up to its length limit (a code cut there is left out), at most so many codes, one line only', () => {
    const many = Array.from({ length: 30 }, () => 'status=404').join(' ');
    assert.equal(line(many, defaultSettings, 4096, 5).length, 5);
    const cut = 'x'.repeat(20) + ' status=5004';
    assert.deepEqual(line(cut, defaultSettings, cut.length - 1), []);
    assert.equal(line(cut, defaultSettings, cut.length).length, 1);
    assert.deepEqual(line('nothing here\nstatus=404'), []);
  });

  it('answers nothing with errorCodes.enable off', () => {
    assert.deepEqual(line('status=404', settings({ enable: false })), []);
  });
});
