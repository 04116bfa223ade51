/**
 * The built CLI (packages/language-server/dist/cli.js) on fixture trees written to a temp folder: text, JSON and SARIF
 * (validated against the SARIF 2.1.0 schema), exit codes, .gitignore and --ignore, bad files that do not stop the run,
 * workspace registries and settings, threads versus in-process, and --fix against the server's own quick fixes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { KYC_TS } from '../fixtures';
import { open, startServer } from '../lspClient';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'packages', 'language-server', 'dist', 'cli.js');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

const RISET_JSON = '{ "status": "409", "status_message": "conflict", "facegallery_id": "g-1" }\n';

function tree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aec-cli-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * Microsoft's SARIF Multitool (the npm package's own Linux binary; its npm wrapper goes through a shell that cuts the
 * rule kinds at `;`) with the SARIF and GitHub ingestion rules: its findings as `level ruleId: message`. It exits 0
 * whatever it finds, so its output log is what counts.
 */
function validate(sarif: string): string[] {
  const binary = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
  const out = path.join(path.dirname(sarif), `${path.basename(sarif)}.validation.sarif`);
  fs.rmSync(out, { force: true });
  const r = spawnSync(binary, ['validate', '--rule-kind', 'Sarif;Gh', '--output', out, sarif], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
  assert.equal(r.status, 0, `${r.error ?? ''}${r.stdout}${r.stderr}`);
  const validation = JSON.parse(fs.readFileSync(out, 'utf8')).runs[0];
  assert.equal(validation.tool.driver.name, 'Sarif.Multitool');
  return (validation.results ?? [])
    .filter((x: { level?: string }) => x.level === 'error' || x.level === 'warning' || x.level === undefined)
    .map((x: { level?: string; ruleId: string; message: { id?: string; arguments?: string[] } }) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.id} ${(x.message.arguments ?? []).join(' ')}`);
}

function run(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonReport {
  summary: Record<string, number>;
  files: { file: string; findings: { line: number; column: number; endColumn: number; severity: string; rule: string; message: string; suggestions?: string[] }[]; problem?: { message: string; severity: string }; fixes?: { from: string; to: string }[] }[];
}
const json = (cwd: string, ...args: string[]) => {
  const r = run(cwd, 'check', '--format', 'json', ...args);
  return { ...r, report: JSON.parse(r.stdout) as JsonReport };
};

describe('cli: api-error-codes check', () => {
  it('text: file:line:col, severity, rule and message per finding, grouped by file, counts at the end; exit 1', () => {
    const dir = tree({ 'src/kyc.ts': KYC_TS, 'data/riset.json': RISET_JSON, 'clean.js': 'const timeout = 5000;\n' });
    const r = run(dir, 'check');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stdout,
      [
        'data/riset.json:1:14  warning  not-vendor-code  409 is not a Riset.ai Face API code; HTTP defines it.',
        '',
        'src/kyc.ts:4:10  warning  unknown-code  5099 is not a Faceki code.',
        'src/kyc.ts:6:23  warning  did-you-mean  Unknown error code SELFIE_LIVENESS_FAILD. Did you mean SELFIE_LIVENESS_FAILED (Faceki)?',
        '',
        '3 problems (0 errors, 3 warnings, 0 info, 0 hints) in 2 files; 3 files checked',
        '',
      ].join('\n'),
    );
  });

  it('json: positions, rules and suggestions as the server computes them', () => {
    const dir = tree({ 'src/kyc.ts': KYC_TS });
    const { code, report } = json(dir);
    assert.equal(code, 1);
    assert.deepEqual(report.files[0].findings.map((f) => [f.line, f.column, f.endColumn, f.rule, f.suggestions]), [
      [4, 10, 14, 'unknown-code', ['5009']],
      [6, 23, 44, 'did-you-mean', ['SELFIE_LIVENESS_FAILED']],
    ]);
    assert.equal(report.summary.warning, 2);
    assert.equal(report.summary.filesChecked, 1);
  });

  it('sarif: valid SARIF 2.1.0 with rules, help links and regions', () => {
    const dir = tree({ 'src/kyc.ts': KYC_TS, 'data/riset.json': RISET_JSON });
    const r = run(dir, 'check', '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as { runs: any[] };
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's patterns are ECMA-262 without the `u` flag (one has a stray `]`).
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run0 = log.runs[0];
    const rules = run0.tool.driver.rules as { id: string; helpUri: string }[];
    for (const id of ['unknown-code', 'not-vendor-code', 'did-you-mean', 'registry-file', 'too-many-diagnostics']) assert.ok(rules.some((x) => x.id === id), id);
    assert.ok(rules.every((x) => x.helpUri.endsWith(`#rule-${x.id}`)));
    const results = run0.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
    assert.deepEqual(
      results.map((x) => [x.ruleId, rules[x.ruleIndex].id, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region]),
      [
        ['not-vendor-code', 'not-vendor-code', 'warning', 'data/riset.json', { startLine: 1, startColumn: 14, endLine: 1, endColumn: 17 }],
        ['unknown-code', 'unknown-code', 'warning', 'src/kyc.ts', { startLine: 4, startColumn: 10, endLine: 4, endColumn: 14 }],
        ['did-you-mean', 'did-you-mean', 'warning', 'src/kyc.ts', { startLine: 6, startColumn: 23, endLine: 6, endColumn: 44 }],
      ],
    );
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(run0.invocations[0].executionSuccessful, true);
  });

  it('sarif for GitHub: full descriptions and help per rule, automation id, fingerprints that survive an edit above', () => {
    const dir = tree({ 'src/kyc.ts': KYC_TS, 'data/riset.json': RISET_JSON });
    const first = JSON.parse(run(dir, 'check', '--format', 'sarif').stdout).runs[0];
    for (const rule of first.tool.driver.rules) {
      assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length, rule.id);
      assert.ok(rule.help.text && rule.help.markdown.includes(`](${rule.helpUri})`), rule.id);
    }
    assert.equal(first.automationDetails.id, 'api-error-codes/');
    assert.equal(JSON.parse(run(dir, 'check', '--format', 'sarif', '--sarif-category', 'frontend').stdout).runs[0].automationDetails.id, 'frontend/');
    assert.equal(run(dir, 'check', '--format', 'sarif', '--sarif-category', 'a/b').code, 2);
    const prints = (r: any) => r.results.map((x: any) => x.partialFingerprints['errorCodesFinding/v1']);
    assert.equal(new Set(prints(first)).size, 3);
    fs.writeFileSync(path.join(dir, 'src/kyc.ts'), `// a header added above\n\n${KYC_TS}`);
    const second = JSON.parse(run(dir, 'check', '--format', 'sarif').stdout).runs[0];
    assert.notDeepEqual(second.results.map((x: any) => x.locations[0].physicalLocation.region.startLine), first.results.map((x: any) => x.locations[0].physicalLocation.region.startLine));
    assert.deepEqual(prints(second), prints(first));
  });

  it("sarif: the SARIF Multitool's GitHub ingestion rules (Sarif;Gh) report 0 errors and 0 warnings", () => {
    const dir = tree({
      'src/kyc.ts': KYC_TS,
      'data/riset.json': RISET_JSON,
      'src/with space/ünï.py': "code = 'SELFIE_LIVENESS_FAILD'\n",
      'registry/broken.errorcodes.json': '{ "vendor": ',
      'bin/blob.ts': Buffer.from([0x63, 0x00, 0x01]),
    });
    const log = path.join(dir, 'out.sarif');
    assert.equal(run(dir, 'check', '--format', 'sarif', '--output', log).code, 1);
    const found = validate(log);
    assert.deepEqual(found, [], found.join('\n'));
    // The check can fail: the same log without fullDescription is what GitHub rejected before (GH2012, per rule).
    const old = JSON.parse(fs.readFileSync(log, 'utf8'));
    for (const rule of old.runs[0].tool.driver.rules) delete rule.fullDescription;
    fs.writeFileSync(path.join(dir, 'old.sarif'), JSON.stringify(old));
    const rejected = validate(path.join(dir, 'old.sarif'));
    assert.equal(rejected.filter((r) => r.startsWith('error GH2012')).length, old.runs[0].tool.driver.rules.length, rejected.join('\n'));
  });

  it('suppressions: inline directives, --ignore-code and errorCodes.ignore in .vscode/settings.json', () => {
    const suppressed = KYC_TS.replace('    case 5099: return "unknown";', '    // error-codes-disable-next-line unknown-code -- the sandbox answers 5099\n    case 5099: return "unknown";');
    const dir = tree({ 'src/kyc.ts': suppressed, 'src/other.ts': KYC_TS, 'data/riset.json': RISET_JSON });
    const findings = (r: ReturnType<typeof json>) => r.report.files.flatMap((f) => f.findings.map((x) => `${f.file}:${x.line}:${x.rule}`));
    assert.deepEqual(findings(json(dir)), ['data/riset.json:1:not-vendor-code', 'src/kyc.ts:7:did-you-mean', 'src/other.ts:4:unknown-code', 'src/other.ts:6:did-you-mean']);
    const flagged = json(dir, '--ignore-code', 'SELFIE_LIVENESS_FAILD', '--ignore-code', 'not-vendor-code');
    assert.deepEqual(findings(flagged), ['src/other.ts:4:unknown-code']);
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "errorCodes.ignore": ["5099", "did-you-mean"] }');
    assert.deepEqual(findings(json(dir)), ['data/riset.json:1:not-vendor-code']);
    assert.equal(json(dir, '--ignore-code', 'not-vendor-code').code, 0);
  });

  it('exit codes: 0 clean, --fail-on error ignores warnings, --fail-on info counts them, 2 on a bad flag', () => {
    const clean = tree({ 'a.ts': "res.status(404).send('x');\n" });
    assert.equal(run(clean, 'check').code, 0);
    const dirty = tree({ 'src/kyc.ts': KYC_TS });
    assert.equal(run(dirty, 'check', '--fail-on', 'error').code, 0);
    assert.equal(run(dirty, 'check', '--fail-on', 'info').code, 1);
    const bad = run(dirty, 'check', '--fail-on', 'sometimes');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fail-on must be one of error, warning, info/);
    assert.equal(run(dirty, 'check', '--no-such-flag').code, 2);
    assert.equal(run(dirty, 'frobnicate').code, 2);
    assert.equal(run(dirty, 'check', 'missing-dir').code, 2);
  });

  it('.gitignore (nested too) and --ignore are honoured; node_modules is never entered', () => {
    const dir = tree({
      '.gitignore': 'build/\n*.generated.ts\n',
      'build/out.ts': KYC_TS,
      'src/x.generated.ts': KYC_TS,
      'src/.gitignore': 'local/\n',
      'src/local/k.ts': KYC_TS,
      'node_modules/dep/index.js': KYC_TS,
      'vendor/k.ts': KYC_TS,
      'src/kept.ts': KYC_TS,
    });
    const { report } = json(dir, '--ignore', 'vendor/**');
    assert.deepEqual(report.files.map((f) => f.file), ['src/kept.ts']);
    assert.equal(report.summary.filesChecked, 1);
  });

  it('unreadable, binary and broken files are reported per file and the run goes on (exit 2 for the unreadable one)', () => {
    const dir = tree({
      'a-binary.ts': Buffer.from([0x63, 0x6f, 0x00, 0x01, 0x02]),
      'b-broken.json': '{ "status": 5099, "code": [1, 2,, "trailing',
      'c-kyc.ts': KYC_TS,
    });
    fs.symlinkSync(path.join(dir, 'nowhere.ts'), path.join(dir, 'a-dangling.ts'));
    const { code, report } = json(dir);
    assert.equal(code, 2);
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    assert.match(byFile.get('a-dangling.ts')!.problem!.message, /cannot read: ENOENT/);
    assert.match(byFile.get('a-binary.ts')!.problem!.message, /binary/);
    assert.equal(byFile.get('c-kyc.ts')!.findings.length, 2);
    assert.equal(report.summary.failed, 1);
    assert.equal(report.summary.skipped, 1);
    // The broken JSON was still analysed (the JSON scanner tolerates syntax errors), as were the others.
    assert.equal(report.summary.filesChecked, 2);
  });

  it('merges *.errorcodes.json files and reports problems inside broken ones', () => {
    const acme = JSON.stringify({ vendor: { id: 'faceki' }, entries: [{ code: '5099', name: 'ACME_EXTRA', title: 'Extra', description: 'An extra Faceki code.', category: 'Verification' }] });
    const dir = tree({ 'src/kyc.ts': KYC_TS, 'registry/faceki-extra.errorcodes.json': acme, 'registry/broken.errorcodes.json': '{ "vendor": ' });
    const { report } = json(dir);
    const kyc = report.files.find((f) => f.file === 'src/kyc.ts')!;
    // 5099 is now a Faceki code: only the typo is left.
    assert.deepEqual(kyc.findings.map((f) => f.rule), ['did-you-mean']);
    const broken = report.files.find((f) => f.file === 'registry/broken.errorcodes.json')!;
    assert.equal(broken.findings[0].rule, 'registry-file');
    assert.equal(broken.findings[0].severity, 'error');
    // The good file has nothing to report, so it is not listed.
    assert.equal(report.files.find((f) => f.file === 'registry/faceki-extra.errorcodes.json'), undefined);
  });

  it('reads errorCodes.* settings from .vscode/settings.json (with comments) and from --config', () => {
    const dir = tree({ 'src/kyc.ts': KYC_TS, '.vscode/settings.json': '{\n  // team settings\n  "errorCodes.unknownCodeSeverity": "error",\n}\n', 'quiet.json': '{ "errorCodes": { "vendors": { "faceki": false } } }' });
    const strict = json(dir);
    assert.deepEqual(strict.report.files[0].findings.map((f) => f.severity), ['error', 'error']);
    const quiet = json(dir, '--config', 'quiet.json');
    // With Faceki off, 5099 is in no vendor's switch and the typo is no one's near miss.
    assert.deepEqual(quiet.report.files, []);
    assert.equal(quiet.code, 0);
    assert.equal(run(dir, 'check', '--config', 'missing.json').code, 2);
  });

  it('threads and in-process give the same results in the same order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`f${String(i).padStart(3, '0')}.${i % 3 ? 'ts' : 'json'}`] = i % 3 ? KYC_TS : RISET_JSON;
    const dir = tree(files);
    const threaded = json(dir, '--jobs', '2');
    const inline = json(dir, '--jobs', '0');
    assert.equal(threaded.code, 1, threaded.stderr);
    assert.equal(threaded.report.summary.filesChecked, 150);
    assert.deepEqual(threaded.report, inline.report);
  });

  it('--fix writes what applying the server\'s single-suggestion quick fixes writes, and reports it', async () => {
    const text = KYC_TS + "const e = { error_code: 'SELFIE_LIVENESS_FAILD', note: 'Ünïcödé 😀', status: 'ERROR_NO_FACE_IN_FLE' };\n";
    const dir = tree({ 'src/kyc.ts': text });
    const file = path.join(dir, 'src', 'kyc.ts');
    const server = await startServer();
    let expected: string;
    try {
      const uri = pathToFileURL(file).href;
      await open(server, uri, 'typescript', text);
      const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      const single = report.items.filter((d) => (d.data as { suggestions: unknown[] } | undefined)?.suggestions?.length === 1);
      assert.ok(single.length >= 3, `expected several unambiguous fixes, got ${single.length}`);
      const edits: TextEdit[] = [];
      for (const d of single) {
        const all = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
        // Quick fixes only: a diagnostic in a switch also gets the switch's refactoring (exhaustive.ts).
        const actions = all.filter((a) => a.kind === 'quickfix');
        assert.equal(actions.length, 1);
        edits.push(...actions[0].edit!.changes![uri]);
      }
      expected = TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, text), edits);
    } finally {
      await server.stop();
    }
    const r = run(dir, 'check', '--fix', '--format', 'json');
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    assert.notEqual(expected, text);
    assert.deepEqual(report.files[0].fixes!.map((f) => `${f.from}→${f.to}`).sort(), ['5099→5009', 'ERROR_NO_FACE_IN_FLE→ERROR_NO_FACE_IN_FILE', 'SELFIE_LIVENESS_FAILD→SELFIE_LIVENESS_FAILED', 'SELFIE_LIVENESS_FAILD→SELFIE_LIVENESS_FAILED']);
    // Nothing unambiguous is left, so a second run changes nothing.
    assert.equal(run(dir, 'check', '--fix').code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
  });
});

