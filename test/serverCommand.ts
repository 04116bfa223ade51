/**
 * The server command the editor tiers start: the standalone package as a user installs it (`npm pack` of
 * packages/language-server, `npm install -g` of the tarball into a temp prefix, its bin) when this tree has that
 * package; else `node dist/server.js --stdio`. `ERROR_CODES_SERVER=<server.js>` names another build instead.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serverPath } from './lspClient';

const root = path.resolve(__dirname, '..', '..');
const BIN = 'api-error-codes-language-server';
let installed: string | undefined;

/** Packs and installs the standalone package once per process; returns its installed bin. */
function installPackage(pkgDir: string): string {
  if (installed) return installed;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'errorcodes-pkg-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  // npm beside this Node (the ordinary client); the tarball has no dependencies, so nothing is downloaded.
  const npmCli = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  const [cmd, pre] = fs.existsSync(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  const npm = (args: string[]) => execFileSync(cmd, [...pre, ...args], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', tmp, pkgDir])) as { filename: string }[];
  npm(['install', '-g', '--prefix', path.join(tmp, 'prefix'), '--offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)]);
  installed = path.join(tmp, 'prefix', 'bin', BIN);
  return installed;
}

/** A bin of the standalone package as a user installs it (packed and installed once per process). */
export function installedBin(name: string): string {
  return path.join(path.dirname(installPackage(path.join(root, 'packages', 'language-server'))), name);
}

export function serverCommand(): string[] {
  if (process.env.ERROR_CODES_SERVER) return [process.execPath, path.resolve(process.env.ERROR_CODES_SERVER), '--stdio'];
  const pkgDir = path.join(root, 'packages', 'language-server');
  const pkg = path.join(pkgDir, 'package.json');
  if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { bin?: Record<string, string> }).bin?.[BIN]) {
    return [installPackage(pkgDir), '--stdio'];
  }
  console.log(`editor tier: ${path.relative(root, pkgDir)} is not in this tree; running ${path.relative(root, serverPath)} --stdio`);
  return [process.execPath, path.resolve(serverPath), '--stdio'];
}
