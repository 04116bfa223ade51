/**
 * Go, the language added as the proof of the recipe (issue 27): a tokenizer file (tokenizeGo.ts) and rows — the
 * language table's row and net/http's idioms — and everything else comes from the engine: hovers, diagnostics,
 * completion, quick fixes, the switch action.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/service/analysis';
import { doCodeActions } from '../../server/src/service/codeActions';
import { doValidation } from '../../server/src/service/diagnostics';
import { switchActions } from '../../server/src/service/exhaustive';
import { doHover } from '../../server/src/service/hover';
import { vendorConstants } from '../../server/src/service/typedConstants';
import { grammar, grammarSpans } from '../tokenizers/oracle';
import { defaultSettings } from '../../server/src/settings';
import { completionsAt, hoverAt, registry } from '../helpers';

const headline = (md: string | null) => (md ? md.split('\n')[0] : null);
const HEAD = 'package api\n\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n\n';
const doc = (src: string, name = 'handler.go') => TextDocument.create(`file:///svc/${name}`, 'go', 1, src);

describe('go: hovers', () => {
  const cases: [string, string, RegExp][] = [
    ['http.StatusNotFound', 'func f(w http.ResponseWriter) { w.WriteHeader(http.StatusNot|Found) }', /^\*\*404\*\* · HTTP$/],
    ['w.WriteHeader(404)', 'func f(w http.ResponseWriter) { w.WriteHeader(4|04) }', /^\*\*404\*\* · HTTP$/],
    ['http.Error(w, msg, 500)', 'func f(w http.ResponseWriter) { http.Error(w, "boom", 5|00) }', /^\*\*500\*\* · HTTP$/],
    ['a framework context: c.JSON(422, body)', 'func f(c *gin.Context) { c.JSON(4|22, gin.H{"error": "x"}) }', /^\*\*422\*\* · HTTP$/],
    ['an error→status table', 'var codes = map[error]int{\n\tErrA: 401,\n\tErrB: 4|03,\n\tErrC: 404,\n}\n', /^\*\*403\*\* · HTTP$/],
    ['switch resp.StatusCode, a case list', 'func f() {\n\tswitch resp.StatusCode {\n\tcase 404, 4|10:\n\t\treturn\n\t}\n}\n', /^\*\*410\*\* · HTTP$/],
    ['a comparison', 'func f() {\n\tif resp.StatusCode != 2|00 {\n\t\treturn\n\t}\n}\n', /^\*\*200\*\* · HTTP$/],
    ['testify: assert.Equal(t, 201, w.Code)', 'func TestX(t *testing.T) { assert.Equal(t, 2|01, w.Code) }', /^\*\*201\*\*/],
    ['a Faceki code in a switch over body.Code', 'func f() {\n\tswitch body.Code {\n\tcase 50|04:\n\tcase 8004:\n\t}\n}\n', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
    ['a symbolic code in a raw string', 'var s = `SELFIE_LIVENESS_|FAILED`\n', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
  ];
  for (const [name, src, expected] of cases) it(name, () => assert.match(headline(hoverAt(HEAD + src, 'go')) ?? 'no hover', expected));

  const silent: [string, string][] = [
    ['a duration', 'var timeout = 5|00 * time.Millisecond\n'],
    ['a printed number', 'func f() { fmt.Println("size", 2|00) }'],
    ['a number in a comment', '// returns 4|04 when missing\n'],
    ['a number in a raw string', 'var s = `status 4|04`\n'],
    ['a relational bound', 'func f() bool { return resp.StatusCode >= 5|00 }'],
  ];
  for (const [name, src] of silent) it(`silent: ${name}`, () => assert.equal(hoverAt(HEAD + src, 'go'), null));
});

