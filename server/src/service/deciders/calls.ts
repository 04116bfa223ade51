/**
 * Calls, decided when they close: a row of the idiom tables (`res.status(404)`, `new HttpException(msg, 404)`), a
 * method named like a code key (`.statusCode(404)`), an assertion comparing with a code-key chain
 * (`assert.equal(res.status, 201)`, `expect(res.status).toBe(404)`, `toHaveProperty('status', 404)`), a membership
 * test, a list constructor — and, when none of those takes the call, the general rule of statusCall.ts by what the
 * callee's name says. Also the file-level facts calls need: local functions with a code-key parameter, class bases.
 */
import {
  BOUND_MATCHERS,
  CHAIN_WORDS,
  COMPARING_ASSERTIONS,
  KEYED_CALLS,
  GETTER_PREFIX,
  KEY_READERS,
  LIST_CONSTRUCTORS,
  MEMBERSHIP_METHODS,
  SUBJECT_FUNCTIONS,
  GOMEGA_ASSERTIONS,
  GOMEGA_MATCHERS,
  STUB_ARGUMENTS,
  STUB_METHODS,
  STUB_RETURNS,
  SUBJECT_MATCHERS,
  type StatusCallRow,
} from '../idioms';
import { statusNamedBy } from '../constants';
import { TokKind } from '../tokens';
import { INTEGER, type Chain, type Frame, type Lit, type Walk } from '../engine/walk';
import { isPhraseOf, listFate, statusListFate } from './lists';
import { callCue, statusSlot } from './statusCall';

/** Keywords before a declared function's name: its parentheses hold parameters, not arguments. */
export const DECLARATIONS = new Set(['function', 'def', 'fn', 'func']);

/**
 * Functions the file declares with a parameter named like a code key (`function error(status, msg)`,
 * `const respond = (res, code) =>`, Python's `def abort_with(status_code)`): their calls take a code at that position,
 * as the table's rows do.
 */
export function findLocalStatusFunctions(w: Walk): Map<string, StatusCallRow[]> {
  const found = new Map<string, StatusCallRow[]>();
  for (let k = 0; k + 1 < w.length; k++) {
    if (!w.isPunct(k, '(')) continue;
    // `function name(`, `def name(`, `name = function (`, `name = (…) =>`, `name = async (…) =>`.
    let name: string | undefined;
    if (w.isId(k - 1) && DECLARATIONS.has(w.v(k - 2))) name = w.v(k - 1);
    else if (w.isId(k - 1) && w.v(k - 1) === 'function' && w.v(k - 2) === '=' && w.isId(k - 3)) name = w.v(k - 3);
    else if (w.v(k - 1) === '=' && w.isId(k - 2)) name = w.v(k - 2);
    else if (w.v(k - 1) === 'async' && w.v(k - 2) === '=' && w.isId(k - 3)) name = w.v(k - 3);
    // A class's constructor (`constructor(location, statusCode) {`), which `super(…)` calls in a subclass.
    else if (w.v(k - 1) === 'constructor' && w.isId(k - 1) && !w.isPunct(k - 2, '.')) name = 'constructor';
    if (!name) continue;
    const args: number[] = [];
    let depth = 0;
    let arg = 0;
    let atParam = true;
    let j = k + 1;
    for (; j < w.length && j < k + 200; j++) {
      const t = w.v(j);
      if (t === '(' || t === '[' || t === '{') depth++;
      else if (t === ')' || t === ']' || t === '}') {
        if (depth-- === 0) break;
      } else if (depth === 0 && t === ',') {
        arg++;
        atParam = true;
        continue;
      } else if (depth === 0 && atParam && w.isId(j)) {
        // TypeScript's parameter properties: `public statusCode: number`.
        if (PARAMETER_MODIFIERS.has(t)) continue;
        const m = w.keys.match(t);
        if (m?.exact) args.push(arg);
      }
      if (!w.isPunct(j, '...')) atParam = false;
    }
    // An arrow function needs its `=>`; a `name = (` without one is a call or a grouping.
    if (w.v(k - 1) === '=' || w.v(k - 1) === 'async') {
      if (w.v(j + 1) !== '=>') continue;
    }
    // A Python method's `self` or `cls` is not passed in `self.check(resp, 400)`: the arguments start after it.
    if (w.isId(k + 1) && (w.v(k + 1) === 'self' || w.v(k + 1) === 'cls') && w.isPunct(k + 2, ',')) {
      for (let i = 0; i < args.length; i++) args[i]--;
    }
    if (args.length) {
      found.set(name, [{ name, form: 'any', args, inferred: true }]);
      // `new A(…)` calls it too: the class it is declared in, the nearest `class A` before it.
      if (name === 'constructor') {
        for (let c = k - 2; c >= 0 && c >= k - 4000; c--) {
          if (w.v(c) === 'class' && w.isId(c) && w.isId(c + 1)) {
            found.set(w.v(c + 1), [{ name: w.v(c + 1), form: 'new', args, inferred: true }]);
            break;
          }
        }
      }
    }
  }
  return found;
}

