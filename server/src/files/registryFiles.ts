/**
 * Registry-file discovery, one for every front end: the language server (for every editor, VS Code included), the
 * CLI, the Action and the MCP server. Finds `*.errorcodes.json` under the roots with the walk's rules (`.gitignore`,
 * never `.git` or `node_modules`), adds the `errorCodes.registryFiles` paths (absolute, or relative to each base
 * folder) and reads them all, in path order; a file over MAX_REGISTRY_BYTES, missing or unreadable is a problem, never
 * an exception. The search is a generator that yields per directory, so the server drives it without holding its
 * requests (`findRegistryFilesAsync`) and the CLI drives it straight through (`findRegistryFiles`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_REGISTRY_BYTES, REGISTRY_FILE, type WorkspaceRegistryFile } from '../protocol';
import { errorText, walkSteps } from './walk';

export { MAX_REGISTRY_BYTES, REGISTRY_FILE };

/** At most this many `*.errorcodes.json` files are read from the walk. */
export const MAX_REGISTRY_FILES = 1000;

export interface RegistrySearch {
  /** Folders searched for `*.errorcodes.json` (none in Restricted Mode). */
  roots: string[];
  /** `errorCodes.registryFiles`: absolute paths, or relative to each of `bases`. */
  registryFiles: string[];
  /** The folders relative `registryFiles` are resolved against; `roots` when not given. */
  bases?: string[];
  /** Registry files the caller's own walk found already (the CLI's check over its paths). */
  found?: string[];
  /** gitignore-style patterns, relative to each root (the CLI's `--ignore`). */
  ignore?: string[];
  /** Stop walking after this many directories and say so: a root such as `$HOME` must not cost an editor minutes. */
  maxDirectories?: number;
}

/** One registry file read from disk. */
export interface FoundRegistryFile extends WorkspaceRegistryFile {
  path: string;
}

/** A file that could not be used, or why the search stopped; `message` is a whole sentence naming it. */
export interface RegistryFileProblem {
  file: string;
  message: string;
}

export interface FoundRegistryFiles {
  files: FoundRegistryFile[];
  problems: RegistryFileProblem[];
  /** Directories walked (a server watches them for new files). */
  directories: string[];
  /** The `registryFiles` paths, resolved, whether they exist or not (to watch for them). */
  configured: string[];
}

/** The search, one directory per step; returns what it found. */
function* search(s: RegistrySearch): Generator<void, FoundRegistryFiles, void> {
  const problems: RegistryFileProblem[] = [];
  const directories: string[] = [];
  const walked: string[] = [];
  const max = s.maxDirectories ?? Infinity;
  for (const directory of walkSteps(s.roots, { ignore: s.ignore ?? [], registryOnly: true }, (f) => walked.push(f.file), () => undefined)) {
    if (directories.length >= max) {
      problems.push({ file: directory, message: `Stopped looking for *.errorcodes.json after ${max} directories; name the files in errorCodes.registryFiles.` });
      break;
    }
    directories.push(directory);
    yield;
  }
  if (walked.length > MAX_REGISTRY_FILES) {
    problems.push({ file: walked[MAX_REGISTRY_FILES], message: `Only the first ${MAX_REGISTRY_FILES} *.errorcodes.json files were read.` });
  }
  const paths = new Set([...(s.found ?? []), ...walked.slice(0, MAX_REGISTRY_FILES)].map((p) => path.resolve(p)));
  const bases = s.bases ?? s.roots;
  const configured: string[] = [];
  for (const p of s.registryFiles) {
    const candidates = path.isAbsolute(p) ? [p] : bases.map((b) => path.resolve(b, p));
    configured.push(...candidates);
    const existing = candidates.filter((c) => fs.existsSync(c));
    if (!existing.length) {
      problems.push({ file: candidates[0] ?? p, message: `errorCodes.registryFiles: ${p} was not found${path.isAbsolute(p) || !bases.length ? '' : ` in ${bases.join(', ')}`}.` });
    }
    for (const c of existing) paths.add(c);
  }
  const files: FoundRegistryFile[] = [];
  for (const p of [...paths].sort()) {
    const read = readRegistryFile(p);
    if ('message' in read) problems.push(read);
    else files.push(read);
  }
  return { files, problems, directories, configured };
}

/** One registry file's text, or why it was not read (over the size limit, unreadable). */
export function readRegistryFile(p: string): FoundRegistryFile | RegistryFileProblem {
  try {
    if (fs.statSync(p).size > MAX_REGISTRY_BYTES) return { file: p, message: `${path.basename(p)} is over ${MAX_REGISTRY_BYTES / 1048576} MB and was not loaded.` };
    return { path: p, uri: pathToFileURL(p).href, text: fs.readFileSync(p, 'utf8') };
  } catch (e) {
    return { file: p, message: `${p} could not be read: ${errorText(e)}` };
  }
}

/** The registry files of a workspace, found and read in one go (the CLI). */
export function findRegistryFiles(s: RegistrySearch): FoundRegistryFiles {
  const steps = search(s);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Directories walked between two turns of the event loop. */
const DIRECTORIES_PER_TURN = 64;

/** The same, giving way to the event loop every few directories, so a server answers requests meanwhile. */
export async function findRegistryFilesAsync(s: RegistrySearch): Promise<FoundRegistryFiles> {
  const steps = search(s);
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % DIRECTORIES_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
