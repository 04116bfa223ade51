/**
 * The structure holds (issue 27): no import cycle anywhere in the product's code, and layers that only point down —
 * the protocol and the settings reader import nothing of ours; the service (the engine and its features) imports no
 * front end; the file layer and the index import no front end either; the client reaches the server only through the
 * protocol and the settings reader. The graph is madge's (type imports included), so a cycle through types counts too.
 * It covers server/src, client/src and data/ (the importer and the vendor sources' scripts).
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import madge from 'madge';
import { root } from '../helpers';

let graph: Record<string, string[]>;
let cycles: string[][];

before(async () => {
  const result = await madge(['server/src', 'client/src', 'data'].map((d) => path.join(root, d)), {
    baseDir: root,
    fileExtensions: ['ts'],
    tsConfig: path.join(root, 'tsconfig.json'),
  });
  graph = result.obj();
  cycles = result.circular();
});

/** Imports of ours from files under `from` that land under one of `forbidden`. */
function crossings(from: string, forbidden: string[], allowed: string[] = []): string[] {
  const out: string[] = [];
  for (const [file, deps] of Object.entries(graph)) {
    if (!file.startsWith(from)) continue;
    for (const dep of deps) {
      if (allowed.some((a) => dep.startsWith(a))) continue;
      if (forbidden.some((f) => dep.startsWith(f))) out.push(`${file} → ${dep}`);
    }
  }
  return out;
}

describe('dependencies', () => {
  it('reads the code (a graph of the product’s files)', () => {
    assert.ok(Object.keys(graph).length > 100, `${Object.keys(graph).length} files`);
    assert.ok(graph['server/src/server.ts']?.length > 5);
    assert.ok(Object.keys(graph).some((f) => f.startsWith('data/')), 'data/ is in the graph');
  });
  it('no import cycle', () => assert.deepEqual(cycles, []));
  it('the protocol imports nothing of ours', () => assert.deepEqual(graph['server/src/protocol.ts'], []));
  it('the settings reader imports nothing of ours', () => assert.deepEqual(graph['server/src/settings.ts'], []));
  it('the service imports no front end', () => {
    assert.deepEqual(crossings('server/src/service/', ['server/src/server.ts', 'server/src/cli/', 'server/src/index/', 'server/src/summary/', 'server/src/action/', 'server/src/standalone.ts', 'client/']), []);
  });
  it('the file layer and the index stand on no front end', () => {
    assert.deepEqual(crossings('server/src/files/', ['server/src/cli/', 'server/src/index/', 'server/src/server.ts', 'client/']), []);
    assert.deepEqual(crossings('server/src/index/', ['server/src/cli/', 'server/src/action/', 'server/src/server.ts', 'client/']), []);
  });
  it('the client reaches the server only through the protocol and the settings reader (and the summary’s export formats, which import only its types)', () => {
    assert.deepEqual(crossings('client/', ['server/'], ['server/src/protocol.ts', 'server/src/settings.ts', 'server/src/summary/format.ts']), []);
    assert.deepEqual(crossings('server/src/summary/format.ts', ['server/', 'client/'], ['server/src/protocol.ts', 'server/src/summary/types.ts']), []);
  });
});
