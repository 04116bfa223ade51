/** The exhaustive-switch action (service/exhaustive.ts) and the switch shapes the engine records for it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver-types';
import { unambiguousFixEdits } from '../../server/src/cli/checkFile';
import { Registry } from '../../server/src/registry';
import { analyze } from '../../server/src/service/analysis';
import { doCodeActions, IGNORE_ACTION_KIND } from '../../server/src/service/codeActions';
import { doValidation } from '../../server/src/service/diagnostics';
import { caseComment, commentText, switchActions } from '../../server/src/service/exhaustive';
import { defaultSettings } from '../../server/src/settings';
import { registry } from '../helpers';

const LANG: Record<string, string> = { ts: 'typescript', py: 'python', php: 'php' };
/** The caret; `|` is Python's or-pattern. */
const CARET = '‸';

function docOf(src: string, ext: string): { doc: TextDocument; offset: number } {
  const at = src.indexOf(CARET);
  const text = at >= 0 ? src.slice(0, at) + src.slice(at + CARET.length) : src;
  return { doc: TextDocument.create(`file:///client.${ext}`, LANG[ext], 1, text), offset: Math.max(at, 0) };
}

/** The switch actions at the caret (an empty range there). */
function actionsAt(src: string, ext: string, reg: Registry = registry): { doc: TextDocument; actions: CodeAction[] } {
  const { doc, offset } = docOf(src, ext);
  const position = doc.positionAt(offset);
  return { doc, actions: switchActions(doc, analyze(doc, reg, defaultSettings)!, reg, { start: position, end: position }) };
}

function editOf(doc: TextDocument, action: CodeAction): TextEdit {
  const edits = action.edit!.changes![doc.uri];
  assert.equal(edits.length, 1);
  return edits[0];
}

/** The text with the action's edit applied. */
function applied(doc: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(doc, [editOf(doc, action)]);
}

const FACEKI = registry.vendors.get('faceki')!.entries.map((e) => e.code);
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

const TS_WITH_DEFAULT = [
  'export function message(err: { code: number }): string {',
  '  switch (err.code) {',
  '    case 5004:',
  "      return 'liveness';",
  '    case 8008:‸',
  "      return 'small';",
  '    default:',
  "      return 'unknown';",
  '  }',
  '}',
  '',
].join('\n');

