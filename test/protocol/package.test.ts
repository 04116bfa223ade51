/**
 * The standalone package as a user gets it: `npm pack` of packages/language-server, `npm install -g` of the tarball
 * into a temp prefix, then the installed bins run from a folder with no file of this repository: the server answers
 * initialize and a hover over stdio, the CLI checks a file.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { open, startServer } from '../lspClient';

const root = path.resolve(__dirname, '..', '..', '..');
const pkgDir = path.join(root, 'packages', 'language-server');
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };

describe('package: api-error-codes-language-server installed from its tarball', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aec-pkg-'));
  const prefix = path.join(tmp, 'prefix');
  const work = path.join(tmp, 'work');
  const bin = (name: string) => path.join(prefix, 'bin', name);
  let files: string[] = [];

  before(() => {
    // npm is beside this Node (the ordinary client); the tarball has no dependencies, so nothing is downloaded.
    const npmCli = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
    const [cmd, pre] = fs.existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
    const npm = (args: string[], cwd: string) => execFileSync(cmd, [...pre, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp, pkgDir], tmp)) as { filename: string; files: { path: string }[] }[];
    files = packed[0].files.map((f) => f.path).sort();
    npm(['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(tmp, packed[0].filename)], tmp);
    fs.mkdirSync(work);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('packs the bundles, licence, readme and package.json only', () => {
    assert.deepEqual(files, ['README.md', 'dist/LICENSE', 'dist/cli.js', 'dist/indexWorker.js', 'dist/server.js', 'dist/summaryWorker.js', 'package.json']);
  });

  it('--version and --help', () => {
    assert.equal(execFileSync(bin('api-error-codes-language-server'), ['--version'], { cwd: work, encoding: 'utf8' }).trim(), pkg.version);
    assert.match(execFileSync(bin('api-error-codes-language-server'), ['--help'], { cwd: work, encoding: 'utf8' }), /--stdio/);
    assert.equal(execFileSync(bin('api-error-codes'), ['--version'], { cwd: work, encoding: 'utf8' }).trim(), pkg.version);
  });

  it('the installed server answers a hover over stdio with no repository file present', async () => {
    const installed = fs.realpathSync(bin('api-error-codes-language-server'));
    assert.ok(!installed.startsWith(root + path.sep), `${installed} is inside the repository`);
    const server = await startServer({ command: [bin('api-error-codes-language-server'), '--stdio'], cwd: work });
    try {
      const uri = 'file:///work/kyc.ts';
      await open(server, uri, 'typescript', 'switch (err.error_code) {\n  case 5004: break;\n}\n');
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 8 } })) as Hover | null;
      assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /SELFIE_LIVENESS_FAILED/);
    } finally {
      await server.stop();
    }
    assert.doesNotMatch(server.stderr(), /registry not found/);
  });

  it('stdio is the default transport when none is named', async () => {
    const server = await startServer({ command: [bin('api-error-codes-language-server')], cwd: work });
    await server.stop();
    assert.equal(await server.exited, 0);
  });

  it('the installed CLI checks a file', () => {
    fs.writeFileSync(path.join(work, 'kyc.ts'), "if (err.reason === 'SELFIE_LIVENESS_FAILD') {}\n");
    const r = spawnSync(bin('api-error-codes'), ['check', '.'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^kyc\.ts:1:21 {2}warning {2}did-you-mean {2}Unknown error code SELFIE_LIVENESS_FAILD/);
  });
});
