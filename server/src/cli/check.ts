/** `api-error-codes check [paths…]`: the editor's diagnostics for a whole tree, as text, JSON or SARIF, with an exit code. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RegistryProblem } from '../registry';
import { checkAll, type Task } from './pool';
import { withFingerprints, type FileResult, type Finding, type FindingSeverity, type FixMode } from './checkFile';
import { ansi, count, emptyCounts, jsonReport, plain, REGISTRY_RULE, sarifReport, textBlock, textSummary, type Counts } from './report';
import { ignores } from '../service/suppressions';
import { VERSION } from './version';
import { walk } from '../files/walk';
import { findRegistryFiles } from '../files/registryFiles';
import { buildRegistries, loadSettings, UsageError } from './workspace';

/** What to check and how: everything but the presentation (shared by `check` and the GitHub Action). */
export interface CheckInput {
  paths: string[];
  ignore: string[];
  /** Codes or rule ids never reported, added to the settings' `errorCodes.ignore`. */
  ignoreCodes: string[];
  config?: string;
  fix: FixMode;
  /** False: no workspace registry file is read or checked (Restricted Mode); the built-in registry only. */
  workspaceRegistries?: boolean;
  /** Worker threads; undefined: chosen by the number of files. */
  jobs?: number;
  cwd: string;
  /** This bundle, for worker threads. */
  script: string;
}

export interface CheckOptions extends CheckInput {
  format: 'text' | 'json' | 'sarif';
  failOn: 'error' | 'warning' | 'info';
  output?: string;
  /** SARIF's automationDetails category (default: the tool's name). */
  sarifCategory?: string;
  stdout: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
}

/** Below this many files, threads cost more to start than they save. */
const THREADS_FROM = 64;
const RANK: Record<FindingSeverity, number> = { error: 1, warning: 2, info: 3, hint: 4 };
const PROBLEM_SEVERITY: Record<RegistryProblem['severity'], FindingSeverity> = { error: 'error', warning: 'warning', information: 'info' };

function registryFindings(text: string, problems: RegistryProblem[], ignore: readonly string[]): Finding[] {
  // JSON has no comments: only the ignore setting or flag silences the rule here.
  if (ignores(ignore, REGISTRY_RULE)) return [];
  const doc = TextDocument.create('file:///registry', 'json', 1, text);
  return withFingerprints(
    doc,
    problems.map((p) => {
      const start = doc.positionAt(p.offset);
      const end = doc.positionAt(p.offset + p.length);
      return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: PROBLEM_SEVERITY[p.severity], rule: REGISTRY_RULE, message: p.message };
    }),
  );
}

/**
 * Checks the tree: walks the paths, merges the workspace's registries, checks each file on the pool and hands every
 * file's result to `onResult` in walk order. Resolves to the counts.
 */
export async function checkTree(o: CheckInput, onResult: (r: FileResult, total: number) => void): Promise<Counts> {
  const loaded = loadSettings(o.cwd, o.config).settings;
  const trusted = o.workspaceRegistries !== false;
  const settings = o.ignoreCodes.length ? { ...loaded, ignore: [...loaded.ignore, ...o.ignoreCodes] } : loaded;
  const tasks: Task[] = [];
  const early: FileResult[] = [];
  const registryPaths: string[] = [];
  walk(
    o.paths,
    { ignore: o.ignore },
    (f) => (f.registry ? trusted && registryPaths.push(f.file) : tasks.push({ file: f.file, languageId: f.languageId })),
    (p) => early.push({ file: p.file, findings: [], problem: { message: p.message, severity: p.severity } }),
  );
  // Registry files anywhere in the workspace count, as in the editor, even when only a subfolder is checked.
  const covered = o.paths.some((p) => path.resolve(o.cwd, p) === o.cwd);
  const found = trusted ? findRegistryFiles({ roots: covered ? [] : [o.cwd], bases: [o.cwd], found: registryPaths, registryFiles: settings.registryFiles }) : { files: [], problems: [] };
  const { files } = found;
  const { problems } = buildRegistries(files);
  for (const u of found.problems) early.push({ file: u.file, findings: [], problem: { message: u.message, severity: 'error' } });
  for (const f of files) early.push({ file: f.path, findings: registryFindings(f.text, problems.get(f.uri) ?? [], settings.ignore) });

  const counts = emptyCounts();
  const total = tasks.length + early.length;
  const each = (r: FileResult) => {
    count(counts, r);
    onResult(r, total);
  };
  early.forEach(each);
  const jobs = o.jobs ?? (tasks.length >= THREADS_FROM ? Math.max(1, Math.min(os.availableParallelism(), 8)) : 0);
  await checkAll(tasks, { registryFiles: files.map(({ uri, text }) => ({ uri, text })), settings, fix: o.fix }, jobs, o.script, each);
  return counts;
}

/** Runs `check`; resolves to the exit code (0 clean, 1 findings at or above failOn, 2 I/O errors). */
export async function runCheck(o: CheckOptions): Promise<number> {
  const paint = o.stdout.isTTY && !process.env.NO_COLOR && o.format === 'text' && !o.output ? ansi : plain;
  const kept: FileResult[] = [];
  const out = o.output ? fs.createWriteStream(path.resolve(o.cwd, o.output)) : undefined;
  const write = (s: string) => (out ? out.write(s) : o.stdout.write(s));
  const progress = o.stderr.isTTY ? o.stderr : undefined;
  let done = 0;
  let shownAt = 0;
  const counts = await checkTree(o, (r, total) => {
    done++;
    if (o.format === 'text') write(textBlock(r, o.cwd, paint));
    else if (r.findings.length || r.problem || r.fixes?.length) kept.push(r);
    if (progress && Date.now() - shownAt > 100) {
      shownAt = Date.now();
      progress.write(`\r\u001b[Kchecking ${done} / ${total} files`);
    }
  });
  if (progress) progress.write('\r\u001b[K');

  if (o.format === 'text') write(textSummary(counts, paint));
  else if (o.format === 'json') write(JSON.stringify(jsonReport(kept, counts, o.cwd), null, 2) + '\n');
  else write(sarifReport(kept, counts, o.cwd, VERSION, undefined, o.sarifCategory));
  if (out) await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(new UsageError(`cannot write ${o.output}: ${e.message}`)) : resolve())));
  return exitCode(counts, o.failOn);
}

/** 2 when a file could not be read or checked, else 1 when a finding is at or above `failOn`, else 0. */
export function exitCode(c: Counts, failOn: CheckOptions['failOn']): number {
  if (c.failed) return 2;
  const limit = RANK[failOn];
  const failing = (['error', 'warning', 'info'] as const).some((s) => RANK[s] <= limit && c[s] > 0);
  return failing ? 1 : 0;
}
