/**
 * The message boundary: every request and notification handler is registered through these wrappers, which check the
 * params' shape (and that the library handed over a cancellation token) once, before any handler code runs. A request
 * with a bad shape is answered with InvalidParams (-32602); a notification with one is logged and changes nothing.
 *
 * Why the token check: for request types declared without a parameter structure, vscode-jsonrpc spreads by-position
 * params into the handler's arguments, so `params: []` arrives as `(token)` and `[{}, null]` as `({}, null, token)`.
 */
import { CancellationToken, ErrorCodes, ResponseError, type Connection, type TextDocuments, type TextEdit } from 'vscode-languageserver';
import { notReady, runSafe, type Logger } from './runSafe';

/** A shape: says what is wrong with a value (with its path), or undefined when it conforms. */
export interface Shape<T> {
  readonly problem: (value: unknown, path: string) => string | undefined;
  /** Type carrier only; never set. */
  readonly _type?: T;
}

export type ShapeType<S> = S extends Shape<infer T> ? T : never;

function shape<T>(problem: (value: unknown, path: string) => string | undefined): Shape<T> {
  return { problem };
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

export const str = shape<string>((v, p) => (typeof v === 'string' ? undefined : `${p} must be a string, not ${describe(v)}`));
export const bool = shape<boolean>((v, p) => (typeof v === 'boolean' ? undefined : `${p} must be a boolean, not ${describe(v)}`));
export const int = shape<number>((v, p) => (Number.isSafeInteger(v) ? undefined : `${p} must be an integer, not ${describe(v)}`));
/** Anything at all (checked deeper by the service, e.g. diagnostic `data`). */
export const any = shape<unknown>(() => undefined);

export function optional<T>(s: Shape<T>): Shape<T | undefined> {
  return shape((v, p) => (v === undefined ? undefined : s.problem(v, p)));
}

export function oneOf<T extends string | number>(values: readonly T[]): Shape<T> {
  return shape((v, p) => (values.includes(v as T) ? undefined : `${p} must be one of ${values.join(', ')}`));
}

export function matching(pattern: RegExp): Shape<string> {
  return shape((v, p) => str.problem(v, p) ?? (pattern.test(v as string) ? undefined : `${p} must match ${pattern.source}`));
}

export function array<T>(item: Shape<T>, max = Infinity): Shape<T[]> {
  return shape((v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array, not ${describe(v)}`;
    if (v.length > max) return `${p} has ${v.length} items (at most ${max})`;
    for (let i = 0; i < v.length; i++) {
      const problem = item.problem(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  });
}

/** An object with at least these fields (others are allowed: clients send more than we read). */
export function object<F extends Record<string, Shape<unknown>>>(fields: F): Shape<{ [K in keyof F]: ShapeType<F[K]> }> {
  return shape((v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p} must be an object, not ${describe(v)}`;
    for (const key of Object.keys(fields)) {
      const problem = fields[key].problem((v as Record<string, unknown>)[key], `${p}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  });
}

/** Integers; out of range (negative, past the end) is the service's to clamp, not a shape error. */
export const position = object({ line: int, character: int });
export const range = object({ start: position, end: position });
export const textDocumentId = object({ uri: str });
export const textDocumentPosition = object({ textDocument: textDocumentId, position });

function invalid<E>(message: string): ResponseError<E> {
  return new ResponseError<E>(ErrorCodes.InvalidParams, message);
}

/** What a request refused at the boundary is answered with, or undefined when the arguments are fine. */
function refusal<E>(s: Shape<unknown>, params: unknown, token: unknown): ResponseError<E> | undefined {
  if (!CancellationToken.is(token)) return invalid('params must be an object (by-name), not by-position');
  const problem = s.problem(params, 'params');
  return problem ? invalid(problem) : undefined;
}

/**
 * A request handler: params checked against the shape (InvalidParams otherwise), then the work run by runSafe
 * (cancellation honoured, an exception logged and answered with the fallback).
 */
export function request<P, R, E = void>(
  log: Logger,
  s: Shape<P>,
  what: (params: P) => string,
  work: (params: P, token: CancellationToken) => R | Promise<R>,
  fallback: (params: P) => R,
): (params: unknown, token: unknown) => Promise<R | ResponseError<E>> {
  return (params, token) => {
    const refused = refusal<E>(s, params, token);
    if (refused) return Promise.resolve(notReady<E>() ?? refused);
    const p = params as P;
    const t = token as CancellationToken;
    return runSafe<R, E>(log, () => work(p, t), fallback(p), what(p), t);
  };
}

/** A notification handler: params checked against the shape (logged and ignored otherwise); an exception is logged. */
export function notification<P>(log: Logger, method: string, s: Shape<P>, work: (params: P) => void): (...args: unknown[]) => void {
  return (...args) => {
    // By-position params arrive spread; only one by-name object is a notification's params.
    const problem = args.length === 1 ? s.problem(args[0], 'params') : 'params must be an object (by-name), not by-position';
    if (problem) {
      log.error(`Ignored ${method}: ${problem}.`);
      return;
    }
    try {
      work(args[0] as P);
    } catch (e) {
      log.error(`Error while handling ${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  };
}

/** What `TextDocuments.listen` registers its handlers on (the library does not export the interface's name). */
type TextDocumentConnection = Parameters<TextDocuments<{ uri: string }>['listen']>[0];

const didOpen = object({ textDocument: object({ uri: str, languageId: str, version: int, text: str }) });
const contentChange = object({ text: str, range: optional(range) });
const didChange = object({ textDocument: object({ uri: str, version: int }), contentChanges: array(contentChange) });
const didClose = object({ textDocument: textDocumentId });
const willSave = object({ textDocument: textDocumentId, reason: oneOf([1, 2, 3] as const) });
const didSave = object({ textDocument: textDocumentId, text: optional(str) });

/**
 * The text-synchronisation notifications for `TextDocuments.listen`, checked first: a `didChange` whose `text` is not
 * a string, or without an integer version, is refused whole and the document stays as it was.
 */
export function documentsConnection(connection: Connection, log: Logger): TextDocumentConnection {
  return {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument(notification(log, 'textDocument/didOpen', didOpen, h)),
    onDidChangeTextDocument: (h) => connection.onDidChangeTextDocument(notification(log, 'textDocument/didChange', didChange, h)),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument(notification(log, 'textDocument/didClose', didClose, h)),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(notification(log, 'textDocument/willSave', willSave, h)),
    onWillSaveTextDocumentWaitUntil: (h) =>
      // The server registers no will-save handler; the library's (which answers []) still gets checked params.
      connection.onWillSaveTextDocumentWaitUntil(request(log, willSave, () => 'textDocument/willSaveWaitUntil', async (p, t) => (await h(p, t)) as TextEdit[] | null, () => null)),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(notification(log, 'textDocument/didSave', didSave, h)),
  };
}
