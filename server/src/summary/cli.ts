/**
 * `api-error-codes summarize FILE [--format text|json|csv]`: the log summary from the command line, with the same
 * engine as the editor. Progress goes to stderr when it is a terminal; the summary to stdout.
 */
import { loadBuiltinRegistry, type Registry } from '../registry';
import { defaultSettings, type Settings } from '../settings';
import { progressText, summaryCsv, summaryJson, summaryText } from './format';
import { summarizeFile } from './summarize';

/** The verb's help text. */
export const SUMMARIZE_USAGE = `Usage: api-error-codes summarize FILE [--format text|json|csv] [--config FILE]

Summarizes the error codes of a log file read from disk (plain or gzip, any size) with the editor's scanner and
vendor resolution: per vendor and code, the count, first and last line and time, and sample lines.
Exit status: 0 done, 2 usage or I/O error.
`;

export interface SummarizeCliOptions {
  /** The registry and settings to use (the CLI's workspace and --config); default: the built-in registry, defaults. */
  workspace?: (config: string | undefined) => { registry: Registry; settings: Settings };
  out?: (s: string) => void;
  err?: (s: string) => void;
  /** Progress on stderr (default: when stderr is a terminal). */
  progress?: boolean;
}

/** Runs the summarize verb; resolves to the process exit code (0 done, 2 usage or I/O error). */
export async function runSummarize(argv: string[], options: SummarizeCliOptions = {}): Promise<number> {
  const out = options.out ?? ((s: string) => void process.stdout.write(s));
  const err = options.err ?? ((s: string) => void process.stderr.write(s));
  const progress = options.progress ?? process.stderr.isTTY;
  let format = 'text';
  let config: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--config') config = argv[++i];
    else if (a.startsWith('--config=')) config = a.slice('--config='.length);
    else if (a === '-h' || a === '--help') {
      out(SUMMARIZE_USAGE);
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      err(`api-error-codes summarize: unknown option ${a}\n\n${SUMMARIZE_USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1 || !['text', 'json', 'csv'].includes(format)) {
    err(`api-error-codes summarize: ${files.length !== 1 ? 'one FILE is needed' : `--format must be one of text, json, csv (got "${format}")`}\n\n${SUMMARIZE_USAGE}`);
    return 2;
  }
  try {
    const { registry, settings } = options.workspace?.(config) ?? { registry: loadBuiltinRegistry(), settings: defaultSettings };
    const summary = await summarizeFile(files[0], {
      registry,
      settings,
      onProgress: progress ? (p) => err(`\r${progressText(p)}   `) : undefined,
    });
    if (progress) err('\n');
    out(format === 'json' ? summaryJson(summary) : format === 'csv' ? summaryCsv(summary) : summaryText(summary));
    if (summary.changed && format !== 'text') err(`warning: ${summary.changed}\n`);
    return 0;
  } catch (e) {
    err(`api-error-codes summarize: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
