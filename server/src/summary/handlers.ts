/** The server's side of the log summary: the `errorCodes/summarizeLog` request, with work-done progress and cancel. */
import { fileURLToPath } from 'node:url';
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { SummarizeLogRequest } from '../protocol';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { SummaryCache, SummaryCancelled, summarizeFile } from './summarize';
import { progressText } from './format';

/** Progress reports at most this often. */
const PROGRESS_MS = 100;

/** Registers the summary request; `current` gives the registry and the settings for a file when a summary starts. */
export function registerSummaryHandlers(connection: Connection, current: (uri: string) => Promise<{ registry: Registry; settings: Settings }>): void {
  const cache = new SummaryCache();
  connection.onRequest(SummarizeLogRequest.type, async (params, token) => {
    // The boundary's rule for every handler: by-position or ill-shaped params (which also leave no token) are refused.
    if (typeof params !== 'object' || params === null || Array.isArray(params) || typeof params.uri !== 'string' || !CancellationToken.is(token)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'errorCodes/summarizeLog: params must be { uri: string } (by name).');
    }
    let file: string;
    try {
      file = fileURLToPath(String(params?.uri ?? ''));
    } catch {
      throw new ResponseError(ErrorCodes.InvalidParams, `Only files on disk can be summarized, not ${String(params?.uri)}.`);
    }
    const { registry, settings } = await current(params.uri);
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    progress.begin('Summarizing log', 0, file, true);
    let last = 0;
    try {
      return await summarizeFile(file, {
        registry,
        settings,
        cache,
        signal: controller.signal,
        onProgress: (p) => {
          const now = performance.now();
          if (now - last < PROGRESS_MS && p.done < p.total) return;
          last = now;
          progress.report(p.total ? Math.min(100, Math.floor((100 * p.done) / p.total)) : 0, progressText(p));
        },
      });
    } catch (e) {
      if (e instanceof SummaryCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, e.message);
      connection.console.error(`Error while summarizing ${file}: ${e instanceof Error ? e.message : String(e)}`);
      throw new ResponseError(ErrorCodes.InternalError, e instanceof Error ? e.message : String(e));
    } finally {
      progress.done();
    }
  });
}
