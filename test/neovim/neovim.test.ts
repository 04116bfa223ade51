// Real Neovim (Debian's 0.7.2, built-in LSP client) driven headless against the server: hovers in TS, JSON and logs,
// pushed diagnostics, completion in `case 80`, and the quick fix on a line with non-ASCII text. The Lua side
// (client.lua) writes what Neovim saw to a JSON file; this test polls for it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../lspClient';
import { serverCommand } from '../serverCommand';

const root = path.resolve(__dirname, '..', '..', '..');
const NVIM = process.env.NVIM_PATH ?? 'nvim';

const TS = [
  "import axios from 'axios';",
  'export function explain(err: { error_code: number; reason: string }) {',
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

interface Results {
  nvim: string;
  error?: string;
  filetypes: Record<string, string>;
  hover_ts: { kind: string; value: string };
  hover_json: { kind: string; value: string };
  hover_log: { kind: string; value: string };
  hover_log_plain: { kind: string; value: string };
  diagnostics_ts: { lnum: number; col: number; message: string; source: string; code: string; severity: number }[];
  completion_ts: string[];
  quick_fix: { title: string; line: string; sent_range: { start: { character: number } } };
  logs: string[];
}

describe('neovim: the built-in LSP client of real Neovim', () => {
  let dir: string;
  let results: Results;
  let stderr = '';

  before(async () => {
    const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
      throw new Error(`neovim: NOT RUN — ${NVIM} not found. Install it (apt-get install neovim, or bash scripts/setup-tools.sh as root).`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errorcodes-nvim-'));
    const files = {
      ts: path.join(dir, 'kyc.ts'),
      json: path.join(dir, 'response.json'),
      log: path.join(dir, 'gateway.log'),
      log_plain: path.join(dir, 'gateway-plain.log'),
    };
    fs.writeFileSync(files.ts, TS);
    fs.writeFileSync(files.json, JSON_TEXT);
    fs.writeFileSync(files.log, LOG_TEXT);
    fs.writeFileSync(files.log_plain, LOG_TEXT);
    const out = path.join(dir, 'results.json');
    const config = {
      cmd: serverCommand(),
      root: dir,
      // Neovim 0.7 has no workspace/configuration: settings go in init_options (any documented shape).
      init_options: { errorCodes: { unknownCodeSeverity: 'error' } },
      files,
      out,
      timeout_ms: 20000,
      expect_diagnostics: 1,
      positions: {
        hover_ts: { line: 3, character: 10 },
        completion_ts: { line: 4, character: 11 },
        fix_line: 6,
        hover_json: { line: 0, character: 12 },
        hover_log: { line: 0, character: LOG_TEXT.indexOf('604') + 1 },
      },
    };
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
    const nvim = spawn(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(root, 'test', 'neovim', 'client.lua')}`], {
      cwd: dir,
      env: { ...process.env, NVIM_TEST_CONFIG: path.join(dir, 'config.json'), XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_DATA_HOME: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    nvim.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => nvim.on('exit', resolve));
    try {
      results = await eventually(() => (fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Results) : undefined), 'Neovim to write its results', 90000, 100);
    } finally {
      const timer = setTimeout(() => nvim.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    assert.equal(results.error, undefined, `the Lua driver failed: ${results.error}\n${stderr}`);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('is Neovim 0.7 or later, and detects TS and JSON filetypes itself', () => {
    assert.match(results.nvim, /^0\.(\d+)\./);
    assert.deepEqual(results.filetypes, { ts: 'typescript', json: 'json', log: 'log', log_plain: '' });
  });

  it('hovers a Faceki case in TypeScript', () => {
    assert.equal(results.hover_ts.kind, 'markdown');
    assert.match(results.hover_ts.value, /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki/);
  });

  it("hovers Riset's 413 in a JSON response as Face too small", () => {
    assert.match(results.hover_json.value, /^\*\*413\*\* · Riset\.ai Face API/);
    assert.match(results.hover_json.value, /Face too small/i);
  });

  it('hovers a log line, with ft=log and with no filetype at all (by the .log extension)', () => {
    assert.match(results.hover_log.value, /^\*\*604\*\* · Riset\.ai Face API/);
    assert.equal(results.hover_log_plain.value, results.hover_log.value);
  });

  it('receives pushed diagnostics: the typo on the non-ASCII line', () => {
    const typo = results.diagnostics_ts.find((d) => d.code === 'did-you-mean');
    assert.ok(typo, JSON.stringify(results.diagnostics_ts));
    assert.equal(typo.source, 'error-codes');
    assert.equal(typo.lnum, 6);
    assert.equal(typo.severity, 1, 'unknownCodeSeverity "error" from init_options applies');
    assert.match(typo.message, /Did you mean SELFIE_LIVENESS_FAILED \(Faceki\)\?/);
    // Neovim keeps byte columns: the diagnostic starts after 'Ünïcödé 😀' counted in bytes.
    assert.equal(typo.col, Buffer.byteLength(TS.split('\n')[6].slice(0, TS.split('\n')[6].indexOf('SELFIE')), 'utf8'));
  });

  it("completes case 80 with Faceki's 8004…", () => {
    assert.deepEqual(results.completion_ts.slice(0, 3), ['8004', '8005', '8006']);
  });

  it('applies the quick fix on the non-ASCII line and leaves exactly the right text', () => {
    const line = TS.split('\n')[6];
    const utf16 = line.indexOf('SELFIE');
    assert.equal(results.quick_fix.sent_range.start.character, Buffer.byteLength(line.slice(0, utf16)), 'Neovim sent the range back in bytes');
    assert.notEqual(results.quick_fix.sent_range.start.character, utf16);
    assert.equal(results.quick_fix.title, 'Replace with SELFIE_LIVENESS_FAILED (Faceki: code 5004)');
    assert.equal(results.quick_fix.line, FIXED_LINE);
  });
});
