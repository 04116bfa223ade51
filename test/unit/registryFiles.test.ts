/**
 * Registry-file discovery (server/src/files/registryFiles.ts), the one the server and the CLI use, on a temporary
 * workspace: nested folders, `.gitignore` (the repository's above the root too), `node_modules` and `.git`, the size
 * limit, `registryFiles` (absolute, relative to each base, missing), files a caller found itself, the directory limit,
 * and the same answer whether driven straight through or giving way to the event loop.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findRegistryFiles, findRegistryFilesAsync, MAX_REGISTRY_BYTES, MAX_REGISTRY_FILES } from '../../server/src/files/registryFiles';

const REGISTRY = '{"vendor":{"id":"acme"},"entries":[]}';

let dir: string;
const at = (rel: string) => path.join(dir, rel);
function write(rel: string, text = REGISTRY): void {
  fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
  fs.writeFileSync(at(rel), text);
}
const rel = (files: { path: string }[]) => files.map((f) => path.relative(dir, f.path));

describe('registry-file discovery (files/registryFiles.ts)', () => {
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'registry-files-')));
    fs.mkdirSync(at('ws/.git'), { recursive: true });
    write('ws/top.errorcodes.json');
    write('ws/a/b/c/deep.errorcodes.json');
    write('ws/.config/hidden.errorcodes.json');
    write('ws/Upper.ERRORCODES.JSON');
    write('ws/not-a-registry.json');
    write('ws/node_modules/pkg/dep.errorcodes.json');
    write('ws/.git/stray.errorcodes.json');
    write('ws/.gitignore', 'generated/\n*.local.errorcodes.json\n');
    write('ws/generated/gen.errorcodes.json');
    write('ws/a/mine.local.errorcodes.json');
    write('ws/a/.gitignore', 'b/c/\n');
    write('ws/keep/kept.errorcodes.json');
    write('ws/extra/named.json', '{"named":true}');
    write('other/elsewhere.json');
    // Over the limit without writing 16 MB: a sparse file.
    fs.writeFileSync(at('ws/big.errorcodes.json'), '');
    fs.truncateSync(at('ws/big.errorcodes.json'), MAX_REGISTRY_BYTES + 1);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds *.errorcodes.json in nested folders (hidden ones too), honouring .gitignore files, never node_modules or .git', () => {
    const found = findRegistryFiles({ roots: [at('ws')], registryFiles: [] });
    assert.deepEqual(rel(found.files), ['ws/.config/hidden.errorcodes.json', 'ws/Upper.ERRORCODES.JSON', 'ws/keep/kept.errorcodes.json', 'ws/top.errorcodes.json']);
    const top = found.files.find((f) => f.path.endsWith('top.errorcodes.json'))!;
    assert.equal(top.uri, pathToFileURL(at('ws/top.errorcodes.json')).href);
    assert.equal(top.text, REGISTRY);
    assert.ok(found.directories.includes(at('ws/a')) && !found.directories.includes(at('ws/a/b/c')) && !found.directories.includes(at('ws/node_modules')));
  });

  it('a file over the size limit is a problem naming it, not loaded', () => {
    const found = findRegistryFiles({ roots: [at('ws')], registryFiles: [] });
    assert.deepEqual(found.problems, [{ file: at('ws/big.errorcodes.json'), message: 'big.errorcodes.json is over 16 MB and was not loaded.' }]);
  });

  it('registryFiles: absolute, relative to each base, missing ones said with where they were looked for', () => {
    const found = findRegistryFiles({ roots: [], bases: [at('ws'), at('other')], registryFiles: ['extra/named.json', at('other/elsewhere.json'), 'elsewhere.json', 'nowhere.json'] });
    assert.deepEqual(rel(found.files), ['other/elsewhere.json', 'ws/extra/named.json']);
    assert.deepEqual(found.problems.map((p) => p.message), [`errorCodes.registryFiles: nowhere.json was not found in ${at('ws')}, ${at('other')}.`]);
    assert.deepEqual(found.configured, [at('ws/extra/named.json'), at('other/extra/named.json'), at('other/elsewhere.json'), at('ws/elsewhere.json'), at('other/elsewhere.json'), at('ws/nowhere.json'), at('other/nowhere.json')]);
    assert.deepEqual(found.directories, [], 'no root: nothing walked');
  });

  it('what the caller found itself is read with the rest, once; --ignore patterns apply to the walk', () => {
    const found = findRegistryFiles({ roots: [at('ws')], registryFiles: [at('ws/top.errorcodes.json')], found: [at('ws/a/b/c/deep.errorcodes.json')], ignore: ['keep/', '.config'] });
    assert.deepEqual(rel(found.files), ['ws/Upper.ERRORCODES.JSON', 'ws/a/b/c/deep.errorcodes.json', 'ws/top.errorcodes.json']);
  });

  it('an unreadable file is a problem, and the others still load', () => {
    fs.mkdirSync(at('ws/dir.json'), { recursive: true });
    try {
      const found = findRegistryFiles({ roots: [], bases: [at('ws')], registryFiles: ['dir.json', 'extra/named.json'] });
      assert.deepEqual(rel(found.files), ['ws/extra/named.json']);
      assert.match(found.problems[0].message, /dir\.json could not be read: EISDIR/);
    } finally {
      fs.rmdirSync(at('ws/dir.json'));
    }
  });

  it('stops after maxDirectories and says so; the same answer when it gives way to the event loop', async () => {
    const limited = findRegistryFiles({ roots: [at('ws')], registryFiles: [], maxDirectories: 2 });
    assert.equal(limited.directories.length, 2);
    assert.match(limited.problems[0].message, /^Stopped looking for \*\.errorcodes\.json after 2 directories; name the files in errorCodes\.registryFiles\.$/);
    const search = { roots: [at('ws')], bases: [at('ws')], registryFiles: ['extra/named.json', 'missing.json'] };
    assert.deepEqual(await findRegistryFilesAsync(search), findRegistryFiles(search));
  });

  it(`reads at most ${MAX_REGISTRY_FILES} files from the walk and says so`, () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i <= MAX_REGISTRY_FILES; i++) fs.writeFileSync(path.join(many, `v${String(i).padStart(4, '0')}.errorcodes.json`), REGISTRY);
    const found = findRegistryFiles({ roots: [many], registryFiles: [] });
    assert.equal(found.files.length, MAX_REGISTRY_FILES);
    assert.deepEqual(found.problems.map((p) => p.message), [`Only the first ${MAX_REGISTRY_FILES} *.errorcodes.json files were read.`]);
  });
});
