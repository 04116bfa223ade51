/**
 * Lists: what a closed list (`[…]`, `new Set([…])`, a tuple) is for, decided from its neighbours — a status table's
 * row (`[404, 'Not Found']`), a reply callback's `[status, body]`, the receiver of a membership test
 * (`[408, 429].includes(res.status)`), the value of a code-ish name (`retryStatusCodes = [500, 502]`), Python's
 * `x in (200, 201)`, or an argument its call decides when it closes.
 */
import { nameKey, isTitleOf } from '../constants';
import { CALLBACK_STATUS_CALLS, LIST_CONSTRUCTORS, MEMBERSHIP_METHODS } from '../idioms';
import { EQUALITY, FALLBACK, type Lit, type Walk } from '../engine/walk';
import { tableFate } from './tables';

/** Is token k a string holding the reason phrase of HTTP status `code` (`'Not Found'` for 404)? */
export function isPhraseOf(w: Walk, k: number, code: string): boolean {
  if (!w.isStr(k) || w.v(k).length >= 64) return false;
  if (w.ctx.names.httpPhrases.get(nameKey(w.v(k))) === code) return true;
  // An unofficial status with its own title: `[509, 'Bandwidth Limit Exceeded']`.
  const entry = w.ctx.names.httpEntries.get(code);
  return !!entry?.unofficial && isTitleOf(entry, w.v(k));
}

/** Is the innermost call around the current position one whose callback returns its status (nock's `.reply`)? */
function callbackStatusCall(w: Walk): boolean {
  for (let i = w.frames.length - 1, seen = 0; i > 0 && seen < 3; i--) {
    const call = w.frames[i].call;
    if (!call) continue;
    seen++;
    if (CALLBACK_STATUS_CALLS.has(call.name) && call.form === 'method') return true;
  }
  return false;
}

/** Where a Go composite literal's type (`[]int`, `map[int]bool`, `[]*pkg.T`) starts, before its `{` at `open`. */
function compositeType(w: Walk, open: number): number {
  let j = open - 1;
  while (j > 0 && open - j < 12 && (w.isId(j) || w.isPunct(j, '[') || w.isPunct(j, ']') || w.isPunct(j, '.') || w.isPunct(j, '*'))) j--;
  return j + 1;
}

/** A status class written as its digit (`2` for any 2xx). */
const STATUS_CLASS = /^[1-5]$/;

/**
 * A name ending in status, statuses or status codes (`nullBodyStatus`, `REDIRECT_STATUSES`, `okStatusCodes`), or in a
 * list word after one (urllib3's `status_forcelist`, `statusCodeAllowList`, `status_set`).
 */
const STATUS_LIST_NAME = /(?:status|statuses|status_?codes?)(?:_?(?:force|allow|white|deny|black|ignore|retry|skip)?_?(?:list|set))?$/i;

/**
 * Is the list between `start` and `end` a response triple, status first: exactly three elements, and of the other two
 * one is headers — an object, list or tuple literal (`{}`, `{ 'Content-Type': … }`, `[('Location', uri)]`) or a name
 * that says headers (`headers`, `self.TOKEN_RESPONSE_HEADER`) — in either order (sinon's `[200, {}, body]`, authlib's
 * `return 200, body, headers`)?
 */
export function responseTriple(w: Walk, start: number, end: number): boolean {
  if (!w.isPunct(start + 2, ',')) return false;
  // The two operands after the status: first and last token each, split at this level's commas, and whether the
  // operand is one bracketed literal (its first bracket closes at its last token).
  const operands: { a: number; b: number; literal: boolean }[] = [];
  let from = start + 3;
  let firstClose = -1;
  for (let depth = 0, i = from; i <= end; i++) {
    // Tokens after the current place are not walked yet: count the brackets.
    if (i < end) {
      depth += w.nesting(i);
      if (depth === 0 && firstClose < 0 && i > from) firstClose = i;
    }
    if (i === end || (depth === 0 && w.isPunct(i, ','))) {
      if (i > from) operands.push({ a: from, b: i - 1, literal: (w.isPunct(from, '{') || w.isPunct(from, '(') || w.isPunct(from, '[')) && firstClose === i - 1 });
      from = i + 1;
      firstClose = -1;
      if (operands.length > 2) return false;
    }
    if (depth < 0) break;
  }
  if (operands.length !== 2) return false;
  const isHeaders = ({ a, b, literal }: { a: number; b: number; literal: boolean }) => {
    if (literal) return true;
    // A name or a member chain whose last name says headers.
    for (let i = a; i <= b; i++) if (!(w.isId(i) || (w.isPunct(i, '.') && i > a))) return false;
    return w.isId(b) && /header/i.test(w.v(b));
  };
  return isHeaders(operands[0]) || isHeaders(operands[1]);
}

