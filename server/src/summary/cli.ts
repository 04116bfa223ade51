/**
 * `api-error-codes summarize FILE [--format text|json|csv]`: the log summary from the command line, with the same
 * engine as the editor. Progress goes to stderr when it is a terminal; the summary to stdout.
 */
import { loadBuiltinRegistry } from '../registry';
import { defaultSettings } from '../settings';
import { progressText, summaryCsv, summaryJson, summaryText } from './format';
import { summarizeFile } from './summarize';

const USAGE = 'usage: api-error-codes summarize FILE [--format text|json|csv]';

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
