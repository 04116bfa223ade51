import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { wouldWalk } from '../../server/src/files/walk';
import { excludeTest } from '../../server/src/index/excludes';
import { fileUsage, handlesCodes, usageKey, type FileUsage } from '../../server/src/index/usage';
import { WorkspaceIndex } from '../../server/src/index/workspaceIndex';
import { coverageText, placesText, treeCoverage, unhandledOnly, buildTree, vendorText } from '../../client/src/treeModel';
import { analysisOf, registry } from '../helpers';

function usageOf(uri: string, text: string, languageId = 'typescript'): FileUsage {
  const doc = TextDocument.create(uri, languageId, 1, text);
  return fileUsage(doc, analysisOf(doc));
}

/** Each place of a file as `code:1` (handles) or `code:0`. */
function handlingOf(uri: string, text: string, languageId: string): string[] {
  const u = usageOf(uri, text, languageId);
  return [...Array(u.places.length / 6).keys()].map((p) => `${u.keys[u.places[p * 6]].split('\n')[1]}:${u.places[p * 6 + 5]}`);
}

const KYC = "// faceki\nswitch (data.code) {\n  case 5004: retry(); break;\n  case 8006: return 'no face';\n}\nif (data.code === 5004) {}";

describe('workspace index: places by file and by code', () => {
  it('keeps each place under its best entry, with its range', () => {
    const u = usageOf('file:///w/kyc.ts', KYC);
    assert.deepEqual(u.keys.sort(), [usageKey('faceki', '5004'), usageKey('faceki', '8006')].sort());
    assert.equal(u.places.length / 6, 3);
    assert.deepEqual([u.places[5], u.places[11], u.places[17]], [1, 1, 1]);
  });

  it('a name in a comment and a constant\'s definition are places, not handling; the constant\'s use handles', () => {
    const index = new WorkspaceIndex();
    index.set(usageOf('file:///w/c.ts', '// faceki: FACE_NOT_FOUND means no face\nconst FACE_TOO_SMALL = 8008;\nswitch (data.code) {\n  case FACE_TOO_SMALL: retry(); break;\n}'));
    assert.deepEqual(index.usage('faceki', '8006'), { vendor: 'faceki', code: '8006', places: 1, handledPlaces: 0, files: 1 });
    // The definition's name and value are one place (one line), the use another.
    assert.deepEqual(index.usage('faceki', '8008'), { vendor: 'faceki', code: '8008', places: 2, handledPlaces: 1, files: 1 });
  });

  it('coverage means handling: which places handle their code (TS)', () => {
    const handled = (text: string) => {
      const u = usageOf('file:///w/h.ts', `// faceki\n${text}`);
      return [...Array(u.places.length / 6).keys()].map((p) => `${u.keys[u.places[p * 6]].split('\n')[1]}:${u.places[p * 6 + 5]}`);
    };
    // Cases: a body of its own (each stacked label too) handles; break only, falling into default, a stub do not.
    assert.deepEqual(handled('switch (data.code) {\n  case 5004:\n  case 5005:\n    retry();\n    break;\n  case 8006:\n    break;\n  case 8008: // FACE_TOO_SMALL\n  default:\n    fail();\n}'), [
      '5004:1',
      '5005:1',
      '8006:0',
      '8008:0',
    ]);
    assert.deepEqual(handled('switch (data.code) {\n  case 5004: { return 1; }\n  case 8006: { break; }\n  case 8008: // FACE_TOO_SMALL\n    break; // TODO: handle\n}'), ['5004:1', '8006:0', '8008:0']);
    assert.deepEqual(handled('switch (data.code) {\n  case 5004:\n    return 1;\n  case 8008:\n}'), ['5004:1', '8008:0']);
    // Comparisons, membership, status arguments and tables handle; prose strings and comments do not.
    assert.deepEqual(handled('if (body.code === 5004) retry();'), ['5004:1']);
    assert.deepEqual(handled('if ([5004, 8006].includes(body.code)) retry();'), ['5004:1', '8006:1']);
    assert.deepEqual(handled("const msg = 'retry when SELFIE_LIVENESS_FAILED comes back';"), ['5004:0']);
    assert.deepEqual(handled("if (err.code === 'SELFIE_LIVENESS_FAILED') retry();"), ['5004:1']);
  });

  it('one place per line and code, ranged on the code: a case and its name in the comment; a constant\'s name and value', () => {
    const u = usageOf('file:///w/p.ts', '// faceki\nswitch (data.code) {\n  case 8004: // FACE_CROPPED — Face cropped\n    break;\n}\nif (a.code === 5004 || b.code === 5004) {}\nconst C = {\n  FACE_TOO_SMALL: 8008,\n};');
    const where = [...Array(u.places.length / 6).keys()].map((p) => `${u.keys[u.places[p * 6]].split('\n')[1]}@${u.places[p * 6 + 1]}:${u.places[p * 6 + 2]}-${u.places[p * 6 + 4]}=${u.places[p * 6 + 5]}`);
    assert.deepEqual(where, ['8004@2:7-11=0', '5004@5:15-19=1', '8008@7:18-22=0']);
  });

  it('PHP (from its language row): `case 404;` labels, `#` comments as stub marks, a `#[` attribute is code', () => {
    const handled = handlingOf(
      'file:///w/h.php',
      "<?php // faceki\nswitch ($body['code']) {\n  case 5004;\n    retry();\n    break;\n  case 8006:\n    # TODO: handle\n    break;\n  case 8008: # FACE_TOO_SMALL: small\n    #[Attr] fn() => 1;\n    break;\n  case 5010:\n    # only a comment\n    break;\n}\n",
      'php',
    );
    assert.deepEqual(handled, ['5004:1', '8006:0', '8008:1', '5010:0']);
  });

  it('Python: a case body of its own handles; pass and the switch action\'s marked copy of case _ do not', () => {
    const handled = handlingOf(
      'file:///w/h.py',
      '# faceki\nmatch body["code"]:\n    case 5004:\n        retry()\n    case 8006:\n        pass\n    case (\n        8008  # FACE_TOO_SMALL: small\n        | 5010  # x\n    ):\n        # TODO: handle (does what case _ does)\n        return "other"\n    case _:\n        return "other"\n',
      'python',
    );
    assert.deepEqual(handled, ['5004:1', '8006:0', '8008:0', '5010:0']);
  });

  it('counts places, handling places and files; replacing a file subtracts its old places', () => {
    const index = new WorkspaceIndex();
    index.set(usageOf('file:///w/a.ts', KYC));
    index.set(usageOf('file:///w/a.test.ts', '// faceki\nexpect(body.code).toBe(5004);'));
    assert.deepEqual(index.usage('faceki', '5004'), { vendor: 'faceki', code: '5004', places: 3, handledPlaces: 2, files: 2 });
    index.set(usageOf('file:///w/a.ts', '// faceki\nif (data.code === 8006) {}'));
    assert.deepEqual(index.usage('faceki', '5004'), { vendor: 'faceki', code: '5004', places: 1, handledPlaces: 0, files: 1 });
    assert.equal(index.occurrences, 2);
    assert.equal(index.placeBytes, 2 * 6 * 4);
  });

  it('deletes a file, and every file under a deleted folder (not a sibling with the same prefix)', () => {
    const index = new WorkspaceIndex();
    index.set(usageOf('file:///w/lib/a.ts', KYC));
    index.set(usageOf('file:///w/lib/deep/b.ts', KYC));
    index.set(usageOf('file:///w/library.ts', KYC));
    assert.equal(index.deleteUnder('file:///w/lib'), 2);
    assert.deepEqual(
      index.references('faceki', '8006').map((l) => l.uri),
      ['file:///w/library.ts'],
    );
    assert.equal(index.delete('file:///w/library.ts'), true);
    assert.equal(index.occurrences, 0);
    assert.deepEqual(index.codes(), []);
  });

  it('references come in file, then text order', () => {
    const index = new WorkspaceIndex();
    index.set(usageOf('file:///w/b.ts', KYC));
    index.set(usageOf('file:///w/a.ts', KYC));
    assert.deepEqual(
      index.references('faceki', '5004').map((l) => `${l.uri.slice(-4)}:${l.range.start.line}`),
      ['a.ts:2', 'a.ts:5', 'b.ts:2', 'b.ts:5'],
    );
  });

  it('coverage: codes of the vendor with a handling place, of all its codes', () => {
    const index = new WorkspaceIndex();
    index.set(usageOf('file:///w/a.ts', KYC));
    index.set(usageOf('file:///w/a.spec.ts', '// faceki\nexpect(r.code).toBe(5005);'));
    assert.deepEqual(index.coverage(registry, ['faceki']), [{ vendor: 'faceki', handled: 2, total: 24 }]);
  });

  it('symbols: by code, symbolic name, title and description words; all words must match', () => {
    const index = new WorkspaceIndex();
    index.set(usageOf('file:///w/a.ts', KYC));
    index.set(usageOf('file:///w/r.ts', 'const body = { facegallery_id: "g" };\nif (body.status === "412") {}'));
    // Labels: code, name, title, and the start of the description (VS Code filters the answer by them).
    const names = (q: string) => index.symbols(q, registry, () => true).map((s) => s.name.replace(/ — .*/, ''));
    assert.deepEqual(names('8006'), ['8006 FACE_NOT_FOUND']);
    assert.deepEqual(names('face_not_found'), ['8006 FACE_NOT_FOUND']);
    assert.deepEqual(names('selfie'), ['5004 SELFIE_LIVENESS_FAILED', '5004 SELFIE_LIVENESS_FAILED']);
    assert.deepEqual(names('verification'), ['5004 SELFIE_LIVENESS_FAILED', '5004 SELFIE_LIVENESS_FAILED'], 'a word of the description only');
    assert.deepEqual(names('detected'), ['412 · Face not detected']);
    assert.equal(index.symbols('8006', registry, () => true)[0].name, "8006 FACE_NOT_FOUND — The API couldn't find a face in the provided image. Please check the following Image…");
    assert.equal(index.symbols('412', registry, () => true)[0].name, '412 · Face not detected', 'a description that is the title is not repeated');
    assert.deepEqual(names('face zzz'), []);
    // A disabled vendor's codes are not symbols.
    assert.deepEqual(index.symbols('8006', registry, (v) => v !== 'faceki'), []);
  });

  it('source code handles codes; tests, specs, OpenAPI files and logs do not', () => {
    assert.equal(handlesCodes('ts', 'file:///w/src/kyc.ts'), true);
    assert.equal(handlesCodes('python', 'file:///w/app/views.py'), true);
    assert.equal(handlesCodes('ts', 'file:///w/src/kyc.test.ts'), false);
    assert.equal(handlesCodes('python', 'file:///w/tests/test_kyc.py'), false);
    assert.equal(handlesCodes('yaml', 'file:///w/openapi.yaml'), false);
    assert.equal(handlesCodes('log', 'file:///w/app.log'), false);
  });

  it('the test-file rule reads the path inside the workspace folder: a folder under tests/ is not all tests', () => {
    const doc = TextDocument.create('file:///home/me/tests/app/src/kyc.ts', 'typescript', 1, KYC);
    assert.deepEqual([...fileUsage(doc, analysisOf(doc), 'src/kyc.ts').places].filter((_, i) => i % 6 === 5), [1, 1, 1]);
    assert.deepEqual([...fileUsage(doc, analysisOf(doc)).places].filter((_, i) => i % 6 === 5), [0, 0, 0]);
  });
});

