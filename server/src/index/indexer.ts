/**
 * Builds and keeps the workspace index off the request path: worker threads walk and analyse the files (see
 * worker.ts); this thread only merges their places into the WorkspaceIndex, so a hover never waits for indexing.
 * Open documents are the editor's business: their places come from the server's own analysis (setOpen), and the
 * workers' reading of those files is ignored until they close.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { wouldWalk } from '../files/walk';
import type { IndexStatus } from '../protocol';
import { EXTENSION_LANGUAGES, languageOfPath } from '../languageIds';
import type { RegistrySource } from '../registry';
import type { Settings } from '../settings';
import { excludeTest } from './excludes';
import type { FileUsage } from './usage';
import type { FromWorker, IndexRoot, IndexWorkerData, ToWorker } from './worker';
import { WorkspaceIndex } from './workspaceIndex';

/** The files whose events the index follows: every extension a scanner reads. */
export const INDEX_WATCH_GLOB = `**/*.{${Object.keys(EXTENSION_LANGUAGES)
  .filter((ext) => languageOfPath(`x${ext}`))
  .map((ext) => ext.slice(1))
  .join(',')}}`;

/**
 * At most this many files are indexed (the walk's first, in name order); the status says when the cap cut it.
 * `ERROR_CODES_INDEX_MAX_FILES` lowers or raises it (the tests use a small one).
 */
export const MAX_INDEXED_FILES = (() => {
  const env = Number(process.env.ERROR_CODES_INDEX_MAX_FILES);
  return Number.isInteger(env) && env > 0 ? env : 50000;
})();

/** Files over this size are not indexed (a 100 MB log is the log summary's job, not the index's). */
export const MAX_INDEXED_FILE_BYTES = 4 * 1024 * 1024;

export interface IndexConfig {
  sources: readonly RegistrySource[];
  settings: Record<string, Settings>;
  roots: IndexRoot[];
}


export type { IndexStatus };

export interface IndexerEvents {
  /** A build started. */
  started(): void;
  /** The index's content changed (files read, events, open documents). */
  changed(): void;
  progress(done: number, total: number): void;
  /** A build finished (every worker has read its share). */
  ready(status: IndexStatus): void;
  log(message: string): void;
}

/** The bundled worker (dist/indexWorker.js) or the compiled one next to this file (out/, tests). */
function workerScript(): string {
  for (const candidate of [path.join(__dirname, 'indexWorker.js'), path.join(__dirname, 'worker.js')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`the index worker was not found next to ${__dirname}`);
}

/**
 * Index threads: one per core on one or two cores, else one fewer than the cores (this thread answers requests), at
 * most four; `ERROR_CODES_INDEX_THREADS` (1–8) overrides it. On two cores one thread indexed the bench's 100 MB in
 * 7.2–11.3 s (hovers at 7–13 ms p99), two in 5.5–6.9 s (hovers at 16–17 ms p99, the goal is 20 ms): a hover waits
 * for the operating system to give this thread a turn, not for the index (README, Performance).
 */
export function defaultThreads(cores = os.availableParallelism?.() ?? os.cpus().length): number {
  const env = Number(process.env.ERROR_CODES_INDEX_THREADS);
  if (Number.isInteger(env) && env >= 1 && env <= 8) return env;
  return Math.max(1, Math.min(4, cores <= 2 ? cores : cores - 1));
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** A client's `file:` URI in the form the index uses (the client may encode differently); undefined for others. */
export function normalizedFileUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return undefined;
  }
}

export class Indexer {
  readonly index = new WorkspaceIndex();
  private workers: Worker[] = [];
  private config: IndexConfig | undefined;
  /** Each root's exclude test, compiled once per configuration (file events check every path against it). */
  private excludes = new Map<IndexRoot, ReturnType<typeof excludeTest>>();
  private generation = 0;
  private total = 0;
  private done = 0;
  private walking = 0;
  private skipped = 0;
  private capped = false;
  private builds = 0;
  private bytes = 0;
  private startedAt = 0;
  private finishedAt = 0;
  private crashes = 0;
  private readonly open = new Map<string, FileUsage>();
  private readyWaiters: (() => void)[] = [];

  constructor(
    private readonly events: IndexerEvents,
    private readonly threads = defaultThreads(),
  ) {}

  get state(): IndexStatus['state'] {
    return !this.config ? 'off' : this.walking > 0 ? 'indexing' : 'ready';
  }

  status(): IndexStatus {
    return {
      state: this.state,
      files: this.total,
      indexedFiles: this.done,
      filesWithCodes: this.index.fileCount,
      occurrences: this.index.occurrences,
      skipped: this.skipped,
      capped: this.capped,
      builds: this.builds,
      bytes: this.bytes,
      elapsedMs: this.config ? (this.walking > 0 ? Date.now() : this.finishedAt) - this.startedAt : 0,
      placeBytes: this.index.placeBytes,
    };
  }

