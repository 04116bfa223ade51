/** What the scanners find: raw occurrences of codes in code positions, and the groups that give them context. */
import type { Groups } from './groups';
import type { Occurrences } from './occurrences';

/** How a position became a code position. */
export type Via =
  | 'key' // value of a code key: `status: 412`, `"code": "5004"`, `status=502`
  | 'compare' // compared with or assigned to a code key: `body.code === 5004`, `res.statusCode = 404`
  | 'call' // first argument of a status call: `res.status(404)`, `reply.code(429)`
  | 'case' // `case 5010:` in a switch over a code key
  | 'access-log' // status field of an access-log line
  | 'symbolic' // an UPPER_SNAKE token outside a code position
  | 'comment' // a symbolic code in a comment: hovers as any symbolic code does, but mentions the code, does not use it
  | 'assert' // compared through an assertion: `expect(res.status).toBe(404)`, `assert.equal(res.statusCode, 201)`
  | 'list' // an element of a list of codes: `[408, 429].includes(res.status)`, `retryStatusCodes: [500, 502]`
  | 'constant'; // a constant naming a code: `FACE_TOO_SMALL = 8008`, `HttpStatus.NOT_FOUND`

export interface RawOccurrence {
  /** Offsets of the code itself (inside quotes for strings). */
  start: number;
  end: number;
  code: string;
  numeric: boolean;
  via: Via;
  /** The code key that made this a code position, when there is one; for constants, the constant's name. */
  key?: string;
  /** The key is configured as such, not only its last words (`status`, not `upstream_status`). */
  exactKey: boolean;
  /** The position names an HTTP status (`res.status(…)`, `statusCode`, access logs). */
  http: boolean;
  /** The token is a whole string literal (`'SELFIE_LIVENESS_FAILD'`), not a word inside a longer string. */
  wholeString: boolean;
  /** Innermost context group (JSON object, object literal, switch body, log line). */
  group: number;
}

export type GroupKind = 'object' | 'switch' | 'block' | 'line';

/**
 * Where a `switch` / `match` statement's parts are (offsets), for edits that add cases. Python's blocks are synthetic
 * zero-length braces (tokens.ts): its `{` sits at the first `case`, its `}` at the next statement.
 */
export interface SwitchShape {
  /** The `switch` / `match` keyword. */
  start: number;
  /** The subject's code key (`switch (err.code)` → `code`); undefined when the subject is no code key. */
  key?: string;
  /** The body's opening `{`. */
  open: number;
  /** End of the body's last token, not counting dedents (which sit at the next statement). */
  lastEnd: number;
  /** The body's closing `}`. */
  close: number;
  /** End of the statement: after its `}`, or `lastEnd` when that `}` is a dedent. */
  end: number;
  /** The catch-all label directly in the body, `default:` or `case _:`, from its first token to the end of its `:`. */
  wildcard?: { start: number; end: number };
}

export interface ScanResult {
  /** In text order. */
  occurrences: Occurrences;
  /** Group 0 is the document's block; each group knows its kind, parent and the vendor hint keys in it. */
  groups: Groups;
  /** Hint keys found anywhere in the document, with counts. */
  docHintKeys: Map<string, number>;
  /** Groups no occurrence refers to any more, left by incremental rescans of logs. */
  orphanGroups?: number;
}

/** An edit in offsets of the text before it: [start, end) became `length` characters. */
export interface OffsetEdit {
  start: number;
  end: number;
  length: number;
}

/** Everything a scanner needs to know besides the text. */
export interface ScanContext {
  codeKeys: import('./keys').CodeKeys;
  /** Is this a known symbolic token (code or name)? */
  isSymbolic(token: string): boolean;
  /** Vendor hint keys. */
  hintKeys: ReadonlyMap<string, readonly string[]>;
  /** Names that mirror codes, and HTTP constant namespaces. */
  names: import('./constants').ConstantNames;
}

export { SYMBOLIC_CODE as SYMBOLIC_RE } from '../codeShapes';

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** Finds UPPER_SNAKE words inside a piece of text (a string's content, a comment) and reports the known ones. */
export function symbolicWordsIn(
  text: string,
  from: number,
  to: number,
  ctx: ScanContext,
  emit: (start: number, end: number, token: string) => void,
): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90 || (i > from && isWordChar(text.charCodeAt(i - 1)))) continue;
    let j = i + 1;
    let underscore = false;
    while (j < to) {
      const d = text.charCodeAt(j);
      if ((d >= 65 && d <= 90) || (d >= 48 && d <= 57)) j++;
      else if (d === 95) {
        underscore = true;
        j++;
      } else break;
    }
    if (underscore && (j >= to || !isWordChar(text.charCodeAt(j)))) {
      const token = text.slice(i, j);
      if (ctx.isSymbolic(token)) emit(i, j, token);
    }
    i = j;
  }
}
