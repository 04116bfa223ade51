/**
 * Lists: what a closed list (`[…]`, `new Set([…])`, a tuple) is for, decided from its neighbours — a status table's
 * row (`[404, 'Not Found']`), a reply callback's `[status, body]`, the receiver of a membership test
 * (`[408, 429].includes(res.status)`), the value of a code-ish name (`retryStatusCodes = [500, 502]`), Python's
 * `x in (200, 201)`, or an argument its call decides when it closes.
 */
import { nameKey, isTitleOf } from '../constants';
import { CALLBACK_STATUS_CALLS, MEMBERSHIP_METHODS } from '../idioms';
import { FALLBACK, type Lit, type Walk } from '../engine/walk';

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

/** Decides the literals of the list between tokens `start` and `end` (its brackets). */
export function listFate(w: Walk, lits: Lit[], start: number, end: number): void {
  if (!lits.length) return;
  // A status and its reason phrase: `[404, 'Not Found']` (hapi's and others' status tables).
  if (lits.length === 1 && lits[0].k === start + 1 && w.isPunct(start + 2, ',') && isPhraseOf(w, start + 3, w.v(lits[0].k)) && end === start + 4) {
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
  // The fallback of a list of codes: `statusCodes ?? [500, 502]`, Python's `retriable or [503]`.
  if (w.kind(start - 1) !== -1 && FALLBACK.has(w.v(start - 1))) {
    const left = w.chainEndBefore(start - 2);
    const m = left ? w.keys.matchList(left) : null;
    if (left && m) return w.emitLits(lits, 'list', left, m);
  }
  const key = w.keyBefore(start);
  if (key !== undefined) {
    const m = w.keys.matchList(key);
    if (m) w.emitLits(lits, 'list', key, m);
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
  const before = (p: string) => w.isPunct(start - 1, p);
  const after = (p: string) => w.isPunct(end + 1, p);
  const braces = w.language.braceLists === true;
  if ((parent.call || parent.list) && (before('(') || before(',') || before('[') || (braces && before('{'))) && (after(')') || after(',') || after(']') || (braces && after('}')))) {
    (parent.lists ??= new Map()).set(parent.arg, lits);
  }
}