describe('cli: explain and list', () => {
  const dir = tree({});

  it('explain prints the hover for a terminal: no markdown escapes, links as text <url>', () => {
    const r = run(dir, 'explain', '5004', '--vendor', 'faceki');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^5004 SELFIE_LIVENESS_FAILED · Faceki\n/);
    assert.match(r.stdout, /Faceki documentation <https:\/\/docs\.faceki\.com\/data-fields\/error-codes>/);
    assert.doesNotMatch(r.stdout, /\\_|\*\*/);
    const missing = run(dir, 'explain', '5099', '--vendor', 'faceki');
    assert.equal(missing.code, 1);
    assert.equal(run(dir, 'explain', '5004', '--vendor', 'nobody').code, 2);
  });

  it('list: text per vendor, JSON rows, CSV with a header', () => {
    const text = run(dir, 'list', '--vendor', 'faceki');
    assert.match(text.stdout, /^Faceki \(faceki\): 24 codes\n/);
    const rows = JSON.parse(run(dir, 'list', '--format', 'json').stdout) as { vendor: string }[];
    assert.deepEqual([...new Set(rows.map((r) => r.vendor))].sort(), ['ailabtools', 'faceki', 'http', 'riset-face']);
    const csv = run(dir, 'list', '--vendor', 'riset-face', '--format', 'csv').stdout.split('\r\n');
    assert.equal(csv[0], 'vendor,code,name,title,category,httpStatus,description,docsUrl,origin');
    assert.equal(csv.filter((l) => l.startsWith('riset-face,')).length, 32);
  });
});
