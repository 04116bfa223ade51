/**
 * Workspace registry files for clients that do not send them (every editor but VS Code, whose client reads them
 * itself and honours Workspace Trust): finds `*.errorcodes.json` under the workspace folders and the files named by
 * `registryFiles` (absolute, or relative to each folder), reads them, and reads them again when one changes — told by
 * the client's `workspace/didChangeWatchedFiles` where it can register watchers, by `fs.watch` otherwise.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { REGISTRY_FILE, type WorkspaceRegistryFile } from './protocol';
import { MAX_REGISTRY_BYTES as MAX_BYTES } from './protocol';

const MAX_FILES = 1000;
/** A root such as `$HOME` must not cost minutes: the walk stops after this many directories, and says so. */
const MAX_DIRECTORIES = 20000;
/** fs.watch holds one inotify watch per directory; beyond this many only the roots are watched. */
const MAX_WATCHED = 2000;
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.cache']);
const RESCAN_DELAY_MS = 200;

/** The glob patterns a client watches for us (`workspace/didChangeWatchedFiles`). */
export const WATCH_GLOB = '**/*.errorcodes.json';

/** Workspace roots as file-system paths: the workspace folders, else rootUri, else rootPath. */
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

export interface Found {
  files: WorkspaceRegistryFile[];
  notices: string[];
  /** Directories walked, for fs.watch. */
  directories: string[];
  /** Paths of registryFiles, existing or not, for fs.watch and client watchers. */
  configured: string[];
}

/** Finds and reads the registry files of the roots. Never throws: what cannot be read becomes a notice. */
export async function findRegistryFiles(roots: string[], registryFiles: string[]): Promise<Found> {
  const notices: string[] = [];
  const paths = new Set<string>();
  const directories: string[] = [];
  const queue = [...roots];
  while (queue.length) {
    const dir = queue.shift()!;
    if (directories.length >= MAX_DIRECTORIES) {
      notices.push(`Stopped looking for *.errorcodes.json after ${MAX_DIRECTORIES} directories; name the files in errorCodes.registryFiles.`);
      break;
    }
    directories.push(dir);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) queue.push(path.join(dir, e.name));
      } else if ((e.isFile() || e.isSymbolicLink()) && REGISTRY_FILE.test(e.name)) {
        if (paths.size < MAX_FILES) paths.add(path.join(dir, e.name));
      }
    }
  }
  const configured: string[] = [];
  for (const p of registryFiles) {
    const candidates = path.isAbsolute(p) ? [p] : roots.map((r) => path.join(r, p));
    configured.push(...candidates);
    const existing = candidates.filter((c) => fs.existsSync(c));
    if (!existing.length) notices.push(`errorCodes.registryFiles: ${p} was not found${path.isAbsolute(p) || !roots.length ? '' : ` in ${roots.join(', ')}`}.`);
    for (const c of existing) paths.add(c);
  }
  const files: WorkspaceRegistryFile[] = [];
  for (const p of paths) {
    try {
      const stat = await fs.promises.stat(p);
      if (stat.size > MAX_BYTES) {
        notices.push(`${path.basename(p)} is over 16 MB and was not loaded.`);
        continue;
      }
      files.push({ uri: pathToFileURL(p).toString(), text: await fs.promises.readFile(p, 'utf8') });
    } catch (e) {
      notices.push(`${p} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { files, notices, directories, configured };
}

export interface DiscoveryHooks {
  /** The `registryFiles` setting in force. */
  registryFiles(): Promise<string[]>;
  /** The complete set of files, as the VS Code client's notification would carry it. */
  apply(files: WorkspaceRegistryFile[], notices: string[]): void;
  log(message: string): void;
}

/** Keeps the server's registry in step with the files on disk until stopped. */
export class WorkspaceDiscovery {
  private timer: NodeJS.Timeout | undefined;
  private watchers: fs.FSWatcher[] = [];
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** What was applied last; a scan that finds the same is not applied again. Starts as "nothing". */
  private applied = JSON.stringify({ files: [], notices: [] });
  /** Set when the client watches for us; then fs.watch is not used. */
  clientWatches = false;

  constructor(
    readonly roots: string[],
    private readonly hooks: DiscoveryHooks,
  ) {}

  /** Reads everything now (and again after a change); resolves when this scan has been applied. */
  scan(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          const found = await findRegistryFiles(this.roots, await this.hooks.registryFiles());
          if (this.stopped) return;
          const key = JSON.stringify({ files: found.files, notices: found.notices });
          if (key !== this.applied) {
            this.applied = key;
            this.hooks.apply(found.files, found.notices);
          }
          if (!this.clientWatches) this.watch(found);
        } while (this.again && !this.stopped);
      } catch (e) {
        this.hooks.log(`Error while looking for workspace registry files: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** A change was reported (watched files, settings): scan again shortly, once for a burst of changes. */
  schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.scan(), RESCAN_DELAY_MS);
  }

  /** The client sends the files itself (VS Code): its notification wins from now on. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unwatch();
  }

  private unwatch(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  /** One non-recursive watch per walked directory (new directories are picked up by the rescan they cause). */
  private watch(found: Found): void {
    this.unwatch();
    const dirs = found.directories.length > MAX_WATCHED ? this.roots : found.directories;
    const configured = new Map<string, Set<string>>();
    for (const p of found.configured) {
      const dir = path.dirname(p);
      if (!configured.has(dir)) configured.set(dir, new Set());
      configured.get(dir)!.add(path.basename(p));
    }
    for (const dir of new Set([...dirs, ...configured.keys()])) {
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          const file = name ? String(name) : '';
          // A registry file, a configured file, or something that may be a new directory (no extension).
          if (!file || REGISTRY_FILE.test(file) || configured.get(dir)?.has(file) || !file.includes('.')) this.schedule();
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A configured file's directory may not exist (yet); the notice already says the file was not found.
      }
    }
  }
}
