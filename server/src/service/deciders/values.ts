/**
 * Literals: whether a number or a string at token k is a code, by the place it fills — a key of a status-keyed
 * object, a comparison with a code-key chain, a code key's value, an assignment to one, a `case` of a switch over
 * one, a subscript of an object indexed by codes, an argument or list element (decided when its call or list closes),
 * Flask's returned tuple; and constants that mirror codes (`FACE_TOO_SMALL = 8008`). A literal counts only as a
 * *whole operand*: nothing arithmetic or relational touches it, though it may be one alternative of a fallback
 * (`err.status || 500`, `ok ? 200 : 404`).
 */
import { entriesNamed, isTitleOf, nameKey, statusNamedBy } from '../constants';
import { GETTER_PREFIX, STATUS_KEYED_OBJECTS, SUBJECT_MATCHERS } from '../idioms';
import { nameWords } from '../keys';
import { SYMBOLIC_RE, symbolicWordsIn } from '../scanTypes';
import { TokKind } from '../tokens';
import { EQUALITY, FALLBACK, INTEGER, type Chain, type Walk } from '../engine/walk';
import { isPhraseOf, responseTriple } from './lists';
import { isMeasure } from './tables';
import { subjectOf } from './calls';
import { isStatusClass } from './statusCall';

/**
 * Does token k start a key: after `{`, `,` or `[`, or in a TypeScript type literal whose members are separated by `;`
 * or a line break? The line break is looked for between the two tokens only (a lastIndexOf over a one-line 16 MB file
 * per literal made it quadratic).
 */
function keyStart(w: Walk, k: number): boolean {
  if (w.isPunct(k - 1, '{') || w.isPunct(k - 1, ',') || w.isPunct(k - 1, '[') || w.isPunct(k - 1, ';')) return true;
  return k > 0 && w.lineBreakBetween(k - 1, k);
}

/** A class whose type argument is its status: `APIError`, `HttpError`, `NotFoundException`. */
function isStatusClassName(name: string): boolean {
  return /^[A-Z]\w*(?:Error|Exception)$/.test(name);
}

/** What may stand right before a fallback or a branch: `a || 500`, `a ?? 500`, `c ? 200 : 404`, Python's `a or 500`. */
const ALTERNATIVE = new Set(['||', '??', '?', '?:', 'or']);

/** A constant that mirrors a code: `FACE_TOO_SMALL = 8008`, `NotFound: 404`, `{ FACE_NOT_DETECTED: '412' }`. */
function constant(w: Walk, name: string, nameIndex: number, k: number, group: number): boolean {
  const value = w.v(k);
  if (!INTEGER.test(value)) return false;
  const entries = entriesNamed(w.ctx.names, name);
  if (!entries.length) return unlistedHttpConstant(w, name, k, group);
  const named = entries.some((e) => e.code === value);
  // A mismatch counts only for names of several words with a value shaped like the named code (`ACCEPTED = 1` in
  // an enum is not a mistyped HTTP 202).
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[_\W]+/).filter(Boolean).length;
  if (!named && (words < 2 || !entries.some((e) => e.code.length === value.length))) return false;
  // A lower-case word is a body's field (`{ ok: 200 }` echoed by a test server), not an enum member (`OK = 200`).
  if (words < 2 && /^[a-z]+$/.test(name)) return false;
  if (named && w.isId(nameIndex) && w.v(nameIndex) === name && SYMBOLIC_RE.test(name)) {
    // An UPPER_SNAKE name is the code too (`NOT_FOUND = 404`), and so is every later use of it in the file (a
    // PascalCase or one-word name — `NotFound: 404`, `OK = 200` — is any enum's word; its value says enough).
    w.emitAt(nameIndex, 'constant', name, false, false, group, value);
    w.localConstants.set(name, value);
    if (w.pendingName === nameIndex) w.pendingName = -1;
  }
  w.emitAt(k, 'constant', name, false, false, group);
  return true;
}

