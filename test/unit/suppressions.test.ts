/**
 * Suppressions (service/suppressions.ts, applied by doValidation): inline directives per language, what is not a
 * directive (strings, JSON, logs), the errorCodes.ignore setting, and the "Ignore … on this line" quick fix. Also the
 * SARIF report's caps and fingerprints, which decide what code scanning shows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { doCodeActions, IGNORE_ACTION_KIND } from '../../server/src/service/codeActions';
import { doValidation } from '../../server/src/service/diagnostics';
import { withFingerprints, type FileResult, type Finding } from '../../server/src/cli/checkFile';
import { emptyCounts, sarifReport } from '../../server/src/cli/report';
import { analysisOf, diagnosticsOf, registry, settings } from '../helpers';

const SWITCH = (line2: string, before = '') => `${before}switch (body.code) {\n  case 5004: return 1;\n${line2}\n}\n`;
const rulesOf = (src: string, lang: string, s = settings()) => diagnosticsOf(src, lang, s).diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`);

describe('suppressions: inline directives', () => {
  it('the finding without a directive (the baseline every case below changes)', () => {
    assert.deepEqual(rulesOf(SWITCH('  case 5099: return 2;'), 'ts'), ['2:unknown-code']);
  });

  it('TS/JS: next-line, line and file directives, with rules, codes, reasons and block comments', () => {
    const suppressed = [
      SWITCH('  // error-codes-disable-next-line\n  case 5099: return 2;'),
      SWITCH('  // error-codes-disable-next-line unknown-code -- a test double answers 5099\n  case 5099: return 2;'),
      SWITCH('  case 5099: return 2; // error-codes-disable-line'),
      SWITCH('  case 5099: return 2; /* error-codes-disable-line 5099 */'),
      SWITCH('  case 5099: return 2; // error-codes-disable-line did-you-mean, unknown-code'),
      SWITCH('  case 5099: return 2;', '// error-codes-disable-file unknown-code\n'),
      SWITCH('  case 5099: return 2;\n  // error-codes-disable-file'),
    ];
    for (const src of suppressed) assert.deepEqual(rulesOf(src, 'ts'), [], src);
  });

  it('TS/JS: another rule, the wrong line, a string or a `#` are no suppression', () => {
    const kept = [
      SWITCH('  // error-codes-disable-next-line did-you-mean\n  case 5099: return 2;'),
      SWITCH('  // error-codes-disable-next-line\n\n  case 5099: return 2;'),
      SWITCH('  case 5099: return 2;', 'const note = "// error-codes-disable-file";\n'),
      SWITCH('  case 5099: return 2; # error-codes-disable-line'),
      SWITCH('  case 5099: return 2; // error-codes-disable-line-please'),
    ];
    for (const src of kept) assert.equal(rulesOf(src, 'ts').length, 1, src);
  });

  it('Python, PHP and YAML use their own comments', () => {
    const pyTypo = "code = 'SELFIE_LIVENESS_FAILD'\n";
    assert.deepEqual(rulesOf(pyTypo, 'py'), ['0:did-you-mean']);
    assert.deepEqual(rulesOf(`# error-codes-disable-next-line did-you-mean\n${pyTypo}`, 'py'), []);
    assert.deepEqual(rulesOf(`// error-codes-disable-next-line did-you-mean\n${pyTypo}`, 'py'), ['1:did-you-mean'], 'no // comments in Python');
    const phpTypo = "<?php\n$code = 'SELFIE_LIVENESS_FAILD';\n";
    assert.deepEqual(rulesOf(phpTypo, 'php'), ['1:did-you-mean']);
    assert.deepEqual(rulesOf(phpTypo.replace(';\n', '; # error-codes-disable-line\n'), 'php'), []);
    assert.deepEqual(rulesOf(phpTypo.replace(';\n', '; // error-codes-disable-line\n'), 'php'), []);
    const yaml = "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      responses:\n        '4O4':\n          description: x\n";
    assert.deepEqual(rulesOf(yaml, 'yaml'), ['5:unknown-code']);
    assert.deepEqual(rulesOf(yaml.replace("'4O4':", "'4O4':  # error-codes-disable-line unknown-code"), 'yaml'), []);
  });

  it('JSON has no comments and a log is data: no directive there, the setting still works', () => {
    const json = '// error-codes-disable-file\n{ "status": "409", "status_message": "conflict", "facegallery_id": "g-1" }\n';
    assert.deepEqual(rulesOf(json, 'json'), ['1:not-vendor-code']);
    assert.deepEqual(rulesOf(json, 'json', settings({ ignore: ['not-vendor-code'] })), []);
    const log = 'WARN face error_code=SELFIE_LIVENESS_FAILD # error-codes-disable-line\n';
    assert.deepEqual(rulesOf(log, 'log'), ['0:did-you-mean']);
    assert.deepEqual(rulesOf(log, 'log', settings({ ignore: ['SELFIE_LIVENESS_FAILD'] })), []);
  });

  it('errorCodes.ignore takes codes and rule ids; suppressed findings do not count towards maxDiagnostics', () => {
    const src = SWITCH('  case 5099: return 2;\n  case 5098: return 3;');
    assert.deepEqual(rulesOf(src, 'ts'), ['2:unknown-code', '3:unknown-code']);
    assert.deepEqual(rulesOf(src, 'ts', settings({ ignore: ['5099'] })), ['3:unknown-code']);
    assert.deepEqual(rulesOf(src, 'ts', settings({ ignore: ['unknown-code'] })), []);
    assert.deepEqual(rulesOf(src, 'ts', settings({ ignore: ['did-you-mean'] })), ['2:unknown-code', '3:unknown-code']);
    const capped = SWITCH('  case 5099: return 2; // error-codes-disable-line\n  case 5098: return 3;');
    assert.deepEqual(rulesOf(capped, 'ts', settings({ maxDiagnostics: 1 })), ['3:unknown-code'], 'no "too many" note');
  });
});

