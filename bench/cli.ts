/**
 * `npm run bench -- cli`: `api-error-codes check` over a real public repository tree, beside `rg -c` with the
 * registry's alternation (the floor: a search, not an analysis) and ESLint with no rules (what a team already runs in
 * CI: it reads and parses every file), on the same files in the same run.
 *
 * The tree is a cache in bench/tmp/ (git-ignored), extracted once from a public repository: its .js/.mjs/.cjs files
 * without hidden paths and node_modules folders, so that all three tools read the same set. If it is not there, a
 * generated tree of the same shape and size stands in, and the output says so.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../server/src/registry';
import { analyze, scan, scanContext } from '../server/src/service/analysis';
import { doValidation } from '../server/src/service/diagnostics';
import { defaultSettings } from '../server/src/settings';
import { percentile, type Recorder } from '../test/stats';
import { rng } from './generate';


/** The real tree: webpack/webpack's JavaScript files (commit in bench/tmp/webpack.source). */
const REAL_TREE = 'webpack';
const MIN_FILES = 2000;
const JS = /\.(?:js|mjs|cjs)$/;

function listFiles(dir: string): { files: number; bytes: number; paths: string[] } {
  const paths: string[] = [];
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && JS.test(e.name)) {
        paths.push(p);
        bytes += fs.statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files: paths.length, bytes, paths };
}

/** Where one thread's time goes, in-process: reading, the scanner alone, and scan + resolution + diagnostics. */
function breakdown(paths: string[], registry: Registry): { readMs: number; scanMs: number; checkMs: number } {
  const ctx = scanContext(registry, defaultSettings);
  let readMs = 0;
  let scanMs = 0;
  let checkMs = 0;
  for (const p of paths) {
    let s = performance.now();
    const text = fs.readFileSync(p, 'utf8');
    readMs += performance.now() - s;
    s = performance.now();
    scan('ts', text, ctx);
    scanMs += performance.now() - s;
    s = performance.now();
    const doc = TextDocument.create('file:///x.js', 'javascript', 1, text);
    doValidation(doc, analyze(doc, registry, defaultSettings)!, registry, defaultSettings);
    checkMs += performance.now() - s;
  }
  return { readMs, scanMs, checkMs };
}

/** A stand-in tree: `count` JS modules of about `avgBytes`, API-client shaped, with a few real findings. */
function generateTree(dir: string, count: number, avgBytes: number): void {
  const r = rng(7);
  fs.rmSync(dir, { recursive: true, force: true });
  const lines = [
    "const axios = require('axios');",
    'async function call(client, body) {',
    '  const res = await client.post(`/v1/check/${body.id}`, body);',
    '  if (res.status === 404) return null;',
    '  switch (res.data.error_code) {',
    "    case 5004: throw new Error('liveness');",
    "    case 8004: return { retry: true, reason: 'ERROR_BLURRY_FACE' };",
    '  }',
    '  const timeout = 5000; const width = 400;',
    '  for (let i = 0; i < body.items.length; i++) total += body.items[i].price * 451;',
    '  return res.data;',
    '}',
    '// A comment about the 412 precondition and retries.',
  ];
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `pkg${i % 40}`, `mod${Math.floor(i / 40) % 25}`);
    fs.mkdirSync(sub, { recursive: true });
    const target = avgBytes * (0.2 + r() * 1.6);
    let text = '';
    while (text.length < target) text += lines[Math.floor(r() * lines.length)] + '\n';
    if (i % 97 === 0) text += "if (err.reason === 'SELFIE_LIVENESS_FAILD') retry();\n";
    fs.writeFileSync(path.join(sub, `file${i}.js`), text);
  }
}

function time(cmd: string, args: string[], cwd: string): { ms: number; status: number | null; stderr: string } {
  const s = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { ms: performance.now() - s, status: r.status, stderr: r.stderr ?? '' };
}

