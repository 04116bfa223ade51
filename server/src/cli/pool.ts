/**
 * Checks files on worker threads (or in-process for small runs) with a bounded window: at most `2 × workers` batches
 * are in flight, and results come back in the order the files were walked, so output is deterministic and memory holds
 * only the window, never the tree. Workers read their files themselves, so reading is parallel too.
 */
import { Worker } from 'node:worker_threads';
import type { Settings } from '../settings';
import type { WorkspaceRegistryFile } from '../protocol';
import { checkFile, type FileResult, type FixMode } from './checkFile';
import { buildRegistries } from './workspace';

/** What a worker needs to build the same registry and settings as the main thread. */
export interface CheckSetup {
  registryFiles: WorkspaceRegistryFile[];
  settings: Settings;
  fix: FixMode;
}

export interface Task {
  file: string;
  languageId: string;
}

export const WORKER_ROLE = 'api-error-codes-check-worker';
const BATCH = 16;

interface Runner {
  run(batch: Task[]): Promise<FileResult[]>;
  close(): Promise<void>;
}

function inProcess(setup: CheckSetup): Runner {
  const { registries } = buildRegistries(setup.registryFiles);
  return {
    run: async (batch) => batch.map((t) => checkFile(t.file, t.languageId, registries.registry, setup.settings, setup.fix)),
    close: async () => undefined,
  };
}

/** One worker thread running `script` (this bundle) in its worker role. */
function threaded(script: string, setup: CheckSetup): Runner {
  const worker = new Worker(script, { workerData: { role: WORKER_ROLE, setup } });
  const pending = new Map<number, { resolve: (r: FileResult[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failed: Error | undefined;
  const failAll = (e: Error) => {
    failed = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (m: { id: number; results: FileResult[] }) => {
    pending.get(m.id)?.resolve(m.results);
    pending.delete(m.id);
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => {
    if (pending.size) failAll(new Error(`check worker exited with code ${code}`));
  });
  return {
    run: (batch) =>
      failed
        ? Promise.reject(failed)
        : new Promise((resolve, reject) => {
            const id = next++;
            pending.set(id, { resolve, reject });
            worker.postMessage({ id, batch });
          }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** The worker side: builds the registry once, then answers batches. */
export function runWorker(port: { on(event: 'message', cb: (m: { id: number; batch: Task[] }) => void): void; postMessage(m: unknown): void }, setup: CheckSetup): void {
  const runner = inProcess(setup);
  port.on('message', (m) => {
    void runner.run(m.batch).then((results) => port.postMessage({ id: m.id, results }));
  });
}

/**
 * Checks `tasks` on `threads` threads — this one and `threads - 1` workers (0 or 1: this thread alone) — and hands
 * each result to `onResult` in task order. This thread takes its share because it is otherwise idle, and each worker
 * costs a start-up and its own JIT warm-up of the scanner. A worker that dies takes only its batches: they are checked
 * again in this thread.
 */
export async function checkAll(tasks: Iterable<Task>, setup: CheckSetup, threads: number, script: string, onResult: (r: FileResult) => void): Promise<void> {
  const fallback = inProcess(setup);
  const runners: Runner[] = [fallback, ...Array.from({ length: Math.max(0, threads - 1) }, () => threaded(script, setup))];
  const window: Promise<FileResult[]>[] = [];
  const limit = runners.length * 2;
  let batch: Task[] = [];
  const load = runners.map(() => 0);
  const flushOne = async () => {
    for (const r of await window.shift()!) onResult(r);
  };
  const submit = (b: Task[]) => {
    // The least busy runner: one slow file (a big log) does not hold up the batches queued behind it elsewhere.
    const i = load.indexOf(Math.min(...load));
    load[i]++;
    window.push(
      runners[i]
        .run(b)
        .catch(() => fallback.run(b))
        .finally(() => load[i]--),
    );
  };
  try {
    for (const task of tasks) {
      batch.push(task);
      if (batch.length < BATCH) continue;
      submit(batch);
      batch = [];
      if (window.length >= limit) await flushOne();
    }
    if (batch.length) submit(batch);
    while (window.length) await flushOne();
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
}