describe('exhaustive switch: TS and JS', () => {
  it('stacks the missing Faceki codes right before default:, in registry order, each with its name and description', () => {
    const { doc, actions } = actionsAt(TS_WITH_DEFAULT, 'ts');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, `Add cases for the ${FACEKI.length - 2} unhandled Faceki codes`);
    assert.equal(actions[0].kind, CodeActionKind.RefactorRewrite);
    const edit = editOf(doc, actions[0]);
    assert.deepEqual(edit.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 4 } });
    const lines = edit.newText.split('\n');
    // Each new line is a label at the cases' indentation; the last one is the indentation `default:` keeps.
    assert.equal(lines.pop(), '    ');
    assert.deepEqual(
      lines.map((l, i) => (i === 0 ? l : l.slice(4)).replace(/:.*/, '')),
      FACEKI.filter((c) => c !== '5004' && c !== '8008').map((c) => `case ${c}`),
    );
    assert.ok(lines.includes('    case 5014: // AGE_MISMATCH — There is a mismatch in the age information as per the verification rules.'));
    const text = applied(doc, actions[0]);
    for (const code of FACEKI) assert.equal(count(text, new RegExp(`case ${code}:`, 'g')), 1, code);
    // The old cases and the default keep their bodies, and the new labels fall through into the default.
    assert.match(text, /case 8008:\n {6}return 'small';\n {4}case 1: \/\/ UNAUTHORIZED\/INVALID URL/);
    assert.match(text, /case 8024: \/\/ USER_ALREADY_VERIFIED — The user has already been successfully verified\.\n {4}default:\n {6}return 'unknown';\n {2}\}/);
  });

  it('offers nothing once every code is handled: the applied edit is the whole switch', () => {
    const { doc, actions } = actionsAt(TS_WITH_DEFAULT, 'ts');
    const after = TextDocument.create(doc.uri, 'typescript', 2, applied(doc, actions[0]));
    assert.deepEqual(switchActions(after, analyze(after, registry, defaultSettings)!, registry, { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }), []);
  });

  it('without a default, adds the cases after the last one over a break, leaving what the switch did unchanged', () => {
    const src = [
      'function explain(body) {',
      '  switch (body.code) {',
      '    case 5004:',
      "      return 'liveness'; // the common one",
      '    case 5010:',
      "      return 'expired';",
      '  }',
      '  return null;‸',
      '}',
    ].join('\n');
    // The caret is outside the switch: nothing.
    assert.deepEqual(actionsAt(src, 'ts').actions, []);
    const { doc, actions } = actionsAt(src.replace('  switch', `  ${CARET}switch`).replace('null;‸', 'null;'), 'ts');
    assert.equal(actions.length, 1);
    const text = applied(doc, actions[0]);
    assert.match(text, /return 'expired';\n {4}case 1: \/\/ UNAUTHORIZED/);
    assert.match(text, /\n {4}case 8024: \/\/ USER_ALREADY_VERIFIED[^\n]*\n {6}break; \/\/ TODO: handle\n {2}\}\n {2}return null;/);
    assert.match(text, /return 'liveness'; \/\/ the common one\n {4}case 5010:/);
  });

  it('writes codes as the cases do: quoted strings in their quote character', () => {
    const single = actionsAt("switch (res.data.code) {\n  case '5004': ‸return 1;\n  default: return 0;\n}\n", 'ts');
    const text = applied(single.doc, single.actions[0]);
    assert.match(text, /\n {2}case '8024': \/\/ USER_ALREADY/);
    assert.equal(count(text, /case \d/g), 0);
    const double = actionsAt('switch (res.data.code) {\n  case "5004": ‸return 1;\n}\n', 'ts');
    assert.match(applied(double.doc, double.actions[0]), /\n {2}case "5001": \/\/ WORKFLOW_RULES_MISSING/);
  });

  it("AILabTools' string codes, as strings even when written bare would be a name", () => {
    const src = [
      'async function run(res: { data: { error_code: string } }) {',
      '  switch (res.data.error_code) {',
      "    case 'ERROR_NO_FACE_IN_FILE':",
      '      return 1;',
      "    case 'ERROR_BLURRY_FACE':‸",
      '      return 2;',
      '  }',
      '}',
    ].join('\n');
    const { doc, actions } = actionsAt(src, 'ts');
    const all = registry.vendors.get('ailabtools')!.entries;
    assert.equal(actions[0].title, `Add cases for the ${all.length - 2} unhandled AILabTools codes`);
    const text = applied(doc, actions[0]);
    for (const e of all) assert.equal(count(text, new RegExp(`case '${e.code}':`, 'g')), 1, e.code);
    assert.match(text, /\n {4}case 'ERROR_PARAMETERS': \/\/ Invalid parameters\.\n/);
  });

  it('the indentation of tab-indented switches whose cases sit at the switch level', () => {
    const { doc, actions } = actionsAt("function f(e) {\n\tswitch (e.code) {\n\tcase 5004:\n\t\treturn 1;\n\tcase 8024:‸\n\t\treturn 2;\n\t}\n}\n", 'ts');
    assert.match(applied(doc, actions[0]), /\treturn 2;\n\tcase 1: [^\n]*\n[^]*\tcase 5014: [^\n]*\n\t\tbreak; \/\/ TODO: handle\n\t\}/);
  });

  it('a switch on one line stays valid: the cases go before its closing brace', () => {
    const { doc, actions } = actionsAt('function f(e) { switch (e.code) { case 5004: return 1; case 8024: ‸return 2; } }\n', 'ts');
    const text = applied(doc, actions[0]);
    assert.match(text, /case 8024: return 2;\n {2}case 1: /);
    assert.match(text, /\n {4}break; \/\/ TODO: handle\n \} \}\n$/);
  });

  it('nested switches: the innermost switch over a code key around the range', () => {
    const src = [
      'function f(err) {',
      '  switch (err.code) {',
      '    case 5004:‸1',
      '      switch (err.detail.status) {',
      '        case 604:‸2',
      '          return "no face";',
      '        case 490:',
      '          return "small face";',
      '      }',
      '      switch (kind) {',
      '        case "a":‸3',
      '          return 1;',
      '      }',
      '      break;',
      '    default:',
      '      return "x";',
      '  }',
      '}',
    ].join('\n');
    const at = (marker: string) => actionsAt(src.replace(`‸${marker}`, CARET).replace(/‸\d/g, ''), 'ts');
    const outer = at('1');
    assert.match(outer.actions[0].title, /Faceki codes$/);
    assert.equal(editOf(outer.doc, outer.actions[0]).range.start.line, 14);
    const inner = at('2');
    assert.equal(inner.actions.length, 1);
    assert.equal(inner.actions[0].title, `Add cases for the ${registry.vendors.get('riset-face')!.entries.length - 2} unhandled Riset.ai Face API codes`);
    const text = applied(inner.doc, inner.actions[0]);
    assert.match(text, /return "small face";\n {8}case 200: \/\/ Success messages\n/);
    assert.match(text, /\n {10}break; \/\/ TODO: handle\n {6}\}\n {6}switch \(kind\)/);
    // A switch over something else is no code switch: the enclosing code switch is the one around the range.
    assert.match(at('3').actions[0].title, /Faceki codes$/);
  });

  it('no action for a switch over something that is no code key, over an HTTP status, or of mostly other codes', () => {
    assert.deepEqual(actionsAt('switch (kind) {\n  case 5004: ‸return 1;\n  case 8024: return 2;\n}\n', 'ts').actions, []);
    assert.deepEqual(actionsAt('switch (res.statusCode) {\n  case 404: ‸return 1;\n  case 500: return 2;\n}\n', 'ts').actions, []);
    assert.deepEqual(actionsAt('switch (res.status) {\n  case 404: ‸return 1;\n  case 503: return 2;\n}\n', 'ts').actions, []);
    assert.deepEqual(actionsAt("switch (err.code) {\n  case 'ERR_INVALID_ARG_TYPE': ‸return 1;\n  case 'ERR_OUT_OF_RANGE': return 2;\n  case 'ERROR_BLURRY_FACE': return 3;\n}\n", 'ts').actions, []);
  });

  it('all handled: nothing', () => {
    const cases = FACEKI.map((c) => `  case ${c}:\n`).join('');
    assert.deepEqual(actionsAt(`switch (body.code) {\n${cases}    ‸return 1;\n}\n`, 'ts').actions, []);
  });

  it('comes with the quick fixes of the same range; the CLI still applies only the quick fix', () => {
    const { doc } = docOf('switch (body.code) {\n  case 5004: return 1;\n  case 5099: return 2;\n}\n', 'ts');
    const analysis = analyze(doc, registry, defaultSettings)!;
    const diagnostics = doValidation(doc, analysis, registry, defaultSettings);
    assert.equal(diagnostics.length, 1);
    const actions = doCodeActions(doc, analysis, registry, defaultSettings, diagnostics[0].range, diagnostics);
    assert.deepEqual(actions.map((a) => a.kind), [CodeActionKind.QuickFix, IGNORE_ACTION_KIND, CodeActionKind.RefactorRewrite]);
    assert.equal(actions[2].title, `Add cases for the ${FACEKI.length - 1} unhandled Faceki codes`);
    const sole = actionsAt('switch (body.code) {\n  case 5004: return 1;\n  case 509: return 2;\n}\n', 'ts');
    const soleAnalysis = analyze(sole.doc, registry, defaultSettings)!;
    const fixes = unambiguousFixEdits(sole.doc, soleAnalysis, doValidation(sole.doc, soleAnalysis, registry, defaultSettings), registry, defaultSettings);
    assert.equal(fixes.length, 1, 'neither the switch action nor the ignore action makes the quick fix ambiguous');
  });
});

