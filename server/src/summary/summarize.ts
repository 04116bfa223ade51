/**
 * The log summary from disk: this thread reads the file (gunzipping `.gz` through zlib), cuts it into chunks of whole
 * lines and hands them to worker threads, which scan them with the editor's log scanner; the results are merged in
 * file order (merge.ts). At most `2 × workers` chunks are in flight, so memory stays bounded whatever the file size.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { HINT_WINDOW } from '../service/analysis';
import { summarizeChunk } from './chunk';
import { SummaryBuilder } from './merge';
import type { ChunkResult, LogSummary, SummaryProgress } from './types';

/** Thrown (rejected) when a summary is cancelled. */
export class SummaryCancelled extends Error {
  constructor() {
    super('The log summary was cancelled.');
  }
}

export interface SummarizeOptions {
  registry: Registry;
  settings: Settings;
  /** Worker threads that scan chunks; 0 scans in this thread (tests). Default 2. */
  workers?: number;
  /** Bytes per chunk (whole lines; a line longer than MAX_LINE_BYTES is cut). Default 4 MB. */
  chunkBytes?: number;
  /** Bytes per read from disk. Default 1 MB. */
  readBytes?: number;
  onProgress?: (progress: SummaryProgress) => void;
  /** Aborting stops reading at once and rejects with SummaryCancelled. */
  signal?: AbortSignal;
  /** Earlier summaries to reuse when the same file is unchanged. */
  cache?: SummaryCache;
  /** Called with the disk position after each read (tests observe what is read after a cancel). */
  onRead?: (bytesRead: number) => void;
}

/** Lines longer than this are cut into pieces (memory stays bounded on a file without line breaks). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** Summaries by file, size, modification time, registry and settings; a few recent ones. */
export class SummaryCache {
  private readonly entries = new Map<string, LogSummary>();

  constructor(private readonly capacity = 4) {}

  key(file: string, id: FileIdentity, registry: Registry, settings: Settings): string {
    return JSON.stringify([path.resolve(file), id.size, id.mtimeMs, id.ino, registry.version, settings]);
  }

  get(key: string): LogSummary | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, summary: LogSummary): void {
    this.entries.delete(key);
    this.entries.set(key, summary);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The bundled worker (dist/summaryWorker.js) or the compiled one next to this file (out/, tests). */
function workerScript(): string {
  for (const candidate of [path.join(__dirname, 'summaryWorker.js'), path.join(__dirname, 'worker.js')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`the summary worker was not found next to ${__dirname}`);
}

/** Scans chunks in worker threads (or in this thread); `run` resolves with the chunk's result. */
class Scanners {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: Error) => void }>();

  constructor(count: number, private readonly options: SummarizeOptions, syslogYear: number, private readonly fail: (e: Error) => void) {
    const { registry, settings } = options;
    for (let k = 0; k < count; k++) {
      const worker = new Worker(workerScript(), { workerData: { sources: registry.sources, settings, syslogYear } });
      const slot = { worker, busy: 0 };
      worker.on('message', (m: { result?: ChunkResult; index?: number; error?: string }) => {
        slot.busy--;
        const index = m.result?.index ?? m.index!;
        const p = this.pending.get(index);
        this.pending.delete(index);
        if (m.result) p?.resolve(m.result);
        else p?.reject(new Error(`scanning a chunk failed: ${m.error}`));
      });
      worker.on('error', (e) => this.fail(e));
      this.workers.push(slot);
    }
    this.syslogYear = syslogYear;
  }

  private readonly syslogYear: number;

  run(index: number, bytes: Uint8Array, searchHints: boolean): Promise<ChunkResult> {
    if (!this.workers.length) {
      // In this thread, after the current I/O callbacks, so a cancel between chunks is seen.
      return new Promise((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(summarizeChunk(bytes, index, { registry: this.options.registry, settings: this.options.settings, syslogYear: this.syslogYear }, searchHints));
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }),
      );
    }
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(index, { resolve, reject });
      slot.worker.postMessage({ index, bytes, searchHints }, [bytes.buffer as ArrayBuffer]);
    });
  }

  stop(): void {
    for (const { worker } of this.workers) void worker.terminate();
    this.workers.length = 0;
  }
}

/** Cuts whole lines off the front of the bytes read so far. */
class LineCutter {
  private parts: Buffer[] = [];
  private bytes = 0;
  /** Parts (from the front) already searched for a line break without finding one. */
  private searched = 0;

  get size(): number {
    return this.bytes;
  }

  push(b: Buffer): void {
    this.parts.push(b);
    this.bytes += b.length;
  }

  /** Whole lines from the front, or undefined when no line ends yet. `all`: take everything (end of file, long line). */
  cut(all: boolean): Uint8Array | undefined {
    let take = all ? this.bytes : -1;
    if (take < 0) {
      // The last LF; or, in a file of CR line ends, the last CR that is not the final byte (it may begin a CRLF).
      let offset = this.bytes;
      for (let k = this.parts.length - 1; k >= this.searched && take < 0; k--) {
        const p = this.parts[k];
        offset -= p.length;
        const lf = p.lastIndexOf(10);
        if (lf >= 0) take = offset + lf + 1;
      }
      if (take < 0) {
        offset = this.bytes;
        for (let k = this.parts.length - 1; k >= this.searched && take < 0; k--) {
          const p = this.parts[k];
          offset -= p.length;
          const cr = p.lastIndexOf(13, k === this.parts.length - 1 ? p.length - 2 : p.length - 1);
          if (cr >= 0) take = offset + cr + 1;
        }
      }
      if (take < 0) {
        this.searched = this.parts.length;
        if (this.bytes < MAX_LINE_BYTES) return undefined;
        take = this.bytes;
      }
    }
    if (take === 0) return undefined;
    const out = new Uint8Array(take);
    let at = 0;
    while (at < take) {
      const p = this.parts[0];
      const n = Math.min(p.length, take - at);
      out.set(n === p.length ? p : p.subarray(0, n), at);
      at += n;
      if (n === p.length) this.parts.shift();
      else this.parts[0] = p.subarray(n);
    }
    this.bytes -= take;
    this.searched = 0;
    return out;
  }
}

