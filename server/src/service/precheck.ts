/**
 * One cheap pass before the TS/JS tokenizer: a file with nothing code-like in it cannot hold an occurrence, so it
 * never reaches the tokenizer and the engine. Most files of a big tree hold none (on 5,900 real JavaScript files,
 * 95% of the files and 72% of the bytes), but words such as `status` and `code` are common, so the test must look
 * for every way the engine can emit an occurrence, or an answer would change. It is one RegExp of anchors; a file
 * with no match of any of them is skipped. Each anchor stands for the emitting routes named beside it (engine/ and
 * deciders/); the corpus test (test/unit/precheck.test.ts) checks over the corpus and this repository's sources that
 * every file it skips gives no occurrence, no hint key and no keyed switch when scanned in full.
 *
 *  - An HTTP status written as digits (`404`, `'404'`, `HTTP_404_…`): lists, tables, literal unions, status-class
 *    type arguments, phrase tables and response triples emit registered HTTP statuses only.
 *  - A code key (the configured `codeKeys`, `statusCode`-like HTTP keys; plurals, type suffixes, getters): every
 *    route that takes any number (comparisons, fallbacks, `case`s of a keyed switch, keyed values, keyed lists,
 *    assertions, subscripts of keyed tables, local functions with a code-key parameter, key-named methods). Matched
 *    on the key's letters with any non-alphanumerics between them, starting where `words()` starts a word.
 *  - The name of a status call of the language's table (`status`, `writeHead`, `reply`, `expect`, …), objects keyed
 *    or indexed by statuses (`responses`, `Reply`, `STATUS_CODES`, `status_map`).
 *  - A name that mirrors a code (`FACE_TOO_SMALL`, `NotFound`, `'Face too small'`) or a reason phrase with an HTTP
 *    family prefix (`HTTP_NOT_FOUND`, `StatusNotFound`, `SC_OK`), on the letters `nameKey` keeps: qualified HTTP
 *    constants, family constants and constants that mirror a code (any value of a code's length).
 *  - A registry symbolic token (comments, strings, identifiers) and a string whose whole text is UPPER_SNAKE (a
 *    symbolic string is an occurrence, known or not, so a typo gets its quick fix).
 *  - A vendor hint key (noted for the document's evidence even where no code is).
 * Languages other than TS/JS are scanned in full (Python's returned tuples, PHP's and Go's calls are other routes).
 */
import type { Registry } from '../registry';
import type { ConstantNames } from './constants';
import { CALLBACK_STATUS_CALLS, HTTP_CONSTANTS, STATUS_INDEXED, STATUS_KEYED_OBJECTS, statusCallsFor } from './idioms';

/** Any run of characters that are not ASCII letters or digits: what `words()` and `nameKey` drop between letters. */
const GAP = '[^A-Za-z0-9]*';
/** Where `words()` starts a word (or a getter's prefix ends): after a non-alphanumeric, at a camel or acronym break. */
const WORD_START = '(?:(?<![A-Za-z0-9])|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=get_?))';
/**
 * Where a key's last word ends the key: nothing alphanumeric after it (a plural's `s`/`es` first, for lists), or a
 * type word after it that ends the key (`status_int`, `statusValue`; keys.ts TYPE_SUFFIXES).
 */
const KEY_END = '(?:[eE]?[sS])?(?:(?![A-Za-z0-9])|(?=[^A-Za-z0-9]*(?:[iI][nN][tT]|[nN][uU][mM](?:[bB][eE][rR])?|[vV][aA][lL](?:[uU][eE])?)(?![A-Za-z0-9])))';
/** What follows `status` in a status table's name (idioms.ts STATUS_TABLE_NAME), in any case. */
const TABLE_END = `_?(?:${anyCase('code')}[sS]?)?_?(?:${['map', 'table', 'dict', 'messages?', 'names?', 'reasons?', 'phrases?', 'texts?', 'lines?', 'titles?', 'descriptions?', 'lookup'].map(anyCase).join('|')})`;

function anyCase(word: string): string {
  return word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

/** Outside a whole token: identifiers, strings' texts and the words symbolicWordsIn reads all end here. */
const TOKEN_START = '(?<![A-Za-z0-9_$])';
const TOKEN_END = '(?![A-Za-z0-9_$])';
/** Keys whose words are an HTTP status key followed by what it is for (keys.ts HTTP_KEYS), configured or not. */
const HTTP_KEYS = ['statuscode', 'httpstatus', 'httpstatuscode', 'httpcode'];
/** Callees that the engine reads as calls only as members (walker.ts NOT_CALLEES). */
const MEMBER_ONLY = new Set(['throw', 'assert']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A letter in any case (`keyCase`: also the non-ASCII letters whose lower case `normalizeKey` makes it). */
function letter(c: string, keyCase: boolean): string {
  if (!/[a-z]/.test(c)) return c;
  const extra = keyCase && c === 'k' ? '\u212a' : keyCase && c === 'i' ? '\u0130' : '';
  return `[${c}${c.toUpperCase()}${extra}]`;
}

interface Trie {
  /** What must follow a complete word here ('' nothing; several: any of them). */
  ends: Set<string>;
  next: Map<string, Trie>;
}

/**
 * Words' ASCII letters and digits, any case, any gap between them, as one RegExp alternation factored by prefix (a
 * flat alternation of a few hundred spelled-out names read 2 MB/s; factored, every place is tried once per letter).
 * `end` follows each complete word. Undefined when a word has no ASCII letter or digit (it could match anywhere).
 */
function spelled(words: Iterable<string | [string, string]>, keyCase: boolean, end = ''): string | undefined {
  const root: Trie = { ends: new Set(), next: new Map() };
  for (const item of words) {
    const [word, wordEnd] = typeof item === 'string' ? [item, end] : item;
    const chars = [...word.toLowerCase()].filter((c) => /[a-z0-9]/.test(c));
    if (!chars.length) return undefined;
    let node = root;
    for (const c of chars) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { ends: new Set(), next: new Map() }));
      node = child;
    }
    node.ends.add(wordEnd);
  }
  const render = (node: Trie): string => {
    const alternatives = [...node.next].map(([c, child]) => {
      const ends = child.ends.has('') ? [''] : [...child.ends];
      const tails = [...ends, ...(child.next.size ? [GAP + render(child)] : [])];
      return letter(c, keyCase) + (tails.length === 1 ? tails[0] : `(?:${tails.join('|')})`);
    });
    return alternatives.length === 1 ? alternatives[0] : `(?:${alternatives.join('|')})`;
  };
  return root.next.size ? render(root) : undefined;
}

