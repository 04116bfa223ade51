/**
 * The code-position engine: one pass over a language's tokens (see tokens.ts) that decides which literals are codes,
 * reading the idiom tables (idioms.ts) for everything API-specific. It knows how keys, comparisons, calls, lists,
 * subscripts, switch cases and constants look in the token model; it does not know Express, Jest or Laravel.
 *
 * A literal counts only as a *whole operand*: nothing arithmetic or relational touches it (`x * 451`, `status >= 500`
 * and `-404` are not codes), though it may be one alternative of a fallback (`err.status || 500`, `ok ? 200 : 404`).
 * Walking back over such an expression gives the *slot* it fills — a key's value, an assignment, a call's argument, a
 * list element, a subscript, a `case` — and the slot decides. Calls and lists are decided when they close, since the
 * callee's rule or the list's use (`[408, 429].includes(res.status)`) is known only then.
 */
import { NUMERIC_CODE } from '../codeShapes';
import { entriesNamed, httpConstant, httpFamilyConstant, isTitleOf, nameKey } from './constants';
import { Groups } from './groups';
import {
  BOUND_MATCHERS,
  CALLBACK_STATUS_CALLS,
  CHAIN_WORDS,
  COMPARING_ASSERTIONS,
  GETTER_PREFIX,
  KEY_READERS,
  KEYED_CALLS,
  LIST_CONSTRUCTORS,
  MEMBERSHIP_METHODS,
  STATUS_INDEXED,
  STATUS_KEYED_OBJECTS,
  SUBJECT_FUNCTIONS,
  SUBJECT_MATCHERS,
  statusCallsFor,
  type StatusCallRow,
} from './idioms';
import type { LanguageRow } from './languages';
import type { KeyMatch } from './keys';
import { hasStatusEvidence } from './deciders/evidence';
import { callCue, statusSlot } from './deciders/statusCall';
import { isStatusColumn, type ColumnCell } from './deciders/tables';
import { Occurrences } from './occurrences';
import { SYMBOLIC_RE, symbolicWordsIn, type ScanContext, type ScanResult, type SwitchShape, type Via } from './scanTypes';
import { TokKind, type Token, type Tokens } from './tokens';

const INTEGER = NUMERIC_CODE;
const EQUALITY = new Set(['===', '==', '!==', '!=', '<>']);
/** Tokens before an object key: `{ status: …`, `, code: …`, kwargs `(status=…` (emitted as `:`), PHP `[ 'status' => …`. */
const KEY_PREV = new Set(['{', ',', ';', '(', '[']);
/** Punctuation that ends an expression when walking back from a literal (at the literal's bracket depth). */
const BOUNDARY = new Set(['(', '[', '{', ',', ';', '=', ':', '=>', '+=', '-=', '||=', '??=', '&&=', '@']);
const BOUNDARY_WORDS = new Set(['return', 'case', 'yield', 'throw', 'in', 'else', 'do', 'echo', 'print']);
/** What may stand right before a fallback or a branch: `a || 500`, `a ?? 500`, `c ? 200 : 404`, Python's `a or 500`. */
const ALTERNATIVE = new Set(['||', '??', '?', '?:', 'or']);
/** Neighbours that make a literal part of arithmetic, a bound or a member access rather than a whole operand. */
const NOT_WHOLE_AFTER = new Set(['.', '[', '(', '+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '<<', '>>', '>>>', '&', '|', '^', 'instanceof', '<=>']);
const NOT_WHOLE_BEFORE = new Set(['.', '+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '<<', '>>', '>>>', '&', '|', '^', '!', '~', 'typeof', '<=>', 'not']);
/** Identifiers that, before `(`, are statements rather than callees. */
const NOT_CALLEES = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'typeof', 'await', 'match', 'elif', 'and', 'or', 'not', 'in', 'foreach', 'echo', 'print', 'yield', 'void', 'delete', 'throw', 'case', 'with', 'assert']);
/** Keywords before a declared function's name: its parentheses hold parameters, not arguments. */
const DECLARATIONS = new Set(['function', 'def', 'fn', 'func']);
/** Identifiers after which `[` starts a list literal rather than a subscript. */
const LIST_AFTER_WORDS = new Set(['return', 'in', 'of', 'case', 'yield', 'throw', 'await', 'typeof', 'else', 'echo', 'print', 'and', 'or', 'not']);

interface Lit {
  k: number;
  arg: number;
  group: number;
}

interface Frame {
  open: string;
  openIndex: number;
  group: number;
  switchKey?: string;
  /** A switch's body: its shape, completed when it closes. */
  switchShape?: SwitchShape;
  /** The key this object or list is the value of (`responses: {`, `statusCodes = [`). */
  ownKey?: string;
  /** For `(` after a callee. */
  call?: { name: string; form: 'method' | 'function' | 'new'; nameIndex: number; startIndex: number; rows?: StatusCallRow[] };
  /** `[` after an expression: a subscript; its key match when the object is indexed by codes. */
  subscript?: { key: string; http: boolean; exact: boolean };
  /** `[`, or `(` that may be a tuple. */
  list: boolean;
  arg: number;
  argStart: number;
  ternary: number;
  /** Whole-operand literals directly in this frame, decided when it closes. */
  literals: Lit[];
  /** List arguments (`oneOf([200, 201])`, `new Set([…])`) by argument index. */
  lists?: Map<number, Lit[]>;
  /** Arguments that are a member chain ending in a code key, by argument index. */
  chains?: Map<number, { key: string; m: KeyMatch }>;
  /** Arguments that are one string, by index (`property('status', 404)`). */
  strings?: Map<number, string>;
  /** Whether argument chains and strings are worth recording for this call. */
  wantArgs: boolean;
  /** Numbers this object, enum or block gives names (`invalid_client: 401`, `NotFound = 404`), decided as a table when it closes. */
  named?: { k: number; group: number; name: string }[];
}

/**
 * Functions the file declares with a parameter named like a code key (`function error(status, msg)`,
 * `const respond = (res, code) =>`, Python's `def abort_with(status_code)`): their calls take a code at that position,
 * as the table's rows do.
 */
function findLocalStatusFunctions(toks: readonly Token[], keys: import('./keys').CodeKeys): Map<string, StatusCallRow[]> {
  const found = new Map<string, StatusCallRow[]>();
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== TokKind.Punct || toks[k].v !== '(') continue;
    // `function name(`, `def name(`, `name = function (`, `name = (…) =>`, `name = async (…) =>`.
    let name: string | undefined;
    const p1 = toks[k - 1];
    if (p1?.t === TokKind.Id && DECLARATIONS.has(toks[k - 2]?.v ?? '')) name = p1.v;
    else if (p1?.t === TokKind.Id && p1.v === 'function' && toks[k - 2]?.v === '=' && toks[k - 3]?.t === TokKind.Id) name = toks[k - 3].v;
    else if (toks[k - 1]?.v === '=' && toks[k - 2]?.t === TokKind.Id) name = toks[k - 2].v;
    else if (toks[k - 1]?.v === 'async' && toks[k - 2]?.v === '=' && toks[k - 3]?.t === TokKind.Id) name = toks[k - 3].v;
    if (!name) continue;
    const args: number[] = [];
    let depth = 0;
    let arg = 0;
    let atParam = true;
    let j = k + 1;
    for (; j < toks.length && j < k + 200; j++) {
      const t = toks[j];
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') {
        if (depth-- === 0) break;
      } else if (depth === 0 && t.v === ',') {
        arg++;
        atParam = true;
        continue;
      } else if (depth === 0 && atParam && t.t === TokKind.Id) {
        const m = keys.match(t.v);
        if (m?.exact) args.push(arg);
      }
      if (t.t !== TokKind.Punct || t.v !== '...') atParam = false;
    }
    // An arrow function needs its `=>`; a `name = (` without one is a call or a grouping.
    if (toks[k - 1]?.v === '=' || toks[k - 1]?.v === 'async') {
      if (toks[j + 1]?.v !== '=>') continue;
    }
    if (args.length) found.set(name, [{ name, form: 'any', args }]);
  }
  return found;
}

