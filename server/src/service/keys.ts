/** Which keys and members make a number a code: `status`, `err.error_code`, `upstream_status`, `retryStatusCodes`. */
import { statusCallsFor } from './idioms';

/** Words that, before `code`, make a compound key an error code (`error_code`, `upstreamCode`, not `zip_code`). */
const ERRORISH = new Set([
  'error', 'err', 'errors', 'response', 'resp', 'res', 'http', 'upstream', 'downstream', 'backend', 'origin', 'proxy',
  'status', 'result', 'return', 'reason', 'api', 'reply', 'vendor', 'fault', 'failure', 'exception', 'last', 'final',
  'retry', 'retryable', 'retriable', 'expected', 'expect', 'actual', 'success', 'ok', 'accepted', 'allowed', 'ignored',
  'fatal', 'transient', 'redirect', 'fetch', 'ajax', 'xhr', 'gateway', 'validate', 'default',
  // Go's test idiom: `wantCode: 404`, `gotStatus != wantStatus`.
  'want', 'got', 'wanted',
]);

/** Last words that, like `code`, need an error-ish word before them in a compound (`upstream_status`, not `task_status`). */
const GENERIC_TAILS = new Set(['code', 'status']);

/** One-word abbreviations of a response's code or status (`rcode`), read as a compound key would be. */
const ABBREVIATED = new Set(['rcode', 'rstatus', 'respcode', 'httpcode']);

/** Words after a key that name its type: `status_int`, `code_value`, `statusNum`. */
const TYPE_SUFFIXES = new Set(['int', 'num', 'number', 'value', 'val']);

/** Words that, after an HTTP status key, say what the status is for (`statusCodeToFailOn`), not what it measures. */
const PURPOSE_WORDS = new Set(['to', 'for', 'on', 'if', 'when', 'of', 'after', 'before']);

/** Keys that name an HTTP status specifically; a number there favours the HTTP vendor. */
const HTTP_KEYS = new Set(['statuscode', 'httpstatus', 'httpstatuscode', 'httpcode']);

export function normalizeKey(key: string): string {
  // `:` for HTTP/2's pseudo-header `:status`.
  return key.toLowerCase().replace(/[_\-\s$:]/g, '');
}

/** A name's words, lower-cased: `setStatus` → [set, status], `abort_if` → [abort, if], `HTTPStatusCode` → [http, status, code]. */
export function nameWords(key: string): string[] {
  return key
    // An acronym before a word is a word of its own: `HTTPStatusCode` is http, status, code.
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export interface KeyMatch {
  /** The key itself is configured (not only its last words). */
  exact: boolean;
  /** The key names an HTTP status. */
  http: boolean;
}

/** Matches keys against the configured code keys. One instance per settings value; lookups are cached. */
export class CodeKeys {
  private readonly keys: Set<string>;
  private readonly cache = new Map<string, KeyMatch | null>();
  /** Lower-case last characters of all keys: a cheap first filter for the log scanner. */
  readonly lastChars: Set<number>;

  constructor(keys: readonly string[]) {
    this.keys = new Set(keys.map(normalizeKey).filter(Boolean));
    this.lastChars = new Set([...this.keys].map((k) => k.charCodeAt(k.length - 1)));
  }

  match(key: string): KeyMatch | null {
    if (key.length === 0 || key.length > 64) return null;
    let m = this.cache.get(key);
    if (m !== undefined) return m;
    m = this.compute(key);
    if (this.cache.size > 10000) this.cache.clear();
    this.cache.set(key, m);
    return m;
  }

  private compute(key: string): KeyMatch | null {
    const norm = normalizeKey(key);
    if (this.keys.has(norm)) return { exact: true, http: HTTP_KEYS.has(norm) };
    let w = nameWords(key);
    // A type word after the key says how it is held, not what it is: WebOb's `status_int`, `statusValue`.
    if (w.length > 1 && TYPE_SUFFIXES.has(w[w.length - 1])) {
      const base = w.slice(0, -1).join('');
      if (this.keys.has(base)) return { exact: true, http: HTTP_KEYS.has(base) };
      w = w.slice(0, -1);
    }
    // An HTTP status key followed by what it is for: `statusCodeToFailOn`, `status_code_for_retry`.
    for (let n = Math.min(3, w.length - 1); n >= 2; n--) {
      if (HTTP_KEYS.has(w.slice(0, n).join('')) && PURPOSE_WORDS.has(w[n])) return { exact: true, http: true };
    }
    // The usual abbreviations of a response's code: stripe-python's and MediaWiki's `rcode`, `resp_code` above.
    if (ABBREVIATED.has(norm)) return { exact: false, http: HTTP_KEYS.has(norm) };
    for (let n = Math.min(3, w.length - 1); n >= 1; n--) {
      const tail = w.slice(w.length - n).join('');
      if (!this.keys.has(tail)) continue;
      if (GENERIC_TAILS.has(tail) && !ERRORISH.has(w[w.length - 2])) return null;
      return { exact: false, http: HTTP_KEYS.has(tail) || w.includes('http') };
    }
    return null;
  }

  /**
   * A name that holds a list of codes or is indexed by them: the plural of a code key (`statusCodes`, `codes`,
   * `RETRY_STATUSES`, `retryStatusCodes`) or a code key itself.
   */
  matchList(key: string): KeyMatch | null {
    const m = this.match(key);
    if (m) return m;
    const singular = key.replace(/(?<=[Ss][Tt][Aa][Tt][Uu][Ss])[Ee][Ss]$|(?<=[A-Za-z])[Ss]$/, '');
    return singular !== key ? this.match(singular) : null;
  }

  /** Completion's question: does `.method(` take a status as its first argument? */
  isStatusCall(method: string): boolean {
    return (statusCallsFor('ts').get(method) ?? []).some((r) => r.form !== 'function' && r.args.includes(0)) || this.isKeyMethod(method);
  }

  /** A method named like a code key (`.statusCode(404)`, `.errorCode(5004)`) takes a code as its first argument. */
  isKeyMethod(method: string): boolean {
    return this.keys.has(normalizeKey(method));
  }
}
