/**
 * Worker thread of the workspace index: walks the workspace folders (the CLI's walk: `.gitignore`, `.git`,
 * `node_modules`, plus the editor's excludes), reads and analyses its share of the files with the same service as open
 * documents, and posts each file's places. Files named by an `update` message (file events) go before the rest of the
 * walk. Work is cut into slices so those messages are seen while a big walk is under way.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { looksBinary, REGISTRY_FILE, walk } from '../files/walk';
import { languageOfPath } from '../languageIds';
import { Registry, type RegistrySource } from '../registry';
import { analyze } from '../service/analysis';
import type { Settings } from '../settings';
import { excludeTest } from './excludes';
import { fileUsage, type FileUsage } from './usage';

/** One workspace folder to index. */
export interface IndexRoot {
  path: string;
  /** Key into `settings` for the folder's resource settings. */
  settingsKey: string;
  /** The folder's `files.exclude` and `search.exclude` values, as the client gave them. */
  exclude: unknown[];
}

export interface IndexWorkerData {
  sources: readonly RegistrySource[];
  settings: Record<string, Settings>;
  roots: IndexRoot[];
  maxFileBytes: number;
  /** The walk stops after this many files (a folder such as `$HOME` must not cost minutes). */
  maxFiles: number;
  /** This worker takes the walk's files k, k + n, k + 2n, … */
  share: { k: number; n: number };
}

/** A file to (re)read now, from a file event. */
export interface UpdateFile {
  path: string;
  /** The workspace folder it is in. */
  root: string;
  settingsKey: string;
}

export type ToWorker = { type: 'update'; files: UpdateFile[] };

export type FromWorker =
  | { type: 'total'; files: number; capped: boolean }
  | { type: 'usage'; results: FileUsage[]; done: number; skipped: { path: string; reason: string }[]; bytes: number }
  | { type: 'walked' }
  | { type: 'problem'; message: string };

/** How much lower than the server's threads an index thread runs (nice steps; Linux only). */
const NICE_STEPS = 5;

/**
 * Below the server's main thread, which answers hovers while the index is built: on Linux a thread has a nice value
 * of its own, set through its thread id. Elsewhere, or when it is not allowed, the thread keeps its priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + NICE_STEPS));
  } catch {
    // Not Linux, or not allowed: the default priority.
  }
}

const SLICE_MS = 20;
const POST_MS = 100;

function main(): void {
  lowerPriority();
  const data = workerData as IndexWorkerData;
  const registry = new Registry(data.sources);
  const queue: UpdateFile[] = [];
  /** The next file of the walk to read. */
  let next = 0;
  const urgent: UpdateFile[] = [];
  let results: FileUsage[] = [];
  let transfer: ArrayBuffer[] = [];
  let skipped: { path: string; reason: string }[] = [];
  let done = 0;
  let bytes = 0;
  let lastPost = Date.now();
  let walked = false;

  const post = () => {
    if (!results.length && !skipped.length && !done) return;
    parentPort!.postMessage({ type: 'usage', results, done, skipped, bytes } satisfies FromWorker, transfer);
    results = [];
    transfer = [];
    skipped = [];
    done = 0;
    bytes = 0;
    lastPost = Date.now();
  };

  const indexFile = (file: UpdateFile, counts: boolean) => {
    if (counts) done++;
    const languageId = languageOfPath(file.path);
    if (!languageId || REGISTRY_FILE.test(file.path)) return;
    let buffer: Buffer;
    try {
      if (fs.statSync(file.path).size > data.maxFileBytes) {
        skipped.push({ path: file.path, reason: `over ${data.maxFileBytes / 1048576} MB` });
        return;
      }
      buffer = fs.readFileSync(file.path);
    } catch {
      // Gone or unreadable since the walk or the event: the main thread drops its places when it hears of a delete.
      return;
    }
    if (looksBinary(buffer)) {
      skipped.push({ path: file.path, reason: 'binary' });
      return;
    }
    bytes += buffer.length;
    let text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const settings = data.settings[file.settingsKey];
    const document = TextDocument.create(pathToFileURL(file.path).href, languageId, 0, text);
    try {
      const analysis = analyze(document, registry, settings);
      if (!analysis) return;
      const usage = fileUsage(document, analysis, path.relative(file.root, file.path));
      results.push(usage);
      transfer.push(usage.places.buffer as ArrayBuffer);
    } catch (e) {
      parentPort!.postMessage({ type: 'problem', message: `Error while indexing ${file.path}: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker);
    }
  };

  parentPort!.on('message', (m: ToWorker) => {
    if (m.type === 'update') {
      urgent.push(...m.files);
      schedule();
    }
  });

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(step);
  };
  const step = () => {
    scheduled = false;
    const until = Date.now() + SLICE_MS;
    const pending = () => urgent.length > 0 || next < queue.length;
    while (Date.now() < until && pending()) {
      if (urgent.length) indexFile(urgent.shift()!, false);
      else indexFile(queue[next++], true);
    }
    if (Date.now() - lastPost >= POST_MS || !pending()) post();
    if (pending()) schedule();
    else if (!walked) {
      walked = true;
      parentPort!.postMessage({ type: 'walked' } satisfies FromWorker);
    }
  };

  // The walk itself: paths only, in name order, this worker's share; cut off (by a throw out of the walk) at the cap.
  let i = 0;
  const capped = new Error('capped');
  let cut = false;
  for (const root of data.roots) {
    const exclude = excludeTest(root.path, ...root.exclude);
    try {
      walk(
        [root.path],
        { ignore: [], exclude },
        (f) => {
          if (f.registry) return;
          if (i >= data.maxFiles) throw capped;
          if (i++ % data.share.n === data.share.k) queue.push({ path: f.file, root: root.path, settingsKey: root.settingsKey });
        },
        () => undefined,
      );
    } catch (e) {
      if (e !== capped) throw e;
      cut = true;
      break;
    }
  }
  parentPort!.postMessage({ type: 'total', files: queue.length, capped: cut } satisfies FromWorker);
  schedule();
}

main();
