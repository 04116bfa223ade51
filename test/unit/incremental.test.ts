/**
 * Incremental analysis of logs against full analysis: after random edits (line breaks of every kind, codes, keys,
 * hint keys, access-log statuses typed and deleted across lines), the analysis brought forward from the previous
 * version must equal a fresh one — occurrences, their context, vendor evidence, resolution and diagnostics.
 * Seeded; the seed is printed.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { vendorLog } from '../../bench/generate';
import { loadBuiltinRegistry } from '../../server/src/registry';
import { analyze, type Analysis } from '../../server/src/service/analysis';
import { doValidation } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/settings';
import { AnalysisCache } from '../../server/src/utils/analysisCache';
import { PieceDocument } from '../../server/src/utils/pieceDocument';

const registry = loadBuiltinRegistry(path.resolve(__dirname, '..', '..', '..', 'data', 'registry'));
const settings = defaultSettings;

/** Everything observable about an analysis, with group numbers replaced by what the groups hold. */
function observable(analysis: Analysis, document: PieceDocument) {
  const { result } = analysis.scanned;
  return {
    occurrences: analysis.occurrences.toArray().map((o, i) => {
      const r = analysis.resolve(i);
      return {
        start: o.start,
        end: o.end,
        code: o.code,
        via: o.via,
        key: o.key,
        exactKey: o.exactKey,
        http: o.http,
        wholeString: o.wholeString,
        groupHints: o.group ? result.groups.hintKeys(o.group).join(',') : '',
        candidates: r.candidates.map((e) => e.vendor).join(','),
        localVendor: r.localVendor,
        resolvedVendor: r.resolvedVendor,
      };
    }),
    docHintKeys: [...result.docHintKeys].sort(),
    documentVendors: analysis.documentVendors,
    diagnostics: doValidation(document, analysis, registry, settings),
  };
}

const FRAGMENTS = [
  '\n', '\r\n', '\r', ' ', 'x', '=', ':', '"', '_', '5', '0', 'status=', 'status=412', 'upstream_status=503 ', 'code: 5004',
  '"status": "412"', 'error_code=ERROR_NO_FACE_IN_FILE', 'ERROR_BLURRY_FACE', 'ERROR_X_Y', 'trx_id=t-1 ', 'log_id=l-2',
  'facegallery_id=g', '"GET /a HTTP/1.1" 404 12', 'HTTP/2" 503 ', '10:00:01', 'latency=412ms',
];

describe('incremental log analysis', () => {
  it('equals a full analysis after every step of 1,500 random edit batches', () => {
    const seed = Number(process.env.ORACLE_SEED ?? Date.now() % 2 ** 31);
    console.log(`incremental log oracle: seed ${seed} (reproduce with ORACLE_SEED=${seed})`);
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(40), insert: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3 }).map((p) => p.join('')) });
    const batches = fc.sample(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1500, maxLength: 1500 }), { seed, numRuns: 1 })[0];
    const document = PieceDocument.create('file:///oracle.log', 'log', 1, vendorLog(20_000, seed));
    const failures: string[] = [];
    const cache = new AnalysisCache({ error: (m) => failures.push(m) });
    cache.get(document, registry, settings);
    let incremental = 0;
    batches.forEach((batch, step) => {
      for (const { at, remove, insert } of batch) {
        const length = document.getText().length;
        const start = document.positionAt(Math.floor(at * length));
        const end = document.positionAt(Math.floor(at * length) + remove);
        document.update([{ range: { start, end }, text: insert }], document.version + 1);
      }
      const got = cache.get(document, registry, settings)!;
      if (got.scanned.result.orphanGroups !== undefined) incremental++;
      const want = analyze(document, registry, settings)!;
      assert.deepEqual(observable(got, document), observable(want, document), `step ${step} (seed ${seed})`);
    });
    console.log(`incremental log oracle: ${incremental} of ${batches.length} analyses were incremental`);
    assert.deepEqual(failures, [], 'no incremental rescan failed');
    assert.ok(incremental > batches.length * 0.9, `only ${incremental} analyses took the incremental path`);
  });

  it('logs an incremental rescan that fails and answers with a full analysis', () => {
    const document = PieceDocument.create('file:///broken.log', 'log', 1, 'status=412\n');
    const failures: string[] = [];
    const cache = new AnalysisCache({ error: (m) => failures.push(m) });
    const first = cache.get(document, registry, settings)!;
    (first.scanned.result as { occurrences: unknown }).occurrences = null; // a bug's stand-in: the rescan throws
    document.update([{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, text: '500' }], 2);
    const next = cache.get(document, registry, settings)!;
    assert.deepEqual(next.occurrences.toArray().map((o) => o.code), ['500']);
    assert.equal(failures.length, 1);
    assert.match(failures[0], /Incremental rescan of file:\/\/\/broken\.log failed; scanned it whole instead: TypeError/);
  });

  it('falls back to a full analysis when the edits are not known or the settings changed', () => {
    const document = PieceDocument.create('file:///a.log', 'log', 1, 'status=412\ntrx_id=t-1 status=500\n');
    const cache = new AnalysisCache();
    cache.get(document, registry, settings);
    document.update([{ text: 'status=5004\n' }], 2);
    const replaced = cache.get(document, registry, settings)!;
    assert.equal(replaced.scanned.result.orphanGroups, undefined, 'a full replacement is a full scan');
    assert.deepEqual(replaced.occurrences.toArray().map((o) => o.code), ['5004']);
    document.update([{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, text: '411' }], 3);
    const other = { ...settings, codeKeys: [...settings.codeKeys, 'reason'] };
    assert.equal(cache.get(document, registry, other)!.scanned.result.orphanGroups, undefined, 'new settings: full scan');
    document.update([{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, text: '412' }], 4);
    const next = cache.get(document, registry, other)!;
    assert.notEqual(next.scanned.result.orphanGroups, undefined, 'same settings, known edit: incremental');
    assert.deepEqual(next.occurrences.toArray().map((o) => [o.code, o.start]), [['412', 7]]);
  });
});
