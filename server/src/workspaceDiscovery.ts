/**
 * The server's workspace registry files, for every editor: found and read by the file layer's discovery
 * (files/registryFiles.ts: `*.errorcodes.json` under the workspace folders and the files named by `registryFiles`), and
 * read again when one changes — told by the client's `workspace/didChangeWatchedFiles` where it can register watchers,
 * by `fs.watch` otherwise (and always for the `registryFiles` paths, which no glob covers). The VS Code client says what
 * Workspace Trust allows (RegistrySources); other clients get the workspace's files and `registryFiles` from settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { RegistrySources, WorkspaceRegistryFile } from './protocol';
import { findRegistryFilesAsync, REGISTRY_FILE, type FoundRegistryFiles } from './files/registryFiles';
import { changedRoots } from './files/walk';

/** A root such as `$HOME` must not cost minutes: the walk stops after this many directories, and says so. */
const MAX_DIRECTORIES = 20000;
/** fs.watch holds one inotify watch per directory; beyond this many only the roots are watched. */
const MAX_WATCHED = 2000;
const RESCAN_DELAY_MS = 200;

/** The glob pattern a client watches for us (`workspace/didChangeWatchedFiles`). */
export const WATCH_GLOB = '**/*.errorcodes.json';

/** Said in the sidebar while Workspace Trust keeps the workspace's registry files out. */
export const RESTRICTED_NOTICE = 'Restricted Mode: *.errorcodes.json files and registryFiles from workspace settings are ignored until you trust this workspace.';

export interface DiscoveryHooks {
  /** The `registryFiles` setting in force (relative paths are relative to each root). */
  registryFiles(): Promise<string[]>;
  /** The complete set of files, replacing the last one. */
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
  /** Set when the client watches for us; then fs.watch is used only for the `registryFiles` paths. */
  clientWatches = false;

  /**
   * `sources`: what the VS Code client allows (Workspace Trust); undefined for other clients — every root is searched
   * and `registryFiles` come from the settings.
   */
  constructor(
    private roots: string[],
    private readonly hooks: DiscoveryHooks,
    private sources?: RegistrySources,
  ) {}

  /** `workspace/didChangeWorkspaceFolders`. */
  foldersChanged(added: { uri: string }[], removed: { uri: string }[]): void {
    this.roots = changedRoots(this.roots, added, removed);
    this.schedule();
  }

  /** The VS Code client's trust or `registryFiles` changed. */
  setSources(sources: RegistrySources): void {
    this.sources = sources;
    this.schedule();
  }

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
          const trusted = this.sources?.trusted ?? true;
          const registryFiles = this.sources?.registryFiles ?? (await this.hooks.registryFiles());
          const found = await findRegistryFilesAsync({ roots: trusted ? this.roots : [], bases: this.roots, registryFiles, maxDirectories: MAX_DIRECTORIES });
          if (this.stopped) return;
          const files = found.files.map(({ uri, text }) => ({ uri, text }));
          const notices = [...(trusted ? [] : [RESTRICTED_NOTICE]), ...found.problems.map((p) => p.message)];
          const key = JSON.stringify({ files, notices });
          if (key !== this.applied) {
            this.applied = key;
            this.hooks.apply(files, notices);
          }
          this.watch(found);
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

  /** The client sends the files itself: its notification wins from now on. */
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
  private watch(found: FoundRegistryFiles): void {
    this.unwatch();
    const dirs = this.clientWatches ? [] : found.directories.length > MAX_WATCHED ? this.roots : found.directories;
    const configured = new Map<string, Set<string>>();
    for (const p of found.configured) {
      const dir = path.dirname(p);
      if (!configured.has(dir)) configured.set(dir, new Set());
      configured.get(dir)!.add(path.basename(p));
    }
    const walked = new Set(dirs);
    for (const dir of new Set([...dirs, ...configured.keys()])) {
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          const file = name ? String(name) : '';
          // A configured file; under a walked directory also a registry file or what may be a new directory.
          if (configured.get(dir)?.has(file) || (walked.has(dir) && (!file || REGISTRY_FILE.test(file) || !file.includes('.')))) this.schedule();
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A configured file's directory may not exist (yet); the notice already says the file was not found.
      }
    }
  }
}
