/** YAML scanning, OpenAPI responses keys (YAML and JSON), their hovers, diagnostics and completion, and deep nesting. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLocation, visit } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, scanContext } from '../../server/src/service/analysis';
import { doComplete } from '../../server/src/service/completion';
import { doCodeActions } from '../../server/src/service/codeActions';
import { doValidation, Rule } from '../../server/src/service/diagnostics';
import { doHover } from '../../server/src/service/hover';
import { jsonLocation, walkJson } from '../../server/src/service/jsonWalk';
import { scanJson } from '../../server/src/service/scanJson';
import { scanYaml } from '../../server/src/service/scanYaml';
import { defaultSettings } from '../../server/src/settings';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vendorJson } from '../../bench/generate';
import { registry, root } from '../helpers';

/** `‸` marks the caret (YAML uses `|` for literal blocks). */
function doc(src: string, lang: string): { d: TextDocument; offset: number } {
  const offset = src.indexOf('‸');
  const text = offset >= 0 ? src.slice(0, offset) + src.slice(offset + 1) : src;
  return { d: TextDocument.create(`file:///t.${lang}`, lang, 1, text), offset };
}

function hover(src: string, lang = 'yaml'): string | null {
  const { d, offset } = doc(src, lang);
  const h = doHover(d, analyze(d, registry, defaultSettings)!, offset, registry);
  return h ? (h.contents as { value: string }).value : null;
}

const headline = (md: string | null) => (md ? md.split('\n')[0] : null);

/** Every occurrence as `code@via[:key]`, in text order. */
function found(text: string, lang = 'yaml'): string[] {
  const ctx = scanContext(registry, defaultSettings);
  const r = lang === 'yaml' ? scanYaml(text, ctx) : scanJson(text, ctx);
  return [...r.occurrences].map((o) => `${o.code}@${o.via}${o.key ? ':' + o.key : ''}`);
}

function diagnostics(text: string, lang = 'yaml') {
  const { d } = doc(text, lang);
  return doValidation(d, analyze(d, registry, defaultSettings)!, registry, defaultSettings).map((x) => ({ text: d.getText(x.range), code: x.code, message: x.message as string, data: x.data }));
}

function completion(src: string, lang = 'yaml') {
  const { d, offset } = doc(src, lang);
  return doComplete(d, analyze(d, registry, defaultSettings)!, offset, registry, defaultSettings);
}

const OPENAPI = `openapi: 3.0.3
info:
  title: Faces
  description: |
    Returns 404 when the gallery is gone; ERROR_NO_FACE_IN_FILE when no face.
paths:
  /v1/faces/{id}:
    get:
      description: >-
        Times out after 30 seconds, 5 MB at most, since 2024.
      responses:
        '200':
          description: OK
        "404": # not 500
          description: Not found
        '5XX':
          description: Server error
        4XX: {description: Client error}
        default:
          description: Anything else
components:
  responses:
    NotFound:
      description: gone
`;

