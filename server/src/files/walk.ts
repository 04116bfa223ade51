/**
 * The file layer's walk, shared by the CLI's `check`, the workspace index and registry-file discovery: each path
 * depth-first in name order, honouring `.gitignore` files (those of the enclosing repository above the path too) and
 * `--ignore` patterns, never entering `.git` or `node_modules`. Only paths are kept, never contents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ignore, { type Ignore } from 'ignore';
import { languageOfPath } from '../languageIds';
import { REGISTRY_FILE } from '../protocol';

/** One file to check. */
export interface WalkedFile {
  /** Absolute path. */
  file: string;
  languageId: string;
  /** A `*.errorcodes.json` registry file (checked as a registry, and merged into the registry). */
  registry: boolean;
}

/** A path the walk could not use, reported per path; the walk goes on. */
export interface WalkProblem {
  file: string;
  message: string;
  /** `error` for what could not be read; `warning` for what was skipped on purpose (e.g. an unsupported file named). */
  severity: 'error' | 'warning';
}

export { REGISTRY_FILE };
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

interface Rules {
  base: string;
  ig: Ignore;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

function readIgnoreFile(dir: string): Rules | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { base: dir, ig: ignore().add(text) };
}

/** The `.gitignore` rules that apply to `dir` from the repository above it (top first), if it is in one. */
function ancestorRules(dir: string): Rules[] {
  if (fs.existsSync(path.join(dir, '.git'))) return [];
  const chain: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    chain.push(d);
    if (fs.existsSync(path.join(d, '.git'))) return chain.reverse().flatMap((c) => readIgnoreFile(c) ?? []);
    if (path.dirname(d) === d) return [];
  }
}

function ignored(rules: Rules[], abs: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = toPosix(path.relative(r.base, abs));
    if (rel && !rel.startsWith('..') && r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

export interface WalkOptions {
  /** gitignore-style patterns, relative to each path walked. */
  ignore: string[];
  /** Only registry files (a walk of the workspace for `*.errorcodes.json` outside the paths checked). */
  registryOnly?: boolean;
  /** Also skips what this says (an editor's `files.exclude`); `siblings` are the names in the same directory. */
  exclude?: (abs: string, isDir: boolean, siblings: ReadonlySet<string>) => boolean;
}

/** Walks `roots`, calling `onFile` for each supported file and `onProblem` for each path it cannot use. */
export function walk(roots: string[], options: WalkOptions, onFile: (f: WalkedFile) => void, onProblem: (p: WalkProblem) => void): void {
  for (const _directory of walkSteps(roots, options, onFile, onProblem));
}

/**
 * The walk one directory at a time: yields each directory as it is entered (before its entries are visited), so a
 * caller can stop after a number of them or give way to other work in between.
 */
export function* walkSteps(roots: string[], options: WalkOptions, onFile: (f: WalkedFile) => void, onProblem: (p: WalkProblem) => void): Generator<string, void, void> {
  const seen = new Set<string>();
  const visitFile = (abs: string, named: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const registry = REGISTRY_FILE.test(abs);
    if (options.registryOnly && !registry) return;
    const languageId = registry ? 'json' : languageOfPath(abs);
    if (languageId) onFile({ file: abs, languageId, registry });
    else if (named) onProblem({ file: abs, message: 'not a supported file type; skipped', severity: 'warning' });
  };
  for (const root of roots) {
    const abs = path.resolve(root);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      onProblem({ file: abs, message: `cannot read: ${errorText(e)}`, severity: 'error' });
      continue;
    }
    if (!stat.isDirectory()) {
      visitFile(abs, true);
      continue;
    }
    const own = ignore().add(options.ignore);
    // A directory named on the command line is walked even if the repository ignores it (as ripgrep does); its
    // ancestors' rules then do not apply, since they would ignore everything under it.
    const above = ancestorRules(abs);
    const rules: Rules[] = [...(ignored(above, abs, true) ? [] : above), { base: abs, ig: own }];
    yield* walkDir(abs, rules, visitFile, onProblem, options.exclude);
  }
}

function* walkDir(
  dir: string,
  inherited: Rules[],
  visitFile: (abs: string, named: boolean) => void,
  onProblem: (p: WalkProblem) => void,
  exclude: WalkOptions['exclude'],
): Generator<string, void, void> {
  yield dir;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    onProblem({ file: dir, message: `cannot read directory: ${errorText(e)}`, severity: 'error' });
    return;
  }
  const own = entries.some((e) => e.name === '.gitignore') ? readIgnoreFile(dir) : undefined;
  const rules = own ? [...inherited, own] : inherited;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const siblings = exclude ? new Set(entries.map((e) => e.name)) : undefined;
  for (const entry of entries) {
    const abs = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are read; linked directories are not entered (cycles, and trees outside the workspace).
      try {
        const target = fs.statSync(abs);
        isFile = target.isFile();
        isDir = false;
        if (!isFile) continue;
      } catch (e) {
        if (!ignored(rules, abs, false) && languageOfPath(abs)) onProblem({ file: abs, message: `cannot read: ${errorText(e)}`, severity: 'error' });
        continue;
      }
    }
    if (isDir) {
      if (ALWAYS_SKIPPED.has(entry.name) || ignored(rules, abs, true) || exclude?.(abs, true, siblings!)) continue;
      yield* walkDir(abs, rules, visitFile, onProblem, exclude);
    } else if (isFile && !ignored(rules, abs, false) && !exclude?.(abs, false, siblings!)) {
      visitFile(abs, false);
    }
  }
}

