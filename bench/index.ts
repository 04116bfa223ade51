/**
 * `npm run bench -- index`: the workspace index of a generated workspace of 10,000 files / 100 MB (TypeScript, JSON
 * and logs with codes of every vendor), built by the server as an editor starts it: time from `initialized` to a
 * complete index, hover latency in an open document while it is being built (beside the same hovers once it is
 * idle), and the index's memory per place — the main thread's heap with the index minus without it, both after a
 * full GC in this process, from the same files' places.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexStatus } from '../server/src/index/indexer';
import { fileUsage, type FileUsage } from '../server/src/index/usage';
import { WorkspaceIndex } from '../server/src/index/workspaceIndex';
import type { Registry } from '../server/src/registry';
import { analyze } from '../server/src/service/analysis';
import { defaultSettings } from '../server/src/settings';
import { open, startServer } from '../test/lspClient';
import { percentile, rssOf, type Recorder } from '../test/stats';
import { tsSource, vendorJson, vendorLog } from './generate';


const FILES = 10000;
const BYTES = 100 * 1024 * 1024;

/** The workspace, generated once per machine (a marker file names its shape). */
function workspace(): { dir: string; files: string[] } {
  const dir = path.join(os.tmpdir(), 'bench-index-workspace');
  const marker = path.join(dir, '.generated');
  const shape = `${FILES} files, ${BYTES} bytes, v1`;
  const files: string[] = [];
  const per = Math.floor(BYTES / FILES);
  for (let i = 0; i < FILES; i++) {
    const kind = i % 10 === 8 ? 'json' : i % 10 === 9 ? 'log' : 'ts';
    files.push(path.join(dir, `pkg${Math.floor(i / 500)}`, `mod${Math.floor(i / 50) % 10}`, `file${i}.${kind}`));
  }
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === shape) return { dir, files };
  fs.rmSync(dir, { recursive: true, force: true });
  files.forEach((file, i) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const text = file.endsWith('.json') ? vendorJson(per, i) : file.endsWith('.log') ? vendorLog(per, i) : tsSource(per, i);
    fs.writeFileSync(file, text);
  });
  fs.writeFileSync(marker, shape);
  return { dir, files };
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export async function benchIndex(registry: Registry, record: Recorder): Promise<void> {
  const { dir, files } = workspace();
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const probe = files[3];
  const probeUri = pathToFileURL(probe).href;
  const probeText = fs.readFileSync(probe, 'utf8');
  // Hover positions in the open document: every `case NNNN:` code.
  const positions = [...probeText.matchAll(/case (\d+):/g)].map((m) => {
    const doc = TextDocument.create(probeUri, 'typescript', 1, probeText);
    return doc.positionAt(m.index + 5);
  });

  const server = await startServer({ rootUri: pathToFileURL(dir).href, patchCapabilities: (c) => (c.window = { workDoneProgress: true }) });
  const started = performance.now();
  try {
    await open(server, probeUri, 'typescript', probeText);
    const status = () => server.connection.sendRequest('errorCodes/indexStatus', {}) as Promise<IndexStatus>;
    const hover = async (i: number) => {
      const s = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: probeUri }, position: positions[i % positions.length] });
      return performance.now() - s;
    };
    await hover(0);
    // Hovers while indexing: one every 10 ms until the index is complete.
    const during: number[] = [];
    let last: IndexStatus | undefined;
    for (let i = 1; ; i++) {
      during.push(await hover(i));
      if (i % 5 === 0) {
        last = await status();
        if (last.state === 'ready') break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const wall = performance.now() - started;
    const { rss } = rssOf(server.process.pid!);
    const idle: number[] = [];
    for (let i = 0; i < 300; i++) idle.push(await hover(i));
    const mb = bytes / 1048576;
    record(`index ${FILES.toLocaleString('en-US')} files / ${mb.toFixed(0)} MB: to complete (initialized → ready)`, wall / 1000, 's', { text: '<= 10 s (2 cores)', pass: wall <= 10000 }, `server's own build time ${(last!.elapsedMs / 1000).toFixed(2)} s, ${os.cpus().length} cores`);
    record('index throughput', mb / (last!.elapsedMs / 1000), 'MB/s');
    record('index places (occurrences)', last!.occurrences, 'n', undefined, `${last!.indexedFiles} files read, ${last!.skipped} skipped`);
    record('hover p99 while indexing', percentile(during, 0.99), 'ms', { text: '<= 20 ms', pass: percentile(during, 0.99) <= 20 }, `${during.length} hovers, p50 ${percentile(during, 0.5).toFixed(2)} ms`);
    record('hover p99 with the index idle (baseline)', percentile(idle, 0.99), 'ms', undefined, `p50 ${percentile(idle, 0.5).toFixed(2)} ms`);
    record('server RSS with the complete index (main thread + its worker)', rss, 'MB');
  } finally {
    await server.stop();
  }

  // Memory per place, in this process: the same files' places into a WorkspaceIndex, heap measured around it.
  const usages: FileUsage[] = [];
  for (const file of files.slice(0, 2000)) {
    const text = fs.readFileSync(file, 'utf8');
    const languageId = file.endsWith('.json') ? 'json' : file.endsWith('.log') ? 'log' : 'typescript';
    const doc = TextDocument.create(pathToFileURL(file).href, languageId, 1, text);
    const analysis = analyze(doc, registry, defaultSettings);
    if (analysis) usages.push(fileUsage(doc, analysis));
  }
  const before = heapAfterGc();
  const index = new WorkspaceIndex();
  for (const u of usages) index.set(u);
  const afterHeap = heapAfterGc();
  const external = index.placeBytes;
  if (Number.isNaN(before)) {
    record('index memory per place', external / index.occurrences, 'B', undefined, 'place columns only: run node with --expose-gc for the heap figure');
  } else {
    record('index memory per place (heap + place columns)', (afterHeap - before + external) / index.occurrences, 'B', undefined, `${index.occurrences} places of 2,000 files; columns ${(external / index.occurrences).toFixed(0)} B/place`);
  }
}
