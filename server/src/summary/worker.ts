/** Worker thread: scans chunks of a log for the summary (see summarize.ts). One registry per worker, built once. */
import { parentPort, workerData } from 'node:worker_threads';
import { Registry, type RegistrySource } from '../registry';
import type { Settings } from '../settings';
import { summarizeChunk, type ChunkEnv } from './chunk';

const data = workerData as { sources: RegistrySource[]; settings: Settings; syslogYear: number };
const env: ChunkEnv = { registry: new Registry(data.sources), settings: data.settings, syslogYear: data.syslogYear };

parentPort!.on('message', (m: { index: number; bytes: Uint8Array; searchHints: boolean }) => {
  try {
    const result = summarizeChunk(m.bytes, m.index, env, m.searchHints);
    // The buffer goes back for the next chunk (the text is decoded from it by now).
    parentPort!.postMessage({ result, buffer: m.bytes.buffer }, [m.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ index: m.index, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
