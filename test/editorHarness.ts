/**
 * What the editor tiers (test/neovim, test/emacs) share: the workspace files, the expected quick-fix result, and
 * running an editor headless until its driver script has written its results (polled, never a fixed sleep).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from './lspClient';
import { serverCommand } from './serverCommand';

export const root = path.resolve(__dirname, '..', '..');

/** A switch over error_code (hover 5004, complete `case 80`) and a typo after non-ASCII text (the quick fix). */
export const CODE_LINES = [
  'export function explain(err) {',
  '  switch (err.error_code) {',
  "    case 5004: return 'liveness';",
  '    case 80',
  '  }',
  "  const label = 'Ünïcödé 😀'; if (err.reason === 'SELFIE_LIVENESS_FAILD') return label;",
  '}',
];
export const FIXED_LINE = "  const label = 'Ünïcödé 😀'; if (err.reason === 'SELFIE_LIVENESS_FAILED') return label;";
export const JSON_TEXT = '{"status": 413, "status_message": "Face too small", "facegallery_id": "g1", "trx_id": "t-9"}';
export const LOG_TEXT = '2026-12-01T10:00:00Z gateway status=604 facegallery_id=g1 trx_id=abc latency=12ms\n';

/** Positions in CODE_LINES (plus `offset` lines above), JSON_TEXT and LOG_TEXT, in UTF-16 columns. */
export function positions(offset: number) {
  return {
    hover_code: { line: offset + 2, character: 10 },
    completion_code: { line: offset + 3, character: 11 },
    fix_line: offset + 5,
    hover_json: { line: 0, character: 12 },
    hover_log: { line: 0, character: LOG_TEXT.indexOf('604') + 1 },
  };
}

/** The byte column of the typo on the fix line, where Neovim counts. */
export const TYPO_BYTE_COLUMN = Buffer.byteLength(CODE_LINES[5].slice(0, CODE_LINES[5].indexOf('SELFIE')), 'utf8');
export const TYPO_UTF16_COLUMN = CODE_LINES[5].indexOf('SELFIE');

/** The first ```lang block under a heading of docs/other-editors.md: the configuration a user copies, as it stands there. */
export function configBlock(heading: string, lang: string): string {
  const doc = fs.readFileSync(path.join(root, 'docs', 'other-editors.md'), 'utf8');
  const at = doc.indexOf(heading);
  const block = at < 0 ? null : new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc.slice(at));
  if (!block) throw new Error(`docs/other-editors.md has no ${lang} block under "${heading}"`);
  return block[1];
}

/** A `bin/` in `dir` holding `api-error-codes-language-server` (the documented command) that runs the server under test. */
export function commandOnPath(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const argv = serverCommand().filter((a) => a !== '--stdio');
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(path.join(bin, 'api-error-codes-language-server'), `#!/bin/sh\nexec ${argv.map(quote).join(' ')} "$@"\n`, { mode: 0o755 });
  return bin;
}

export interface EditorRun<T> {
  dir: string;
  results: T;
  stderr: string;
}

/**
 * Writes `files` (name → text) into a fresh directory, `config.json` with `config(dir, paths)` plus `out`, and runs
 * the editor there until it has written `out` (90 s at most); the editor is killed if it does not exit after that.
 */
export async function runEditor<T>(
  name: string,
  command: string,
  args: string[],
  files: Record<string, [file: string, text: string]>,
  config: (dir: string, paths: Record<string, string>) => object,
  env: (dir: string) => NodeJS.ProcessEnv,
): Promise<EditorRun<T>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `errorcodes-${name}-`));
  const paths: Record<string, string> = {};
  for (const [key, [file, text]] of Object.entries(files)) {
    paths[key] = path.join(dir, file);
    fs.writeFileSync(paths[key], text);
  }
  const out = path.join(dir, 'results.json');
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify({ ...config(dir, paths), files: paths, out }));
  const child = spawn(command, args, { cwd: dir, env: { ...process.env, ...env(dir), EDITOR_TEST_CONFIG: configFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    const results = await eventually(() => (fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, 'utf8')) as T) : undefined), `${name} to write its results`, 90000, 100);
    return { dir, results, stderr };
  } catch (e) {
    throw new Error(`${String(e)}\n${name} stderr:\n${stderr.slice(-3000)}`);
  } finally {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