describe('go: diagnostics, quick fixes, completion, the switch action', () => {
  it('a status no one defines in a switch over StatusCode, with the nearest statuses as fixes', () => {
    const d = doc(HEAD + 'func f() {\n\tswitch resp.StatusCode {\n\tcase 4044:\n\t}\n}\n');
    const analysis = analyze(d, registry, defaultSettings)!;
    const diagnostics = doValidation(d, analysis, registry, defaultSettings);
    assert.deepEqual(diagnostics.map((x) => x.code), ['unknown-code']);
    const fixes = doCodeActions(d, analysis, registry, defaultSettings, diagnostics[0].range, diagnostics).filter((a) => a.kind === 'quickfix');
    assert.ok(fixes.length === 0 || fixes.every((f) => /^Change to /.test(f.title)), fixes.map((f) => f.title).join(', '));
  });
  it('a typo of a Faceki name gets did-you-mean', () => {
    const d = doc(HEAD + 'const faceki = "faceki"\nvar code = "SELFIE_LIVENESS_FAILD"\n');
    const diagnostics = doValidation(d, analyze(d, registry, defaultSettings)!, registry, defaultSettings);
    assert.deepEqual(diagnostics.map((x) => x.code), ['did-you-mean']);
  });
  it('no number diagnostics in _test.go files', () => {
    const d = doc(HEAD + 'func TestX(t *testing.T) {\n\tswitch resp.StatusCode {\n\tcase 4044:\n\t}\n}\n', 'handler_test.go');
    assert.deepEqual(doValidation(d, analyze(d, registry, defaultSettings)!, registry, defaultSettings), []);
  });
  it('completion after case in a switch over a Faceki code key offers Faceki codes', () => {
    const list = completionsAt('package p\nfunc f() {\n\tswitch body.Code {\n\tcase 5004:\n\tcase 80|\n\t}\n}\n', 'go');
    assert.ok(list);
    assert.ok(list.items.some((i) => i.label === '8008'), list.items.map((i) => i.label).slice(0, 10).join(', '));
  });
  it('the switch action adds the missing Faceki codes as one case list (Go cases do not fall through)', () => {
    const src = 'package p\nfunc f() {\n\tswitch body.Code {\n\tcase 5004:\n\t\tretry()\n\tcase 8004:\n\t\tfail()\n\tdefault:\n\t\tlog()\n\t}\n}\n';
    const d = doc(src);
    const at = d.positionAt(src.indexOf('switch'));
    const actions = switchActions(d, analyze(d, registry, defaultSettings)!, registry, { start: at, end: at });
    assert.equal(actions.length, 1);
    const edit = actions[0].edit!.changes![d.uri][0];
    const after = TextDocument.applyEdits(d, [edit]);
    // One `case a,\n\tb,\n\t…: // …` before `default:`, with default's body copied so the codes behave as before.
    assert.match(after, /\tcase 1,  \/\/ [^\n]*\n\t\t/);
    assert.match(after, /:  \/\/ [^\n]*\n\t\t\/\/ TODO: handle \(does what default does\)\n\t\tlog\(\)\n\tdefault:\n\t\tlog\(\)/);
    const reanalysed = analyze(doc(after), registry, defaultSettings)!;
    const faceki = registry.vendors.get('faceki')!.entries.filter((e) => /^\d+$/.test(e.code)).length;
    let cases = 0;
    for (let i = 0; i < reanalysed.occurrences.length; i++) if (reanalysed.occurrences.via(i) === 'case') cases++;
    assert.equal(cases, faceki, 'every Faceki code is a case after the action');
  });
});

describe('go: typed constants', () => {
  it('"Insert Constants for Vendor…" writes a const block that tree-sitter-go parses and whose every value hovers as its entry', async () => {
    const parser = await grammar('go');
    for (const vendor of registry.vendors.values()) {
      const before = 'package codes\n';
      const result = vendorConstants(registry, vendor.id, { style: 'object', text: before, go: true })!;
      const d = doc(TextDocument.applyEdits(doc(before), [result.edit]), `${vendor.id}.go`);
      const text = d.getText();
      assert.deepEqual(grammarSpans(parser, 'go', text).errors, [], `${vendor.id}: the block is Go`);
      assert.match(text, /^const \($/m);
      const analysis = analyze(d, registry, defaultSettings)!;
      const own = vendor.entries.filter((e) => !e.unofficial);
      assert.equal(result.members, own.length);
      for (const e of own) {
        const value = /^\d+$/.test(e.code) ? e.code : JSON.stringify(e.code);
        const at = text.search(new RegExp(`^\\t\\w+ = ${value.replace(/"/g, '\\"')}$`, 'm'));
        assert.ok(at >= 0, `${vendor.id} ${e.code}: a member`);
        const offset = text.indexOf(value, at) + (value.startsWith('"') ? 1 : 0);
        const md = (doHover(d, analysis, offset, registry)?.contents as { value: string } | undefined)?.value ?? '';
        assert.ok(md.replace(/\\/g, '').startsWith(`**${e.code}**`) && md.split('\n')[0].includes(registry.displayName(vendor.id)), `${vendor.id} ${e.code}: ${md.split('\n')[0]}`);
      }
    }
  });
});
