// Real Emacs (Debian's 28) with eglot (Debian's elpa-eglot 1.9) in batch mode against the server: hovers in JS, JSON and
// a log (eglot asks for plaintext hovers when markdown-mode is absent), pushed diagnostics with settings from
// eglot-workspace-configuration, completion in `case 80`, and the quick fix on a non-ASCII line. The Lisp side
// (client.el) writes what eglot saw to a JSON file; the harness polls for it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CODE_LINES, commandOnPath, FIXED_LINE, JSON_TEXT, LOG_TEXT, positions, configBlock, root, runEditor } from '../editorHarness';

const EMACS = process.env.EMACS_PATH ?? 'emacs';

type HoverResult = { kind: string; value: string };
interface Results {
  emacs: string;
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
  let dir = '';
  let results: Results;

  before(async () => {
    // -q, not -Q: Debian's site-start puts its elpa packages (elpa-eglot) on the load path.
    const probe = spawnSync(EMACS, ['--batch', '-q', '--eval', "(require 'eglot)"], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      throw new Error(`emacs: NOT RUN — ${EMACS} with eglot not found. Install them (apt-get install emacs-nox elpa-eglot, or bash scripts/setup-tools.sh as root).\n${probe.stderr ?? ''}`);
    }
    const run = await runEditor<Results>(
      'emacs',
      EMACS,
      ['--batch', '-q', '-l', path.join(root, 'test', 'emacs', 'client.el')],
      {
        js: ['kyc.js', CODE_LINES.join('\n')],
        json: ['response.json', JSON_TEXT],
        log: ['gateway.log', LOG_TEXT],
        user_config: ['init.el', configBlock('## Emacs + eglot', 'elisp')],
      },
      (d, paths) => ({ user_config: paths.user_config, root: d + '/', timeout_ms: 20000, positions: positions(0) }),
      (d) => ({ HOME: d, PATH: `${commandOnPath(d)}${path.delimiter}${process.env.PATH}` }),
    );
    ({ dir, results } = run);
    assert.equal(results.error, undefined, `the Lisp driver failed: ${results.error}\n${run.stderr.slice(-3000)}`);
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

  it("receives pushed diagnostics with the severity from the documented eglot-workspace-configuration", () => {
    const typo = results.diagnostics_js.find((d) => d.code === 'did-you-mean');
    assert.ok(typo, JSON.stringify(results.diagnostics_js));
    assert.equal(typo.line, 5);
    assert.equal(typo.severity, 3, 'unknownCodeSeverity "information"');
  });

  it("completes case 80 with Faceki's 8004… through eglot's completion-at-point", () => {
    assert.deepEqual(results.completion_js.slice(0, 3), ['8004', '8005', '8006']);
  });

  it('applies the quick fix (eglot-code-actions) on the non-ASCII line and leaves exactly the right text', () => {
    assert.equal(results.fixed_line, FIXED_LINE);
  });
});
