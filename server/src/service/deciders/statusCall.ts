/**
 * What a call means when no idiom row names it: the general rule for status arguments (issue 26). A callee's name
 * and receiver say how sure a status there is — a *strong* cue (`setStatus`, `withStatus`, `abort`, `redirect`,
 * `halt`, a `…Exception` / `…HttpError` / `…Response` class constructed or raised) or a *weak* one (`error`, `fail`,
 * `reply`, `respond`, `json`, `text`, `send` names; a receiver named like a response or a request context). The
 * slot is the one numeric argument, when it holds a registered status; with several numeric arguments and no row,
 * nothing is a status. The walker (engine/walker.ts, through calls.ts) asks this decider only after every row and specific rule declined.
 */
import { nameWords } from '../keys';

/**
 * How sure a call's status slot is: strong places hover and may warn; weak ones hover only with file evidence, and
 * `weak-beside` ones only when the status is not the call's only argument.
 */
export type CallCue = 'strong' | 'weak' | 'weak-beside';

export interface CallFacts {
  /** The callee as written (the last member for methods; `super` / `__construct` for base constructors). */
  name: string;
  form: 'method' | 'function' | 'new';
  /** The identifier right before `.name(` (`c` in `c.json(…)`, `this` in `this.ctx.json` is `ctx`). */
  receiver?: string;
  /** For `super(…)` / `parent::__construct(…)`: the class the enclosing class extends. */
  base?: string;
  /** The call is what a `raise` or `throw` raises: an exception built on the spot, whatever its class is named. */
  raised?: boolean;
}

/** Words that make a call's number a status whatever the file says. */
const STRONG_WORDS = new Set(['status', 'abort', 'redirect', 'redirection', 'halt']);
/**
 * Words that make it a status where the file shows other status evidence: outcome words, which may take the status
 * alone (`send_error(404)`, `fail(403)`, WordPress's `wp_die($message, 403)`), and body words, whose status stands beside a body or message
 * (`c.json(body, 404)`; `res.json(300)` sends 300).
 */
const OUTCOME_WORDS = new Set(['error', 'err', 'http', 'fail', 'failure', 'problem', 'deny', 'reject', 'die']);
const BODY_WORDS = new Set(['reply', 'respond', 'response', 'json', 'text', 'send', 'html', 'write']);
/** Receivers named like a response or a request context: `res.…`, `ctx.…`, Hono's `c.…`, Go-style `w.…`. */
const WEAK_RECEIVERS = new Set(['res', 'resp', 'response', 'reply', 'ctx', 'context', 'c', 'w', 'rw', 'writer', 'h', 'toolkit']);
/** Words that say the number is something else: a time, a size, a count, a position (`res.setTimeout(500)`). */
const OTHER_WORDS = new Set([
  'timeout', 'time', 'delay', 'wait', 'sleep', 'interval', 'ms', 'seconds', 'size', 'length', 'len', 'width', 'height',
  'limit', 'max', 'min', 'port', 'retry', 'retries', 'count', 'page', 'offset', 'slice', 'substr', 'substring', 'splice',
  'at', 'pad', 'repeat', 'round', 'fixed', 'precision', 'range', 'index', 'id', 'line', 'col', 'column', 'level', 'depth',
  'buffer', 'alloc', 'chunk', 'byte', 'bytes', 'random', 'number', 'int', 'float', 'parse', 'log', 'debug', 'info',
  'warn', 'warning', 'trace', 'print', 'exit', 'digest', 'hash', 'header', 'headers', 'cookie',
]);
/** Words that tie a `code` in a callee's name to a response or a check: `assertResponseCode`, `CodeIs`. */
const CODE_CHECK_WORDS = new Set(['response', 'http', 'assert', 'expect', 'is', 'equals', 'should', 'must', 'want', 'check', 'verify']);
/** Receivers that log: `logger.error(msg, 500)` reports, it does not respond. */
const LOGGER = /(?:^|_)(?:log|logger|logging|console|sentry|span|tracer|metrics|stats|statsd)$/i;

/** A class whose instances carry a status: `HTTPException`, `NotFoundHttpException`, `HTTPError`, `JSONResponse`. */
export function isStatusClass(name: string): boolean {
  if (!/^[A-Z]/.test(name)) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === 'exception' || last === 'response' || last === 'resp') return true;
  return last === 'error' && words.includes('http');
}