/**
 * Where classes start and what they extend (`class A extends HttpException`, Python's `class A(HTTPException):`),
 * in token order: a base constructor call (`super(404, msg)`, `parent::__construct(404)`) is the base's.
 */
function findClassBases(w: Walk): { at: number; base: string }[] {
  const found: { at: number; base: string }[] = [];
  for (let k = 0; k + 2 < w.length; k++) {
    if (!w.isId(k) || w.v(k) !== 'class' || !w.isId(k + 1)) continue;
    let j = k + 2;
    if (w.v(j) === 'extends' || w.v(j) === '(') j++;
    else continue;
    // The last name of a qualified base: `extends errors.HttpError`, `(exceptions.HTTPException)`.
    while (w.isId(j) && w.v(j + 1) === '.' && w.isId(j + 2)) j += 2;
    if (w.isId(j)) found.push({ at: k, base: w.v(j) });
  }
  return found;
}

const classBases = new WeakMap<Walk, { at: number; base: string }[]>();

/** The class that the class around token k extends, for base constructor calls. */
function baseAt(w: Walk, k: number): string | undefined {
  let bases = classBases.get(w);
  if (!bases) classBases.set(w, (bases = findClassBases(w)));
  let base: string | undefined;
  for (const c of bases) {
    if (c.at > k) break;
    base = c.base;
  }
  return base;
}

/** A member chain's subject before a matcher at nameIndex: `expect(x).to.be.`, `x.should.`. */
export function subjectOf(w: Walk, nameIndex: number): { chain?: Chain; list?: Lit[] } | undefined {
  let j = nameIndex - 1;
  while (w.isPunct(j, '.')) {
    const p = j - 1;
    if (w.kind(p) === -1) return undefined;
    if (w.isId(p) && w.v(p) === 'should') {
      const key = w.chainEndBefore(j - 3 >= 0 && w.isPunct(j - 2, '.') ? j - 3 : -1);
      const m = key ? w.keys.match(key) : null;
      return key && m ? { chain: { key, m } } : undefined;
    }
    if (w.isId(p) && CHAIN_WORDS.has(w.v(p))) {
      j -= 2;
      continue;
    }
    if (w.isPunct(p, ')') && w.openOf[p] > 0 && SUBJECT_FUNCTIONS.has(w.v(w.openOf[p] - 1))) return w.subjects.get(p);
    return undefined;
  }
  return undefined;
}

/** The subject of the Gomega assertion whose matcher starts at token `start`: `Expect(subject).To(` right before it. */
function gomegaSubject(w: Walk, start: number): { chain?: Chain; list?: Lit[] } | undefined {
  if (!w.isPunct(start - 1, '(') || !GOMEGA_ASSERTIONS.has(w.v(start - 2)) || !w.isPunct(start - 3, '.') || !w.isPunct(start - 4, ')')) return undefined;
  const open = w.openOf[start - 4];
  return open > 0 && SUBJECT_FUNCTIONS.has(w.v(open - 1)) ? w.subjects.get(start - 4) : undefined;
}

/** Calls whose argument facts (chains ending in a code key, single strings) are worth recording. */
export function wantsArgs(name: string): boolean {
  return COMPARING_ASSERTIONS.has(name) || SUBJECT_FUNCTIONS.has(name) || MEMBERSHIP_METHODS.has(name) || KEYED_CALLS.has(name) || SUBJECT_MATCHERS.has(name) || KEY_READERS.has(name);
}