export async function benchCli(root: string, registry: Registry, record: Recorder): Promise<void> {
  const tmp = path.join(root, 'bench', 'tmp');
  let tree = path.join(tmp, REAL_TREE);
  let listing = fs.existsSync(tree) ? listFiles(tree) : { files: 0, bytes: 0, paths: [] as string[] };
  let label: string;
  if (listing.files >= MIN_FILES) {
    const source = fs.existsSync(path.join(tmp, `${REAL_TREE}.source`)) ? fs.readFileSync(path.join(tmp, `${REAL_TREE}.source`), 'utf8').trim().slice(0, 12) : 'unknown commit';
    label = `webpack/webpack @ ${source}`;
  } else {
    tree = path.join(tmp, 'generated-tree');
    generateTree(tree, 12792, 1390);
    listing = listFiles(tree);
    label = 'GENERATED stand-in (the real tree is not in bench/tmp/webpack)';
    console.log(`cli: ${label}`);
  }
  const mb = listing.bytes / 1048576;
  console.log(`cli: ${listing.files} JS files, ${mb.toFixed(1)} MB — ${label}`);

  const cli = path.join(root, 'packages', 'language-server', 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run node esbuild.mjs`);
  const out = path.join(os.tmpdir(), 'bench-cli-report.json');
  const codes = [...registry.numericTokens, ...registry.symbolicTokens];
  const pattern = `\\b(?:${codes.join('|')})\\b`;
  // The same alternation with ASCII word boundaries: ripgrep's Unicode `\b` leaves its fast engines on a big
  // alternation, so this one is the real floor.
  const asciiPattern = `(?-u:\\b)(?:${codes.join('|')})(?-u:\\b)`;
  const hasRg = spawnSync('rg', ['--version']).status === 0;
  const eslintConfig = path.join(tmp, 'eslint.config.mjs');
  fs.writeFileSync(eslintConfig, "// No rules: ESLint reads and parses every file, and does nothing else.\nexport default [{ files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } }];\n");

  // Interleaved rounds, so that load on a shared machine falls on every tool alike; medians of 3.
  const checkTimes: number[] = [];
  const oneThread: number[] = [];
  const rgTimes: number[] = [];
  const rgAscii: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c = time(process.execPath, [cli, 'check', tree, '--format', 'json', '--output', out], root);
    if (c.status !== 0 && c.status !== 1) throw new Error(`check failed (exit ${c.status}): ${c.stderr}`);
    checkTimes.push(c.ms);
    oneThread.push(time(process.execPath, [cli, 'check', tree, '--format', 'json', '--output', out, '--jobs', '0'], root).ms);
    if (hasRg) rgTimes.push(time('rg', ['-c', pattern, tree], root).ms);
    if (hasRg) rgAscii.push(time('rg', ['-c', asciiPattern, tree], root).ms);
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { summary: { filesChecked: number; warning: number; error: number } };
  fs.rmSync(out, { force: true });
  const eslint = time(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '-c', eslintConfig, '--no-warn-ignored', '-f', 'json', '-o', os.devNull, tree], root);
  if (eslint.status !== 0 && eslint.status !== 1) throw new Error(`eslint failed (exit ${eslint.status}): ${eslint.stderr.slice(0, 500)}`);

  const check = percentile(checkTimes, 0.5);
  const single = percentile(oneThread, 0.5);
  record(`check, ${listing.files} files, ${mb.toFixed(1)} MB (${os.availableParallelism()} threads)`, check, 'ms', undefined, `${report.summary.filesChecked} files checked, ${report.summary.warning + report.summary.error} findings`);
  record('check --jobs 0 (one thread)', single, 'ms', undefined, `threads: ${(single / check).toFixed(2)}x`);
  record('check throughput (process incl. start-up)', mb / (check / 1000), 'MB/s');
  if (hasRg) {
    const rg = percentile(rgTimes, 0.5);
    const ascii = percentile(rgAscii, 0.5);
    record('rg -c with the registry alternation (Unicode \\b, as bench scanner)', rg, 'ms');
    record('rg -c with the registry alternation, ASCII \\b (the floor)', ascii, 'ms');
    record('check speed / rg speed (Unicode \\b)', rg / check, 'x');
    record('check speed / rg speed (ASCII \\b, the floor)', ascii / check, 'x', { text: '>= 0.5', pass: ascii / check >= 0.5 });
  } else {
    console.log('cli: ripgrep is not installed (apt-get install ripgrep); no rg figure');
  }
  record('ESLint with no rules, same files (one run)', eslint.ms, 'ms');
  record('check speed / ESLint speed', eslint.ms / check, 'x', { text: '>= 5', pass: eslint.ms / check >= 5 });
  const b = breakdown(listing.paths, registry);
  record('  one thread in-process: reading the files', b.readMs, 'ms', undefined, `${(mb / (b.readMs / 1000)).toFixed(0)} MB/s`);
  record('  one thread in-process: TS/JS scanner alone', b.scanMs, 'ms', undefined, `${(mb / (b.scanMs / 1000)).toFixed(1)} MB/s`);
  record('  one thread in-process: scan + resolution + diagnostics', b.checkMs, 'ms', undefined, `${(mb / (b.checkMs / 1000)).toFixed(1)} MB/s`);
}
