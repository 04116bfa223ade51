// Real Emacs (Debian's 28) with eglot (Debian's elpa-eglot 1.9) in batch mode against the server: hovers in JS, JSON and
// a log (eglot asks for plaintext hovers when markdown-mode is absent), pushed diagnostics with settings from
// eglot-workspace-configuration, completion in `case 80`, and the quick fix on a non-ASCII line. The Lisp side
// (client.el) writes what eglot saw to a JSON file; this test polls for it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../lspClient';
import { serverCommand } from '../serverCommand';

const root = path.resolve(__dirname, '..', '..', '..');
const EMACS = process.env.EMACS_PATH ?? 'emacs';

const JS = [
  'export function explain(err) {',
  '  switch (err.error_code) {',
  "    case 5004: return 'liveness';",
  '    case 80',
  '  }',
  "  const label = 'Ünïcödé 😀'; if (err.reason === 'SELFIE_LIVENESS_FAILD') return label;",
  '}',
].join('\n');
const FIXED_LINE = "  const label = 'Ünïcödé 😀'; if (err.reason === 'SELFIE_LIVENESS_FAILED') return label;";
const JSON_TEXT = '{"status": 413, "status_message": "Face too small", "facegallery_id": "g1", "trx_id": "t-9"}';
const LOG_TEXT = '2026-12-01T10:00:00Z gateway status=604 facegallery_id=g1 trx_id=abc latency=12ms\n';

type HoverResult = { kind: string; value: string };
interface Results {
  emacs: string;
  eglot: string;
  error?: string;
  language_ids: Record<string, string>;
  hover_js: HoverResult;
  hover_json: HoverResult;
  hover_log: HoverResult;
  diagnostics_js: { code: string; message: string; severity: number; line: number }[];
  completion_js: string[];
  fixed_line: string;
}

describe('emacs: eglot in real Emacs', () => {
  let dir: string;
  let results: Results;
  let stderr = '';

  before(async () => {
    const version = spawnSync(EMACS, ['--batch', '-q', '--eval', "(require 'eglot)"], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`emacs: NOT RUN — ${EMACS} with eglot not found. Install them (apt-get install emacs-nox elpa-eglot, or bash scripts/setup-tools.sh as root).\n${version.stderr ?? ''}`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errorcodes-emacs-'));
    const files = { js: path.join(dir, 'kyc.js'), json: path.join(dir, 'response.json'), log: path.join(dir, 'gateway.log') };
    fs.writeFileSync(files.js, JS);
    fs.writeFileSync(files.json, JSON_TEXT);
    fs.writeFileSync(files.log, LOG_TEXT);
    const out = path.join(dir, 'results.json');
    const config = {
      cmd: serverCommand(),
      root: dir + '/',
      files,
      out,
      timeout_ms: 20000,
      positions: {
        hover_js: { line: 2, character: 10 },
        completion_js: { line: 3, character: 11 },
        fix_line: 5,
        hover_json: { line: 0, character: 12 },
        hover_log: { line: 0, character: LOG_TEXT.indexOf('604') + 1 },
      },
    };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    const emacs = spawn(EMACS, ['--batch', '-q', '-l', path.join(root, 'test', 'emacs', 'client.el')], {
      cwd: dir,
      env: { ...process.env, EMACS_TEST_CONFIG: path.join(dir, 'config.json'), HOME: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    emacs.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => emacs.on('exit', resolve));
    try {
      results = await eventually(() => (fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Results) : undefined), 'Emacs to write its results', 90000, 100);
    } finally {
      const timer = setTimeout(() => emacs.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    assert.equal(results.error, undefined, `the Lisp driver failed: ${results.error}\n${stderr.slice(-3000)}`);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("is Emacs 28+ with eglot, which sends its modes' names as language ids", () => {
    assert.match(results.emacs, /^(2[89]|[3-9]\d)\./);
    assert.deepEqual(results.language_ids, { log: 'fundamental', json: 'json', js: 'js' });
  });

  it('hovers a Faceki case in js-mode (language id "js") as plain text, which eglot asks for without markdown-mode', () => {
    assert.equal(results.hover_js.kind, 'plaintext');
    assert.match(results.hover_js.value, /^5004 SELFIE_LIVENESS_FAILED · Faceki\n/);
    assert.doesNotMatch(results.hover_js.value, /\\|\*\*|`/);
  });

  it('hovers JSON, and a log in fundamental-mode by its .log extension', () => {
    assert.match(results.hover_json.value, /^413 · Riset\.ai Face API/);
    assert.match(results.hover_log.value, /^604 · Riset\.ai Face API/);
  });

  it('receives pushed diagnostics with the severity from eglot-workspace-configuration', () => {
    const typo = results.diagnostics_js.find((d) => d.code === 'did-you-mean');
    assert.ok(typo, JSON.stringify(results.diagnostics_js));
    assert.equal(typo.line, 5);
    assert.equal(typo.severity, 1);
  });

  it("completes case 80 with Faceki's 8004… through eglot's completion-at-point", () => {
    assert.deepEqual(results.completion_js.slice(0, 3), ['8004', '8005', '8006']);
  });

  it('applies the quick fix (eglot-code-actions) on the non-ASCII line and leaves exactly the right text', () => {
    assert.equal(results.fixed_line, FIXED_LINE);
  });
});
