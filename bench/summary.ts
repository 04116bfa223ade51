/**
 * `npm run bench -- summary`: the log summary of a 1 GB generated log from disk (page cache warm), as the CLI runs it
 * (its own process: start-up, registry, reading, two scanning workers, merge), beside `rg -c` with an alternation of
 * every registry code on the same file; peak RSS of our process.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Registry } from '../server/src/registry';
import type { LogSummary } from '../server/src/summary/types';
import type { Recorder } from '../test/stats';
import { vendorLog } from './generate';


const GB = 1024 * 1024 * 1024;

/** Reads the file once so both contenders find it in the page cache. */
function warm(file: string): void {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(4 * 1024 * 1024);
  while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  fs.closeSync(fd);
}

export function benchSummary(root: string, registry: Registry, record: Recorder): void {
  const file = path.join(os.tmpdir(), 'bench-summary-1g.log');
  const piece = Buffer.from(vendorLog(16 * 1024 * 1024, 17));
  const copies = Math.ceil(GB / piece.length);
  if (!fs.existsSync(file) || fs.statSync(file).size !== piece.length * copies) {
    const fd = fs.openSync(file, 'w');
    for (let k = 0; k < copies; k++) fs.writeSync(fd, piece);
    fs.closeSync(fd);
  }
  const size = fs.statSync(file).size;
  const mb = size / 1048576;
  warm(file);
  // Our CLI, with a preload that reports the process's peak RSS (worker threads included) when it exits.
  const preload = path.join(os.tmpdir(), 'bench-summary-rss.js');
  fs.writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
  const ours = () => {
    const s = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, path.join(root, 'dist', 'summarize.js'), file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - s;
    if (r.status !== 0) throw new Error(`summarize failed: ${r.stderr}`);
    const summary = JSON.parse(r.stdout) as LogSummary;
    return { ms, rssMB: Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, summary };
  };
  const runs = [ours(), ours()];
  const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const peak = Math.max(...runs.map((r) => r.rssMB));
  const mbps = mb / (best.ms / 1000);
  record(`log summary, ${(size / GB).toFixed(2)} GB from disk (CLI process, best of 2)`, mbps, 'MB/s', { text: '>= 250 MB/s', pass: mbps >= 250 }, `${best.summary.occurrences} codes, ${best.summary.lines} lines`);
  record('log summary peak RSS (process incl. workers)', peak, 'MB', { text: '<= 150 MB', pass: peak <= 150 });
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status === 0) {
    const codes = [...registry.numericTokens, ...registry.symbolicTokens];
    const pattern = `\\b(?:${codes.join('|')})\\b`;
    const times: number[] = [];
    let count = '';
    for (let k = 0; k < 2; k++) {
      const s = performance.now();
      const r = spawnSync('rg', ['-c', pattern, file], { encoding: 'utf8' });
      times.push(performance.now() - s);
      count = r.stdout.trim();
    }
    const rgMbps = mb / (Math.min(...times) / 1000);
    record('rg -c with the registry alternation, same file (best of 2)', rgMbps, 'MB/s', undefined, `${count} matching lines`);
    record('log summary / rg', mbps / rgMbps, 'x', { text: '>= 0.7', pass: mbps / rgMbps >= 0.7 });
  } else {
    console.log('rg -c: ripgrep is not installed (apt-get install ripgrep); NO baseline figure');
  }
  fs.rmSync(file, { force: true });
  fs.rmSync(preload, { force: true });
}