/**
 * A constant whose name no registry entry has, holding an HTTP status its name still says: an unofficial status under
 * its own title (`NO_RESPONSE: 444`, `WEB_SERVER_IS_DOWN: 521`; unofficial titles are no did-you-mean targets), or an
 * UPPER_SNAKE name under `HTTP_` or `HTTP_STATUS_` (swift's `HTTP_CHECKPOINT = 103`, `HTTP_NO_RESPONSE = 444`,
 * `HTTP_RESUME_INCOMPLETE = 308`) unless it says time, size or count (`HTTP_TIMEOUT = 500`). The value hovers; the
 * name is not offered as the status's name.
 */
function unlistedHttpConstant(w: Walk, name: string, k: number, group: number): boolean {
  const value = w.v(k);
  const entry = w.ctx.names.httpEntries.get(value);
  if (!entry) return false;
  const titled = entry.unofficial !== undefined && isTitleOf(entry, name);
  const family = value.length === 3 && /^HTTP_(?:STATUS_)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name) && !isMeasure(name);
  if (!titled && !family) return false;
  w.emitAt(k, 'constant', name, true, false, group);
  return true;
}

/**
 * How a key or name holding a value matches: as a code key, or for one code alone (`single`) as a plural one
 * (octavia's `"expected_codes": "200"`, `expected_codes = '201'`).
 */
function holdingMatch(w: Walk, key: string, single: boolean) {
  return w.keys.match(key) ?? (single ? w.keys.matchList(key) : null);
}

/**
 * The name of the function or method whose body opens at token `open`, when that body is a getter's: parameters with
 * nothing but `self`/`this`-like receivers (no argument), then at most a return type. Undefined otherwise.
 */
function getterName(w: Walk, open: number): string | undefined {
  let j = open - 1;
  // A return type or Python's `:` before the body: `) int {`, `): int {`, `) -> int:`.
  for (let steps = 0; j > 0 && steps < 6 && !w.isPunct(j, ')'); steps++) j--;
  if (!w.isPunct(j, ')')) return undefined;
  const params = w.openOf[j];
  if (params <= 0 || j - params > 2 || !w.isId(params - 1)) return undefined;
  if (j - params === 2 && !/^(self|this|cls)$/.test(w.v(params + 1))) return undefined;
  return w.v(params - 1);
}

/**
 * Is the chain ending at token `end` the first branch of a conditional whose condition tests the same name, so that
 * the other branch is its default (`typeof status === "number" ? status : 200`; not `ok ? status : 404`)?
 */
function conditionalFallback(w: Walk, end: number, key: string): boolean {
  let j = end;
  for (let steps = 0; steps < 32 && j > 0 && !(w.isPunct(j - 1, '?') || w.isPunct(j - 1, '?:')); steps++) {
    if (w.isId(j - 1) || w.isPunct(j - 1, '.')) j--;
    else return false;
  }
  if (!(w.isPunct(j - 1, '?') || w.isPunct(j - 1, '?:'))) return false;
  for (let c = j - 2, steps = 0; c >= 0 && steps < 24; c--, steps++) {
    if (w.kind(c) === TokKind.Punct && ['=', '(', ',', ';', '{', ':', '=>'].includes(w.v(c))) return false;
    // The name tested, or its key as a string (`'status' in res ? res.status : 200`).
    if ((w.isId(c) || w.isStr(c)) && w.v(c) === key) return true;
  }
  return false;
}

/** The first branch's literal of the conditional expression whose `else` is token `elseAt`, or -1. */
function conditionalFirst(w: Walk, elseAt: number): number {
  let depth = 0;
  for (let j = elseAt - 1; j >= 0 && j > elseAt - 64; j--) {
    // Backwards: a closing bracket opens a nesting, an opening one at depth 0 ends the expression.
    const nesting = w.nesting(j);
    if (nesting > 0 && depth === 0) return -1;
    depth -= nesting;
    const t = w.v(j);
    if (depth === 0 && nesting === 0 && w.kind(j) === TokKind.Punct && (t === ';' || t === ',' || t === ':' || t === '=')) return -1;
    if (depth === 0 && t === 'if' && w.isId(j)) return w.kind(j - 1) === TokKind.Num || w.isStr(j - 1) ? j - 1 : -1;
  }
  return -1;
}

