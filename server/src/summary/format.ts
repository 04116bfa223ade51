/** The log summary as text, CSV and JSON, and its progress as a line of text: pure, shared by the CLI, the server and the client. */
import type { LogSummary, SummaryProgress } from './types';

/** `done` / `total` bytes and throughput as one line of text (progress notifications, the CLI). */
export function progressText(p: SummaryProgress): string {
  const mb = (n: number) => (n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0);
  const rate = p.elapsedMs > 0 ? p.done / 1048576 / (p.elapsedMs / 1000) : 0;
  return `${mb(p.done)} of ${mb(p.total)} MB · ${rate.toFixed(0)} MB/s`;
}

/** CSV field: quoted when it holds a comma, quote or line break; cells starting like a formula are prefixed with '. */
function csvField(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The summary as CSV: one row per vendor and code. */
export function summaryCsv(summary: LogSummary): string {
  const rows = [['vendor', 'code', 'name', 'title', 'count', 'first_line', 'last_line', 'first_time', 'last_time'].join(',')];
  for (const v of summary.vendors) {
    for (const c of v.codes) rows.push([v.id, c.code, c.name, c.title, c.count, c.firstLine + 1, c.lastLine + 1, c.firstTime, c.lastTime].map(csvField).join(','));
  }
  return rows.join('\n') + '\n';
}

/** The summary as JSON for scripts: each vendor with its codes and counts, then the rest of the summary. */
export function summaryJson(summary: LogSummary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}

/** The summary as text for people. */
export function summaryText(summary: LogSummary): string {
  const out: string[] = [];
  const mb = (summary.bytes / 1048576).toFixed(1);
  out.push(`${summary.file}: ${summary.lines} lines, ${mb} MB${summary.gzip ? ' (gzip)' : ''}, ${summary.occurrences} codes in ${summary.elapsedMs} ms`);
  if (summary.changed) out.push(`warning: ${summary.changed}`);
  for (const v of summary.vendors) {
    out.push('', `${v.displayName} (${v.id}): ${v.count}`);
    for (const c of v.codes) {
      const meaning = c.title ? ` ${c.name ? `${c.name} ` : ''}— ${c.title}` : ' — not in the registry';
      const when = c.firstTime ? `, ${c.firstTime} … ${c.lastTime}` : '';
      out.push(`  ${c.code.padEnd(8)} ${String(c.count).padStart(9)}${meaning} (lines ${c.firstLine + 1}–${c.lastLine + 1}${when})`);
    }
  }
  return out.join('\n') + '\n';
}