/** Records argument facts for assertion-like calls when an argument ends at token `end` (a `,` or the `)`). */
export function endArg(w: Walk, frame: Frame, end: number): void {
  if (!frame.wantArgs) return;
  const from = frame.argStart;
  const chain = w.pureChain(from, end);
  if (chain) (frame.chains ??= new Map()).set(frame.arg, chain);
  if (end === from + 1 && w.isStr(from)) (frame.strings ??= new Map()).set(frame.arg, w.v(from));
}

/** Cypress's equality chainers, the first argument of `.should(…)`. */
const CHAINER_EQUALS = new Set(['eq', 'equal', 'equals', 'eql', 'deep.equal', 'be.equal', 'to.equal']);

/** The key a Cypress subject reads when `.should` at nameIndex follows `.its('…')`: the path's last segment. */
function itsKey(w: Walk, nameIndex: number): string | undefined {
  const close = nameIndex - 2;
  if (!w.isPunct(nameIndex - 1, '.') || !w.isPunct(close, ')')) return undefined;
  const open = w.openOf[close];
  if (open <= 0 || w.v(open - 1) !== 'its' || !w.isStr(open + 1) || open + 2 !== close) return undefined;
  return w.v(open + 1).split('.').pop();
}

/**
 * The literals at argument `arg` asserted as values of `key` when it is a code key: chai's `.property('status', 404)`,
 * Cypress's `.should('have.property', 'status', 404)`. Says whether it took them.
 */
function keyedLiterals(w: Walk, frame: Frame, key: string | undefined, arg: number): boolean {
  const m = key ? w.keys.match(key) : null;
  if (!key || !m) return false;
  w.emitLits(frame.literals.filter((l) => l.arg === arg), 'assert', key, m);
  return true;
}

/** A subject function's call closed at `close` (`expect(res.status)`): what its first argument is, for the matcher after it. */
function recordSubject(w: Walk, frame: Frame, close: number): void {
  w.subjects.set(close, { chain: frame.chains?.get(0), list: frame.lists?.get(0) });
}

