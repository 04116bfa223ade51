/** `node dist/summarize.js FILE [--format text|json|csv]`: the summarize verb on its own (see cli.ts). */
import { runSummarize } from './cli';

void runSummarize(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
