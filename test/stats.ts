/** Figures from samples, shared by the benchmarks and the tests that print timings. */

/** The value below which a fraction p of the samples lie (p = 0.5: the median). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}