/** Decides a call's literals when its `)` (token `close`) is reached. */
export function closeCall(w: Walk, frame: Frame, close: number): void {
  const call = frame.call!;
  const lists = frame.lists;
  const allLiterals = () => [...frame.literals, ...[...(lists?.values() ?? [])].flat()];
  const rows = call.rows;
  if (rows?.length) {
    const last = frame.arg;
    // A method called through its class passes `self` itself (`HTTPError.__init__(self, 500, message)`): the row's
    // arguments, which start after `self`, start one later here.
    const shift = w.v(frame.openIndex + 1) === 'self' && w.isPunct(frame.openIndex + 2, ',') ? 1 : 0;
    const rowAt = (arg: number) => rows.find((r) => r.args.some((a) => a === arg - shift || (a === 'last' && arg === last)));
    let taken = false;
    for (const lit of frame.literals) {
      const row = rowAt(lit.arg);
      if (row && INTEGER.test(w.v(lit.k)) && (!row.inferred || w.ctx.isSymbolic(w.v(lit.k)))) {
        w.emitAt(lit.k, 'call', call.name, row.http ?? true, true, lit.group);
        taken = true;
      }
    }
    // A list where the status goes: supertest's `.expect([200, 404])`.
    for (const [arg, lits] of lists ?? []) {
      const row = rowAt(arg);
      if (row) w.emitLits(lits, 'call', call.name, { http: row.http ?? true, exact: true });
    }
    // A constructor's own parameters may not be its base's: `parent::__construct(413, $message)` inside a
    // `__construct($message, $code)` takes the status where its base does, which the general rule reads.
    if (!taken && BASE_CALLS.has(call.name)) generalCall(w, frame);
    // A method named like a subject function that took nothing as a row is one: Postman's `pm.expect(pm.response.code)`,
    // `chai.expect(res.status)` (supertest's `.expect(200)` shares the name).
    if (!taken && SUBJECT_FUNCTIONS.has(call.name)) recordSubject(w, frame, close);
    return;
  }
  if (!rows && call.form === 'method' && w.keys.isKeyMethod(call.name)) {
    for (const lit of frame.literals) if (lit.arg === 0 && INTEGER.test(w.v(lit.k))) w.emitAt(lit.k, 'call', call.name, true, true, lit.group);
    return;
  }
  if (COMPARING_ASSERTIONS.has(call.name)) {
    const subject = [...(frame.chains?.values() ?? [])][0];
    if (subject) return w.emitLits(allLiterals(), 'assert', subject.key, subject.m);
  }
  if (call.form === 'method' && SUBJECT_MATCHERS.has(call.name)) {
    const subject = subjectOf(w, call.nameIndex);
    if (subject?.chain) {
      if (!BOUND_MATCHERS.has(call.name)) w.emitLits(allLiterals(), 'assert', subject.chain.key, subject.chain.m);
      return;
    }
    const arg = frame.chains?.get(0);
    if (subject?.list && arg) return w.emitLits(subject.list, 'list', arg.key, arg.m);
  }
  if (call.form === 'function' && GOMEGA_MATCHERS.has(call.name)) {
    const subject = gomegaSubject(w, call.startIndex);
    if (subject?.chain) return w.emitLits(allLiterals(), 'assert', subject.chain.key, subject.chain.m);
  }
  if (KEYED_CALLS.has(call.name)) {
    keyedLiterals(w, frame, frame.strings?.get(0)?.split('.').pop(), 1);
    return;
  }
  // A key reader's default: `body.get('status', 500)`, `getattr(exc, 'status_code', 500)` — the value the key takes
  // when it is missing, the argument after the key's name when it is the last one.
  if (KEY_READERS.has(call.name) && frame.strings) {
    for (const [arg, text] of frame.strings) {
      const m = arg + 1 === frame.arg ? w.keys.match(text) : null;
      if (m) return w.emitLits(frame.literals.filter((l) => l.arg === arg + 1), 'compare', text, m);
    }
  }
  // A code added to a list named for codes: swift's `statuses.append(404)`, `retryCodes.push(503)`, `codes.add(429)`.
  if (call.form === 'method' && LIST_ADDERS.has(call.name)) {
    const list = w.chainEndBefore(call.nameIndex - 2);
    const m = list !== undefined && !w.keys.match(list) ? w.keys.matchList(list) : null;
    if (m) return w.emitLits(frame.literals.filter((l) => w.ctx.names.httpEntries.has(w.v(l.k))), 'list', list, m);
  }
  // A schema's value methods under a status key: Joi's `emptyStatusCode: Joi.valid(200, 204).default(204)`, zod's
  // `status: z.literal(404)`, yup's `code: number().oneOf([200, 201])`. Bounds (`.min(400)`) are not values.
  if (call.form === 'method' && SCHEMA_VALUES.has(call.name)) {
    const key = w.keyBefore(chainStart(w, call.nameIndex));
    const m = key !== undefined ? w.keys.matchList(key) : null;
    if (key !== undefined && m) return w.emitLits(allLiterals(), 'key', key, m);
  }
  // A stub of a code getter returns a code (`->method('getStatusCode')->willReturn(404)`); a stubbed code setter
  // expects one (`->method('statusCode')->with(200)`).
  const returns = STUB_RETURNS.has(call.name);
  if (call.form === 'method' && (returns || STUB_ARGUMENTS.has(call.name))) {
    const key = stubbedKey(w, call.nameIndex - 2);
    const m = key ? w.keys.match(key) : null;
    if (key && m) return w.emitLits(frame.literals.filter((l) => l.arg === 0), returns ? 'compare' : 'call', key, m);
  }
  if (call.form === 'method' && MEMBERSHIP_METHODS.has(call.name)) {
    const list = w.receiverLists.get(call.nameIndex);
    const arg = frame.chains?.get(0);
    if (list && arg) w.emitLits(list, 'list', arg.key, arg.m);
    return;
  }
  if (SUBJECT_FUNCTIONS.has(call.name)) {
    // Cypress: `cy.request('/x').its('status').should('eq', 200)`, `.its('response.statusCode').should('equal', 201)`.
    const its = call.form === 'method' && CHAINER_EQUALS.has(frame.strings?.get(0) ?? '') ? itsKey(w, call.nameIndex) : undefined;
    if (keyedLiterals(w, frame, its, 1)) return;
    // `.should('have.property', 'status', 404)`: the property's name, then its value.
    const property = call.form === 'method' && frame.strings?.get(0) === 'have.property' ? frame.strings.get(1) : undefined;
    if (keyedLiterals(w, frame, property, 2)) return;
    // A test helper that compares its arguments: unrolled/render's `expect(t, res.Code, 500)`.
    const compared = [...(frame.chains ?? [])].find(([arg]) => arg > 0)?.[1];
    if (compared && call.form === 'function' && frame.arg >= 2) return w.emitLits(allLiterals(), 'assert', compared.key, compared.m);
    recordSubject(w, frame, close);
    return;
  }
  if (LIST_CONSTRUCTORS.has(call.name)) {
    // The list's own brackets: `new Set([200, 203])`'s `[…]`, or the call's parentheses (`array(412, 'Precondition Failed')`).
    const inner = lists?.get(0);
    // A constructed list a membership method is called on: `new Set([408, 429]).has(res.status)`.
    if (w.isPunct(close + 1, '.') && MEMBERSHIP_METHODS.has(w.v(close + 2)) && w.isPunct(close + 3, '(')) {
      w.receiverLists.set(close + 2, inner ?? frame.literals);
      return;
    }
    const [start, end] = inner ? (frame.listBounds?.get(0) ?? [call.startIndex, close]) : [frame.openIndex, close];
    return listFate(w, inner ?? frame.literals, start, end);
  }
  // A status looked for in a response's status line (`strpos($headers[0], '200')`, `$http_response_header[0]`): the
  // first header a PHP stream or get_headers() returns is the status line.
  if (call.form === 'function' && STATUS_LINE_SEARCHES.has(call.name)) {
    const o = frame.openIndex;
    if (w.isId(o + 1) && /header/i.test(w.v(o + 1)) && w.isPunct(o + 2, '[') && w.v(o + 3) === '0' && w.isPunct(o + 4, ']') && w.isPunct(o + 5, ',') && w.isStr(o + 6) && o + 7 === close && w.ctx.names.httpCodes.has(w.v(o + 6))) {
      return w.emitAt(o + 6, 'compare', undefined, true, false, frame.group);
    }
  }
  // A status beside its own reason phrase, in any call: `new Response(404, 'Not Found')`, PHP's
  // `array(412, 'Precondition Failed')`. A phrase of one word must be written as a title (`'Gone'`; `'gone'` may be
  // any message).
  for (const lit of frame.literals) {
    const phrase = w.isPunct(lit.k + 1, ',') && w.isStr(lit.k + 2) ? w.v(lit.k + 2) : '';
    if (w.isNum(lit.k) && (/\s/.test(phrase) || /^[A-Z]/.test(phrase)) && isPhraseOf(w, lit.k + 2, w.v(lit.k)) && (w.isPunct(lit.k + 3, ',') || lit.k + 3 === close)) {
      w.emitAt(lit.k, 'list', undefined, true, false, lit.group);
    }
  }
  generalCall(w, frame);
  // A list argument no rule took is decided as any list of numbers, from four of them (three, `[200, 201, 418]`, may
  // be anything an assertion compares): PEAR's `in_array($reply, array(200, 301, 302, 303, 305, 307))`.
  for (const [arg, lits] of lists ?? []) {
    const bounds = frame.listBounds?.get(arg);
    if (bounds && lits.length >= 4) statusListFate(w, lits, bounds[0], bounds[1]);
  }
}