/** A lookahead for the first letters of the words, so that the costlier lookbehinds run only where one stands. */
function firstLetters(words: Iterable<string | [string, string]>): string {
  const set = new Set<string>();
  for (const item of words) {
    const w = typeof item === 'string' ? item : item[0];
    const c = [...w.toLowerCase()].find((ch) => /[a-z0-9]/.test(ch));
    if (c) set.add(c);
  }
  return `(?=[${[...set].map((c) => (/[a-z]/.test(c) ? c + c.toUpperCase() + (c === 'k' ? '\u212a' : c === 'i' ? '\u0130' : '') : c)).join('')}])`;
}

/**
 * The anchors of one registry and key setting, as RegExps tried in turn (undefined: no precheck, every file is
 * scanned — a key with no ASCII letter or digit could match anywhere).
 */
export function buildPrecheck(registry: Registry, codeKeys: readonly string[], names: ConstantNames, hintKeys: Iterable<string>): RegExp[] | undefined {
  const out: RegExp[] = [];
  // Code keys: the key's last word ends the key (or a plural, or a type suffix after it); an HTTP status key with
  // anything after it (a purpose word: `statusCodeToFailOn`); a status table's name (idioms.ts STATUS_TABLE_NAME,
  // which starts the key after underscores or a getter's prefix: a word start too). One factored pattern.
  const keyWords: [string, string][] = [...codeKeys.map((k): [string, string] => [k, KEY_END]), ...HTTP_KEYS.map((k): [string, string] => [k, '']), ['status', TABLE_END], ['httpstatus', TABLE_END]];
  const keys = spelled(keyWords, true);
  if (keys === undefined) return undefined;
  out.push(new RegExp(`${firstLetters(keyWords)}${WORD_START}${keys}`));
  // HTTP statuses as digits.
  const statuses = [...names.httpEntries.keys()].filter((c) => /^\d+$/.test(c));
  if (statuses.length) out.push(new RegExp(`(?<![0-9])(?:${statuses.map(escape).join('|')})(?![0-9])`));
  // Status calls of the TS/JS table (a member-only callee after its `.`, whitespace and comments between), objects
  // indexed or keyed by statuses, registry symbolic tokens and hint keys: whole tokens, as written.
  const literals = new Set<string>([...STATUS_INDEXED, ...STATUS_KEYED_OBJECTS, ...CALLBACK_STATUS_CALLS]);
  const members: string[] = [];
  for (const name of statusCallsFor('ts').keys()) {
    if (MEMBER_ONLY.has(name)) members.push(name);
    else literals.add(name);
  }
  for (const t of registry.symbolicTokens) literals.add(t);
  for (const k of hintKeys) literals.add(k);
  out.push(new RegExp(`${TOKEN_START}(?:${[...literals].sort((a, b) => b.length - a.length).map(escape).join('|')})${TOKEN_END}`));
  // Whitespace and comments after the dot, one way only to read each character (an ambiguous loop backtracks
  // exponentially on a long comment).
  if (members.length) out.push(new RegExp(`\\.(?=[\\s/${[...new Set(members.map((m) => m[0]))].join('')}])(?:\\s|\\/\\*(?:[^*]|\\*(?!\\/))*\\*\\/|\\/\\/[^\\n\\r]*[\\n\\r])*(?:${members.map(escape).join('|')})`));
  // A string whose whole text is UPPER_SNAKE.
  out.push(/["'`][A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])/);
  // Names that mirror codes and reason phrases, after up to two HTTP family or constants-row prefixes.
  const prefixes = new Set(['http_', 'status_', 'sc_', 'status']);
  for (const row of HTTP_CONSTANTS) if (row.prefix) prefixes.add(row.prefix.toLowerCase());
  const phrases = new Set<string>([...names.byName.keys(), ...names.httpPhrases.keys()]);
  const phrase = spelled(phrases, false, '(?![A-Za-z0-9])');
  if (phrase === undefined) return undefined;
  out.push(new RegExp(`${firstLetters([...prefixes, ...phrases])}(?<![A-Za-z0-9])(?:${spelled(prefixes, false, '')}${GAP}){0,2}${phrase}`));
  // Cheapest first: a file that holds a code usually matches one of the first few, and the loop stops there.
  return [out[1], out[2], out[4], out[3], out[0], out[5]];
}

/** Can the text hold an occurrence? False only when no anchor matches. */
export function mayHoldCodes(text: string, precheck: readonly RegExp[]): boolean {
  for (const re of precheck) if (re.test(text)) return true;
  return false;
}