describe('yaml: code positions', () => {
  const cases: [string, string, RegExp][] = [
    ['status: 412 with Riset sibling keys', 'status: 41‸2\nstatus_message: no face\ntrx_id: t-1\n', /^\*\*412\*\* · Riset\.ai Face API$/],
    ['code: "5004" (double-quoted)', 'code: "50‸04"\nmessage: liveness\n', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
    ["code: '5004' (single-quoted)", "code: '50‸04'\n", /^\*\*5004\*\*/],
    ['error_code: plain symbolic', 'error_code: ERROR_NO_FACE_IN_‸FILE\n', /AILabTools$/],
    ['statusCode: 413', 'statusCode: 41‸3\n', /^\*\*413\*\* · HTTP$/],
    ['nested under a sequence item', 'results:\n  - id: 1\n    code: 50‸04\n', /^\*\*5004\*\*/],
    ['compact sequence at the key column', 'results:\n- code: 8009\n- code: 50‸04\n', /^\*\*5004\*\*/],
    ['flow mapping', 'resp: {status: 45‸5, status_message: target_image is null}\n', /^\*\*455\*\* · Riset\.ai Face API$/],
    ['flow sequence under a code key', 'retry:\n  status: [502, 50‸3]\n', /^\*\*503\*\* · HTTP$/],
    ['block sequence under a code key', 'retry:\n  status:\n    - 502\n    - 50‸3\n', /^\*\*503\*\* · HTTP$/],
    ['value on the next line', 'status:\n  41‸3\n', /^\*\*413\*\*/],
    ['symbolic code in a plain scalar', 'message: upstream said FACE_NOT_FO‸UND twice\n', /Faceki$/],
    ['symbolic code in a comment', '# fails with SELFIE_LIVENESS_FA‸ILED when blurry\nx: 1\n', /Faceki$/],
    ['symbolic code in a literal block', 'notes: |\n  fails with ERROR_BLURRY_F‸ACE\n', /AILabTools$/],
    ['anchored value', 'base: &b\n  status: 41‸2\n  status_message: x\n', /Riset/],
    ['tagged value', 'status: !!int 41‸2\nstatus_message: x\n', /Riset/],
    ['explicit key', '? status\n: 41‸3\n', /^\*\*413\*\*/],
    ['second document', 'a: 1\n---\nstatusCode: 4‸29\n...\n', /^\*\*429\*\*/],
    ['CRLF line breaks', 'x: 1\r\nstatus: 41‸2\r\nstatus_message: m\r\n', /Riset/],
    ['key with a space before the colon', 'statusCode : 4‸29\n', /^\*\*429\*\*/],
  ];
  for (const [name, src, expected] of cases) {
    it(name, () => {
      const md = hover(src);
      assert.ok(md, `no hover in ${JSON.stringify(src)}`);
      assert.match(headline(md)!, expected);
    });
  }
});

describe('yaml: places that are not codes', () => {
  const cases: [string, string][] = [
    ['a port', 'server:\n  port: 80‸80\n'],
    ['a size', 'limits:\n  max_size: 41‸2\n'],
    ['a timeout', 'timeout: 50‸00\n'],
    ['a year', 'year: 20‸24\n'],
    ['a number in a comment', '# retry on 50‸3\nx: 1\n'],
    ['a number in a comment after a code key', 'status: 200 # not 50‸3\n'],
    ['a number in description prose', 'description: Returns 40‸4 when missing\n'],
    ['a number in a literal block under a code key', 'status: |\n  41‸2\n'],
    ['a number in a folded block', 'description: >\n  fails with 50‸04\n'],
    ['a number in a multi-line plain scalar', 'note: fails\n  with 50‸04\n'],
    ['zip_code', 'zip_code: 50‸04\n'],
    ['an alias', 'a: &x 412\nb: *‸x\n'],
    ['a key named status_message', 'status_message: 41‸2\n'],
    ['the key itself', 'sta‸tus: 412\n'],
    ['responses keys outside OpenAPI', 'responses:\n  "40‸4":\n    description: x\n'],
    ['components responses names', OPENAPI.replace('    NotFound:', '    "4‸04":')],
    ['a decimal', 'status: 40‸4.5\n'],
  ];
  for (const [name, src] of cases) it(name, () => assert.equal(hover(src), null, name));

  it('finds nothing but the codes in a mixed document', () => {
    const text = 'server:\n  port: 8080\n  timeout: 30\nlimits: {max_size: 5, year: 2024}\n# status: 500\ndescription: |\n  status: 404\nstatus: 412\n';
    assert.deepEqual(found(text), ['412@key:status']);
  });

  it('prose in a literal block yields only symbolic codes', () => {
    assert.deepEqual(found('text: |\n  status 412, code 5004 and ERROR_BLURRY_FACE\n'), ['ERROR_BLURRY_FACE@symbolic']);
  });
});

describe('yaml: vendor resolution from mappings', () => {
  it("Riset's keys in the same mapping make 412 Riset's", () => {
    assert.match(headline(hover('status: 41‸2\nstatus_message: x\n'))!, /Riset/);
  });
  it('a sibling mapping is not the context of a code', () => {
    const r = scanYaml('a:\n  status: 412\nb:\n  status_message: x\n', scanContext(registry, defaultSettings));
    assert.deepEqual(r.groups.hintKeys(r.occurrences.at(0).group), []);
    assert.deepEqual([...r.docHintKeys], [['status_message', 1]]);
  });
  it('keys merged from an anchored mapping count (<<: *base)', () => {
    const text = 'base: &riset\n  status_message: ok\n  trx_id: t\nother:\n  <<: *riset\n  status: "41‸2"\n';
    assert.match(headline(hover(text))!, /Riset/);
  });
  it('flow mapping keys are the context of its values', () => {
    assert.match(headline(hover('- {status: "41‸2", status_message: x}\n'))!, /Riset/);
  });
  it('each sequence item is its own mapping', () => {
    const ctx = scanContext(registry, defaultSettings);
    const r = scanYaml('- status: 412\n  trx_id: t\n- status: 413\n', ctx);
    const groups = [...r.occurrences].map((o) => r.groups.hintKeys(o.group));
    assert.deepEqual(groups, [['trx_id'], []]);
  });
});

describe('openapi: responses keys (YAML)', () => {
  it('finds every responses key and nothing in the prose', () => {
    assert.deepEqual(found(OPENAPI), ['ERROR_NO_FACE_IN_FILE@symbolic', '200@key:responses', '404@key:responses', '5XX@key:responses', '4XX@key:responses', 'default@key:responses']);
  });
  it("'404': hovers as HTTP", () => assert.match(headline(hover(OPENAPI.replace("\"404\"", '"40‸4"')))!, /^\*\*404\*\* · HTTP$/));
  it("'200': hovers as HTTP", () => assert.match(headline(hover(OPENAPI.replace("'200'", "'2‸00'")))!, /^\*\*200\*\* · HTTP$/));
  it('a 5XX range hovers with the class from the registry', () => {
    const md = hover(OPENAPI.replace("'5XX'", "'5‸XX'"))!;
    assert.match(md, /^\*\*5XX\*\* · HTTP/);
    assert.match(md, /5xx Server Error status \(500–599\)/);
    assert.match(md, /`500` Internal Server Error/);
  });
  it('default hovers', () => assert.match(hover(OPENAPI.replace('default:', 'defa‸ult:'))!, /every status this responses map does not list/));
  it('swagger: 2.0 documents too', () => {
    const text = "swagger: '2.0'\npaths:\n  /a:\n    get:\n      responses:\n        '41‸2': {description: x}\n";
    assert.match(headline(hover(text))!, /^\*\*412\*\* · HTTP$/);
  });
  it('per document: outside an OpenAPI document only a map whose keys are all statuses (multi-document)', () => {
    const text = 'kind: x\nresponses:\n  a:\n    responses:\n      "404": {}\n      greeting: {}\n---\nopenapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        "409": {}\n        greeting: {}\n';
    assert.deepEqual(found(text), ['409@key:responses']);
  });
  it('in a flow-style responses map', () => {
    const text = 'openapi: 3.0.0\npaths: {/a: {get: {responses: {"201": {description: c}, 4O4: {}}}}}\n';
    assert.deepEqual(found(text), ['201@key:responses', '4O4@key:responses']);
  });
  it('extension keys and names are no statuses', () => {
    const text = 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        x-codegen: 1\n        NotFound: {}\n        "204": {}\n';
    assert.deepEqual(found(text), ['204@key:responses']);
  });
  it('a responses key with a Riset-only number is not Riset’s', () => {
    const text = 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        "60‸4": {}\n';
    assert.equal(hover(text), null);
  });
});

describe('openapi: responses keys (JSON)', () => {
  const JSON_DOC = JSON.stringify({ openapi: '3.0.0', paths: { '/a': { get: { responses: { '200': { description: 'ok' }, '4XX': {}, default: {} } } } }, components: { responses: { '404': {} } } }, null, 2);
  it('finds the keys of operations’ responses objects only', () => {
    assert.deepEqual(found(JSON_DOC, 'json'), ['200@key:responses', '4XX@key:responses', 'default@key:responses']);
  });
  it('hovers a status and a range', () => {
    assert.match(headline(hover(JSON_DOC.replace('"200"', '"2‸00"'), 'json'))!, /^\*\*200\*\* · HTTP$/);
    assert.match(hover(JSON_DOC.replace('"4XX"', '"4‸XX"'), 'json')!, /4xx Client Error status \(400–499\)/);
  });
  it('without openapi/swagger at the top (embedded in a template or gateway file), only maps of statuses', () => {
    assert.deepEqual(found('{"paths": {"/a": {"get": {"responses": {"404": {}}}}}}', 'json'), ['404@key:responses']);
    assert.deepEqual(found('{"x": {"openapi": "3"}, "paths": {"/a": {"get": {"responses": {"404": {}, "note": {}}}}}}', 'json'), []);
  });
});

describe('openapi: diagnostics for keys that are no status', () => {
  const yaml = (key: string) => `openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        ${key}:\n          description: x\n`;
  it('"4O4" in YAML, with 404 offered as the fix', () => {
    const ds = diagnostics(yaml('"4O4"'));
    assert.equal(ds.length, 1);
    assert.equal(ds[0].text, '4O4');
    assert.equal(ds[0].code, Rule.UnknownCode);
    assert.match(ds[0].message, /4O4 is not an HTTP status code or range/);
    const { d } = doc(yaml('"4O4"'), 'yaml');
    const analysis = analyze(d, registry, defaultSettings)!;
    const raw = doValidation(d, analysis, registry, defaultSettings);
    assert.ok(doCodeActions(d, analysis, registry, defaultSettings, raw[0].range, raw).some((a) => a.title.startsWith('Replace with 404')));
  });
  it("'600' in YAML", () => assert.deepEqual(diagnostics(yaml("'600'")).map((x) => x.text), ['600']));
  it('a lower-case range says how to write it', () => assert.match(diagnostics(yaml("'5xx'"))[0].message, /upper-case X \(5XX\)/));
  it('"600" and "4O4" in JSON', () => {
    const text = JSON.stringify({ swagger: '2.0', paths: { '/a': { post: { responses: { '600': {}, '4O4': {}, '201': {} } } } } });
    assert.deepEqual(diagnostics(text, 'json').map((x) => x.text), ['600', '4O4']);
  });
  it('none for valid statuses, ranges and default', () => {
    assert.deepEqual(diagnostics(OPENAPI), []);
    assert.deepEqual(diagnostics(yaml("'418'")), []);
  });
  it('none outside OpenAPI documents', () => assert.deepEqual(diagnostics('responses:\n  x:\n    responses:\n      "4O4": {}\n'), []));
  it('a Riset-only number is still no HTTP status there', () => assert.match(diagnostics(yaml("'604'"))[0].message, /604 is not an HTTP status/));
});

describe('openapi: completion of status keys', () => {
  const labels = (l: ReturnType<typeof completion>) => (l?.items ?? []).map((i) => i.label);
  const head = 'openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n';
  it('YAML: a new key under responses', () => {
    const l = completion(`${head}        '200': {description: ok}\n        4‸\n`)!;
    assert.ok(labels(l).includes('404') && labels(l).includes('4XX'));
    assert.ok(!labels(l).includes('200'));
    assert.equal(l.items.find((i) => i.label === '404')!.textEdit!.newText, "'404':");
  });
  it('YAML: inside quotes only the status goes in', () => {
    const l = completion(`${head}        "5‸"\n`)!;
    assert.equal(l.items.find((i) => i.label === '503')!.textEdit!.newText, '503');
  });
  it('YAML: default and ranges offered on an empty key', () => {
    const l = labels(completion(`${head}        ‸\n`));
    assert.ok(l.includes('default') && l.includes('5XX') && l.includes('201'));
  });
  it('YAML: not under other keys, not outside OpenAPI', () => {
    assert.equal(completion(`${head}        '200':\n          content:\n            4‸\n`), null);
    assert.equal(completion('paths:\n  /a:\n    get:\n      responses:\n        4‸\n'), null);
  });
  it('YAML: values of code keys', () => {
    assert.ok(labels(completion('status: 41‸\nstatus_message: x\n')).includes('412'));
    assert.ok(labels(completion('error_code: ERROR_NO_‸\n')).includes('ERROR_NO_FACE_IN_FILE'));
    assert.equal(completion('port: 80‸\n'), null);
  });
  it('JSON: a property name in a responses object', () => {
    const l = completion('{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {"4‸"}}}}}', 'json')!;
    assert.ok(labels(l).includes('404'));
    assert.equal(l.items.find((i) => i.label === '404')!.textEdit!.newText, '404');
    const empty = completion('{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {‸}}}}}', 'json')!;
    assert.equal(empty.items.find((i) => i.label === '404')!.textEdit!.newText, '"404"');
    assert.equal(completion('{"paths": {"/a": {"get": {"responses": {"4‸"}}}}}', 'json'), null);
  });
});

describe('deep nesting (issue 19, fault 5)', () => {
  const depth = 10000;
  it('JSON: a 10,000-deep document scans without overflowing the stack, with its code found', () => {
    const text = '{"a":'.repeat(depth) + '{"status": 404}' + '}'.repeat(depth);
    assert.deepEqual(found(text, 'json'), ['404@key:status']);
    assert.match(headline(hover(text.replace('404', '40‸4'), 'json'))!, /^\*\*404\*\*/);
  });
  it('JSON: arrays 10,000 deep', () => {
    const text = '{"x": ' + '['.repeat(depth) + '{"status": 404}' + ']'.repeat(depth) + '}';
    assert.deepEqual(found(text, 'json'), ['404@key:status']);
  });
  it('JSON completion location at depth (jsonc-parser getLocation overflowed the stack there)', () => {
    const text = '{"a":'.repeat(depth) + '{"status": }' + '}'.repeat(depth);
    const at = text.indexOf('"status": ') + 10;
    const loc = jsonLocation(text, at);
    assert.equal(loc.path.length, depth + 1);
    assert.equal(loc.path[loc.path.length - 1], 'status');
    assert.ok(completion(text.slice(0, at) + '‸' + text.slice(at), 'json')!.items.some((i) => i.label === '404'));
  });
  it('walkJson reports the same events as jsonc-parser visit on valid documents', () => {
    const dir = path.join(root, 'test', 'e2e', 'workspace');
    const texts = [vendorJson(200000, 3), '{"a": [1, {"b": "x\\"y", "c": -2.5e3}], // c\n "d": {"e": null, "f": true}, /* b */ "g": [] ,}'];
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const text of texts) {
      /** The container and separator events both walks share, recorded into a list. */
      const common = (into: unknown[]) => ({
        onObjectBegin: (o: number) => void into.push(['{', o]),
        onObjectEnd: (o: number) => void into.push(['}', o]),
        onArrayBegin: (o: number) => void into.push(['[', o]),
        onArrayEnd: (o: number) => void into.push([']', o]),
        onObjectProperty: (name: string, o: number, l: number) => void into.push(['key', name, o, l]),
        onSeparator: (c: string, o: number) => void into.push([c, o]),
      });
      const want: unknown[] = [];
      const kindOf = (v: unknown) => (typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'keyword');
      visit(text, { ...common(want), onLiteralValue: (v, o, l) => void want.push([kindOf(v), o, l]) }, { allowTrailingComma: true, disallowComments: false });
      const got: unknown[] = [];
      walkJson(text, { ...common(got), onLiteralValue: (kind, _v, o, l) => void got.push([kind, o, l]) });
      assert.deepEqual(got, want, `events of ${text.slice(0, 40)}`);
    }
  });
  it('jsonLocation agrees with getLocation on ordinary documents', () => {
    const text = '{"a": [1, {"b": "x", "c": 2}], "d": {"e": }, "f": "ERR", }';
    for (let at = 0; at <= text.length; at++) {
      const want = getLocation(text, at);
      const got = jsonLocation(text, at);
      assert.deepEqual(got.path, want.path, `path at ${at}`);
      assert.equal(got.isAtPropertyKey, want.isAtPropertyKey, `isAtPropertyKey at ${at}`);
      assert.deepEqual(got.previousNode && [got.previousNode.type, got.previousNode.offset, got.previousNode.length], want.previousNode && [want.previousNode.type, want.previousNode.offset, want.previousNode.length], `previousNode at ${at}`);
    }
  });
  it('YAML: 10,000-deep flow collections and block mappings', () => {
    assert.deepEqual(found('status: ' + '['.repeat(depth) + '404' + ']'.repeat(depth) + '\n'), ['404@key:status']);
    assert.deepEqual(found('{a: '.repeat(depth) + '{status: 404}' + '}'.repeat(depth) + '\n'), ['404@key:status']);
    let block = '';
    for (let i = 0; i < 2000; i++) block += ' '.repeat(i) + 'k:\n';
    block += ' '.repeat(2000) + 'status: 404\n';
    assert.deepEqual(found(block), ['404@key:status']);
  });
});

describe('yaml: malformed input', () => {
  it('unbalanced brackets, stray indicators and tabs do not throw and keep offsets inside the text', () => {
    const inputs = ['status: [404', 'status: 404]]}}', '{status: 412,,, : :', "code: '5004", 'code: "5004\n', '- - - ? : ] [', '\tstatus: 404', '%YAML 1.2\n---\nstatus: 404\n...\n...', '\ufeffstatus: 404'];
    for (const text of inputs) {
      const ctx = scanContext(registry, defaultSettings);
      for (const o of scanYaml(text, ctx).occurrences) {
        assert.ok(o.start >= 0 && o.end <= text.length, `range in ${JSON.stringify(text)}`);
        assert.equal(text.slice(o.start, o.end), o.code, `offsets in ${JSON.stringify(text)}`);
      }
    }
  });
});