describe('suppressions: the quick fix "Ignore … on this line"', () => {
  function ignoreFix(src: string, lang: string, uri = `file:///test.${lang}`) {
    const doc = TextDocument.create(uri, lang === 'py' ? 'python' : lang === 'ts' ? 'typescript' : lang, 1, src);
    const analysis = analysisOf(doc);
    const diagnostics = doValidation(doc, analysis, registry, settings());
    const actions = doCodeActions(doc, analysis, registry, settings(), diagnostics[0].range, diagnostics as Diagnostic[]);
    const ignore = actions.find((a) => a.kind === IGNORE_ACTION_KIND);
    if (!ignore) return { actions };
    const fixed = TextDocument.applyEdits(doc, ignore.edit!.changes![uri]);
    const after = TextDocument.create(uri, doc.languageId, 2, fixed);
    return { actions, ignore, fixed, left: doValidation(after, analysisOf(after), registry, settings()) };
  }

  it('inserts the directive above the line, indented like it, in the language\'s comment; the finding is gone', () => {
    const ts = ignoreFix(SWITCH('  case 5099: return 2;'), 'ts');
    assert.equal(ts.ignore?.title, 'Ignore unknown-code on this line');
    assert.equal(ts.fixed, SWITCH('  // error-codes-disable-next-line unknown-code\n  case 5099: return 2;'));
    assert.deepEqual(ts.left, []);
    const py = ignoreFix("def f():\n    code = 'SELFIE_LIVENESS_FAILD'\n", 'py');
    assert.equal(py.fixed, "def f():\n    # error-codes-disable-next-line did-you-mean\n    code = 'SELFIE_LIVENESS_FAILD'\n");
    assert.deepEqual(py.left, []);
  });

  it('keeps CRLF line ends; offers nothing in JSON', () => {
    const crlf = ignoreFix(SWITCH('  case 5099: return 2;').replace(/\n/g, '\r\n'), 'ts');
    assert.match(crlf.fixed!, /\r\n {2}\/\/ error-codes-disable-next-line unknown-code\r\n {2}case 5099/);
    assert.deepEqual(crlf.left, []);
    const json = ignoreFix('{ "status": "409", "status_message": "conflict", "facegallery_id": "g-1" }\n', 'json');
    assert.equal(json.ignore, undefined);
  });
});

