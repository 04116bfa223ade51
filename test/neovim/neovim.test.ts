// Real Neovim (Debian's 0.7.2, built-in LSP client) driven headless against the server: hovers in TS, JSON and logs,
// pushed diagnostics, completion in `case 80`, and the quick fix on a line with non-ASCII text. The Lua side
// (client.lua) writes what Neovim saw to a JSON file; the harness polls for it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CODE_LINES, commandOnPath, FIXED_LINE, JSON_TEXT, LOG_TEXT, positions, configBlock, root, runEditor, TYPO_BYTE_COLUMN, TYPO_UTF16_COLUMN } from '../editorHarness';

const NVIM = process.env.NVIM_PATH ?? 'nvim';

// TypeScript: the shared lines under an import and a typed parameter.
const TS = ["import axios from 'axios';", ...CODE_LINES].join('\n').replace('explain(err)', 'explain(err: { error_code: number; reason: string })');

type HoverResult = { kind: string; value: string };
interface Results {
  nvim: string;
  error?: string;
  filetypes: Record<string, string>;
  clients: number;
  hover_ts: HoverResult;
  hover_json: HoverResult;
  hover_log: HoverResult;
  hover_log_plain: HoverResult;
  diagnostics_ts: { lnum: number; col: number; message: string; source: string; code: string; severity: number }[];
  completion_ts: string[];
  quick_fix: { title: string; line: string; sent_range: { start: { character: number } } };
}

describe('neovim: the built-in LSP client of real Neovim', () => {
  let dir = '';
  let results: Results;

  before(async () => {
    if (spawnSync(NVIM, ['--version']).status !== 0) {
      throw new Error(`neovim: NOT RUN — ${NVIM} not found. Install it (apt-get install neovim, or bash scripts/setup-tools.sh as root).`);
    }
    const run = await runEditor<Results>(
      'neovim',
      NVIM,
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(root, 'test', 'neovim', 'client.lua')}`],
      { ts: ['kyc.ts', TS], json: ['response.json', JSON_TEXT], log: ['gateway.log', LOG_TEXT], log_plain: ['gateway-plain.log', LOG_TEXT], user_config: ['init.lua', configBlock('## Neovim 0.7', 'lua')] },
      (_d, paths) => ({
        user_config: paths.user_config,
        timeout_ms: 20000,
        expect_diagnostics: 1,
        positions: positions(1),
      }),
      (d) => ({ XDG_STATE_HOME: d, XDG_CACHE_HOME: d, XDG_DATA_HOME: d, PATH: `${commandOnPath(d)}${path.delimiter}${process.env.PATH}` }),
    );
    ({ dir, results } = run);
    assert.equal(results.error, undefined, `the Lua driver failed: ${results.error}\n${run.stderr}`);
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

  it('one client serves every buffer, as the configuration intends', () => {
    assert.equal(results.clients, 1);
  });

  it('receives pushed diagnostics: the typo on the non-ASCII line, with the severity from init_options', () => {
    const typo = results.diagnostics_ts.find((d) => d.code === 'did-you-mean');
    assert.ok(typo, JSON.stringify(results.diagnostics_ts));
    assert.equal(typo.source, 'error-codes');
    assert.equal(typo.lnum, 6);
    assert.equal(typo.severity, 3, 'unknownCodeSeverity "information" from the documented init_options applies');
    assert.match(typo.message, /Did you mean SELFIE_LIVENESS_FAILED \(Faceki\)\?/);
    // Neovim keeps byte columns: the diagnostic starts after 'Ünïcödé 😀' counted in bytes.
    assert.equal(typo.col, TYPO_BYTE_COLUMN);
  });

  it("completes case 80 with Faceki's 8004…", () => {
    assert.deepEqual(results.completion_ts.slice(0, 3), ['8004', '8005', '8006']);
  });

  it('applies the quick fix on the non-ASCII line and leaves exactly the right text', () => {
    assert.equal(results.quick_fix.sent_range.start.character, TYPO_BYTE_COLUMN, 'Neovim sent the range back in bytes');
    assert.notEqual(TYPO_BYTE_COLUMN, TYPO_UTF16_COLUMN);
    assert.equal(results.quick_fix.title, 'Replace with SELFIE_LIVENESS_FAILED (Faceki: code 5004)');
    assert.equal(results.quick_fix.line, FIXED_LINE);
  });
});
