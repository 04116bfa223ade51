/**
 * `api-error-codes summarize FILE [--format text|json|csv]`: the log summary from the command line, with the same
 * engine as the editor. Progress goes to stderr when it is a terminal; the summary to stdout.
 */
import { loadBuiltinRegistry } from '../registry';
import { defaultSettings } from '../settings';
import { progressText } from './handlers';
import { summarizeFile } from './summarize';
import type { LogSummary } from './types';

const USAGE = 'usage: api-error-codes summarize FILE [--format text|json|csv]';

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

/** Runs the summarize verb; returns the process exit code (0 done, 1 failed, 2 usage). */
export async function runSummarize(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; progress?: boolean } = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  progress: process.stderr.isTTY,
}): Promise<number> {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '-h' || a === '--help') {
      io.out(USAGE + '\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1 || !['text', 'json', 'csv'].includes(format)) {
    io.err(`${files.length !== 1 ? 'one FILE is needed' : `unknown format "${format}"`}\n${USAGE}\n`);
    return 2;
  }
  try {
    const summary = await summarizeFile(files[0], {
      registry: loadBuiltinRegistry(),
      settings: defaultSettings,
      onProgress: io.progress ? (p) => io.err(`\r${progressText(p)}   `) : undefined,
    });
    if (io.progress) io.err('\n');
    io.out(format === 'json' ? summaryJson(summary) : format === 'csv' ? summaryCsv(summary) : summaryText(summary));
    if (summary.changed && format !== 'text') io.err(`warning: ${summary.changed}\n`);
    return 0;
  } catch (e) {
    io.err(`api-error-codes summarize: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
