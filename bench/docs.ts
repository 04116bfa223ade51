/**
 * The performance docs' figures, generated from a bench run's results (bench/results.json), never typed: every table
 * between `<!-- bench:figures PART[,PART…] -->` and `<!-- /bench:figures -->` in docs/performance.md is rewritten from
 * the results of those parts, with the run's date, machine and Node version above it. `npm run bench` rewrites the doc
 * after a full run; a unit test holds the committed doc equal to what the committed results render.
 */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  pass?: boolean;
  note?: string;
  /** The bench part that took it (`scanner`, `hover`, `cli`, …; `npm run bench -- PART` runs one). */
  part?: string;
  /** When it was taken (a partial run keeps the other parts' figures with their dates). */
  date?: string;
}

export interface BenchRun {
  date: string;
  machine: { cpus: number; model?: string; memoryGB: number; platform: string };
  node: string;
  results: BenchResult[];
}

const BLOCK = /(<!-- bench:figures ([a-z0-9,-]+) -->\n)[\s\S]*?(<!-- \/bench:figures -->)/g;

/** Markdown cells hold no pipes or line breaks. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function formatValue(r: BenchResult): string {
  const digits = Math.abs(r.value) >= 100 ? 0 : Math.abs(r.value) >= 10 ? 1 : 2;
  const value = r.value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
  return r.unit === 'x' ? `${value} ×` : `${value} ${r.unit}`;
}

/** The table of one block: the results of the named parts, part by part as the block names them, each in the order the bench took them. */
export function renderFigures(run: BenchRun, parts: readonly string[]): string {
  const order = (r: BenchResult) => parts.indexOf(r.part!);
  const rows = run.results.filter((r) => r.part !== undefined && parts.includes(r.part)).sort((a, b) => order(a) - order(b));
  const days = [...new Set(rows.map((r) => (r.date ?? run.date).slice(0, 10)))].sort();
  const when = days.length > 1 ? `Runs of ${days.join(', ')}` : `Run of ${days[0] ?? run.date.slice(0, 10)}`;
  const machine = `${run.machine.cpus} × ${run.machine.model ?? 'CPU'}, ${run.machine.memoryGB} GB, Node ${run.node}`;
  const lines = [
    `${when} on ${machine} (\`bench/results.json\`; generated, do not edit):`,
    '',
    '| measure | value | goal | |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const name = r.note ? `${r.name} (${r.note})` : r.name;
    const verdict = r.pass === undefined ? '' : r.pass ? 'met' : '**missed**';
    lines.push(`| ${cell(name)} | ${formatValue(r)} | ${cell(r.goal ?? '')} | ${verdict} |`);
  }
  if (!rows.length) lines.push(`| (no figures of ${parts.join(', ')} in this run) | | | |`);
  return lines.join('\n') + '\n';
}

/** The doc with every figures block rewritten from the run. */
export function updatePerformanceDoc(doc: string, run: BenchRun): string {
  return doc.replace(BLOCK, (_all, open: string, parts: string, close: string) => open + renderFigures(run, parts.split(',')) + close);
}

/** The parts the doc's blocks name, for a check that none is missing from a run. */
export function documentedParts(doc: string): string[] {
  return [...doc.matchAll(BLOCK)].flatMap((m) => m[2].split(','));
}
