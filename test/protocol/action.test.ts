/**
 * The GitHub Action and the pre-commit hook, as their users get them: the release tree (scripts/release-tree.mjs)
 * committed to a git repository, then the Action's entry run the way the runner runs it (INPUT_* variables, outputs
 * appended to $GITHUB_OUTPUT) and Debian's pre-commit installing the hook from that repository — offline — and
 * refusing a commit with a mistyped Faceki code.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { KYC_TS } from '../fixtures';

const root = path.resolve(__dirname, '..', '..', '..');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));
const temp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};


const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid', GIT_CONFIG_NOSYSTEM: '1' };

function sh(cmd: string, args: string[], options: SpawnSyncOptions & { env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options, env: { ...process.env, ...GIT_ENV, ...options.env } });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, error: r.error };
}

function git(cwd: string, ...args: string[]): string {
  const r = sh('git', args, { cwd });
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.out}`);
  return r.out.trim();
}

/** The release tree in a fresh git repository; its HEAD is what a release tag would name. */
let release: { dir: string; rev: string };
before(() => {
  const dir = path.join(temp('aec-release-'), 'repo');
  const r = sh(process.execPath, [path.join(root, 'scripts', 'release-tree.mjs'), dir], { cwd: root });
  assert.equal(r.code, 0, r.out);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'release');
  release = { dir, rev: git(dir, 'rev-parse', 'HEAD') };
});