describe('SARIF: limits and fingerprints', () => {
  const finding = (line: number, severity: Finding['severity'], message = `m${line}`): Finding => ({ line, column: 1, endLine: line, endColumn: 5, severity, rule: 'unknown-code', message, fingerprint: `f${line}` });
  const parse = (text: string) => JSON.parse(text).runs[0] as { results: { message: { text: string } }[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] };

  it('over the result limit: the most severe are kept, in walk order, and a notification says how many were left out', () => {
    const results: FileResult[] = [{ file: '/w/a.ts', findings: [finding(1, 'warning'), finding(2, 'error'), finding(3, 'warning')] }];
    const run = parse(sarifReport(results, emptyCounts(), '/w', '1.0.0', { results: 2, gzipBytes: 1e9 }));
    assert.deepEqual(run.results.map((r) => r.message.text), ['m1', 'm2']);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /^1 of 3 results were left out/);
    const all = parse(sarifReport(results, emptyCounts(), '/w', '1.0.0'));
    assert.equal(all.results.length, 3);
    assert.deepEqual(all.invocations[0].toolExecutionNotifications, []);
  });

  it('over the gzipped size limit: fewer results until the gzipped log fits', () => {
    // Messages that do not compress well, as real findings across many files do not.
    const findings = Array.from({ length: 3000 }, (_, i) => finding(i + 1, 'warning', gzipSync(String(i)).toString('base64').repeat(3)));
    const limit = 60_000;
    const text = sarifReport([{ file: '/w/a.ts', findings }], emptyCounts(), '/w', '1.0.0', { results: 25_000, gzipBytes: limit });
    const size = gzipSync(text).length;
    assert.ok(size <= limit, `${size} bytes gzipped`);
    const run = parse(gunzipSync(gzipSync(text)).toString());
    assert.ok(run.results.length > 100 && run.results.length < 3000, `${run.results.length} results`);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, new RegExp(`^${3000 - run.results.length} of 3000 results were left out`));
  });

  it('a registry text cannot make an embedded link in a result message', () => {
    const run = parse(sarifReport([{ file: '/w/a.ts', findings: [finding(1, 'warning', 'not an [Acme](1) code')] }], emptyCounts(), '/w', '1'));
    assert.equal(run.results[0].message.text, 'not an \\[Acme\\](1) code');
  });

  it('fingerprints: the same for a finding moved down by an edit above it, apart for a repeated one', () => {
    const at = (text: string) => {
      const doc = TextDocument.create('file:///a.ts', 'typescript', 1, text);
      const lines = text.split('\n');
      const found = lines.flatMap((l, i) => (l.includes('5099') ? [{ ...finding(i + 1, 'warning'), column: l.indexOf('5099') + 1, endColumn: l.indexOf('5099') + 5, fingerprint: undefined }] : []));
      return withFingerprints(doc, found).map((f) => f.fingerprint);
    };
    const before = at('switch (c) {\n  case 5099: return 1;\n}\nif (x.code === 5099) y();\n');
    const after = at('// a new first line\n\nswitch (c) {\n    case 5099: return 1;\n}\nif (x.code === 5099) y();\n');
    assert.deepEqual(after, before);
    assert.notEqual(before[0], before[1]);
    const twice = at('f(5099); f(5099);\n');
    assert.equal(twice.length, 1);
    const repeated = at('case 5099:\ncase 5099:\n');
    assert.deepEqual(repeated.map((f) => f!.slice(-2)), [':1', ':2']);
    assert.equal(repeated[0]!.slice(0, -2), repeated[1]!.slice(0, -2));
  });
});