/**
 * Where the expression holding the list that opens at `start` begins when a constructor builds it: `new Set([…])`,
 * `frozenset((…))`, PHP's `array(…)` (whose `(` is the list's own bracket); `start` otherwise.
 */
function constructed(w: Walk, start: number): number {
  let j = start;
  if (w.isPunct(j - 1, '(') && w.isId(j - 2) && LIST_CONSTRUCTORS.has(w.v(j - 2))) j -= 2;
  else if (w.isPunct(j, '(') && w.isId(j - 1) && LIST_CONSTRUCTORS.has(w.v(j - 1))) j -= 1;
  else return start;
  return w.v(j - 1) === 'new' && w.isId(j - 1) ? j - 1 : j;
}

/**
 * A tuple the file returns, number first (`return [404, $message]`, `return array(302, $url)`, `return (200, body)`):
 * kept as a row of the file's returned tuples, whose first column returnedRowsFate decides as a table. `before` is the
 * token before the tuple (its bracket, or PHP's `array`), `open` its opening bracket.
 */
export function returnedRow(w: Walk, lits: Lit[], before: number, open: number): void {
  const first = lits[0];
  if (first && first.k === open + 1 && w.isNum(first.k) && w.isPunct(first.k + 1, ',') && w.v(before - 1) === 'return' && w.isId(before - 1)) {
    w.returnedRows.push({ k: first.k, group: first.group, name: '' });
  }
}

/**
 * The file's returned tuples (returnedRow) are the rows of one table: DokuWiki's `return array(412, 'Precondition
 * Failed')`, `return array(302, $media)`, `return array(200, null)` — a status column when most of them hold statuses.
 */
export function returnedRowsFate(w: Walk): void {
  if (w.returnedRows.length >= 3) tableFate(w, w.returnedRows, -1);
}