  /** Resolves when the current build is complete (at once when there is none under way). */
  whenReady(): Promise<void> {
    if (this.walking === 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** (Re)builds the whole index with this configuration; an earlier build is abandoned. */
  start(config: IndexConfig): void {
    this.stopWorkers();
    this.config = config;
    this.excludes = new Map(config.roots.map((r) => [r, excludeTest(r.path, ...r.exclude)]));
    const generation = ++this.generation;
    this.builds++;
    this.index.clear();
    for (const usage of this.open.values()) this.index.set(usage);
    this.total = this.done = this.skipped = this.bytes = 0;
    this.capped = false;
    this.startedAt = Date.now();
    this.events.started();
    if (!config.roots.length) {
      this.finish();
      return;
    }
    let script: string;
    try {
      script = workerScript();
    } catch (e) {
      this.events.log(String(e));
      this.finish();
      return;
    }
    const n = this.threads;
    this.walking = n;
    for (let k = 0; k < n; k++) {
      const data: IndexWorkerData = { sources: config.sources, settings: config.settings, roots: config.roots, maxFileBytes: MAX_INDEXED_FILE_BYTES, maxFiles: MAX_INDEXED_FILES, share: { k, n } };
      const worker = new Worker(script, { workerData: data });
      let walked = false;
      worker.on('message', (m: FromWorker) => {
        if (generation !== this.generation) return;
        if (m.type === 'total') {
          this.total += m.files;
          if (m.capped && !this.capped) {
            this.capped = true;
            this.events.log(`The workspace index stopped after ${MAX_INDEXED_FILES.toLocaleString('en-US')} files (in name order); exclude folders with files.exclude or search.exclude, or turn it off with errorCodes.workspaceIndex.`);
          }
        }
        else if (m.type === 'usage') {
          for (const usage of m.results) {
            if (!this.open.has(usage.uri)) this.index.set(usage);
          }
          this.done += m.done;
          this.skipped += m.skipped.length;
          this.bytes += m.bytes;
          if (m.results.length) this.events.changed();
          if (this.walking > 0) this.events.progress(this.done, this.total);
        } else if (m.type === 'walked') {
          if (!walked) {
            walked = true;
            this.walking--;
            if (this.walking === 0) this.finish();
          }
        } else if (m.type === 'problem') this.events.log(m.message);
      });
      worker.on('error', (e) => {
        if (generation !== this.generation) return;
        this.events.log(`The index worker failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        // Rebuilt from scratch twice at most; after that the index keeps what it has.
        if (++this.crashes <= 2) this.start(config);
        else if (!walked) {
          walked = true;
          if (--this.walking === 0) this.finish();
        }
      });
      this.workers.push(worker);
    }
  }

  private finish(): void {
    this.walking = 0;
    // One thread is enough for file events; the others' heaps go.
    for (const w of this.workers.splice(1)) void w.terminate();
    this.finishedAt = Date.now();
    this.events.ready(this.status());
    this.events.changed();
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** The folder a path is in, if it is indexed there (walk rules, excludes). */
  private rootOf(file: string): IndexRoot | undefined {
    const root = this.config?.roots.find((r) => file === r.path || file.startsWith(r.path.endsWith(path.sep) ? r.path : r.path + path.sep));
    if (!root) return undefined;
    return wouldWalk(root.path, file, { ignore: [], exclude: this.excludes.get(root) }) ? root : undefined;
  }

  /** Whether a `file:` URI is one the index covers. */
  covers(uri: string): boolean {
    return this.relativePath(uri) !== undefined;
  }

  /** A covered file's path inside its workspace folder; undefined when the index does not cover it. */
  relativePath(uri: string): string | undefined {
    const normalized = normalizedFileUri(uri);
    if (!normalized) return undefined;
    const file = fileURLToPath(normalized);
    const root = this.rootOf(file);
    return root ? path.relative(root.path, file) : undefined;
  }

  /** Files created or changed on disk: read again (or dropped, when now excluded). */
  changedOnDisk(uris: string[]): void {
    if (!this.config || !this.workers.length) return;
    const files: { path: string; root: string; settingsKey: string }[] = [];
    let dropped = false;
    for (const uri of uris) {
      const normalized = normalizedFileUri(uri);
      if (!normalized || this.open.has(normalized)) continue;
      const file = fileURLToPath(normalized);
      const root = this.rootOf(file);
      if (root) files.push({ path: file, root: root.path, settingsKey: root.settingsKey });
      else dropped = this.index.delete(normalized) || dropped;
    }
    if (files.length) this.workers[0].postMessage({ type: 'update', files } satisfies ToWorker);
    if (dropped) this.events.changed();
  }

  /** Files or folders deleted on disk. */
  deletedOnDisk(uris: string[]): void {
    let changed = false;
    for (const uri of uris) {
      const normalized = normalizedFileUri(uri);
      // An open document's places are its editor's text, deleted file or not.
      if (!normalized || this.open.has(normalized)) continue;
      changed = this.index.deleteUnder(normalized.replace(/\/$/, '')) > 0 || changed;
    }
    if (changed) this.events.changed();
  }

  /** An open document's places, from the server's analysis of its current text. */
  setOpen(usage: FileUsage): void {
    const uri = normalizedFileUri(usage.uri);
    if (!uri || !this.covers(uri)) return;
    const own = { ...usage, uri };
    this.open.set(uri, own);
    this.index.set(own);
    this.events.changed();
  }

  /** An open document closed: what is on disk counts again. */
  closed(uri: string): void {
    const normalized = normalizedFileUri(uri);
    if (!normalized || !this.open.delete(normalized)) return;
    this.index.delete(normalized);
    this.changedOnDisk([normalized]);
    this.events.changed();
  }

  private stopWorkers(): void {
    for (const w of this.workers) void w.terminate();
    this.workers = [];
    this.walking = 0;
  }

  stop(): void {
    this.generation++;
    this.stopWorkers();
    this.config = undefined;
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
}