describe('workspace index: excludes', () => {
  const root = '/w';
  it("files.exclude globs are relative to the folder; false turns a glob off; `when` needs the sibling", () => {
    const test = excludeTest(root, { '**/build': true, 'out/**': true, '**/*.gen.ts': false, '**/*.js': { when: '$(basename).ts' } }, { '**/dist': true })!;
    const no = new Set<string>();
    assert.equal(test('/w/a/build', true, no), true);
    assert.equal(test('/w/out/x.ts', false, no), true);
    assert.equal(test('/w/src/out/x.ts', false, no), false, 'out/** is anchored at the folder');
    assert.equal(test('/w/x.gen.ts', false, no), false);
    assert.equal(test('/w/pkg/dist', true, no), true);
    assert.equal(test('/w/src/app.js', false, new Set(['app.ts', 'app.js'])), true);
    assert.equal(test('/w/src/app.js', false, new Set(['app.js'])), false);
  });

  it('ignores values that are not globs to booleans or when-clauses, and no rules is no test', () => {
    assert.equal(excludeTest(root, null, 7, ['**/x'], { '**/x': 'yes' }), undefined);
  });

  it('a file event is checked as the walk would: .gitignore on the way, node_modules, excludes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'would-walk-'));
    try {
      fs.mkdirSync(path.join(dir, 'src', 'gen'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', '.gitignore'), 'gen/\n');
      const options = { ignore: [], exclude: excludeTest(dir, { '**/build': true }) };
      assert.equal(wouldWalk(dir, path.join(dir, 'src', 'a.ts'), options), true);
      assert.equal(wouldWalk(dir, path.join(dir, 'src', 'gen', 'a.ts'), options), false);
      assert.equal(wouldWalk(dir, path.join(dir, 'node_modules', 'x', 'a.ts'), options), false);
      assert.equal(wouldWalk(dir, path.join(dir, 'build', 'a.ts'), options), false);
      assert.equal(wouldWalk(dir, path.join(dir, 'src', 'a.txt'), options), false, 'not a supported file');
      assert.equal(wouldWalk(dir, path.join(os.tmpdir(), 'elsewhere.ts'), options), false, 'outside the folder');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('tree: coverage texts and the unhandled-only filter', () => {
  const tree = buildTree({
    vendors: [
      {
        id: 'faceki',
        displayName: 'Faceki',
        origin: 'builtin',
        enabled: true,
        entries: ['5004', '5005', '8006'].map((code) => ({ code, title: `T${code}`, category: code.startsWith('8') ? 'Face' : 'Verification', origin: 'builtin' as const, tooltip: '' })),
      },
    ],
    notices: [],
  });
  const status = { state: 'ready' as const, files: 1, indexedFiles: 1, filesWithCodes: 1, occurrences: 3, skipped: 0, capped: false, builds: 1, bytes: 1, elapsedMs: 1, placeBytes: 60 };
  const coverage = treeCoverage({
    status,
    vendors: [{ vendor: 'faceki', handled: 1, total: 3 }],
    codes: [
      { vendor: 'faceki', code: '5004', places: 2, handledPlaces: 2, files: 1 },
      { vendor: 'faceki', code: '5005', places: 1, handledPlaces: 0, files: 1 },
    ],
  });
  const codes = tree[0].categories.flatMap((c) => c.codes);

  it('vendor row: its codes, "handled N of M codes", or "N unhandled of M codes" while only unhandled codes show', () => {
    assert.equal(vendorText(tree[0], undefined, false), '3 codes');
    assert.equal(vendorText(tree[0], coverage, false), 'handled 1 of 3 codes');
    assert.equal(vendorText(tree[0], coverage, true), '2 unhandled of 3 codes');
    assert.equal(vendorText(tree[0], { ...coverage, state: 'indexing' }, true), '2 unhandled of 3 codes (indexing…)');
    assert.equal(vendorText(tree[0], { ...coverage, state: 'off' }, true), '3 codes');
  });

  it('vendor: "handled N of M", marked while indexing; nothing with the index off', () => {
    assert.equal(coverageText(coverage, 'faceki'), 'handled 1 of 3');
    assert.equal(coverageText({ ...coverage, state: 'indexing' }, 'faceki'), 'handled 1 of 3 (indexing…)');
    assert.equal(coverageText({ ...coverage, state: 'off' }, 'faceki'), undefined);
  });

  it('code: its places, and whether any handles it', () => {
    assert.deepEqual(
      codes.map((n) => placesText(coverage, n)),
      ['2 places', '1 place, none handles it', undefined],
    );
  });

  it('unhandled only: handled codes and emptied categories go', () => {
    const left = unhandledOnly(tree[0], coverage);
    assert.deepEqual(
      left.map((c) => [c.label, c.codes.map((n) => n.entry.code)]),
      [
        ['Verification', ['5005']],
        ['Face', ['8006']],
      ],
    );
  });
});
