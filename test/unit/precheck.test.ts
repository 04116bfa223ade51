/**
 * The TS/JS precheck (server/src/service/precheck.ts) must be exact: a file it skips gives no occurrence, no hint key
 * and no keyed switch when scanned in full. Checked over every TS/JS file of the corpus and of this repository, and
 * on one small example per way the engine emits an occurrence (none of which may be skipped). Failures print counts
 * only (the corpus's held-out files are not listed one by one).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { scan, scanContext, skippedByPrecheck } from '../../server/src/service/analysis';
import { defaultSettings } from '../../server/src/settings';
import { registry, root } from '../helpers';

const TS = /\.(?:[cm]?[jt]sx?)$/;

function files(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') files(p, out);
    } else if (e.isFile() && TS.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

describe('TS/JS precheck', () => {
  const ctx = scanContext(registry, defaultSettings);
  const full = { ...ctx, precheck: undefined };
  const holds = (text: string) => {
    const r = scan('ts', text, full);
    return r.occurrences.length > 0 || r.docHintKeys.size > 0 || [...r.groups.switchShapes()].some(([, s]) => s.key !== undefined);
  };

  it('is built for the default settings', () => assert.ok(ctx.precheck?.length));

  it('skips no file of the corpus or of this repository that holds a code', () => {
    const all = [...files(path.join(root, 'test', 'corpus', 'files')), ...['server', 'client', 'test', 'bench', 'scripts'].flatMap((d) => files(path.join(root, d)))];
    let skipped = 0;
    let wrong = 0;
    for (const file of all) {
      const text = fs.readFileSync(file, 'utf8');
      if (!skippedByPrecheck(text, ctx)) continue;
      skipped++;
      if (holds(text)) wrong++;
    }
    assert.ok(all.length > 500, `${all.length} files`);
    assert.equal(wrong, 0, `${wrong} of ${skipped} skipped files (of ${all.length}) hold occurrences`);
  });

  it('does not skip one example of each way a code is found', () => {
    const examples = [
      'if (res.status === 299) {}', // a code key, any number
      'const x = { errorCode: 7 };',
      'const y = { statusCodeToFailOn: 299 };', // an HTTP key with a purpose word
      'if (getstatus() === 299) {}', // a getter's key
      'const m = { httpStatusValue: 299 };', // a type suffix
      'res.sendStatus(299);', // a status call
      'client.throw(299);',
      'ctx. /* why */ assert(ok, 499);',
      'nock(u).get(p).reply(() => [299]);',
      'const spec = { responses: { 299: {} } };',
      'const t = STATUS_CODES[299];',
      'const u = statusMessages[299];',
      'const l = [200, 404, 500];', // HTTP statuses as digits
      "const s = 'FOO_BAR';", // an UPPER_SNAKE string
      '// SELFIE_LIVENESS_FAILED', // a registry symbolic token
      'const c = HttpStatusCode.NotFound;', // a qualified constant
      'const d = http.StatusNotFound;',
      'const e = HTTP_NOT_FOUND;', // a family constant
      'const f = { sc_ok: 299 };', // a prefixed reason name
      'const g = { oK: 299 };', // a name of two words
      "const h = { 'Face too small': 8009 };", // a vendor's title as a key
    ];
    for (const text of examples) {
      assert.ok(holds(text), `the example holds a code: ${text}`);
      assert.equal(skippedByPrecheck(text, ctx), false, text);
    }
  });

  it('skips plain code', () => {
    for (const text of ['const a = 1 + 2;', 'function f(x) { return x.map((y) => y * 2); }', '// a comment about 42 things']) {
      assert.equal(holds(text), false, text);
      assert.equal(skippedByPrecheck(text, ctx), true, text);
    }
  });
});