/** Is the `,` at token `comma` inside a `case` label's list (`case 404, 410:`), at the switch body's depth? */
function inCaseList(w: Walk, comma: number): boolean {
  for (let j = comma - 1, steps = 0; j >= 0 && steps < 128; j--, steps++) {
    if (w.isId(j) && w.v(j) === 'case') return true;
    if (w.isPunct(j, ')') || w.isPunct(j, ']')) {
      if (w.openOf[j] < 0) return false;
      j = w.openOf[j];
      continue;
    }
    if (w.isPunct(j, ':') || w.isPunct(j, ';') || w.isPunct(j, '{') || w.isPunct(j, '}')) return false;
  }
  return false;
}

/** `a, b =` (Go's `:=` too) ending at the `=` at token `eq`, at the start of a statement or an `if`'s header. */
function twoNamesBefore(w: Walk, eq: number): boolean {
  if (!(w.isId(eq - 1) && w.isPunct(eq - 2, ',') && w.isId(eq - 3))) return false;
  const before = w.v(eq - 4);
  return w.kind(eq - 4) === -1 || before === 'if' || before === ';' || before === '{' || before === '}';
}

/**
 * Go's test idiom `got, want := rec.Code, 404`: two names assigned a code-key chain and the literal at k in one
 * statement; the literal is what the chain is compared with. Returns the chain, or undefined.
 */
function pairedWithChain(w: Walk, k: number): Chain | undefined {
  // The literal first: aws-sdk-go's `if e, a := 401, aerr.StatusCode(); e != a`.
  if (w.isPunct(k - 1, '=') && w.isPunct(k + 1, ',') && twoNamesBefore(w, k - 1)) {
    let end = k + 2;
    while (end < w.length && end < k + 18 && !w.isPunct(end, ';') && !w.isPunct(end, '{')) {
      if ((w.isPunct(end, '(') || w.isPunct(end, '[')) && w.closeAfter(end) > end) end = w.closeAfter(end);
      end++;
    }
    // A getter call ahead of the walk (`aerr.StatusCode()`): its brackets are not matched yet, so read the name.
    if (w.isPunct(end - 1, ')') && w.isPunct(end - 2, '(') && w.isId(end - 3)) end -= 2;
    const chain = w.pureChain(k + 2, end);
    const m = chain ? w.keys.match(chain.key.replace(GETTER_PREFIX, '')) : null;
    return chain && m ? { key: chain.key, m } : undefined;
  }
  if (!w.isPunct(k - 1, ',') || !w.wholeAfter(k)) return undefined;
  for (let eq = k - 2; eq >= 0 && eq >= k - 16; eq--) {
    if (w.kind(eq) !== TokKind.Punct) continue;
    const p = w.v(eq);
    if (p === ')' || p === ']') {
      if (w.openOf[eq] < 0) return undefined;
      eq = w.openOf[eq];
      continue;
    }
    if (p !== '=') {
      if (p === '.') continue;
      return undefined;
    }
    if (!twoNamesBefore(w, eq)) return undefined;
    const chain = w.pureChain(eq + 1, k - 1);
    const m = chain ? w.keys.match(chain.key) : null;
    return chain && m ? { key: chain.key, m } : undefined;
  }
  return undefined;
}