/** A class named for statuses: `HttpStatus`, `StatusCodes`, `HTTPStatusCode`. */
function isStatusTable(name: string): boolean {
  if (!/^[A-Z]/.test(name)) return false;
  const words = nameWords(name);
  return words.includes('status') && (words.includes('http') || words.includes('code') || words.includes('codes'));
}

/** The cue a call gives its numeric argument, or undefined when it gives none. */
export function callCue(call: CallFacts): CallCue | undefined {
  if (call.receiver && LOGGER.test(call.receiver)) return undefined;
  const callee = call.base !== undefined && (call.name === 'super' || call.name === '__construct') ? call.base : call.name;
  const words = nameWords(callee);
  // A capitalised method is a class only when nothing in its name says the number is a count (Go's exported
  // `AppendAndRepeatResponse(r, 100)` repeats a response 100 times).
  const method = call.form === 'method' && call.base === undefined;
  if (isStatusClass(callee) && (!method || (/^[A-Z]/.test(call.name) && !words.some((w) => OTHER_WORDS.has(w))))) return 'strong';
  // A class nested in a status class: PyGithub's `GithubException.IncompletableObject(400, …)`.
  if (method && /^[A-Z]/.test(call.name) && call.receiver !== undefined && isStatusClass(call.receiver) && !words.some((w) => OTHER_WORDS.has(w))) return 'strong';
  // A method of a class named for statuses, whatever the method says: MediaWiki's `HttpStatus::header(304)`,
  // `StatusCode::reason(404)`. A bare `Status` is any result type (`Status::newGood(100)`): it needs HTTP or code too.
  if (method && call.receiver !== undefined && isStatusTable(call.receiver)) return 'strong';
  // Go's `WriteHeader` spelled into a longer name: go-restful's `resp.WriteHeaderAndEntity(404, pong)`.
  const header = words.indexOf('header');
  if (header > 0 && words[header - 1] === 'write') return 'strong';
  // A function that names an HTTP error: MediaWiki's `wfHttpError(404, …)`, `send_http_error(500)`.
  if (words.includes('http') && (words[words.length - 1] === 'error' || words[words.length - 1] === 'exception')) return 'strong';
  // `assertErrorPage(500)`: an outcome or status word outweighs a word that elsewhere means a size or a position.
  const says = words.some((w) => STRONG_WORDS.has(w) || OUTCOME_WORDS.has(w));
  if (!says && words.some((w) => OTHER_WORDS.has(w))) return undefined;
  if (words.some((w) => STRONG_WORDS.has(w))) return 'strong';
  // A setter of the response given a number: a mock server's `SetResponseJson(200, mockTask)`, `setResponse(404)`.
  if (words[0] === 'set' && words.includes('response')) return 'strong';
  // `assertResponseCode(302)`, `setHttpCode(404)`, `expectCode(201)`: a code the name ties to a response or a check.
  // `recorded.CodeIs(200)`, `statusEquals(404)` read the same way.
  if (words.includes('code') && words.some((w) => CODE_CHECK_WORDS.has(w))) return 'strong';
  if (words.some((w) => OUTCOME_WORDS.has(w))) return 'weak';
  // An exception of any name raised with a status (`raise Gone(410, msg)`): a status where the file shows others.
  if (call.raised && /^[A-Z]/.test(call.name)) return 'weak';
  if (words.some((w) => BODY_WORDS.has(w))) return 'weak-beside';
  if (call.form === 'method' && call.receiver !== undefined && WEAK_RECEIVERS.has(call.receiver.replace(/^\$/, '').toLowerCase())) return 'weak-beside';
  return undefined;
}

/**
 * The argument that holds the status: the only numeric literal argument, when it is a registered status. Several
 * numeric arguments (`response.slice(0, 200)`) leave the call undecided.
 */
export function statusSlot<T extends { value: string }>(numericArgs: readonly T[], isStatus: (code: string) => boolean): T | undefined {
  return numericArgs.length === 1 && isStatus(numericArgs[0].value) ? numericArgs[0] : undefined;
}
