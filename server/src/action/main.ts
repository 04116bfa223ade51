/**
 * The GitHub Action's entry (action.yml, `runs.using: node24`): `check` on the inputs' paths, the findings as
 * annotations on the pull request and the job, a SARIF log for code scanning, and `findings` / `sarif-file` outputs.
 * Inputs arrive as INPUT_* variables, outputs go to the file named by GITHUB_OUTPUT, as the runner does it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkTree, exitCode } from '../cli/check';
import type { FileResult, FindingSeverity } from '../cli/checkFile';
import { runWorker, WORKER_ROLE, type CheckSetup } from '../cli/pool';
import { displayPath, plain, sarifReport, textBlock, textSummary } from '../cli/report';
import { VERSION } from '../cli/version';
import { UsageError } from '../cli/workspace';

/** GitHub shows at most 10 annotations of each level per step; more would only fill the log. */
export const ANNOTATIONS_PER_LEVEL = 10;
const FAIL_ON = ['error', 'warning', 'info'] as const;
const COMMAND: Record<FindingSeverity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** An input as the runner passes it: INPUT_<NAME upper-cased, spaces as _>, trimmed. */
function input(name: string, env: NodeJS.ProcessEnv): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A list input: one item per line or separated by spaces (and, for codes, commas). */
function list(value: string, separators = /\s+/): string[] {
  return value.split(separators).filter(Boolean);
}

// Workflow commands: data escapes %, CR and LF; property values also `:` and `,`.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::warning file=…,line=…::message` lines for the first findings of each level. */
export function annotations(results: FileResult[], cwd: string): string[] {
  const out: string[] = [];
  const shown: Record<string, number> = {};
  let left = 0;
  for (const r of results) {
    for (const f of r.findings) {
      const level = COMMAND[f.severity];
      if ((shown[level] = (shown[level] ?? 0) + 1) > ANNOTATIONS_PER_LEVEL) {
        left++;
        continue;
      }
      const props = { file: displayPath(r.file, cwd), line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `api-error-codes: ${f.rule}` };
      const head = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      out.push(`::${level} ${head}::${escapeData(f.message)}`);
    }
    if (r.problem) out.push(`::${r.problem.severity} file=${escapeProperty(displayPath(r.file, cwd))}::${escapeData(r.problem.message)}`);
  }
  if (left) out.push(`::notice::${left} more findings are not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level and step); the log above and the SARIF file list them all.`);
  return out;
}

/** Runs the Action; resolves to the process's exit code. */
export async function runAction(env: NodeJS.ProcessEnv, cwd: string, write: (s: string) => void): Promise<number> {
  const failOn = input('fail-on', env) || 'warning';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    write(`::error::api-error-codes: the fail-on input must be one of ${FAIL_ON.join(', ')} (got "${escapeData(failOn)}")\n`);
    return 2;
  }
  const sarifFile = path.resolve(cwd, input('sarif-file', env) || path.join(env.RUNNER_TEMP || os.tmpdir(), 'api-error-codes.sarif'));
  const paths = list(input('paths', env));
  const kept: FileResult[] = [];
  const counts = await checkTree(
    { paths: paths.length ? paths : ['.'], ignore: [], ignoreCodes: list(input('ignore-codes', env), /[\s,]+/), fix: false, cwd, script: __filename },
    (r) => {
      write(textBlock(r, cwd, plain));
      if (r.findings.length || r.problem) kept.push(r);
    },
  );
  write(textSummary(counts, plain));
  for (const line of annotations(kept, cwd)) write(line + '\n');
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  fs.writeFileSync(sarifFile, sarifReport(kept, counts, cwd, VERSION));
  const findings = counts.error + counts.warning + counts.info + counts.hint;
  if (env.GITHUB_OUTPUT) fs.appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\nfindings=${findings}\n`);
  return exitCode(counts, failOn as (typeof FAIL_ON)[number]);
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_ROLE) {
  runWorker(parentPort!, (workerData as { setup: CheckSetup }).setup);
} else if (require.main === module) {
  runAction(process.env, process.cwd(), (s) => process.stdout.write(s)).then(
    (code) => (process.exitCode = code),
    (e) => {
      const text = e instanceof UsageError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
      process.stdout.write(`::error::api-error-codes: ${escapeData(text)}\n`);
      process.exitCode = 2;
    },
  );
}