/** Decides the literals of the list between tokens `start` and `end` (its brackets). */
export function listFate(w: Walk, lits: Lit[], start: number, end: number): void {
  if (!lits.length) return;
  // Where a constructor that builds the list starts (`new Set([…])`, PHP's `array(…)`), else `start`.
  const built = constructed(w, start);
  returnedRow(w, lits, built, start);
  // A status and its reason phrase: `[404, 'Not Found']` (hapi's and others' status tables), also with more after
  // them (`(404, 'Not Found', 'Nothing matches the given URI')`).
  if (lits.length === 1 && lits[0].k === start + 1 && w.isPunct(start + 2, ',') && isPhraseOf(w, start + 3, w.v(lits[0].k)) && (end === start + 4 || w.isPunct(start + 4, ','))) {
    return w.emitLits(lits, 'list', undefined, { http: true, exact: false });
  }
  // A response triple, status first: sinon's `[200, {}, body]`, `[404, { 'Content-Type': … }, '']`.
  if (lits.length === 1 && lits[0].k === start + 1 && responseTriple(w, start, end) && w.ctx.names.httpCodes.has(w.v(lits[0].k))) {
    return w.emitLits(lits, 'list', undefined, { http: true, exact: false });
  }

  // A reply callback's `[status, body]`: nock's `.reply(() => [202, body])`, axios-mock-adapter's `reply(c => [200])`.
  if ((w.isPunct(start - 1, '=>') || w.v(start - 1) === 'return') && lits[0].k === start + 1 && callbackStatusCall(w)) {
    return w.emitLits([lits[0]], 'call', 'reply', { http: true, exact: true });
  }
  if (w.isPunct(end + 1, '.') && MEMBERSHIP_METHODS.has(w.v(end + 2)) && w.isPunct(end + 3, '(')) {
    w.receiverLists.set(end + 2, lits);
    return;
  }
  // A list compared with a list of codes (`assert status_codes == [301, 301, 200]`) or its fallback
  // (`statusCodes ?? [500, 502]`, Python's `retriable or [503]`).
  if (w.kind(start - 1) !== -1 && (EQUALITY.has(w.v(start - 1)) || FALLBACK.has(w.v(start - 1)))) {
    const left = w.chainEndBefore(start - 2);
    const m = left ? w.keys.matchList(left) : null;
    if (left && m) return w.emitLits(lits, 'list', left, m);
  }
  // A parenthesised list stands for the list (`redirectStatus = /** @type {const} */ ([301, 302])`); a Go composite
  // literal's type stands between its key and its braces (`OkCodes: []int{200, 203}`).
  const key =
    w.keyBefore(start) ??
    (built !== start ? w.keyBefore(built) : undefined) ??
    (w.isPunct(start - 1, '(') && w.isPunct(end + 1, ')') ? w.keyBefore(start - 1) : undefined) ??
    (w.language.braceLists && w.isPunct(start, '{') ? w.keyBefore(compositeType(w, start)) : undefined);
  if (key !== undefined) {
    const m = w.keys.matchList(key);
    if (m) w.emitLits(lits, 'list', key, m);
    // A list named for statuses whose every member is one (`nullBodyStatus = [101, 204, 205, 304]`): a compound name
    // ending in status is no code key alone (`task_status = 3`), but a list of statuses under it is one.
    // A status class among them (swift's `acceptable_statuses=(2, 404)`: any 2xx) is no status, and no reason not to.
    else if (STATUS_LIST_NAME.test(key) && lits.every((l) => w.ctx.names.httpCodes.has(w.v(l.k)) || STATUS_CLASS.test(w.v(l.k)))) {
      const statuses = lits.filter((l) => w.ctx.names.httpCodes.has(w.v(l.k)));
      if (statuses.length >= 2) w.emitLits(statuses, 'list', key, { http: true, exact: false });
      else statusListFate(w, lits, start, end);
    } else statusListFate(w, lits, start, end);
    return;
  }
  if (w.language.inMembership && w.v(start - 1) === 'in' && w.isId(start - 1)) {
    const subject = w.chainEndBefore(w.v(start - 2) === 'not' ? start - 3 : start - 2);
    const m = subject ? w.keys.match(subject) : null;
    if (subject && m) w.emitLits(lits, 'list', subject, m);
    return;
  }
  // An argument of the enclosing call: decided when that call closes.
  const parent = w.top();
  // PHP's `array(…)`, whose parentheses are the list's own, stands where the word does: `in_array($code, array(301, 302))`.
  // A Go composite literal stands where its type starts: `slices.Contains([]int{200, 201}, resp.StatusCode)`.
  const outerStart = w.isPunct(start, '(') ? built : w.language.braceLists && w.isPunct(start, '{') && w.isId(start - 1) ? compositeType(w, start) : start;
  const before = (p: string) => w.isPunct(outerStart - 1, p);
  const after = (p: string) => w.isPunct(end + 1, p);
  const braces = w.language.braceLists === true;
  if ((parent.call || parent.list) && (before('(') || before(',') || before('[') || (braces && before('{'))) && (after(')') || after(',') || after(']') || (braces && after('}')))) {
    (parent.lists ??= new Map()).set(parent.arg, lits);
    (parent.listBounds ??= new Map()).set(parent.arg, [start, end]);
    return;
  }
  statusListFate(w, lits, start, end);
}

/**
 * A list of nothing but numbers, most of them statuses (`ok := []int{200, 203, 204, 206, 300}`): a status column of
 * one-cell rows (tables.ts: at least 3 statuses and 80 %; round hundreds alone are sizes). Three numbers must all be
 * statuses.
 */
export function statusListFate(w: Walk, lits: Lit[], start: number, end: number): void {
  const count = lits.length;
  if (count < 3 || (end - start !== 2 * count && end - start !== 2 * count + 1)) return;
  if (new Set(lits.map((l) => w.v(l.k))).size < 3) return;
  // Three numbers must all be statuses (`NO_MESSAGE_BODY = (201, 204, 304)`).
  if (count === 3 && !lits.every((l) => w.ctx.names.httpCodes.has(w.v(l.k)))) return;
  tableFate(w, lits.map((l) => ({ k: l.k, group: l.group, name: '' })), start);
}