describe('GitHub Action (action.yml)', () => {
  const action = () => parse(fs.readFileSync(path.join(release.dir, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, unknown>; outputs: Record<string, unknown> };

  /** Runs the entry as the runner does: the workspace as the working directory, inputs as INPUT_<NAME>. */
  function runAction(workspace: string, inputs: Record<string, string>) {
    const output = path.join(temp('aec-gh-'), 'output');
    fs.writeFileSync(output, '');
    const env: NodeJS.ProcessEnv = { GITHUB_OUTPUT: output, RUNNER_TEMP: path.dirname(output), GITHUB_WORKSPACE: workspace };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const r = sh(process.execPath, [path.join(release.dir, action().runs.main)], { cwd: workspace, env });
    const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { ...r, outputs };
  }

  function workspace(files: Record<string, string>): string {
    const dir = temp('aec-ws-');
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }

  it('declares node24, one bundled entry, its inputs and outputs', () => {
    const a = action();
    assert.equal(a.runs.using, 'node24');
    assert.ok(fs.statSync(path.join(release.dir, a.runs.main)).isFile());
    assert.deepEqual(Object.keys(a.inputs).sort(), ['fail-on', 'ignore-codes', 'paths', 'sarif-file']);
    assert.deepEqual(Object.keys(a.outputs).sort(), ['findings', 'sarif-file']);
    assert.equal(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'), fs.readFileSync(path.join(release.dir, 'action.yml'), 'utf8'));
  });

  it('annotates findings, writes SARIF and the outputs, and fails on warnings by default', () => {
    const ws = workspace({ 'src/kyc.ts': KYC_TS, 'other/kyc.ts': KYC_TS });
    const r = runAction(ws, { paths: 'src', 'fail-on': 'warning', 'sarif-file': 'results/error-codes.sarif' });
    assert.equal(r.code, 1, r.out);
    const annotations = r.out.split('\n').filter((l) => l.startsWith('::'));
    assert.deepEqual(annotations, [
      '::warning file=src/kyc.ts,line=4,col=10,endLine=4,endColumn=14,title=api-error-codes%3A unknown-code::5099 is not a Faceki code.',
      '::warning file=src/kyc.ts,line=6,col=23,endLine=6,endColumn=44,title=api-error-codes%3A did-you-mean::Unknown error code SELFIE_LIVENESS_FAILD. Did you mean SELFIE_LIVENESS_FAILED (Faceki)?',
    ]);
    assert.match(r.out, /^src\/kyc\.ts:4:10 {2}warning {2}unknown-code/m);
    const sarif = path.join(ws, 'results', 'error-codes.sarif');
    assert.deepEqual(r.outputs, { 'sarif-file': sarif, findings: '2' });
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8'));
    assert.deepEqual(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId), ['unknown-code', 'did-you-mean']);
  });

  it('fail-on error passes with warnings; ignore-codes drops codes; a bad input is an error annotation', () => {
    const ws = workspace({ 'src/kyc.ts': KYC_TS });
    const lenient = runAction(ws, { 'fail-on': 'error' });
    assert.equal(lenient.code, 0, lenient.out);
    assert.equal(lenient.outputs.findings, '2');
    assert.ok(fs.existsSync(lenient.outputs['sarif-file']), 'SARIF in RUNNER_TEMP by default');
    const ignoring = runAction(ws, { 'ignore-codes': '5099\nSELFIE_LIVENESS_FAILD' });
    assert.equal(ignoring.code, 0, ignoring.out);
    assert.equal(ignoring.outputs.findings, '0');
    const bad = runAction(ws, { 'fail-on': 'sometimes' });
    assert.equal(bad.code, 2);
    assert.match(bad.out, /^::error::api-error-codes: the fail-on input must be one of error, warning, info/m);
  });

  it('at most 10 annotations per level, then a notice; messages and file names are escaped', () => {
    const cases = Array.from({ length: 15 }, (_, i) => `    case ${5090 + (i % 9)}${i >= 9 ? '0' : ''}: return ${i};`).join('\n');
    const ws = workspace({ 'a,b:c.ts': `switch (err.error_code) {\n    case 5004: return 0;\n${cases}\n}\n` });
    const r = runAction(ws, {});
    const lines = r.out.split('\n').filter((l) => l.startsWith('::'));
    assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, 10, r.out);
    assert.ok(lines.every((l) => !l.startsWith('::warning ') || l.startsWith('::warning file=a%2Cb%3Ac.ts,')), lines[0]);
    assert.match(lines[lines.length - 1], /^::notice::\d+ more findings are not annotated/);
    assert.equal(Number(r.outputs.findings), 10 + Number(/::notice::(\d+)/.exec(lines[lines.length - 1])![1]));
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('installs from the repository without the network and refuses a commit with a Faceki typo; staged files only', () => {
    const version = sh('pre-commit', ['--version']);
    assert.equal(version.code, 0, `Debian's pre-commit is needed: run \`bash scripts/setup-tools.sh\` as root (apt-get install pre-commit). ${version.error ?? version.out}`);
    const hook = (parse(fs.readFileSync(path.join(release.dir, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string }[])[0];
    assert.equal(hook.language, 'node');
    const repo = temp('aec-precommit-');
    const env = {
      PRE_COMMIT_HOME: path.join(repo, '.cache'),
      // No registry: the hook's package has no dependencies, so pre-commit's npm install and npm pack need none.
      npm_config_offline: 'true',
      npm_config_registry: 'http://127.0.0.1:9/',
    };
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, '.gitignore'), '.cache/\n');
    fs.writeFileSync(path.join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${release.dir}\n    rev: ${release.rev}\n    hooks:\n      - id: ${hook.id}\n`);
    assert.equal(sh('pre-commit', ['install'], { cwd: repo, env }).code, 0);
    fs.writeFileSync(path.join(repo, 'kyc.ts'), "// Faceki\nif (err.reason === 'SELFIE_LIVENESS_FAILD') retry();\n");
    git(repo, 'add', '-A');
    const refused = sh('git', ['commit', '-m', 'typo'], { cwd: repo, env });
    assert.notEqual(refused.code, 0, refused.out);
    assert.match(refused.out, /API error codes\.+Failed/);
    assert.match(refused.out, /kyc\.ts:2:21 {2}warning {2}did-you-mean {2}Unknown error code SELFIE_LIVENESS_FAILD\. Did you mean SELFIE_LIVENESS_FAILED \(Faceki\)\?/);
    assert.equal(sh('git', ['rev-parse', '--verify', 'HEAD'], { cwd: repo }).code, 128, 'no commit was made');

    fs.writeFileSync(path.join(repo, 'kyc.ts'), "// Faceki\nif (err.reason === 'SELFIE_LIVENESS_FAILED') retry();\n");
    git(repo, 'add', 'kyc.ts');
    // A typo in a file that is not staged is not this commit's business.
    fs.writeFileSync(path.join(repo, 'draft.ts'), "if (err.reason === 'SELFIE_LIVENESS_FAILD') retry();\n");
    const accepted = sh('git', ['commit', '-m', 'fixed'], { cwd: repo, env });
    assert.equal(accepted.code, 0, accepted.out);
    assert.match(accepted.out, /API error codes\.+Passed/);
  });
});
