/**
 * The change of a bench run against the last committed results (bench/results.json as git has it), figure by figure:
 * each figure's ratio to before, marked worse or better beyond the machine's noise. A partial run compares the
 * figures it took.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

/** Units where a larger value is better; every other unit (ms, MB, x of a time) reads the other way unless named. */
const HIGHER_IS_BETTER = new Set(['MB/s', 'files/s', 'req/s']);
/** Ratios within this band of 1 are the machine's drift (its speed varies by up to 40 % over an hour), not a change. */
export const NOISE = 0.15;

export function compareResults(before: readonly BenchFigure[], now: readonly BenchFigure[]): { lines: string[]; worse: string[] } {
  const previous = new Map(before.map((f) => [f.name, f]));
  const lines: string[] = [];
  const worse: string[] = [];
  for (const f of now) {
    const p = previous.get(f.name);
    if (!p || p.unit !== f.unit || p.value === 0) continue;
    const ratio = f.value / p.value;
    const better = HIGHER_IS_BETTER.has(f.unit) ? ratio > 1 + NOISE : f.unit === 'ms' || f.unit === 'MB' ? ratio < 1 - NOISE : false;
    const regressed = HIGHER_IS_BETTER.has(f.unit) ? ratio < 1 - NOISE : f.unit === 'ms' || f.unit === 'MB' ? ratio > 1 + NOISE : false;
    const mark = regressed ? 'WORSE' : better ? 'better' : '';
    if (regressed) worse.push(f.name);
    lines.push(`${f.name.padEnd(58)} ${p.value.toFixed(2).padStart(10)} → ${f.value.toFixed(2).padStart(10)} ${f.unit.padEnd(6)} ${ratio.toFixed(2)}x ${mark}`);
  }
  return { lines, worse };
}
