/**
 * The state of one walk over a document's tokens, shared by the walker (walker.ts) and the deciders
 * (../deciders/): the frames of open brackets, what each closing bracket matched, the occurrences emitted so far, and
 * the readers every decider needs — what key a member chain reads, where the expression holding a literal starts,
 * whether a literal is a whole operand. Tokens are read through the token list's accessors only (tokens.ts).
 */
import { NUMERIC_CODE } from '../../codeShapes';
import { Groups } from '../groups';
import { GETTER_PREFIX, KEY_READERS, type StatusCallRow } from '../idioms';
import type { CodeKeys, KeyMatch } from '../keys';
import { Occurrences } from '../occurrences';
import type { ScanContext, SwitchShape, Via } from '../scanTypes';
import { TokKind, type TokenList, type TokenReader, type Tokens } from '../tokens';

export const INTEGER = NUMERIC_CODE;
export const EQUALITY = new Set(['===', '==', '!==', '!=', '<>']);
/** Operators whose right operand is what the left one falls back to (`res.statusCode || 200`). */
export const FALLBACK = new Set(['||', '??', 'or']);
/** Words of a function's name that say it reads what its name ends with (`wp_remote_retrieve_response_code`). */
const READ_WORDS = /(?:^|_)(?:get|retrieve|read|fetch)_/;
/** Functions that convert a value without changing what it is (a status read as a number or a string). */
const CONVERSIONS = new Set(['int', 'str', 'Number', 'String', 'parseInt', 'intval', 'strval', 'Int', 'Integer']);

/** Methods that convert a value without changing what it is. */
export const CONVERSION_METHODS = new Set(['toString', 'valueOf', 'trim', 'intValue', 'String', 'Int']);

/**
 * Tokens before an object key: `{ status: …`, `, code: …`, kwargs `(status=…` (emitted as `:`), PHP `[ 'status' => …`,
 * and a class member's modifiers (`declare readonly status: 501`).
 */