async function identity(file: string): Promise<FileIdentity> {
  const s = await fsp.stat(file);
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
}

/** Summarizes a log file from disk (plain or gzip, by its first bytes). Rejects with SummaryCancelled on abort. */
export async function summarizeFile(file: string, options: SummarizeOptions): Promise<LogSummary> {
  const started = performance.now();
  const { registry, settings, signal, cache } = options;
  if (signal?.aborted) throw new SummaryCancelled();
  const handle = await fsp.open(file, 'r');
  let before: FileIdentity;
  let gzip: boolean;
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new Error(`${file} is not a file`);
    before = { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    gzip = bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } catch (e) {
    await handle.close();
    throw e;
  }
  const cacheKey = cache?.key(file, before, registry, settings);
  const hit = cacheKey ? cache!.get(cacheKey) : undefined;
  if (hit) {
    await handle.close();
    return { ...hit, cached: true };
  }

  const raw = handle.createReadStream({ highWaterMark: options.readBytes ?? 1024 * 1024, autoClose: true });
  const source: Readable = gzip ? pipeline(raw, createGunzip(), () => undefined) : raw;
  const builder = new SummaryBuilder(registry, settings);
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const workerCount = options.workers ?? 2;
  const maxInFlight = Math.max(2, workerCount * 2);
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const stopAll = () => {
    scanners.stop();
    source.destroy();
    raw.destroy();
    wake?.();
  };
  const fail = (e: Error) => {
    failure ??= e;
    stopAll();
  };
  const scanners = new Scanners(workerCount, options, new Date(before.mtimeMs).getUTCFullYear(), fail);

  let rejectCancel: ((e: Error) => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => (rejectCancel = reject));
  cancelled.catch(() => undefined);
  const onAbort = () => {
    fail(new SummaryCancelled());
    rejectCancel!(new SummaryCancelled());
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  const work = (async (): Promise<LogSummary> => {
    let index = 0;
    let inFlight = 0;
    let bytes = 0;
    /** Bytes handed to the scanners so far. */
    let scanned = 0;
    let lastByte = -1;
    /** Disk position after each chunk, for progress. */
    const diskAt: number[] = [];
    const cutter = new LineCutter();
    const progress = () => options.onProgress?.({ done: builder.merged ? diskAt[builder.merged - 1] : 0, total: before.size, elapsedMs: performance.now() - started });
    const dispatch = async (chunk: Uint8Array) => {
      while (inFlight >= maxInFlight && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) return;
      inFlight++;
      diskAt[index] = raw.bytesRead;
      // Hint strings count in the first 1 MB and last 256 KB of characters; a character takes 1-3 bytes (a surrogate
      // pair 4 for 2), so only chunks in the first 3 MB or the last 768 KB of bytes can touch them (gzip: unknown, all).
      const chunkStart = scanned;
      scanned += chunk.length;
      const searchHints = gzip || chunkStart < 3 * HINT_WINDOW.head || scanned > before.size - 3 * HINT_WINDOW.tail;
      scanners.run(index++, chunk, searchHints).then(
        (r) => {
          inFlight--;
          builder.add(r);
          progress();
          wake?.();
        },
        (e: Error) => fail(e),
      );
    };
    try {
      for await (const piece of source) {
        if (failure) break;
        const b = piece as Buffer;
        options.onRead?.(raw.bytesRead);
        bytes += b.length;
        if (b.length) lastByte = b[b.length - 1];
        cutter.push(b);
        while (cutter.size >= chunkBytes) {
          const chunk = cutter.cut(false);
          if (!chunk) break;
          await dispatch(chunk);
        }
      }
    } catch (e) {
      if (!failure) {
        const reason = e instanceof Error ? e.message : String(e);
        throw new Error(gzip ? `${file}: not a readable gzip file (${reason})` : `${file}: ${reason}`);
      }
    }
    const rest = cutter.cut(true);
    if (rest) await dispatch(rest);
    while (inFlight > 0 && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
    scanners.stop();
    const after = await identity(file).catch(() => undefined);
    let changed: string | undefined;
    if (!after) changed = 'the file was deleted while it was read';
    else if (after.ino !== before.ino) changed = 'the file was replaced while it was read';
    else if (raw.bytesRead !== before.size || after.size !== before.size) changed = `the file changed size while it was read (${before.size} bytes at the start, ${after.size} at the end; ${raw.bytesRead} read)`;
    else if (after.mtimeMs !== before.mtimeMs) changed = 'the file was modified while it was read';
    const summary = builder.finish(
      { file, size: before.size, mtimeMs: before.mtimeMs, gzip, bytes, elapsedMs: Math.round(performance.now() - started), ...(changed ? { changed } : {}) },
      bytes > 0 && lastByte !== 10 && lastByte !== 13,
    );
    progress();
    if (cacheKey && !changed) cache!.set(cacheKey, summary);
    return summary;
  })();
  work.catch(() => undefined);
  try {
    return await Promise.race([work, cancelled]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stopAll();
  }
}