/**
 * Where classes start and what they extend (`class A extends HttpException`, Python's `class A(HTTPException):`),
 * in token order: a base constructor call (`super(404, msg)`, `parent::__construct(404)`) is the base's.
 */
function findClassBases(toks: readonly Token[]): { at: number; base: string }[] {
  const found: { at: number; base: string }[] = [];
  for (let k = 0; k + 2 < toks.length; k++) {
    if (toks[k].t !== TokKind.Id || toks[k].v !== 'class' || toks[k + 1].t !== TokKind.Id) continue;
    let j = k + 2;
    if (toks[j].v === 'extends' || toks[j].v === '(') j++;
    else continue;
    // The last name of a qualified base: `extends errors.HttpError`, `(exceptions.HTTPException)`.
    while (toks[j]?.t === TokKind.Id && toks[j + 1]?.v === '.' && toks[j + 2]?.t === TokKind.Id) j += 2;
    if (toks[j]?.t === TokKind.Id) found.push({ at: k, base: toks[j].v });
  }
  return found;
}

/** Scans tokens for codes in code positions; `text` is what the offsets point into. */
export function findCodes(text: string, tokens: Tokens, ctx: ScanContext, row: LanguageRow): ScanResult {
  const { toks, comments } = tokens;
  const language = row.engine!;
  const calls = statusCallsFor(row.kind);
  const keys = ctx.codeKeys;
  const occurrences = new Occurrences();
  const groups = new Groups();
  groups.add('block', -1);
  const docHintKeys = new Map<string, number>();
  const n = toks.length;
  /** For a closing bracket, the index of its opening one, and back (-1: not matched). */
  const openOf = new Int32Array(n).fill(-1);
  const ternaryColon = new Uint8Array(n);
  /** Subjects of `expect(…)`-like calls by the index of their `)`. */
  const subjects = new Map<number, { chain?: { key: string; m: KeyMatch }; list?: Lit[] }>();
  /** Lists a membership method is called on, by the method name's index (`[408, 429].includes(…)`). */
  const receiverLists = new Map<number, Lit[]>();
  const frames: Frame[] = [newFrame('', -1, 0)];
  let pendingSwitch: { key?: string; start: number } | undefined;
  /** Literals of a Python or-pattern (`case 400 | 404:`), with the switch's key. */
  const orCaseLits = new Map<number, string>();
  /** Constants the file defines by a code's name (`NOT_FOUND = 404`): name → code, for their later uses. */
  const localConstants = new Map<string, string>();
  /** A known symbolic name defined as a number (`BAD_REQUEST = 400`), left to its value's literal to decide. */
  let pendingName = -1;
  /** Local functions whose parameters are code keys (`function error(status, msg)`): name → rows of the table. */
  const localCalls = findLocalStatusFunctions(toks, keys);
  /** Status arguments of weakly cued calls (`c.json(body, 404)`), kept only when the file shows status evidence. */
  const weakCalls: { k: number; name: string; group: number }[] = [];
  let classBases: { at: number; base: string }[] | undefined;

  function newFrame(open: string, openIndex: number, group: number): Frame {
    return { open, openIndex, group, list: false, arg: 0, argStart: openIndex + 1, ternary: 0, literals: [], wantArgs: false };
  }
  const top = () => frames[frames.length - 1];
  const v = (k: number) => (k >= 0 && k < n ? toks[k].v : '');
  const isPunct = (k: number, p: string) => k >= 0 && k < n && toks[k].t === TokKind.Punct && toks[k].v === p;
  const isId = (k: number) => k >= 0 && k < n && toks[k].t === TokKind.Id;
  const contentStart = (t: Token) => (t.t === TokKind.Str ? (t.cs ?? t.s + 1) : t.s);

  const noteHintKey = (key: string, group: number) => {
    docHintKeys.set(key, (docHintKeys.get(key) ?? 0) + 1);
    groups.addHintKey(group, key);
  };
  /** Tokens already emitted as a code: a table decided later does not emit them twice. */
  const emitted = new Uint8Array(n);
  const emitAt = (k: number, via: Via, key: string | undefined, http: boolean, exactKey: boolean, group: number, code?: string) => {
    const t = toks[k];
    emitted[k] = 1;
    const start = contentStart(t);
    const value = code ?? t.v;
    const isStr = t.t === TokKind.Str;
    occurrences.push({
      start,
      end: start + (code !== undefined ? t.e - t.s : t.v.length),
      code: value,
      numeric: INTEGER.test(value),
      via,
      key,
      exactKey,
      http,
      wholeString: isStr,
      group,
    });
  };
  const emitLits = (lits: readonly Lit[], via: Via, key: string | undefined, m: KeyMatch | { http: boolean; exact: boolean }) => {
    for (const lit of lits) if (INTEGER.test(toks[lit.k].v)) emitAt(lit.k, via, key, m.http, m.exact, lit.group);
  };

  /** The key a chain ending at token k reads: `a.b?.status`, `obj['status']`, `$e->getCode()`, `data.get("code")`. */
  const chainEndBefore = (k: number): string | undefined => {
    const t = toks[k];
    if (!t) return undefined;
    if (t.t === TokKind.Id) return t.v;
    if (t.t === TokKind.Str && isPunct(k - 1, '[')) return t.v;
    if (t.v === ']' && toks[k - 1]?.t === TokKind.Str && isPunct(k - 2, '[')) return toks[k - 1].v;
    if (t.v === ')' && openOf[k] > 0 && isId(openOf[k] - 1)) {
      const open = openOf[k];
      const callee = toks[open - 1].v;
      if (open + 1 === k) return callee.replace(GETTER_PREFIX, '');
      if (KEY_READERS.has(callee) && toks[open + 1]?.t === TokKind.Str && (open + 2 === k || isPunct(open + 2, ','))) return toks[open + 1].v;
    }
    return undefined;
  };
  /** The key a chain starting at token k reads (`res.data.code`, `$e->getCode()`), for `5004 === body.code`. */
  const chainEndFrom = (k: number): string | undefined => {
    if (!isId(k)) return undefined;
    let key = toks[k].v;
    let j = k;
    for (;;) {
      if (isPunct(j + 1, '.') && isId(j + 2)) {
        j += 2;
        key = toks[j].v;
      } else if (isPunct(j + 1, '[') && toks[j + 2]?.t === TokKind.Str && isPunct(j + 3, ']')) {
        j += 3;
        key = toks[j - 1].v;
      } else if (isPunct(j + 1, '(') && isPunct(j + 2, ')')) {
        key = key.replace(GETTER_PREFIX, '');
        j += 2;
      } else if (isPunct(j + 1, '(') && toks[j + 2]?.t === TokKind.Str && isPunct(j + 3, ')') && KEY_READERS.has(toks[j].v)) {
        key = toks[j + 2].v;
        j += 3;
      } else return key;
    }
  };
  /** Tokens [from, to) are one member chain (no operator at their depth); its key and match. */
  const pureChain = (from: number, to: number): { key: string; m: KeyMatch } | undefined => {
    if (to <= from || !isId(from)) return undefined;
    for (let j = from; j < to; j++) {
      const t = toks[j];
      if (t.t === TokKind.Id) continue;
      if (t.t === TokKind.Punct) {
        if (t.v === '.' || t.v === '!') continue;
        if (t.v === ')' || t.v === ']') continue;
        if (t.v === '(' || t.v === '[') {
          // Skip to the matching close, which lies inside the range when the chain is whole.
          let depth = 0;
          for (; j < to; j++) {
            if (toks[j].v === '(' || toks[j].v === '[') depth++;
            else if (toks[j].v === ')' || toks[j].v === ']') {
              if (--depth === 0) break;
            }
          }
          continue;
        }
      }
      return undefined;
    }
    const key = chainEndBefore(to - 1);
    // Plural names are subjects too: `t.deepEqual(seenStatusCodes, [500, 404])`.
    const m = key ? keys.matchList(key) : null;
    return key && m ? { key, m } : undefined;
  };
  /** The start of the expression holding token k, at k's depth: the index after its boundary, or -1. */
  const exprStart = (k: number): number => {
    for (let j = k - 1, steps = 0; j >= 0 && steps < 256; j--, steps++) {
      const t = toks[j];
      if (t.t === TokKind.Punct) {
        if (t.v === ')' || t.v === ']' || t.v === '}') {
          if (openOf[j] < 0) return -1;
          j = openOf[j];
          continue;
        }
        if (BOUNDARY.has(t.v) && !(t.v === ':' && ternaryColon[j])) return j + 1;
      } else if (t.t === TokKind.Id && BOUNDARY_WORDS.has(t.v)) return j + 1;
    }
    return k === 0 ? 0 : -1;
  };
  /** `status: [`, `codes = new Set(`: the key whose value starts at token s. */
  const keyBefore = (s: number): string | undefined => {
    const p = toks[s - 1];
    if (!p || p.t !== TokKind.Punct) return undefined;
    if (p.v === ':' && !ternaryColon[s - 1]) {
      const key = toks[s - 2];
      if (key && (key.t === TokKind.Id || key.t === TokKind.Str) && (s - 3 < 0 || KEY_PREV.has(v(s - 3)))) return key.v;
      return undefined;
    }
    if (p.v === '=') return chainEndBefore(s - 2);
    return undefined;
  };
  const wholeAfter = (k: number) => {
    const t = toks[k + 1];
    return !t || t.t !== TokKind.Punct || !NOT_WHOLE_AFTER.has(t.v);
  };
  const wholeBefore = (k: number) => {
    const t = toks[k - 1];
    return !t || (t.t === TokKind.Str || t.t === TokKind.Num) || !NOT_WHOLE_BEFORE.has(t.v);
  };

  /** A constant that mirrors a code: `FACE_TOO_SMALL = 8008`, `NotFound: 404`, `{ FACE_NOT_DETECTED: '412' }`. */
  const constant = (name: string, nameIndex: number, k: number, group: number): boolean => {
    const value = toks[k].v;
    if (!INTEGER.test(value)) return false;
    const entries = entriesNamed(ctx.names, name);
    if (!entries.length) return false;
    const named = entries.some((e) => e.code === value);
    // A mismatch counts only for names of several words with a value shaped like the named code (`ACCEPTED = 1` in
    // an enum is not a mistyped HTTP 202).
    const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[_\W]+/).filter(Boolean).length;
    if (!named && (words < 2 || !entries.some((e) => e.code.length === value.length))) return false;
    if (named && isId(nameIndex) && toks[nameIndex].v === name && SYMBOLIC_RE.test(name)) {
      // An UPPER_SNAKE name is the code too (`NOT_FOUND = 404`), and so is every later use of it in the file (a
      // PascalCase or one-word name — `NotFound: 404`, `OK = 200` — is any enum's word; its value says enough).
      emitAt(nameIndex, 'constant', name, false, false, group, value);
      localConstants.set(name, value);
      if (pendingName === nameIndex) pendingName = -1;
    }
    emitAt(k, 'constant', name, false, false, group);
    return true;
  };

  /** What a closed list (`[…]`, `new Set([…])`, a tuple) is for, decided from its neighbours. */
  const listFate = (lits: Lit[], start: number, end: number) => {
    if (!lits.length) return;
    // A status and its reason phrase: `[404, 'Not Found']` (hapi's and others' status tables).
    if (lits.length === 1 && lits[0].k === start + 1 && isPunct(start + 2, ',') && isPhraseOf(start + 3, toks[lits[0].k].v) && end === start + 4) {
      return emitLits(lits, 'list', undefined, { http: true, exact: false });
    }
    // A reply callback's `[status, body]`: nock's `.reply(() => [202, body])`, axios-mock-adapter's `reply(c => [200])`.
    if ((isPunct(start - 1, '=>') || v(start - 1) === 'return') && lits[0].k === start + 1 && callbackStatusCall()) {
      return emitLits([lits[0]], 'call', 'reply', { http: true, exact: true });
    }
    if (isPunct(end + 1, '.') && MEMBERSHIP_METHODS.has(v(end + 2)) && isPunct(end + 3, '(')) {
      receiverLists.set(end + 2, lits);
      return;
    }
    const key = keyBefore(start);
    if (key !== undefined) {
      const m = keys.matchList(key);
      if (m) emitLits(lits, 'list', key, m);
      return;
    }
    if (language.inMembership && v(start - 1) === 'in' && isId(start - 1)) {
      const subject = chainEndBefore(v(start - 2) === 'not' ? start - 3 : start - 2);
      const m = subject ? keys.match(subject) : null;
      if (subject && m) emitLits(lits, 'list', subject, m);
      return;
    }
    // An argument of the enclosing call: decided when that call closes.
    const parent = top();
    if ((parent.call || parent.list) && (isPunct(start - 1, '(') || isPunct(start - 1, ',') || isPunct(start - 1, '[')) && (isPunct(end + 1, ')') || isPunct(end + 1, ',') || isPunct(end + 1, ']'))) {
      (parent.lists ??= new Map()).set(parent.arg, lits);
    }
  };

  /** Is token k a string holding the reason phrase of HTTP status `code` (`'Not Found'` for 404)? */
  const isPhraseOf = (k: number, code: string) => {
    if (toks[k]?.t !== TokKind.Str || toks[k].v.length >= 64) return false;
    if (ctx.names.httpPhrases.get(nameKey(toks[k].v)) === code) return true;
    // An unofficial status with its own title: `[509, 'Bandwidth Limit Exceeded']`.
    const entry = ctx.names.httpEntries.get(code);
    return !!entry?.unofficial && isTitleOf(entry, toks[k].v);
  };

  /** Is the innermost call around the current position one whose callback returns its status (nock's `.reply`)? */
  const callbackStatusCall = () => {
    for (let i = frames.length - 1, seen = 0; i > 0 && seen < 3; i--) {
      const call = frames[i].call;
      if (!call) continue;
      seen++;
      if (CALLBACK_STATUS_CALLS.has(call.name) && call.form === 'method') return true;
    }
    return false;
  };

  /** A member chain's subject before a matcher at nameIndex: `expect(x).to.be.`, `x.should.`. */
  const subjectOf = (nameIndex: number): { chain?: { key: string; m: KeyMatch }; list?: Lit[] } | undefined => {
    let j = nameIndex - 1;
    while (isPunct(j, '.')) {
      const p = toks[j - 1];
      if (!p) return undefined;
      if (p.t === TokKind.Id && p.v === 'should') {
        const key = chainEndBefore(j - 3 >= 0 && isPunct(j - 2, '.') ? j - 3 : -1);
        const m = key ? keys.match(key) : null;
        return key && m ? { chain: { key, m } } : undefined;
      }
      if (p.t === TokKind.Id && CHAIN_WORDS.has(p.v)) {
        j -= 2;
        continue;
      }
      if (p.v === ')' && openOf[j - 1] > 0 && SUBJECT_FUNCTIONS.has(v(openOf[j - 1] - 1))) return subjects.get(j - 1);
      return undefined;
    }
    return undefined;
  };

  /** Records argument facts for assertion-like calls when an argument ends at token `end` (a `,` or the `)`). */
  const endArg = (frame: Frame, end: number) => {
    if (!frame.wantArgs) return;
    const from = frame.argStart;
    const chain = pureChain(from, end);
    if (chain) (frame.chains ??= new Map()).set(frame.arg, chain);
    if (end === from + 1 && toks[from].t === TokKind.Str) (frame.strings ??= new Map()).set(frame.arg, toks[from].v);
  };

  const closeCall = (frame: Frame, close: number) => {
    const call = frame.call!;
    const lists = frame.lists;
    const allLiterals = () => [...frame.literals, ...[...(lists?.values() ?? [])].flat()];
    const rows = call.rows;
    if (rows?.length) {
      const last = frame.arg;
      const rowAt = (arg: number) => rows.find((r) => r.args.some((a) => a === arg || (a === 'last' && arg === last)));
      for (const lit of frame.literals) {
        const row = rowAt(lit.arg);
        if (row && INTEGER.test(toks[lit.k].v)) emitAt(lit.k, 'call', call.name, row.http ?? true, true, lit.group);
      }
      // A list where the status goes: supertest's `.expect([200, 404])`.
      for (const [arg, lits] of lists ?? []) {
        const row = rowAt(arg);
        if (row) emitLits(lits, 'call', call.name, { http: row.http ?? true, exact: true });
      }
      return;
    }
    if (!rows && call.form === 'method' && keys.isKeyMethod(call.name)) {
      for (const lit of frame.literals) if (lit.arg === 0 && INTEGER.test(toks[lit.k].v)) emitAt(lit.k, 'call', call.name, true, true, lit.group);
      return;
    }
    if (COMPARING_ASSERTIONS.has(call.name)) {
      const subject = [...(frame.chains?.values() ?? [])][0];
      if (subject) {
        emitLits(allLiterals(), 'assert', subject.key, subject.m);
        return;
      }
    }
    if (call.form === 'method' && SUBJECT_MATCHERS.has(call.name)) {
      const subject = subjectOf(call.nameIndex);
      if (subject?.chain) {
        if (!BOUND_MATCHERS.has(call.name)) emitLits(allLiterals(), 'assert', subject.chain.key, subject.chain.m);
        return;
      }
      const arg = frame.chains?.get(0);
      if (subject?.list && arg) return emitLits(subject.list, 'list', arg.key, arg.m);
    }
    if (KEYED_CALLS.has(call.name)) {
      const key = frame.strings?.get(0)?.split('.').pop();
      const m = key ? keys.match(key) : null;
      if (m) emitLits(frame.literals.filter((l) => l.arg === 1), 'assert', key, m);
      return;
    }
    if (call.form === 'method' && MEMBERSHIP_METHODS.has(call.name)) {
      const list = receiverLists.get(call.nameIndex);
      const arg = frame.chains?.get(0);
      if (list && arg) emitLits(list, 'list', arg.key, arg.m);
      return;
    }
    if (SUBJECT_FUNCTIONS.has(call.name)) {
      subjects.set(close, { chain: frame.chains?.get(0), list: lists?.get(0) });
      return;
    }
    if (LIST_CONSTRUCTORS.has(call.name)) return listFate(lists?.get(0) ?? frame.literals, call.startIndex, close);
    generalCall(frame);
  };

  /** The class that the class around token k extends, for base constructor calls. */
  const baseAt = (k: number): string | undefined => {
    classBases ??= findClassBases(toks);
    let base: string | undefined;
    for (const c of classBases) {
      if (c.at > k) break;
      base = c.base;
    }
    return base;
  };

  /** No row and no specific rule took the call: the general rule by its name (deciders/statusCall.ts). */
  const generalCall = (frame: Frame) => {
    const call = frame.call!;
    // Numbers as written: a string is a body or a view name (`res.render('404', …)`) unless a row says otherwise.
    const numericArgs = frame.literals.filter((l) => toks[l.k].t === TokKind.Num && INTEGER.test(toks[l.k].v));
    if (!numericArgs.length) return;
    const receiverIndex = call.form === 'method' ? call.nameIndex - 2 : -1;
    // `super().__init__(404, msg)`: Python's base constructor, reached through `super()`.
    const viaSuper = call.name === '__init__' && isPunct(receiverIndex, ')') && v(openOf[receiverIndex] - 1) === 'super';
    const receiver = isId(receiverIndex) ? v(receiverIndex) : undefined;
    const baseCall = (call.name === 'super' && call.form === 'function') || (call.name === '__construct' && receiver === 'parent') || viaSuper;
    const cue = callCue({ name: viaSuper ? 'super' : call.name, form: call.form, receiver: baseCall ? undefined : receiver, base: baseCall ? (baseAt(call.nameIndex) ?? '') : undefined });
    if (!cue) return;
    const slot = statusSlot(
      numericArgs.map((l) => ({ lit: l, value: toks[l.k].v })),
      (code) => ctx.names.httpCodes.has(code),
    );
    if (!slot) return;
    if (cue === 'strong') emitAt(slot.lit.k, 'call', call.name, true, true, slot.lit.group);
    else if (cue === 'weak' || frame.arg > 0) weakCalls.push({ k: slot.lit.k, name: call.name, group: slot.lit.group });
  };

  const close = (k: number) => {
    const want = v(k) === ')' ? '(' : v(k) === ']' ? '[' : '{';
    // Tolerate unbalanced input: close the nearest matching frame within a few levels, else ignore the token.
    let depth = frames.length - 1;
    while (depth > 0 && frames[depth].open !== want && frames.length - depth < 4) depth--;
    if (depth <= 0 || frames[depth].open !== want) return;
    while (frames.length - 1 > depth) frames.pop();
    // Popped first, so that what the frame decides about itself sees its parent on top.
    const frame = frames.pop()!;
    openOf[k] = frame.openIndex;
    endArg(frame, k);
    if (frame.switchShape) closeSwitch(frame.switchShape, frame.openIndex, k, frame.group);
    if (frame.named) tableFate(frame.named, isEnumBody(frame.openIndex) ? 2 : undefined);
    if (frame.call) closeCall(frame, k);
    else if (frame.list && (frame.open === '[' || frame.arg > 0)) {
      if (frame.lists && frame.lists.size >= 2) columnFate(frame.lists);
      listFate(frame.literals, frame.openIndex, k);
    }
  };

  const isStatus = (code: string) => ctx.names.httpCodes.has(code);
  const isPhrase = (name: string) => ctx.names.httpPhrases.has(nameKey(name));

  /** `enum Status {`, PHP's `enum Status: int {`, Python's `class Status(IntEnum):` — a body of named values. */
  const isEnumBody = (open: number): boolean => {
    for (let j = open - 1; j >= 0 && j >= open - 12; j--) {
      const t = toks[j];
      if (t.t === TokKind.Id && t.v === 'enum') return true;
      if (t.t === TokKind.Id && t.v === 'class') return toks.slice(j, open).some((c) => c.t === TokKind.Id && /Enum$|^HTTPStatus$/.test(c.v));
      if (t.t === TokKind.Punct && (t.v === ';' || t.v === '}' || t.v === '{') && t.s !== t.e) return false;
    }
    return false;
  };

  /** Named numbers of one object or body: a map of statuses when they make a status column (deciders/tables.ts). */
  const tableFate = (named: { k: number; group: number; name: string }[], minRows?: number) => {
    const cells = named.map((n) => ({ value: toks[n.k].v, name: n.name }));
    if (!isStatusColumn(cells, isStatus, isPhrase, { minRows })) return;
    for (const n of named) if (!emitted[n.k] && isStatus(toks[n.k].v)) emitAt(n.k, 'list', undefined, true, false, n.group);
  };

  /** A list of rows (`[("/a", 200), ("/b", 404), …]`): each column that is a status column. */
  const columnFate = (rows: Map<number, Lit[]>) => {
    const width = Math.max(...[...rows.values()].map((r) => Math.max(-1, ...r.map((l) => l.arg)) + 1));
    // A test's parameter table may hold 200s only: `parametrize(…, [("/a", 200), …])`, `it.each([…])`.
    const caller = top().call?.name ?? '';
    const roundOk = /parametri[sz]e|each|cases|params|table/i.test(caller);
    for (let col = 0; col < width && col < 16; col++) {
      const cells: (ColumnCell | undefined)[] = [];
      const lits: Lit[] = [];
      for (const row of rows.values()) {
        const lit = row.find((l) => l.arg === col);
        cells.push(lit ? { value: toks[lit.k].v } : undefined);
        if (lit) lits.push(lit);
      }
      if (!isStatusColumn(cells, isStatus, isPhrase, { roundOk })) continue;
      for (const lit of lits) if (!emitted[lit.k] && isStatus(toks[lit.k].v)) emitAt(lit.k, 'list', undefined, true, false, lit.group);
    }
  };

  /**
   * A literal union of statuses starting at token k (`type NoBody = 101 | 204 | 205 | 304`, a field typed
   * `status: 200 | 201`): every member a registered status, at least two. Returns the run's last index, or -1.
   */
  const literalUnion = (k: number): number => {
    const lead = isPunct(k - 1, '|') ? k - 2 : k - 1;
    if (lead < 0 || !(isPunct(lead, '=') || isPunct(lead, ':') || isPunct(lead, '<') || isPunct(lead, '(') || isPunct(lead, ','))) return -1;
    let j = k;
    while (isPunct(j + 1, '|') && toks[j + 2]?.t === TokKind.Num) j += 2;
    if (j === k) return -1;
    const after = toks[j + 1];
    if (after && after.t === TokKind.Punct && NOT_WHOLE_AFTER.has(after.v)) return -1;
    for (let m = k; m <= j; m += 2) if (!isStatus(toks[m].v)) return -1;
    for (let m = k; m <= j; m += 2) emitAt(m, 'list', undefined, true, false, top().group);
    return j;
  };

  /** A switch body closed by token k: where its last token ends (dedents skipped) and where the statement ends. */
  const closeSwitch = (shape: SwitchShape, openIndex: number, k: number, group: number) => {
    let j = k - 1;
    while (j > openIndex && toks[j].v === '}' && toks[j].s === toks[j].e) j--;
    shape.lastEnd = toks[j].e;
    shape.close = toks[k].s;
    shape.end = toks[k].s === toks[k].e ? shape.lastEnd : toks[k].e;
    groups.setSwitch(group, shape);
  };

  /**
   * Token k is directly in a switch body: `default:` and `case _:` are its catch-all; a Python or-pattern's literals
   * (`case 400 | 404:`, `case (\n 400 | 404\n):`) are cases like a single one's.
   */
  const switchLabel = (k: number, frame: Frame) => {
    const shape = frame.switchShape!;
    if (v(k) === 'default' && isPunct(k + 1, ':') && !isPunct(k - 1, '.')) shape.wildcard ??= { start: toks[k].s, end: toks[k + 1].e };
    if (v(k) !== 'case') return;
    if (v(k + 1) === '_' && isPunct(k + 2, ':')) shape.wildcard ??= { start: toks[k].s, end: toks[k + 2].e };
    if (!language.orPatterns || frame.switchKey === undefined) return;
    const lits: number[] = [];
    let depth = 0;
    let j = k + 1;
    for (; j < n && j < k + 512; j++) {
      const t = toks[j];
      if (t.t === TokKind.Num || t.t === TokKind.Str) lits.push(j);
      else if (t.v === '(') depth++;
      else if (t.v === ')' && depth > 0) depth--;
      else if (t.v === ':' && depth === 0) break;
      else if (t.v !== '|') return;
    }
    // A single bare literal is the ordinary `case 5004:`; the literal path reads it.
    if (j >= n || j >= k + 512 || !lits.length || j === k + 2) return;
    for (const lit of lits) orCaseLits.set(lit, frame.switchKey);
  };

  /** `(` at k: a call when an identifier (not a keyword) stands before it. */
  const openParen = (k: number) => {
    const frame = newFrame('(', k, top().group);
    const callee = toks[k - 1];
    // Keywords are callees only as members (`ctx.throw(403)`, `ctx.assert(ok, 401)`).
    if (callee && callee.t === TokKind.Id && (!NOT_CALLEES.has(callee.v) || isPunct(k - 2, '.')) && !DECLARATIONS.has(v(k - 2))) {
      const method = isPunct(k - 2, '.');
      let startIndex = k - 1;
      let form: 'method' | 'function' | 'new' = method ? 'method' : 'function';
      if (v(k - 2) === 'new' && isId(k - 2)) {
        form = 'new';
        startIndex = k - 2;
      } else if (method) {
        // `new a.B(…)` is a `new`; otherwise the call starts where its receiver chain does.
        let j = k - 1;
        while (isPunct(j - 1, '.') && isId(j - 2)) j -= 2;
        if (v(j - 1) === 'new' && isId(j - 1)) {
          form = 'new';
          startIndex = j - 1;
        } else startIndex = j;
      }
      const rows = (calls.get(callee.v) ?? localCalls.get(callee.v))?.filter((r) => r.form === 'any' || r.form === form || (r.form === 'function' && form === 'new'));
      frame.call = { name: callee.v, form, nameIndex: k - 1, startIndex, rows };
      frame.wantArgs = COMPARING_ASSERTIONS.has(callee.v) || SUBJECT_FUNCTIONS.has(callee.v) || MEMBERSHIP_METHODS.has(callee.v) || KEYED_CALLS.has(callee.v) || SUBJECT_MATCHERS.has(callee.v);
    } else frame.list = true; // a parenthesised expression, or a tuple when it holds a comma
    frames.push(frame);
  };

  const openBracket = (k: number) => {
    const frame = newFrame('[', k, top().group);
    const prev = toks[k - 1];
    const subscript = prev && ((prev.t === TokKind.Id && !LIST_AFTER_WORDS.has(prev.v)) || prev.v === ')' || prev.v === ']') && !isPunct(k - 1, ',');
    if (subscript) {
      const key = chainEndBefore(k - 1);
      if (key) {
        const m = keys.matchList(key);
        if (STATUS_INDEXED.has(key)) frame.subscript = { key, http: true, exact: true };
        else if (m) frame.subscript = { key, http: m.http, exact: m.exact };
      }
    } else {
      frame.list = true;
      frame.ownKey = keyBefore(k);
    }
    frames.push(frame);
  };

  const openBrace = (k: number) => {
    const parent = top();
    const isSwitch = pendingSwitch !== undefined;
    const group = groups.add(isSwitch ? 'switch' : 'object', parent.group);
    const frame = newFrame('{', k, group);
    if (isSwitch) {
      frame.switchKey = pendingSwitch!.key;
      frame.switchShape = { start: pendingSwitch!.start, key: pendingSwitch!.key, open: toks[k].s, lastEnd: toks[k].e, close: -1, end: -1 };
    } else frame.ownKey = keyBefore(k);
    pendingSwitch = undefined;
    frames.push(frame);
  };

  /** `switch (x.code)` / Python's `match body["code"]:` — the discriminant's key, for the cases below it. */
  const openSwitch = (k: number): boolean => {
    let j = k + 1;
    let depth = 0;
    let last: string | undefined;
    const paren = isPunct(j, '(');
    for (; j < n && j < k + 512; j++) {
      const t = toks[j];
      if (t.t === TokKind.Punct) {
        if (t.v === '(' || t.v === '[') depth++;
        else if (t.v === ')' || t.v === ']') {
          depth--;
          if (paren && depth === 0) break;
          if (t.v === ')' && toks[j - 1]?.v === '(' && last !== undefined) last = last.replace(GETTER_PREFIX, '');
          // `match body.get("code"):`, `switch ($request->input('status'))`: a key reader names its key.
          else if (t.v === ')' && toks[j - 1]?.t === TokKind.Str && toks[j - 2]?.v === '(' && KEY_READERS.has(v(j - 3)) && (!paren || depth === 1)) last = toks[j - 1].v;
          // `switch (codeClass(code))`: a call with arguments computes something else from the code.
          else if (t.v === ')' && (!paren || depth === 1)) last = undefined;
        } else if (!paren && depth === 0 && (t.v === ':' || t.v === ';' || t.v === '{' || t.v === '=')) {
          if (t.v !== ':') return false;
          break;
        }
      } else if (t.t === TokKind.Id) last = t.v;
      else if (t.t === TokKind.Str && isPunct(j - 1, '[')) last = t.v;
    }
    if (j >= n) return false;
    pendingSwitch = { key: last && keys.match(last) ? last : undefined, start: toks[k].s };
    return true;
  };

  /** A literal at k: decides whether it is a code, now or when its call or list closes. */
  const literal = (k: number) => {
    const tok = toks[k];
    const value = tok.v;
    const numeric = INTEGER.test(value);
    const symbolicString = tok.t === TokKind.Str && SYMBOLIC_RE.test(value);
    const frame = top();
    const group = frame.group;
    const orKey = orCaseLits.get(k);
    if (orKey !== undefined && (numeric || symbolicString)) {
      const m = keys.match(orKey);
      return emitAt(k, 'case', orKey, m?.http ?? false, m?.exact ?? false, group);
    }
    if (!numeric && !symbolicString) {
      if (tok.t === TokKind.Str && value.length > 0) {
        const from = contentStart(tok);
        symbolicWordsIn(text, from, Math.min(tok.e, from + value.length), ctx, (s, e, code) =>
          occurrences.push({ start: s, end: e, code, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group }),
        );
      }
      return;
    }
    const symbolic = () => {
      if (symbolicString) {
        const start = contentStart(tok);
        occurrences.push({ start, end: start + value.length, code: value, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: true, group });
      }
    };
    const prev = toks[k - 1];
    const next = toks[k + 1];
    // A key of a status-keyed object: `responses: { '404': … }`, `response: { 200: … }`, PHP `[404 => …]`.
    if (next?.t === TokKind.Punct && next.v === ':' && frame.ternary === 0 && prev && (prev.v === '{' || prev.v === ',' || prev.v === '[') && (frame.open === '{' || frame.open === '[')) {
      if (numeric && frame.ownKey !== undefined && (STATUS_KEYED_OBJECTS.has(frame.ownKey) || keys.matchList(frame.ownKey))) emitAt(k, 'key', frame.ownKey, true, false, group);
      // A table of statuses and their reason phrases: `{ 404: 'Not Found' }`.
      else if (numeric && isPhraseOf(k + 2, value)) emitAt(k, 'key', undefined, true, false, group);
      return;
    }
    // Comparisons: `res.status === 404`, `5004 === body.code`.
    if (prev?.t === TokKind.Punct && EQUALITY.has(prev.v) && wholeAfter(k)) {
      const key = chainEndBefore(k - 2);
      const m = key ? keys.match(key) : null;
      if (key && m) return emitAt(k, 'compare', key, m.http, m.exact, group);
    }
    if (next?.t === TokKind.Punct && EQUALITY.has(next.v) && wholeBefore(k)) {
      const key = chainEndFrom(k + 2);
      const m = key ? keys.match(key) : null;
      if (key && m) return emitAt(k, 'compare', key, m.http, m.exact, group);
    }
    // A ternary's condition (`404 ? a : b`) is not a value.
    if (!wholeAfter(k) || !wholeBefore(k) || next?.v === '?') return symbolic();
    const s = exprStart(k);
    if (s < 0) return symbolic();
    if (s < k && !(prev && (ALTERNATIVE.has(prev.v) || (prev.v === ':' && ternaryColon[k - 1])))) return symbolic();
    const b = toks[s - 1];
    if (!b) return symbolic();
    if (b.t === TokKind.Id) {
      if (b.v === 'case' && frame.switchKey) {
        const m = keys.match(frame.switchKey);
        return emitAt(k, 'case', frame.switchKey, m?.http ?? false, m?.exact ?? false, group);
      }
      return symbolic();
    }
    if (b.v === ':') {
      const key = keyBefore(s);
      if (key !== undefined) {
        const m = keys.match(key);
        if (m) return emitAt(k, 'key', key, m.http, m.exact, group);
        if (s === k && numeric) (frame.named ??= []).push({ k, group, name: key });
        if (s === k && constant(key, s - 2, k, group)) return;
      }
      return symbolic();
    }
    if (b.v === '=') {
      const key = chainEndBefore(s - 2);
      if (key !== undefined) {
        const m = keys.match(key);
        if (m) return emitAt(k, 'compare', key, m.http, m.exact, group);
        // A member of an enum or a class body (`NotFound = 404`), not an attribute of something else.
        if (s === k && numeric && isId(s - 2) && !isPunct(s - 3, '.') && frame.open === '{') (frame.named ??= []).push({ k, group, name: key });
        if (s === k && constant(key, s - 2, k, group)) return;
      }
      return symbolic();
    }
    if (frame.subscript && s - 1 === frame.openIndex && isPunct(k + 1, ']')) {
      return emitAt(k, 'key', frame.subscript.key, frame.subscript.http, frame.subscript.exact, group);
    }
    if ((frame.call || frame.list) && (s - 1 === frame.openIndex || b.v === ',')) {
      if (numeric) frame.literals.push({ k, arg: frame.arg, group });
      else symbolic();
      return;
    }
    if (language.tupleReturnStatus && b.v === ',' && numeric && (isPunct(k + 1, ';') || isPunct(k + 1, '}') || k + 1 >= n)) {
      // Flask's `return body, 404`: a tuple returned from a view; the last element is the status.
      let j = s - 2;
      while (j >= 0 && !isPunct(j, ';') && !isPunct(j, '{') && !isPunct(j, '}')) {
        if (toks[j].v === ')' || toks[j].v === ']') j = openOf[j] < 0 ? 0 : openOf[j];
        j--;
      }
      if (v(j + 1) === 'return') return emitAt(k, 'call', 'return', true, true, group);
    }
    return symbolic();
  };

  for (let k = 0; k < n; k++) {
    const tok = toks[k];
    if (tok.t === TokKind.Punct) {
      switch (tok.v) {
        case '{':
          openBrace(k);
          break;
        case '(':
          openParen(k);
          break;
        case '[':
          openBracket(k);
          break;
        case '}':
        case ')':
        case ']':
          close(k);
          break;
        case ',': {
          const frame = top();
          endArg(frame, k);
          frame.arg++;
          frame.argStart = k + 1;
          frame.ternary = 0;
          break;
        }
        case '?':
          top().ternary++;
          break;
        case ':': {
          const frame = top();
          if (frame.ternary > 0) {
            ternaryColon[k] = 1;
            frame.ternary--;
          }
          break;
        }
        case ';':
          top().ternary = 0;
          break;
      }
      continue;
    }
    if (tok.t === TokKind.Id) {
      if (tok.v === language.switchKeyword && openSwitch(k)) continue;
      if (top().switchShape) switchLabel(k, top());
      const group = top().group;
      if (ctx.hintKeys.has(tok.v)) noteHintKey(tok.v, group);
      // `HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`, `status.HTTP_404_NOT_FOUND`: the qualifier decides.
      if (isPunct(k - 1, '.') && isId(k - 2)) {
        const code = httpConstant(ctx.names, toks[k - 2].v, tok.v) ?? httpFamilyConstant(ctx.names, tok.v);
        if (code) {
          emitAt(k, 'constant', toks[k - 2].v, true, true, group, code);
          continue;
        }
      }
      const value = toks[k + 2];
      const defines = (isPunct(k + 1, '=') || (isPunct(k + 1, ':') && top().ternary === 0)) && value && (value.t === TokKind.Num || value.t === TokKind.Str) && INTEGER.test(value.v);
      const local = !defines && !isPunct(k - 1, '.') ? localConstants.get(tok.v) : undefined;
      // A name of a status family (`HTTP_404_NOT_FOUND` imported bare from DRF's `status`, `HTTP_404`,
      // `STATUS_NOT_FOUND`) is as unambiguous as a qualified one; its definition is decided with its value, as any
      // constant's.
      const numbered = local === undefined && !defines ? httpFamilyConstant(ctx.names, tok.v) : undefined;
      if (local !== undefined) emitAt(k, 'constant', tok.v, false, false, group, local);
      else if (numbered !== undefined) emitAt(k, 'constant', tok.v, true, true, group, numbered);
      else if (SYMBOLIC_RE.test(tok.v) && ctx.isSymbolic(tok.v)) {
        // `BAD_REQUEST = 400`: whether the name stands for its value's code or for its own is decided with the value.
        if (defines) pendingName = k;
        else occurrences.push({ start: tok.s, end: tok.e, code: tok.v, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group });
      }
      continue;
    }
    if (tok.t === TokKind.Str && isPunct(k + 1, ':') && ctx.hintKeys.has(tok.v)) noteHintKey(tok.v, top().group);
    if (language.literalUnions && tok.t === TokKind.Num && isPunct(k + 1, '|')) {
      const last = literalUnion(k);
      if (last > 0) {
        k = last;
        continue;
      }
    }
    literal(k);
    if (pendingName >= 0 && pendingName === k - 2) {
      // The value did not make the name a constant of its code: the name is the symbolic code it always was.
      const t = toks[pendingName];
      occurrences.push({ start: t.s, end: t.e, code: t.v, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: top().group });
    }
    if (pendingName >= 0 && pendingName < k) pendingName = -1;
  }
  if (weakCalls.length && hasStatusEvidence(text, toks, occurrences, keys)) {
    for (const w of weakCalls) emitAt(w.k, 'call', w.name, true, false, w.group);
  }
  for (const [from, to] of comments) {
    symbolicWordsIn(text, from, to, ctx, (s, e, code) =>
      occurrences.push({ start: s, end: e, code, numeric: false, via: 'comment', exactKey: false, http: false, wholeString: false, group: 0 }),
    );
  }
  occurrences.sortByStart();
  return { occurrences, groups, docHintKeys };
}
