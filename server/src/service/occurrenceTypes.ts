/** The shapes of what scanners find, for the occurrence and group tables as much as for the scanners (no imports: a leaf). */

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
