import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { buildBuiltinRegistry, buildValidatorModule } from '../../data/importer/builtin';
import { loadBuiltinRegistry, parseRegistryText, Registry } from '../../server/src/registry';
import type { RegistryFile } from '../../server/src/registryTypes';

const root = path.resolve(__dirname, '..', '..', '..');
const sources = path.join(root, 'data', 'sources');
const registry = loadBuiltinRegistry(path.join(root, 'data', 'registry'));

/** An independent, line-based reading of a seed page: the oracle the importer's output is checked against. */
function seedRows(file: string): { code: string; description: string; httpStatus?: number }[] {
  const lines = fs.readFileSync(path.join(sources, file), 'utf8').split('\n');
  const rows: { code: string; description: string; httpStatus?: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const faceki = /\(Code: (\d+)\)/.exec(line);
    if (faceki) {
      const desc = lines.slice(i + 1).find((l) => l.includes('**Description**'))!;
      rows.push({ code: faceki[1], description: desc.replace(/^\* \*\*Description\*\*: /, '').replace(/<br>$/, '') });
      continue;
    }
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/\*\*/g, ''));
    const strip = (c: string) => c.replace(/`/g, '');
    if (/^\d{3}$/.test(cells[0]) && /^`[A-Z_]+`$/.test(cells[1])) {
      rows.push({ code: strip(cells[1]), description: cells[2].replace(/\\_/g, '_'), httpStatus: Number(cells[0]) });
    } else if (/^`?\d{3}`?$/.test(cells[0])) {
      // Riset: Status Code | Type | Description; page 004: Status Code | API Message | Description | Details?
      const description = cells[3] ? `${cells[2]} ${cells[3]}` : cells[2];
      rows.push({ code: strip(cells[0]), description });
    }
  }
  return rows;
}

/** Markup is not data: autolinks and links keep their text, runs of white space are one space. */
const words = (s: string) =>
  s
    .replace(/<([^\s>]+@[^\s>]+|https?:\/\/[^\s>]+)>/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

describe('built-in registry against the seed pages', () => {
  const expected: [string, string, number][] = [
    ['000_528a0314762190a8.md', 'riset-face', 22],
    ['001_ebe591455ed24c80.md', 'riset-face', 32],
    ['002_e62e93a1c4bdfb77.md', 'faceki', 24],
    ['003_0151baf3652d2f7d.md', 'ailabtools', 126],
    ['004_bcf6708a78173ecc.md', 'http', 14],
  ];
  for (const [file, vendor, count] of expected) {
    it(`every row of ${file} is in ${vendor} with its description`, () => {
      const rows = seedRows(file);
      assert.equal(rows.length, count, `the page has ${count} codes`);
      for (const row of rows) {
        const entry = registry.entry(vendor, row.code);
        assert.ok(entry, `${vendor} ${row.code} is missing`);
        assert.equal(entry.description, words(row.description), `${vendor} ${row.code} description`);
        assert.ok(entry.sources?.includes(`data/sources/${file}`), `${vendor} ${row.code} records ${file}`);
        if (row.httpStatus !== undefined) assert.equal(entry.httpStatus, row.httpStatus);
      }
    });
  }

  it('has the expected vendor sizes and no duplicate code within a vendor', () => {
    const sizes = Object.fromEntries([...registry.vendors.values()].map((v) => [v.id, v.entries.length]));
    assert.equal(sizes['riset-face'], 32);
    assert.equal(sizes['faceki'], 24);
    assert.equal(sizes['ailabtools'], 126);
    assert.ok(sizes['http'] >= 60, 'http covers the IANA registry');
    for (const v of registry.vendors.values()) {
      const codes = v.entries.map((e) => e.code);
      assert.equal(new Set(codes).size, codes.length, `${v.id} has a duplicate code`);
    }
  });

  it('merges the two Riset pages, each entry naming its pages, 600-611 in their own category', () => {
    assert.deepEqual(registry.entry('riset-face', '412')!.sources, [
      'data/sources/000_528a0314762190a8.md',
      'data/sources/001_ebe591455ed24c80.md',
    ]);
    assert.deepEqual(registry.entry('riset-face', '604')!.sources, ['data/sources/001_ebe591455ed24c80.md']);
    const pl = registry.vendors.get('riset-face')!.entries.filter((e) => Number(e.code) >= 600);
    assert.equal(pl.length, 10);
    assert.ok(pl.every((e) => e.category === 'PeduliLindungi Error'));
    assert.equal(registry.entry('riset-face', '200')!.category, 'Success');
    assert.match(registry.entry('riset-face', '200')!.notes!.join(' '), /Succes"/);
  });

  it('resolves a Faceki numeric code and its symbolic name to the same entry', () => {
    assert.equal(registry.entry('faceki', '5004'), registry.entry('faceki', 'SELFIE_LIVENESS_FAILED'));
    assert.equal(registry.entry('faceki', '5004')!.name, 'SELFIE_LIVENESS_FAILED');
    assert.equal(registry.entry('faceki', '8024')!.name, 'USER_ALREADY_VERIFIED');
    assert.match(registry.entry('faceki', '5014')!.notes!.join(' '), /<br>/);
  });

  it('corrects HTTP 404 visibly and covers IANA codes beyond the page', () => {
    const e404 = registry.entry('http', '404')!;
    assert.equal(e404.title, 'Not Found');
    assert.match(e404.notes!.join(' '), /No Content/);
    for (const code of ['409', '422', '429', '418', '451', '511']) assert.ok(registry.entry('http', code), `http ${code}`);
    // 509 is not IANA-registered: it is there only in the unofficial tier, saying who sends it.
    assert.deepEqual(registry.entry('http', '509')?.unofficial?.usedBy, 'Apache HTTP Server with cPanel');
    assert.equal(registry.entry('http', '413')!.title, 'Payload Too Large');
    assert.equal(registry.entry('http', '404')!.docsUrl, 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Status/404');
  });

  it('gives AILabTools string codes their HTTP status', () => {
    const e = registry.entry('ailabtools', 'ERROR_NO_FACE_IN_FILE')!;
    assert.equal(e.httpStatus, 422);
    assert.equal(e.description, 'No face detected in the file.');
  });

  it('every generated file is valid against the schema (compiled afresh here)', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(fs.readFileSync(path.join(root, 'data', 'registry.schema.json'), 'utf8')),
    );
    for (const name of fs.readdirSync(path.join(root, 'data', 'registry'))) {
      const data = JSON.parse(fs.readFileSync(path.join(root, 'data', 'registry', name), 'utf8'));
      assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });
});

describe('npm run data is reproducible', () => {
  it('regenerates data/registry and the validator byte for byte', () => {
    const { files } = buildBuiltinRegistry(root);
    files.set('server/src/generated/validateRegistry.js', buildValidatorModule(root));
    for (const [rel, content] of files) {
      assert.equal(fs.readFileSync(path.join(root, rel), 'utf8'), content, `${rel} is stale: run npm run data`);
    }
  });
});

describe('registry loader', () => {
  const valid: RegistryFile = {
    vendor: { id: 'acme', displayName: 'Acme' },
    entries: [{ code: '1001', name: 'ACME_TOKEN_EXPIRED', title: 'Token expired', description: 'The token expired.', category: 'Auth' }],
  };

  it('accepts a valid file', () => {
    const parsed = parseRegistryText(JSON.stringify(valid), 'acme.errorcodes.json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.data!.entries.length, 1);
  });

  it('names file, entry and field in schema errors, with the range of the field', () => {
    const text = JSON.stringify({ ...valid, entries: [{ ...valid.entries[0], code: 'bad code' }] }, null, 2);
    const parsed = parseRegistryText(text, 'acme.errorcodes.json');
    assert.equal(parsed.data, undefined);
    assert.equal(parsed.problems.length, 1);
    const p = parsed.problems[0];
    assert.equal(p.file, 'acme.errorcodes.json');
    assert.match(p.message, /^entries\[0\] \(code "bad code"\), field "code": must be digits/);
    assert.equal(text.slice(p.offset, p.offset + p.length), '"code"');
  });

  it('reports unknown and missing properties', () => {
    const text = JSON.stringify({ vendor: { id: 'acme', colour: 'red' }, entries: [{ code: '1', title: 't', category: 'c' }] });
    const messages = parseRegistryText(text, 'f.json').problems.map((p) => p.message);
    assert.ok(messages.includes('vendor.colour: unknown property "colour"'), messages.join('\n'));
    assert.ok(messages.includes('entries[0] (code "1"): missing required property "description"'), messages.join('\n'));
  });

  it('reports duplicate codes and names within a file', () => {
    const text = JSON.stringify({ ...valid, entries: [valid.entries[0], { ...valid.entries[0], name: undefined }] }, null, 1);
    const problems = parseRegistryText(text, 'f.json').problems;
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /entries\[1\] \(code "1001"\), field "code": "1001" is already defined by entries\[0\]/);
  });

  it('reports JSON syntax errors with their offset, and refuses deep nesting and huge files', () => {
    const broken = parseRegistryText('{ "vendor": { "id": "acme" }, "entries": [ }', 'f.json');
    assert.ok(broken.problems.length >= 1);
    assert.match(broken.problems[0].message, /JSON syntax/);
    const deep = parseRegistryText('['.repeat(10000) + ']'.repeat(10000), 'deep.json');
    assert.match(deep.problems[0].message, /nesting is 10000 levels deep/);
    const huge = parseRegistryText(' '.repeat(17 * 1024 * 1024), 'huge.json');
    assert.match(huge.problems[0].message, /limited to 16 MB/);
  });

  // Behaviour only: how long it takes is the bench's to say, not a test's (a loaded machine failed this on time).
  it('loads a 10 MB registry file whole: every entry parsed, validated and indexed', () => {
    const entries = [];
    for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) {
      const e = { code: String(100000 + i), name: `BIG_CODE_${i}`, title: `Title ${i}`, description: 'd'.repeat(200), category: `C${i % 50}` };
      entries.push(e);
      size += JSON.stringify(e).length + 1;
    }
    const text = JSON.stringify({ vendor: { id: 'big' }, entries });
    const started = performance.now();
    const parsed = parseRegistryText(text, 'big.errorcodes.json');
    const reg = new Registry([{ data: parsed.data!, origin: 'workspace', file: 'big.errorcodes.json' }]);
    const ms = performance.now() - started;
    assert.deepEqual(parsed.problems, []);
    assert.equal(reg.vendors.get('big')!.entries.length, entries.length);
    console.log(`10 MB registry (${entries.length} entries) parsed, validated and indexed in ${ms.toFixed(0)} ms`);
  });

  it('indexes by vendor, code and symbolic name; later files override codes of the same vendor', () => {
    const override: RegistryFile = {
      vendor: { id: 'faceki' },
      entries: [{ code: '5004', name: 'SELFIE_LIVENESS_FAILED', title: 'Ours', description: 'Our words.', category: 'Verification' }],
    };
    const builtin = [...registry.vendors.values()].map((v) => ({
      data: { vendor: { id: v.id, displayName: v.displayName }, entries: v.entries },
      origin: 'builtin' as const,
      file: 'x',
    }));
    const merged = new Registry([...builtin, { data: override, origin: 'workspace', file: 'ws.errorcodes.json' }]);
    assert.equal(merged.entry('faceki', '5004')!.title, 'Ours');
    assert.equal(merged.entry('faceki', '5004')!.origin, 'workspace');
    assert.equal(merged.entry('faceki', 'SELFIE_LIVENESS_FAILED')!.title, 'Ours');
    assert.equal(merged.vendors.get('faceki')!.entries.length, 24);
    assert.deepEqual(registry.lookup('413').map((e) => e.vendor).sort(), ['http', 'riset-face']);
    assert.ok(registry.symbolicTokens.includes('ERROR_NO_FACE_IN_FILE'));
    assert.ok(registry.numericTokens.includes('8024'));
  });
});
