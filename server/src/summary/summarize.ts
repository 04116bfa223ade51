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
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

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

  constructor(
    count: number,
    private readonly options: SummarizeOptions,
    syslogYear: number,
    private readonly fail: (e: Error) => void,
    /** Receives each chunk's buffer back once it is scanned, for reuse. */
    private readonly recycle: (buffer: ArrayBuffer) => void,
  ) {
    const { registry, settings } = options;
    for (let k = 0; k < count; k++) {
      // Small heaps: a chunk's scan needs a few MB, and a lazy collector would otherwise let each worker grow by
      // hundreds of MB over a big file (the memory bound is the point of chunking).
      const worker = new Worker(workerScript(), { workerData: { sources: registry.sources, settings, syslogYear }, resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
      const slot = { worker, busy: 0 };
      worker.on('message', (m: { result?: ChunkResult; index?: number; error?: string; buffer?: ArrayBuffer }) => {
        slot.busy--;
        if (m.buffer) this.recycle(m.buffer);
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
            const result = summarizeChunk(bytes, index, { registry: this.options.registry, settings: this.options.settings, syslogYear: this.syslogYear }, searchHints);
            this.recycle(bytes.buffer as ArrayBuffer);
            resolve(result);
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

/**
 * Collects the bytes read into chunk buffers and cuts them after their last line end. Buffers come from a pool that
 * scanned chunks return to, so reading a big file allocates nothing in the steady state.
 */
class LineCutter {
  private buffer: Uint8Array;
  private filled = 0;
  /** Bytes at the front already searched for a line end without finding one. */
  private searched = 0;

  constructor(private readonly take: (minimum: number) => Uint8Array) {
    this.buffer = take(0);
  }

  get size(): number {
    return this.filled;
  }

  push(piece: Uint8Array): void {
    if (this.filled + piece.length > this.buffer.length) {
      // Only a line longer than a chunk gets here: a bigger buffer of its own (up to MAX_LINE_BYTES + a read).
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.filled + piece.length));
      bigger.set(this.buffer.subarray(0, this.filled));
      this.buffer = bigger;
    }
    this.buffer.set(piece, this.filled);
    this.filled += piece.length;
  }

  /** Whole lines from the front, as a view of a buffer to hand on, or undefined when no line ends yet. */
  cut(all: boolean): Uint8Array | undefined {
    const data = this.buffer.subarray(0, this.filled);
    let take = all ? this.filled : -1;
    if (take < 0) {
      // The last LF; or, in a file of CR line ends, the last CR that is not the final byte (it may begin a CRLF).
      const lf = data.lastIndexOf(10);
      if (lf >= this.searched) take = lf + 1;
      else {
        const cr = data.lastIndexOf(13, this.filled - 2);
        if (cr >= this.searched && this.filled >= 2) take = cr + 1;
      }
      if (take < 0) {
        this.searched = this.filled;
        if (this.filled < MAX_LINE_BYTES) return undefined;
        take = this.filled;
      }
    }
    if (take === 0) return undefined;
    const chunk = this.buffer;
    const rest = this.filled - take;
    this.buffer = this.take(rest);
    this.buffer.set(chunk.subarray(take, this.filled));
    this.filled = rest;
    this.searched = 0;
    return chunk.subarray(0, take);
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

  const readBytes = options.readBytes ?? 512 * 1024;
  // gzip: zlib's stream over the file; plain: our own reads into one reused buffer.
  const raw = gzip ? handle.createReadStream({ highWaterMark: readBytes, start: 0, autoClose: false }) : undefined;
  const source: Readable | undefined = raw ? pipeline(raw, createGunzip(), () => undefined) : undefined;
  /** Bytes read from disk. */
  let position = 0;
  const builder = new SummaryBuilder(registry, settings);
  const chunkBytes = options.chunkBytes ?? 2 * 1024 * 1024;
  const workerCount = options.workers ?? 2;
  const maxInFlight = Math.max(2, workerCount * 2);
  // Chunk buffers: a chunk plus one read, reused once a worker hands them back.
  const standard = chunkBytes + readBytes;
  const pool: ArrayBuffer[] = [];
  const take = (minimum: number) => (minimum <= readBytes ? new Uint8Array(pool.pop() ?? new ArrayBuffer(standard)) : new Uint8Array(minimum + standard));
  const recycle = (buffer: ArrayBuffer) => {
    if (buffer.byteLength === standard && pool.length <= maxInFlight) pool.push(buffer);
  };
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const stopAll = () => {
    scanners.stop();
    source?.destroy();
    raw?.destroy();
    wake?.();
  };
  const fail = (e: Error) => {
    failure ??= e;
    stopAll();
  };
  const scanners = new Scanners(workerCount, options, new Date(before.mtimeMs).getUTCFullYear(), fail, recycle);

  let rejectCancel: ((e: Error) => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => (rejectCancel = reject));
  cancelled.catch(() => undefined);
  const onAbort = () => {
    fail(new SummaryCancelled());
    rejectCancel!(new SummaryCancelled());
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Aborted while the file was being opened: the event has fired already.
  if (signal?.aborted) onAbort();

  /** What the file holds, piece by piece; a plain file's pieces are views of one buffer, valid until the next. */
  async function* pieces(): AsyncGenerator<Uint8Array> {
    if (source) {
      for await (const piece of source) {
        position = raw!.bytesRead;
        yield piece as Buffer;
      }
      return;
    }
    const buffer = Buffer.allocUnsafeSlow(readBytes);
    while (!failure) {
      const { bytesRead } = await handle.read(buffer, 0, readBytes, position);
      if (!bytesRead) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  }

  const work = (async (): Promise<LogSummary> => {
    let index = 0;
    let inFlight = 0;
    let bytes = 0;
    /** Bytes handed to the scanners so far. */
    let scanned = 0;
    let lastByte = -1;
    let incomplete: string | undefined;
    /** Disk position after each chunk, for progress. */
    const diskAt: number[] = [];
    const cutter = new LineCutter(take);
    const progress = () => options.onProgress?.({ done: builder.merged ? diskAt[builder.merged - 1] : 0, total: before.size, elapsedMs: performance.now() - started });
    const dispatch = async (chunk: Uint8Array) => {
      while (inFlight >= maxInFlight && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) return;
      inFlight++;
      diskAt[index] = position;
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
      for await (const b of pieces()) {
        if (failure) break;
        options.onRead?.(position);
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
        // A truncated or damaged gzip stream after some text: summarize that text, and say the file was not read whole.
        if (gzip && bytes > 0) incomplete = `the gzip stream could not be read to its end (${reason}); the summary covers the first ${bytes.toLocaleString('en-US')} bytes of text`;
        else throw new Error(gzip ? `${file}: not a readable gzip file (${reason})` : `${file}: ${reason}`);
      }
    }
    await handle.close().catch(() => undefined);
    const rest = cutter.cut(true);
    if (rest) await dispatch(rest);
    while (inFlight > 0 && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
    scanners.stop();
    const after = await identity(file).catch(() => undefined);
    let changed: string | undefined;
    if (!after) changed = 'the file was deleted while it was read';
    else if (after.ino !== before.ino) changed = 'the file was replaced while it was read';
    else if ((position !== before.size && !incomplete) || after.size !== before.size) changed = `the file changed size while it was read (${before.size} bytes at the start, ${after.size} at the end; ${position} read)`;
    else if (after.mtimeMs !== before.mtimeMs) changed = 'the file was modified while it was read';
    const summary = builder.finish(
      { file, size: before.size, mtimeMs: before.mtimeMs, gzip, bytes, elapsedMs: Math.round(performance.now() - started), ...(changed ? { changed } : {}), ...(incomplete ? { incomplete } : {}) },
      bytes > 0 && lastByte !== 10 && lastByte !== 13,
    );
    progress();
    if (cacheKey && !changed && !incomplete) cache!.set(cacheKey, summary);
    return summary;
  })();
  work.catch(() => undefined);
  try {
    return await Promise.race([work, cancelled]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stopAll();
    // After a cancel or failure the loop may still be in a read; close the file when it is done with it.
    const close = () => handle.close().catch(() => undefined);
    void work.then(close, close);
  }
}