describe('exhaustive switch: Python match', () => {
  const PY = [
    'def message(response):',
    '    match response.json()["code"]:',
    '        case 5004:',
    '            return "liveness"',
    '        case 5010 | 8024:‸',
    '            return "expired or done"',
    '        case _:  # anything else',
    '            log(response)',
    '            return "unknown"',
    '',
    '    return None',
    '',
  ].join('\n');

  it('reads an or-pattern as cases (hover and handled codes)', () => {
    const cases = (src: string, ext: string) => {
      const { doc } = docOf(src, ext);
      const analysis = analyze(doc, registry, defaultSettings)!;
      return analysis.occurrences.toArray().map((o, i) => ({ ...o, vendor: analysis.resolve(i).candidates[0]?.vendor })).filter((o) => o.via === 'case').map((o) => `${o.code} ${o.vendor}`);
    };
    assert.deepEqual(cases('match body["code"]:\n    case 5010 | 8024:\n        pass\n    case (\n        "5004"  # a comment\n        | "8008"\n    ):\n        pass\n', 'py'), ['5010 faceki', '8024 faceki', '5004 faceki', '8008 faceki']);
    // Not when something else is in the pattern (a capture, a guard's expression).
    assert.deepEqual(cases('match body["code"]:\n    case 5010 | x:\n        pass\n', 'py'), []);
    // In TS `|` is arithmetic: no case.
    assert.deepEqual(cases('switch (body.code) {\n  case 5010 | 8024: break;\n}\n', 'ts'), []);
  });

  it("before case _: one or-pattern case, a line per code, with a copy of the wildcard's body so those codes do what they did", () => {
    const { doc, actions } = actionsAt(PY, 'py');
    assert.equal(actions[0].title, `Add cases for the ${FACEKI.length - 3} unhandled Faceki codes`);
    const text = applied(doc, actions[0]);
    const missing = FACEKI.filter((c) => !['5004', '5010', '8024'].includes(c));
    const pattern = missing.map((c, i) => `            ${i ? '| ' : ''}${c}  # [^\n]*\n`).join('');
    assert.match(text, new RegExp(`return "expired or done"\n {8}case \\(\n${pattern.replace(/[|()]/g, '\\$&')} {8}\\):\n {12}# TODO: handle \\(does what case _ does\\)\n {12}# anything else\n {12}log\\(response\\)\n {12}return "unknown"\n {8}case _:  # anything else\n {12}log\\(response\\)\n {12}return "unknown"\n\n {4}return None\n$`));
    const after = TextDocument.create(doc.uri, 'python', 2, text);
    assert.deepEqual(switchActions(after, analyze(after, registry, defaultSettings)!, registry, { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }), []);
  });

  it('a one-code case; a wildcard body on its own line moves below the new header', () => {
    const cases = FACEKI.filter((c) => c !== '8024').map((c) => `    case "${c}":\n        pass\n`).join('');
    const { doc, actions } = actionsAt(`match body["code"]:\n${cases}    case _: return "other"‸\n`, 'py');
    assert.equal(actions[0].title, 'Add a case for the 1 unhandled Faceki code');
    assert.match(applied(doc, actions[0]), /\n {4}case "8024":  # USER_ALREADY_VERIFIED — [^\n]*\n {8}# TODO: handle \(does what case _ does\)\n {8}return "other"\n {4}case _: return "other"\n$/);
  });

  it('without case _: after the last case, with pass', () => {
    const { doc, actions } = actionsAt('match body["code"]:\n    case 5004:\n        retry()‸  # once\nprint(1)\n', 'py');
    assert.match(applied(doc, actions[0]), /retry\(\)  # once\n {4}case \(\n {8}1  # [^\n]*\n[^]*\n {8}\| 8024  # [^\n]*\n {4}\):\n {8}pass  # TODO: handle\nprint\(1\)\n$/);
  });
});

describe('exhaustive switch: PHP', () => {
  it('stacks the cases before default: in a PHP switch', () => {
    const src = [
      '<?php',
      'function message(array $body): string {',
      "    switch ($body['code']) {",
      '        case 5004:',
      "            return 'liveness';",
      '        case 8024:‸',
      "            return 'verified';",
      '        default:',
      "            return 'unknown';",
      '    }',
      '}',
    ].join('\n');
    const { doc, actions } = actionsAt(src, 'php');
    const text = applied(doc, actions[0]);
    assert.match(text, /return 'verified';\n {8}case 1: \/\/ UNAUTHORIZED/);
    assert.match(text, /\n {8}case 5014: \/\/ AGE_MISMATCH[^\n]*\n {8}default:\n {12}return 'unknown';/);
    for (const code of FACEKI) assert.equal(count(text, new RegExp(`case ${code}:`, 'g')), 1, code);
  });
});

describe('exhaustive switch: registry text in comments', () => {
  const evil = new Registry([
    {
      origin: 'workspace',
      file: 'evil.errorcodes.json',
      data: {
        vendor: { id: 'evil', displayName: 'Evil\nCorp' },
        entries: [
          { code: 'EVIL_ONE', title: 'One', description: 'fine', category: 'x' },
          { code: 'EVIL_TWO', title: 'Two */ alert(1); /*', description: 'line\nbreak\u2028sep\u2029para \u202eRTL ?> <?php system(1);', category: 'x' },
          { code: 'not a code', title: 'Three', description: 'x', category: 'x' },
        ],
      },
    },
  ]);

  it('is one line without comment terminators; codes that cannot be written as a literal are left out', () => {
    const { doc, actions } = actionsAt("switch (err.code) {\n  case 'EVIL_ONE': ‸return 1;\n}\n", 'ts', evil);
    assert.equal(actions[0].title, 'Add a case for the 1 unhandled Evil Corp code');
    const { newText } = editOf(doc, actions[0]);
    assert.equal(newText, "\n  case 'EVIL_TWO': // Two * / alert(1); /* — line break sep para RTL ? > <?php system(1);\n    break; // TODO: handle");
  });

  it('comment text: one line, bounded, name and title once', () => {
    assert.equal(commentText('a\r\nb\tc  d'), 'a b c d');
    assert.equal(commentText('x'.repeat(300)).length, 160);
    assert.ok(commentText('😀'.repeat(300)).endsWith('😀…'));
    const entry = registry.entry('faceki', '5004')!;
    assert.equal(caseComment(entry), 'SELFIE_LIVENESS_FAILED — Selfie liveness verification failed.');
  });
});