/** Workspace roots as file-system paths: the workspace folders, else rootUri, else rootPath; folders not on disk are none. */
export function workspaceRoots(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null; rootPath?: string | null }): string[] {
  const uris = params.workspaceFolders?.length ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
  const roots = uris.flatMap((u) => {
    try {
      return typeof u === 'string' && u.startsWith('file:') ? [fileURLToPath(u)] : [];
    } catch {
      return [];
    }
  });
  if (!roots.length && typeof params.rootPath === 'string' && path.isAbsolute(params.rootPath)) roots.push(params.rootPath);
  return [...new Set(roots)];
}

/** The roots after `workspace/didChangeWorkspaceFolders`: the removed folders' gone, the added ones' last. */
export function changedRoots(roots: string[], added: { uri: string }[], removed: { uri: string }[]): string[] {
  const gone = new Set(workspaceRoots({ workspaceFolders: removed }));
  return [...new Set([...roots.filter((r) => !gone.has(r)), ...workspaceRoots({ workspaceFolders: added })])];
}

/** A short reason from a Node error: its code (ENOENT, EACCES, …) or message. */
export function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (e instanceof Error ? e.message : String(e));
}

/**
 * Whether `walk([root], options)` would visit `abs` (a file under `root`): the same `.gitignore` files, skipped
 * directories and excludes, checked along the one path. For file events, which name a single file.
 */
export function wouldWalk(root: string, abs: string, options: WalkOptions): boolean {
  const rel = path.relative(root, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  if (!languageOfPath(abs) && !REGISTRY_FILE.test(abs)) return false;
  const above = ancestorRules(root);
  let rules: Rules[] = [...(ignored(above, root, true) ? [] : above), { base: root, ig: ignore().add(options.ignore) }];
  const parts = rel.split(path.sep);
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    const own = readIgnoreFile(dir);
    if (own) rules = [...rules, own];
    const abs = path.join(dir, parts[i]);
    const isDir = i < parts.length - 1;
    if ((isDir && ALWAYS_SKIPPED.has(parts[i])) || ignored(rules, abs, isDir)) return false;
    if (options.exclude) {
      let siblings: ReadonlySet<string>;
      try {
        siblings = new Set(fs.readdirSync(dir));
      } catch {
        siblings = new Set();
      }
      if (options.exclude(abs, isDir, siblings)) return false;
    }
    dir = abs;
  }
  return true;
}

/** Whether file contents are binary rather than text: git's rule, a NUL in the first 8,000 bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}