/** A literal at k: decides whether it is a code, now or when its call or list closes. */
export function decideLiteral(w: Walk, k: number): void {
  const value = w.v(k);
  const isString = w.isStr(k);
  const numeric = INTEGER.test(value);
  const symbolicString = isString && SYMBOLIC_RE.test(value);
  if (numeric && w.isNum(k)) {
    const paired = pairedWithChain(w, k);
    if (paired) return w.emitAt(k, 'compare', paired.key, paired.m.http, paired.m.exact, w.top().group);
  }
  const frame = w.top();
  const group = frame.group;
  // A PHP match arm's condition, alone or in a list (`404, 410 => …`): a value of the subject's key.
  if (frame.arms && frame.switchKey !== undefined && (numeric || symbolicString) && (w.isPunct(k - 1, '{') || w.isPunct(k - 1, ',')) && (w.isPunct(k + 1, ':') || w.isPunct(k + 1, ','))) {
    const m = w.keys.match(frame.switchKey);
    return w.emitAt(k, 'case', frame.switchKey, m?.http ?? false, m?.exact ?? false, group);
  }
  const orKey = w.orCaseLits.get(k);
  if (orKey !== undefined && (numeric || symbolicString)) {
    const m = w.keys.match(orKey);
    return w.emitAt(k, 'case', orKey, m?.http ?? false, m?.exact ?? false, group);
  }
  // Go's `case 404, 410:`: every value of a case's list is a case (the last one's `:` is no object key's).
  // A switch on something no key names (`switch s {`, promhttp's sanitizeCode): its numeric labels are a table, a
  // status column when most of them are statuses (tables.ts).
  if (w.language.caseLists && !frame.switchKey && frame.switchShape && numeric && w.isNum(k) && w.isPunct(k - 1, ',') && inCaseList(w, k - 1)) {
    (frame.caseLits ??= []).push({ k, group, name: '' });
    return;
  }
  if (w.language.caseLists && frame.switchKey && (numeric || symbolicString) && w.isPunct(k - 1, ',') && inCaseList(w, k - 1)) {
    const m = w.keys.match(frame.switchKey);
    return w.emitAt(k, 'case', frame.switchKey, m?.http ?? false, m?.exact ?? false, group);
  }
  if (!numeric && !symbolicString) {
    if (isString && value.length > 0) {
      const from = w.contentStart(k);
      symbolicWordsIn(w.text, from, Math.min(w.end(k), from + value.length), w.ctx, (s, e, code) => w.emitSymbolic(s, e, code, group, false));
    }
    return;
  }
  const symbolic = () => {
    // A constant that holds its own name as a string (`const NOT_FOUND = 'NOT_FOUND'`, a flag) spells no status.
    if (symbolicString && w.isPunct(k - 1, '=') && w.isId(k - 2) && w.v(k - 2) === value && w.ctx.names.httpPhrases.has(nameKey(value)) && entriesNamed(w.ctx.names, value).every((e) => e.vendor === 'http')) return;
    if (symbolicString) {
      const start = w.contentStart(k);
      w.emitSymbolic(start, start + value.length, value, group, true);
    }
  };
  // A key of a status-keyed object: `responses: { '404': … }`, `response: { 200: … }`, PHP `[404 => …]`.
  // PHP's `array(100 => 'Continue', …)` is an object too.
  const phpArray = frame.open === '(' && frame.call?.name === 'array' && (w.isPunct(k - 1, '(') || w.isPunct(k - 1, ','));
  if (w.isPunct(k + 1, ':') && frame.ternary === 0 && (frame.open === '{' || frame.open === '[' || phpArray) && (phpArray || keyStart(w, k))) {
    if (numeric && frame.ownKey !== undefined && (STATUS_KEYED_OBJECTS.has(frame.ownKey) || w.keys.matchList(frame.ownKey))) w.emitAt(k, 'key', frame.ownKey, true, false, group);
    // A key whose value is named for it: webargs' `{422: HTTPUnprocessableEntity}`, `{422: HTTP_422}`.
    else if (numeric && w.isId(k + 2) && statusNamedBy(w.ctx.names, w.v(k + 2)) === value) {
      w.emitAt(k, 'key', undefined, true, false, group);
      // Still a row of the object's table: its other keys are decided with it (`401: AuthorizationFailed` beside
      // `400: BadRequest, 403: Forbidden`).
      if (w.isNum(k)) (frame.numericKeys ??= []).push({ k, group, name: '' });
    }
    // A table of statuses and their reason phrases: `{ 404: 'Not Found' }`.
    else if (numeric && isPhraseOf(w, k + 2, value)) {
      w.emitAt(k, 'key', undefined, true, false, group);
      frame.phraseKeys = (frame.phraseKeys ?? 0) + 1;
      // A row of the object's table too: `{ 400: 'Bad', 401: 'Unauthorized', 404: 'Missing' }` is one table.
      if (w.isNum(k)) (frame.numericKeys ??= []).push({ k, group, name: '' });
    }
    // Any other numeric key: the object may be keyed by statuses (`{ 300: true, 301: true, … }`), decided when it
    // closes (tables.ts).
    else if (numeric && w.isNum(k)) (frame.numericKeys ??= []).push({ k, group, name: '' });
    return;
  }
  // A type-level assertion on a status: tstyche's `expect(err.statusCode).type.toBe<400>()`, expect-type's
  // `expectTypeOf(res.status).toEqualTypeOf<404>()`.
  if (numeric && w.isNum(k) && w.isPunct(k - 1, '<') && w.isPunct(k + 1, '>') && w.isId(k - 2) && SUBJECT_MATCHERS.has(w.v(k - 2)) && w.isPunct(k + 2, '(')) {
    const subject = subjectOf(w, k - 2);
    if (subject?.chain) return w.emitAt(k, 'assert', subject.chain.key, subject.chain.m.http, subject.chain.m.exact, group);
  }
  // A status class's type argument: `APIError<404, Headers>`, `HttpError<401>` (TypeScript generics).
  if (numeric && w.isNum(k) && w.isPunct(k - 1, '<') && w.isId(k - 2) && isStatusClassName(w.v(k - 2)) && ['>', ',', '>>', '>>>'].some((p) => w.isPunct(k + 1, p))) {
    if (w.ctx.names.httpCodes.has(value)) return w.emitAt(k, 'list', undefined, true, false, group);
  }
  // The literal compared with, or standing in for, the chain that reads `key`: a code when `key` is a code key.
  // `variable` is the token of a bare name compared with, which may hold a code it was assigned (Walk.assignedChain).
  const comparedWith = (key: string | undefined, variable = -1): boolean => {
    let m = key ? w.keys.match(key) : null;
    if (key && !m && variable >= 0 && numeric && w.ctx.names.httpCodes.has(value)) {
      const chain = w.assignedChain(variable);
      if (chain) [key, m] = [chain.key, chain.m];
    }
    if (!key) return false;
    if (!m) return statusNamed(key);
    w.emitAt(k, 'compare', key, m.http, m.exact, group);
    return true;
  };
  // A compound name ending in status holds a registered status (DAViCal's `$object->sync_status == 404`,
  // `$first_status = 404`): no code key alone (`task_status = 3`), a weak place the file's evidence decides.
  const statusNamed = (key: string): boolean => {
    if (!numeric || value.length !== 3 || !w.ctx.names.httpCodes.has(value)) return false;
    const words = nameWords(key);
    if (words.length < 2 || words[words.length - 1] !== 'status') return false;
    w.weakCalls.push({ k, name: key, group });
    return true;
  };
  // Comparisons: `res.status === 404`, `5004 === body.code`.
  if (w.kind(k - 1) === TokKind.Punct && EQUALITY.has(w.v(k - 1)) && w.wholeAfter(k) && comparedWith(w.chainEndBefore(k - 2), k - 2)) return;
  // A fallback for a code: `res.statusCode || 200`, `opts.status ?? 404`, Python's `body.status or 404`.
  if (w.kind(k - 1) !== -1 && FALLBACK.has(w.v(k - 1)) && w.wholeAfter(k) && comparedWith(w.chainEndBefore(k - 2))) return;
  // The other branch of a conditional whose first one is a code key: `typeof status === "number" ? status : 200`.
  if (numeric && w.isPunct(k - 1, ':') && w.ternaryColon[k - 1] && w.wholeAfter(k)) {
    const key = w.chainEndBefore(k - 2);
    // The first branch is one chain, and the condition tests it: a default, not a choice between two values.
    if (key !== undefined && conditionalFallback(w, k - 2, key) && comparedWith(key)) return;
  }
  if (w.kind(k + 1) === TokKind.Punct && EQUALITY.has(w.v(k + 1)) && w.wholeBefore(k) && comparedWith(w.chainEndFrom(k + 2), w.isPunct(k + 3, '.') || w.isPunct(k + 3, '(') || w.isPunct(k + 3, '[') ? -1 : k + 2)) return;
  // A ternary's condition (`404 ? a : b`) is not a value.
  if (!w.wholeAfter(k) || !w.wholeBefore(k) || w.isPunct(k + 1, '?')) return symbolic();
  const s = w.exprStart(k);
  if (s < 0) return symbolic();
  if (s < k && !(w.kind(k - 1) !== -1 && (ALTERNATIVE.has(w.v(k - 1)) || (w.isPunct(k - 1, ':') && w.ternaryColon[k - 1])))) return symbolic();
  const b = s - 1;
  if (w.kind(b) === -1) return symbolic();
  if (w.isId(b)) {
    // Python's conditional expression: `code = 303 if secure else 302` — the other branch of a decided value.
    if (w.v(b) === 'else' && numeric) {
      const first = conditionalFirst(w, b);
      const at = first >= 0 && w.emitted[first] ? w.contentStart(first) : -1;
      for (let i = w.occurrences.length - 1; at >= 0 && i >= 0 && i >= w.occurrences.length - 8; i--) {
        const o = w.occurrences.at(i);
        if (o.start === at) return w.emitAt(k, o.via, o.key, o.http, o.exactKey, group);
      }
    }
    // A getter named for a code key returns a code: `getHTTPCode() { return 404; }`, Go's `func (e *E) StatusCode()
    // int { return 503 }`, Python's `def status_code(self): return 409`.
    // A returned response triple, status first: `return 200, {}, body` (a `responses` callback's answer).
    if (w.v(b) === 'return' && numeric && w.language.tupleReturnStatus && w.isPunct(k + 1, ',') && w.ctx.names.httpCodes.has(value)) {
      let end = k + 1;
      for (let depth = 0; end < w.length && end < k + 256; end++) {
        depth += w.nesting(end);
        if (depth === 0 && w.isPunct(end, ';')) break;
      }
      if (responseTriple(w, k - 1, end)) return w.emitAt(k, 'call', 'return', true, false, group);
    }
    if (w.v(b) === 'return' && numeric && w.isNum(k) && frame.open === '{') {
      const getter = getterName(w, frame.openIndex);
      const last = w.isPunct(k + 1, ';') || w.isPunct(k + 1, '}');
      const m = getter !== undefined && last ? w.keys.match(getter.replace(GETTER_PREFIX, '')) : null;
      if (getter !== undefined && m) return w.emitAt(k, 'compare', getter, m.http, m.exact, group);
    }
    if (w.v(b) === 'case' && frame.switchKey) {
      const m = w.keys.match(frame.switchKey);
      return w.emitAt(k, 'case', frame.switchKey, m?.http ?? false, m?.exact ?? false, group);
    }
    if (w.v(b) === 'case' && frame.switchShape && numeric && w.isNum(k)) {
      (frame.caseLits ??= []).push({ k, group, name: '' });
      return;
    }
    return symbolic();
  }
  if (w.isPunct(b, ':')) {
    // A value of a status-keyed map (`{ 400: 'BAD_REQUEST' }`) is what the status maps to, some other scheme's name.
    if (!numeric && s === k && (w.isNum(s - 2) || w.isStr(s - 2)) && INTEGER.test(w.v(s - 2))) return;
    const key = w.keyBefore(s);
    if (key !== undefined) {
      const m = holdingMatch(w, key, s === k && value.length === 3);
      if (m) return w.emitAt(k, 'key', key, m.http, m.exact, group);
      // swagger-php's `#[OA\Response(response: 200, description: 'OK')]`: a response class's `response` argument is
      // the status it documents.
      if (s === k && numeric && key === 'response' && frame.call && isStatusClass(frame.call.name) && w.ctx.names.httpCodes.has(value)) {
        return w.emitAt(k, 'key', key, true, true, group);
      }
      if (s === k && numeric) (frame.named ??= []).push({ k, group, name: key });
      if (s === k && constant(w, key, s - 2, k, group)) return;
    }
    return symbolic();
  }
  if (w.isPunct(b, '=')) {
    // A typed default or field: `status: int = 200`, `status: number = 404` — the name two tokens back is the key.
    const typed = w.isId(s - 2) && w.isPunct(s - 3, ':') && w.isId(s - 4) && w.keys.match(w.v(s - 4)) ? w.v(s - 4) : undefined;
    const key = typed ?? w.chainEndBefore(s - 2);
    if (key !== undefined) {
      const m = holdingMatch(w, key, s === k && value.length === 3);
      if (m) return w.emitAt(k, 'compare', key, m.http, m.exact, group);
      // A member of an enum or a class body (`NotFound = 404`), not an attribute of something else.
      if (s === k && numeric && w.isId(s - 2) && !w.isPunct(s - 3, '.') && frame.open === '{') (frame.named ??= []).push({ k, group, name: key });
      // A module's constants (`SWITCHING = 101` among twisted's `OK = 200`, `NOT_FOUND = 404`): a table of the file.
      else if (s === k && numeric && frame.open === '' && w.isId(s - 2) && /^[A-Z][A-Z0-9_]*$/.test(key) && (s - 3 < 0 || w.isPunct(s - 3, ';'))) (frame.named ??= []).push({ k, group, name: key });
      if (s === k && constant(w, key, s - 2, k, group)) return;
      if (s === k && w.isId(s - 2) && statusNamed(key)) return;
    }
    return symbolic();
  }
  if (frame.plainSubscript && s === k && s - 1 === frame.openIndex && w.isPunct(k + 1, ']') && numeric && w.ctx.names.httpCodes.has(value)) {
    w.indexedStatuses.push({ k, group });
    return;
  }
  if (frame.subscript && s - 1 === frame.openIndex && w.isPunct(k + 1, ']')) {
    // `statuses[404]`, `status_map[400]`; an index of one or two digits (`status[3]`, a character) is no code.
    if (value.length < 3) return symbolic();
    return w.emitAt(k, 'key', frame.subscript.key, frame.subscript.http, frame.subscript.exact, group);
  }
  if ((frame.call || frame.list) && (s - 1 === frame.openIndex || w.isPunct(b, ','))) {
    if (numeric) frame.literals.push({ k, arg: frame.arg, group });
    else symbolic();
    return;
  }
  if (w.language.tupleReturnStatus && w.isPunct(b, ',') && numeric && (w.isPunct(k + 1, ';') || w.isPunct(k + 1, '}') || k + 1 >= w.length)) {
    // Flask's `return body, 404`: a tuple returned from a view; the last element is the status.
    let j = s - 2;
    while (j >= 0 && !w.isPunct(j, ';') && !w.isPunct(j, '{') && !(w.isPunct(j, '}') && (w.synthetic(j) || w.openOf[j] < 0))) {
      // Over a bracketed operand: a call, a list, a dict (`return {'user': name}, 200`; a block's braces are synthetic).
      if (w.v(j) === ')' || w.v(j) === ']' || w.v(j) === '}') j = w.openOf[j] < 0 ? 0 : w.openOf[j];
      j--;
    }
    if (w.v(j + 1) === 'return') return w.emitAt(k, 'call', 'return', true, true, group);
  }
  return symbolic();
}