/** The getter a stub stands for, when token `close` ends `method('getStatusCode')`: its name without `get`. */
function stubbedKey(w: Walk, close: number): string | undefined {
  if (!w.isPunct(close, ')')) return undefined;
  const open = w.openOf[close];
  if (open <= 0 || close - open !== 2 || !w.isStr(open + 1) || !STUB_METHODS.has(w.v(open - 1))) return undefined;
  return w.v(open + 1).replace(GETTER_PREFIX, '');
}

/** Where the chain of calls and members ending with the name at token k starts: `Joi.number().min(1).default` → `Joi`. */
function chainStart(w: Walk, k: number): number {
  let j = k;
  for (let steps = 0; steps < 64 && w.isPunct(j - 1, '.'); steps++) {
    let before = j - 2;
    if (w.isPunct(before, ')') && w.openOf[before] > 0) before = w.openOf[before] - 1;
    if (!w.isId(before)) break;
    j = before;
  }
  return j;
}

/** PHP's string searches, which find a status in a status line. */
const STATUS_LINE_SEARCHES = new Set(['strpos', 'stripos', 'str_contains', 'strstr', 'stristr', 'str_starts_with']);

/** Methods that add their arguments to a list or a set. */
const LIST_ADDERS = new Set(['append', 'push', 'add', 'unshift', 'insert', 'extend']);

