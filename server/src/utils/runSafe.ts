/** Runs a request handler so that cancellation is honoured and an exception becomes a logged fallback, never a crash. */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
}

function cancelled<E>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Where the server is in the LSP lifecycle; requests are refused before `initialize` and after `shutdown`. */
export const lifecycle = { initialized: false, shuttingDown: false };

/** The refusal for a request that arrives before `initialize` or after `shutdown`, or undefined. */
export function notReady<E>(): ResponseError<E> | undefined {
  if (!lifecycle.initialized) return new ResponseError<E>(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet');
  if (lifecycle.shuttingDown) return new ResponseError<E>(ErrorCodes.InvalidRequest, 'The server is shutting down');
  return undefined;
}

/**
 * Defers to the next turn of the event loop first, so a `$/cancelRequest` that arrived with the request is seen
 * before any work is done (the same pattern as VS Code's JSON language server).
 */
export function runSafe<T, E = void>(
  log: Logger,
  work: () => T | Promise<T>,
  fallback: T,
  what: string,
  token: CancellationToken,
): Promise<T | ResponseError<E>> {
  const refused = notReady<E>();
  if (refused) return Promise.resolve(refused);
  return new Promise((resolve) => {
    setImmediate(async () => {
      if (token.isCancellationRequested) return resolve(cancelled<E>());
      try {
        const result = await work();
        resolve(token.isCancellationRequested ? cancelled<E>() : result);
      } catch (e) {
        log.error(`Error while ${what}: ${describe(e)}`);
        resolve(fallback);
      }
    });
  });
}