const KEY_PREV = new Set(['{', ',', ';', '(', '[', 'readonly', 'declare', 'static', 'public', 'private', 'protected', 'override', 'abstract']);
/** Punctuation that ends an expression when walking back from a literal (at the literal's bracket depth). */
const BOUNDARY = new Set(['(', '[', '{', ',', ';', '=', ':', '=>', '+=', '-=', '||=', '??=', '&&=', '@']);
const BOUNDARY_WORDS = new Set(['return', 'case', 'yield', 'throw', 'in', 'else', 'do', 'echo', 'print']);
/** Neighbours that make a literal part of arithmetic, a bound or a member access rather than a whole operand. */
export const NOT_WHOLE_AFTER = new Set(['.', '[', '(', '+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '<<', '>>', '>>>', '&', '|', '^', 'instanceof', '<=>']);
const NOT_WHOLE_BEFORE = new Set(['.', '+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '<<', '>>', '>>>', '&', '|', '^', '!', '~', 'typeof', '<=>', 'not']);

/** What the code-position engine (walker.ts) must know of a token language's syntax. */
export interface EngineFacts {
  /** `switch (x) { case … }` or Python's `match x: case …`. */
  switchKeyword: string;
  /** Flask's `return jsonify(x), 404`: the last element of a returned tuple is a status. */
  tupleReturnStatus?: boolean;
  /** Python's `x in (200, 201)`: a list after `in` tests membership of the expression before it. */
  inMembership?: boolean;
  /** Python's `case 400 | 404:`: `|` joins a case's alternatives (in TS and PHP it is arithmetic). */
  orPatterns?: boolean;
  /** TypeScript's `type NoBody = 101 | 204 | 205 | 304`: `|` joins a literal union type's members. */
  literalUnions?: boolean;
  /** Go's `switch resp.StatusCode {`: the switch's subject ends at the body's `{` (no parentheses, no `:`). */
  switchSubjectEndsAtBrace?: boolean;
  /** Go's `case 404, 410:`: a case lists several values, comma-separated. */
  caseLists?: boolean;
  /** PHP's `match ($status) { 404, 410 => …, 500 => … }`: an expression whose arms' conditions are values of its subject. */
  matchKeyword?: string;
  /** Python's `from twisted.web.http import NOT_FOUND, OK`: names imported from a module of statuses are its statuses. */
  fromImports?: boolean;
  /** Python's sets (`not in {307, 308}`) and Go's composite literals (`{"/path", 301}` rows): braces around a list. */
  braceLists?: boolean;
  /**
   * Text that says a file serves or answers HTTP though it imports nothing that says so: PHP's request superglobals
   * (`$_GET`, `$_SERVER`) and its `header(…)` function, in a page or controller that `use`s no HTTP library.
   */
  webEvidence?: RegExp;
}

/** A whole-operand literal waiting for its frame to close: token, argument index, group. */
export interface Lit {
  k: number;
  arg: number;
  group: number;
}

/** A member chain ending in a code key, and how the key matched. */
export interface Chain {
  key: string;
  m: KeyMatch;
}

export interface CallInfo {
  name: string;
  form: 'method' | 'function' | 'new';
  nameIndex: number;
  startIndex: number;
  rows?: StatusCallRow[];
}

/** An open bracket: what it is for and what was seen directly inside it. */
export interface Frame {
  open: string;
  openIndex: number;
  group: number;
  switchKey?: string;
  /** A PHP `match` body: its arms' conditions (`404, 410 =>`) are values of the subject whose key is `switchKey`. */
  arms?: boolean;
  /** A switch's body: its shape, completed when it closes. */
  switchShape?: SwitchShape;
  /** The key this object or list is the value of (`responses: {`, `statusCodes = [`). */
  ownKey?: string;
  /** For `(` after a callee. */
  call?: CallInfo;
  /** `[` after an expression: a subscript; its key match when the object is indexed by codes. */
  subscript?: { key: string; http: boolean; exact: boolean };
  /** A subscript whose array no name ties to statuses. */
  plainSubscript?: boolean;
  /** `[`, or `(` that may be a tuple. */
  list: boolean;
  arg: number;
  argStart: number;
  ternary: number;
  /** Whole-operand literals directly in this frame, decided when it closes. */
  literals: Lit[];
  /** List arguments (`oneOf([200, 201])`, `new Set([…])`) by argument index. */
  lists?: Map<number, Lit[]>;
  /** Where each argument list of `lists` starts and ends (its brackets), for the plain status-list rule. */
  listBounds?: Map<number, [number, number]>;
  /** Arguments that are a member chain ending in a code key, by argument index. */
  chains?: Map<number, Chain>;
  /** Arguments that are one string, by index (`property('status', 404)`). */
  strings?: Map<number, string>;
  /** Whether argument chains and strings are worth recording for this call. */
  wantArgs: boolean;
  /** Numbers this object, enum or block gives names (`invalid_client: 401`, `NotFound = 404`), decided as a table when it closes. */
  named?: { k: number; group: number; name: string }[];
  /** For a list: the named numbers of each of its object elements (`[{write: 204, read: 204}, …]`), a table by name. */
  namedRows?: { k: number; group: number; name: string }[][];
  /** Case labels of a switch whose subject is no code key (`switch s {`), decided as a table when it closes. */
  caseLits?: { k: number; group: number; name: string }[];
  /** Numbers this object uses as keys (`{ 300: true, 301: true }`), decided as a table when it closes. */
  numericKeys?: { k: number; group: number; name: string }[];
  /** Keys of this object found with their reason phrase (`404 => 'Not Found'`): a status table, once three are. */
  phraseKeys?: number;
}

export function newFrame(open: string, openIndex: number, group: number): Frame {
  return { open, openIndex, group, list: false, arg: 0, argStart: openIndex + 1, ternary: 0, literals: [], wantArgs: false };
}

export class Walk implements TokenReader {
  readonly length: number;
  private readonly toks: TokenList;
  readonly keys: CodeKeys;
  readonly occurrences = new Occurrences();
  readonly groups = new Groups();
  readonly docHintKeys = new Map<string, number>();
  /** For a closing bracket, the index of its opening one (-1: not matched). */
  readonly openOf: Int32Array;
  /** `:` tokens that end a ternary's branch, not a key. */
  readonly ternaryColon: Uint8Array;
  /** Tokens already emitted as a code: a table decided later does not emit them twice. */
  readonly emitted: Uint8Array;
  readonly frames: Frame[];
  /** Subjects of `expect(…)`-like calls by the index of their `)`. */
  readonly subjects = new Map<number, { chain?: Chain; list?: Lit[] }>();
  /** Lists a membership method is called on, by the method name's index (`[408, 429].includes(…)`). */
  readonly receiverLists = new Map<number, Lit[]>();
  /** Literals of a Python or-pattern (`case 400 | 404:`), with the switch's key. */
  readonly orCaseLits = new Map<number, string>();
  /** Constants the file defines by a code's name (`NOT_FOUND = 404`): name → code, for their later uses. */
  readonly localConstants = new Map<string, string>();
  /** Names a status module is imported as (Python's `from http import client`, `import http.client as httplib`). */
  readonly statusModules = new Set<string>();
  /** Status arguments of weakly cued calls (`c.json(body, 404)`), kept only when the file shows status evidence. */
  readonly weakCalls: { k: number; name: string; group: number; strong?: boolean }[] = [];
  /** One-word status family members (`self::STATUS_OK`), statuses when a class of the file is related to one of statuses. */
  readonly oneWordStatuses: { k: number; group: number; code: string; qualifier: string }[] = [];
  /** The file relates a class to one named for statuses (`implements StatusCodeInterface`, `use …\StatusCodeInterface`). */
  statusClassRelated = false;
  /** Weakly cued callees given a number that is no status, and how often (`RemoteException('…', 131)`). */
  readonly otherNumbers = new Map<string, number>();
  /** Statuses written as subscripts of arrays no name ties to statuses (`$result[403][$name]`): decided at the end. */
  readonly indexedStatuses: { k: number; group: number }[] = [];
  /** The first numbers of tuples the file returns (`return array(404, 'Not Found')`): a table decided at the end. */
  readonly returnedRows: { k: number; group: number; name: string }[] = [];
  /** Names asked about by assignedChain: where the last question stood and the chain found by then (null: none). */
  private readonly assigned = new Map<string, { at: number; chain: Chain | null }>();
  /** A known symbolic name defined as a number (`BAD_REQUEST = 400`), left to its value's literal to decide. */
  pendingName = -1;

  constructor(
    readonly text: string,
    readonly tokens: Tokens,
    readonly ctx: ScanContext,
    readonly language: EngineFacts,
  ) {
    this.toks = tokens.toks;
    this.length = this.toks.length;
    this.keys = ctx.codeKeys;
    this.openOf = new Int32Array(this.length).fill(-1);
    this.ternaryColon = new Uint8Array(this.length);
    this.emitted = new Uint8Array(this.length);
    this.groups.add('block', -1);
    this.frames = [newFrame('', -1, 0)];
  }

  // The token accessors, delegated to the list (see tokens.ts).
  kind(k: number): TokKind | -1 {
    return this.toks.kind(k);
  }
  v(k: number): string {
    return this.toks.v(k);
  }
  start(k: number): number {
    return this.toks.start(k);
  }
  end(k: number): number {
    return this.toks.end(k);
  }
  contentStart(k: number): number {
    return this.toks.contentStart(k);
  }
  isPunct(k: number, p: string): boolean {
    return this.toks.isPunct(k, p);
  }
  /** +1 for an opening bracket at token k, -1 for a closing one, 0 otherwise: for scans of tokens not walked yet. */
  nesting(k: number): number {
    if (this.kind(k) !== TokKind.Punct) return 0;
    const t = this.v(k);
    return t === '(' || t === '[' || t === '{' ? 1 : t === ')' || t === ']' || t === '}' ? -1 : 0;
  }
  isId(k: number): boolean {
    return this.toks.isId(k);
  }
  isStr(k: number): boolean {
    return this.toks.isStr(k);
  }
  isNum(k: number): boolean {
    return this.toks.isNum(k);
  }
  synthetic(k: number): boolean {
    return this.toks.synthetic(k);
  }

  top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  noteHintKey(key: string, group: number): void {
    this.docHintKeys.set(key, (this.docHintKeys.get(key) ?? 0) + 1);
    this.groups.addHintKey(group, key);
  }

  /**
   * Token k is a code: `code` when it stands for another (`HttpStatus.NOT_FOUND` for 404), else its own text. A token
   * is one occurrence at most: the first rule to decide it wins, and later ones (a table's column, a weak place kept
   * at the end) leave it as it is.
   */
  emitAt(k: number, via: Via, key: string | undefined, http: boolean, exactKey: boolean, group: number, code?: string): void {
    if (this.emitted[k]) return;
    this.emitted[k] = 1;
    const start = this.contentStart(k);
    const text = this.v(k);
    const value = code ?? text;
    this.occurrences.push({
      start,
      end: start + (code !== undefined ? this.end(k) - this.start(k) : text.length),
      code: value,
      numeric: INTEGER.test(value),
      via,
      key,
      exactKey,
      http,
      wholeString: this.isStr(k),
      group,
    });
  }

  emitLits(lits: readonly Lit[], via: Via, key: string | undefined, m: KeyMatch | { http: boolean; exact: boolean }): void {
    for (const lit of lits) if (INTEGER.test(this.v(lit.k))) this.emitAt(lit.k, via, key, m.http, m.exact, lit.group);
  }

  /** A symbolic code (an UPPER_SNAKE token) outside a code position. */
  emitSymbolic(start: number, end: number, code: string, group: number, wholeString: boolean): void {
    this.occurrences.push({ start, end, code, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString, group });
  }

  /** The key a chain ending at token k reads: `a.b?.status`, `obj['status']`, `$e->getCode()`, `data.get("code")`. */
  chainEndBefore(k: number): string | undefined {
    const kind = this.kind(k);
    if (kind === -1) return undefined;
    if (kind === TokKind.Id) return this.v(k);
    if (kind === TokKind.Str && this.isPunct(k - 1, '[')) return this.v(k);
    if (this.isPunct(k, ']') && this.isStr(k - 1) && this.isPunct(k - 2, '[')) return this.v(k - 1);
    // A slice reads what it slices: `self._status[:3]`.
    if (this.isPunct(k, ']') && this.openOf[k] > 0 && this.isPunct(this.openOf[k] + 1, ':')) return this.chainEndBefore(this.openOf[k] - 1);
    if (this.isPunct(k, ')') && this.openOf[k] > 0 && this.isId(this.openOf[k] - 1)) {
      const open = this.openOf[k];
      const callee = this.v(open - 1);
      // A conversion method reads what it converts: braintree's `switch (status.toString())`.
      if (open + 1 === k && CONVERSION_METHODS.has(callee) && this.isPunct(open - 2, '.')) return this.chainEndBefore(open - 3);
      if (open + 1 === k) return callee.replace(GETTER_PREFIX, '');
      if (KEY_READERS.has(callee) && this.isStr(open + 1) && (open + 2 === k || this.isPunct(open + 2, ','))) return this.v(open + 1);
      // A read whose last argument is a constant naming a code: `curl_getinfo($ch, CURLINFO_HTTP_CODE)`.
      if (this.isId(k - 1) && this.isPunct(k - 2, ',') && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(this.v(k - 1)) && this.keys.match(this.v(k - 1))) return this.v(k - 1);
      // A function that says it reads a code, given what to read it from: `wp_remote_retrieve_response_code($response)`.
      if (!this.isPunct(open - 2, '.') && READ_WORDS.test(callee) && this.keys.match(callee)) return callee;
      // A conversion reads what it converts: `int(resp.status_code)`, `Number(res.status)`, `intval($e->getCode())`.
      // Its first argument must be one member chain (`parseInt(xhr.status, 10)`; not `int(x + resp.status)`).
      if (CONVERSIONS.has(callee) && !this.isPunct(open - 2, '.') && open + 1 < k) {
        let end = open + 1;
        for (let depth = 0; end < k; end++) {
          depth += this.nesting(end);
          if (depth === 0 && this.isPunct(end, ',')) break;
        }
        return this.pureChain(open + 1, end)?.key;
      }
    }
    return undefined;
  }

  /**
   * A local variable holding a code: the bare name at token k (no member of anything) last assigned, before k, one
   * member chain that reads a code key (`$c = wp_remote_retrieve_response_code($r)`, `const s = res.status`,
   * `code = resp.getcode()`), so that `$c === 404` compares a code. The key that chain reads and its match, or undefined.
   */
  assignedChain(k: number): Chain | undefined {
    if (!this.isId(k) || this.isPunct(k - 1, '.')) return undefined;
    const name = this.v(k);
    // Each name's tokens are searched once: a later question about it goes back only to where the last one stood.
    const known = this.assigned.get(name);
    const found = this.lastAssignment(name, k, known?.at ?? -1);
    const result = found !== undefined ? found : (known?.chain ?? null);
    this.assigned.set(name, { at: k, chain: result });
    return result ?? undefined;
  }

  /** The chain of `name`'s last assignment between tokens `stop` and k (a null chain: assigned something else). */
  private lastAssignment(name: string, k: number, stop: number): Chain | null | undefined {
    for (let i = k - 1, steps = 0; i > 0 && i > stop && steps < 4000; i--, steps++) {
      if (!this.isPunct(i, '=') || !this.isId(i - 1) || this.v(i - 1) !== name || this.isPunct(i - 2, '.')) continue;
      // The value: tokens up to the statement's end (`;`, or a line break outside brackets), one member chain.
      let end = i + 1;
      for (let depth = 0; end < k; end++) {
        depth += this.nesting(end);
        if (depth < 0 || (depth === 0 && (this.isPunct(end, ';') || this.isPunct(end, ',')))) break;
        if (depth === 0 && end > i + 1 && this.lineBreakBetween(end - 1, end)) break;
      }
      const chain = this.pureChain(i + 1, end);
      const m = chain ? this.keys.match(chain.key) : null;
      return chain && m ? { key: chain.key, m } : null;
    }
    return undefined;
  }

  /** The bracket that closes the one opening at token `open`, counted forwards (tokens there are not walked yet); -1 if none near. */
  closeAfter(open: number): number {
    for (let j = open, depth = 0; j < this.length && j < open + 256; j++) {
      depth += this.nesting(j);
      if (depth === 0) return j;
    }
    return -1;
  }

  /** Is there a line break between tokens a and b (looked for between them only)? */
  lineBreakBetween(a: number, b: number): boolean {
    for (let i = this.end(a), end = this.start(b); i < end; i++) if (this.text.charCodeAt(i) === 10) return true;
    return false;
  }

  /** The key a chain starting at token k reads (`res.data.code`, `$e->getCode()`), for `5004 === body.code`. */
  chainEndFrom(k: number): string | undefined {
    if (!this.isId(k)) return undefined;
    let key = this.v(k);
    let j = k;
    for (;;) {
      if (this.isPunct(j + 1, '.') && this.isId(j + 2)) {
        j += 2;
        key = this.v(j);
      } else if (this.isPunct(j + 1, '[') && this.isStr(j + 2) && this.isPunct(j + 3, ']')) {
        j += 3;
        key = this.v(j - 1);
      } else if (this.isPunct(j + 1, '(') && this.isPunct(j + 2, ')')) {
        key = key.replace(GETTER_PREFIX, '');
        j += 2;
      } else if (this.isPunct(j + 1, '(') && this.isStr(j + 2) && this.isPunct(j + 3, ')') && KEY_READERS.has(this.v(j))) {
        key = this.v(j + 2);
        j += 3;
      } else {
        // A call with arguments inside the chain reads on (`$list->item(0)->getAttribute('code')`).
        const close = this.isPunct(j + 1, '(') ? this.closeAfter(j + 1) : -1;
        if (close < 0 || !this.isPunct(close + 1, '.')) return key;
        j = close;
      }
    }
  }

  /** Tokens [from, to) are one member chain (no operator at their depth); its key and match. */
  pureChain(from: number, to: number): Chain | undefined {
    if (to <= from || !this.isId(from)) return undefined;
    for (let j = from; j < to; j++) {
      const kind = this.kind(j);
      if (kind === TokKind.Id) continue;
      if (kind === TokKind.Punct) {
        const p = this.v(j);
        if (p === '.' || p === '!' || p === ')' || p === ']') continue;
        if (p === '(' || p === '[') {
          // Skip to the matching close, which lies inside the range when the chain is whole.
          let depth = 0;
          for (; j < to; j++) {
            const q = this.v(j);
            if (q === '(' || q === '[') depth++;
            else if (q === ')' || q === ']') {
              if (--depth === 0) break;
            }
          }
          continue;
        }
      }
      return undefined;
    }
    const key = this.chainEndBefore(to - 1);
    // Plural names are subjects too: `t.deepEqual(seenStatusCodes, [500, 404])`.
    const m = key ? this.keys.matchList(key) : null;
    return key && m ? { key, m } : undefined;
  }

  /** The start of the expression holding token k, at k's depth: the index after its boundary, or -1. */
  exprStart(k: number): number {
    // Once a conditional's `?` is passed, `in` is an operator of its condition (`'error' in inputs ? 400 : 200`).
    let condition = false;
    for (let j = k - 1, steps = 0; j >= 0 && steps < 256; j--, steps++) {
      const kind = this.kind(j);
      const t = this.v(j);
      if (kind === TokKind.Punct) {
        if (t === ')' || t === ']' || t === '}') {
          if (this.openOf[j] < 0) return -1;
          j = this.openOf[j];
          continue;
        }
        if (t === '?') condition = true;
        if (BOUNDARY.has(t) && !(t === ':' && this.ternaryColon[j])) return j + 1;
      } else if (kind === TokKind.Id && BOUNDARY_WORDS.has(t) && !(condition && t === 'in')) return j + 1;
    }
    return k === 0 ? 0 : -1;
  }

  /** `status: [`, `codes = new Set(`: the key whose value starts at token s. */
  keyBefore(s: number): string | undefined {
    if (this.kind(s - 1) !== TokKind.Punct) return undefined;
    const p = this.v(s - 1);
    if (p === ':' && !this.ternaryColon[s - 1]) {
      if ((this.isId(s - 2) || this.isStr(s - 2)) && (s - 3 < 0 || KEY_PREV.has(this.v(s - 3)))) return this.v(s - 2);
      return undefined;
    }
    if (p === '=') return this.chainEndBefore(s - 2);
    return undefined;
  }

  /** Nothing arithmetic, relational or a member access follows token k. */
  wholeAfter(k: number): boolean {
    return this.kind(k + 1) !== TokKind.Punct || !NOT_WHOLE_AFTER.has(this.v(k + 1));
  }

  /** Nothing arithmetic, relational or a member access precedes token k. */
  wholeBefore(k: number): boolean {
    const kind = this.kind(k - 1);
    return kind === -1 || kind === TokKind.Str || kind === TokKind.Num || !NOT_WHOLE_BEFORE.has(this.v(k - 1));
  }
}