/** A schema builder's methods that name the values a field may take (Joi, zod, yup, class-validator-like chains). */
const SCHEMA_VALUES = new Set(['default', 'valid', 'allow', 'literal', 'oneOf', 'equal', 'equals', 'enum', 'const', 'example']);

/** Modifiers before a constructor's parameter that make it a property. */
const PARAMETER_MODIFIERS = new Set(['public', 'private', 'protected', 'readonly', 'override']);

/** Names through which a constructor calls its base's. */
const BASE_CALLS = new Set(['__construct', '__init__', 'super']);

/** Keywords whose operand is an exception: Python's `raise`, `throw` elsewhere (`throw new` is a `new` already). */
const RAISING = new Set(['raise', 'throw']);

/** No row and no specific rule took the call: the general rule by its name (statusCall.ts). */
function generalCall(w: Walk, frame: Frame): void {
  const call = frame.call!;
  // Numbers as written: a string is a body or a view name (`res.render('404', …)`) unless a row says otherwise.
  const numericArgs = frame.literals.filter((l) => w.kind(l.k) === TokKind.Num && INTEGER.test(w.v(l.k)));
  // A class named for the status it is given, also as a whole-code string: novaclient's `exceptions.NotFound('404')`.
  const phraseCode = statusNamedBy(w.ctx.names, call.name);
  if (!numericArgs.length && phraseCode !== undefined) {
    const named = frame.literals.filter((l) => w.isStr(l.k) && w.v(l.k) === phraseCode);
    if (named.length === 1) w.emitAt(named[0].k, 'call', call.name, true, true, named[0].group);
    return;
  }
  // Without a number, the status may stand as a whole-code string or in the call's one list argument.
  const lists = frame.lists;
  const strings = !numericArgs.length && !lists?.size ? frame.literals.filter((l) => w.isStr(l.k)) : [];
  const list = !numericArgs.length && lists?.size === 1 && !frame.literals.length ? [...lists.values()][0] : undefined;
  if (!numericArgs.length && !strings.length && !list) return;
  const receiverIndex = call.form === 'method' ? call.nameIndex - 2 : -1;
  // `super().__init__(404, msg)`: Python's base constructor, reached through `super()`.
  const viaSuper = call.name === '__init__' && w.isPunct(receiverIndex, ')') && w.v(w.openOf[receiverIndex] - 1) === 'super';
  const receiver = w.isId(receiverIndex) ? w.v(receiverIndex) : undefined;
  const baseCall = (call.name === 'super' && call.form === 'function') || (call.name === '__construct' && receiver === 'parent') || viaSuper;
  const cue = callCue({
    name: viaSuper ? 'super' : call.name,
    form: call.form,
    receiver: baseCall ? undefined : receiver,
    base: baseCall ? (baseAt(w, call.nameIndex) ?? '') : undefined,
    raised: RAISING.has(w.v(call.startIndex - 1)) && !w.isStr(call.startIndex - 1),
  });
  // A strong cue takes its status now; a weak one keeps it for the end, where the file's evidence decides.
  // An exception constructed with a status (strong) is kept to the end too, where its class's other numbers are known.
  const take = (lit: Lit) => {
    if (cue === 'strong' && call.form !== 'new') w.emitAt(lit.k, 'call', call.name, true, true, lit.group);
    else w.weakCalls.push({ k: lit.k, name: call.name, group: lit.group, strong: cue === 'strong' });
  };
  if (!numericArgs.length) {
    if (cue !== 'strong' && cue !== 'weak') return;
    if (strings.length) {
      // A whole-code string as the one status-like argument: twisted's `error.Error(b"200", b"OK")`,
      // `PageRedirect(b"302")` (a body word's string is a body: `res.send('404')`).
      const codes = strings.filter((l) => w.ctx.names.httpCodes.has(w.v(l.k)));
      if (codes.length === 1) take(codes[0]);
      return;
    }
    // A list of statuses: a generated client's `M.fail([400, 403, 404, "4XX"])`, `abortUnless([401, 403])` — every
    // number in it a status.
    const numbers = list!.filter((l) => w.kind(l.k) === TokKind.Num);
    if (numbers.length && numbers.every((l) => w.ctx.names.httpCodes.has(w.v(l.k)))) numbers.forEach(take);
    return;
  }
  // A weakly cued callee given one number that is no status (`new RemoteException('Empty page ID', 131)`) numbers
  // its own outcomes: counted, so that its statuses-by-chance are dropped at the end (walker.ts).
  if (cue !== undefined && numericArgs.length === 1 && !w.ctx.names.httpEntries.has(w.v(numericArgs[0].k))) {
    w.otherNumbers.set(call.name, (w.otherNumbers.get(call.name) ?? 0) + 1);
  }
  // A strong cue's slot may hold an unofficial status too (Composer's `new TransportException('…', 499)`, nginx's
  // Client Closed Request); a weak cue needs a registered one.
  const slot = statusSlot(
    numericArgs.map((l) => ({ lit: l, value: w.v(l.k) })),
    (code) => w.ctx.names.httpCodes.has(code) || (cue === 'strong' && w.ctx.names.httpEntries.get(code)?.unofficial !== undefined),
  );
  if (!slot) return;
  // A class named for the status it is given: cinderclient's `exceptions.NotFound(404, msg)`, `HTTPConflict(409)`.
  if (phraseCode === slot.value) {
    return w.emitAt(slot.lit.k, 'call', call.name, true, true, slot.lit.group);
  }
  // A helper named for a status, given another one (DAViCal's `$request->PreconditionFailed(403, 'DAV::…')`): the
  // name says the call answers with a status, the number which; kept for the file's evidence.
  if (phraseCode !== undefined && cue === undefined && /^[A-Z]/.test(call.name)) return take(slot.lit);
  // A status beside the response's headers, whatever the call's name: `this.write(204, headers)`,
  // `respond(201, { 'Content-Type': 'application/json' }, body)`.
  if (cue !== 'strong' && frame.arg > 0 && besideHeaders(w, frame)) return w.emitAt(slot.lit.k, 'call', call.name, true, false, slot.lit.group);
  // A body word's status stands beside another argument (`c.json(body, 404)`; `res.json(300)` sends 300).
  if (cue === 'strong' || cue === 'weak' || (cue === 'weak-beside' && frame.arg > 0)) take(slot.lit);
}

/** Header names that open a headers object (`{ 'Content-Type': … }`, `{ Location: url }`). */
const HEADER_NAME = /^(?:content-[a-z]+|location|cache-control|etag|allow|www-authenticate|set-cookie|retry-after|last-modified|x-[a-z-]+)$/i;

/** Is one of the call's arguments its headers: a name that says so (`headers`, `this.corsHeaders`) or an object of them? */
function besideHeaders(w: Walk, frame: Frame): boolean {
  let depth = 0;
  for (let j = frame.openIndex + 1; j < w.length && j < frame.openIndex + 512; j++) {
    const nesting = w.nesting(j);
    if (depth === 0 && nesting < 0) return false;
    const argStart = depth === 0 && (w.isPunct(j - 1, ',') || j === frame.openIndex + 1);
    if (argStart && w.isPunct(j, '{') && (w.isStr(j + 1) || w.isId(j + 1)) && HEADER_NAME.test(w.v(j + 1)) && w.isPunct(j + 2, ':')) return true;
    if (depth === 0 && w.isId(j) && /^(?:headers|[a-z]\w*Headers)$/.test(w.v(j)) && (w.isPunct(j + 1, ',') || w.isPunct(j + 1, ')'))) return true;
    depth += nesting;
  }
  return false;
}
