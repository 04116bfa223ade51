/** Figures from samples, shared by the benchmarks and the tests that print timings. */
import * as fs from 'node:fs';

/** How a benchmark part records one figure, with its goal if it has one (bench/run.ts prints and keeps them). */
export type Recorder = (name: string, value: number, unit: string, goal?: { text: string; pass: boolean }, note?: string) => void;

/** A process's resident memory now and at its peak, in MB (Linux `/proc`). */
export function rssOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** The value below which a fraction p of the samples lie (p = 0.5: the median). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}
