/**
 * Logs: V8's compiled RegExp finds the few places worth a look — a `=` or `:` followed by a code-shaped value or
 * preceded by a vendor hint key, a `_` inside an upper-case word (a symbolic code), a `"` closing an access log's
 * request line, the known line shapes (uWSGI, HAProxy, Squid's `TCP_MISS/200`, Rails' `Completed 404`) — and
 * JavaScript decides each of them: read the key backwards, the value forwards, check the registry.
 * The pattern is only a filter (every place it finds is checked again here), so the rules live in this file once.
 * Nothing happens per character in JavaScript, which keeps big logs fast; there is no alternation of registry codes,
 * so 3,000 codes cost what 300 do.
 */
import type { KeyMatch } from './keys';
import { Groups } from './groups';
import { EXACT_KEY, HTTP, NUMERIC, Occurrences, viaFlags, WHOLE_STRING } from './occurrences';
import type { ScanContext, ScanResult } from './scanTypes';
import { isLineBreak, LineEnds } from '../utils/lineBreaks';
import { inferLogLayout, type LogLayout } from './logInference';

const MAX_KEY = 64;
const VIA_KEY = viaFlags('key');
const VIA_SYMBOLIC = viaFlags('symbolic');
const VIA_ACCESS_LOG = viaFlags('access-log');
/** A status in a line shape's status column: numeric, HTTP's, as sure as an exact key. */
const ACCESS_STATUS = VIA_ACCESS_LOG | NUMERIC | EXACT_KEY | HTTP;

// A local copy: calls through another module's exports object are not inlined in this hot loop.
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
/** Characters of a key (word characters, `.` and `-`), as a table: the backwards key read is the hottest loop. */
const KEY_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) KEY_CHAR[c] = isWordChar(c) || c === 46 || c === 45 ? 1 : 0;
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpperOrUnderscore(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 95;
}
function isUpperOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The phrase before the status in ModSecurity's denials (`Access denied with code 403`). */
const MODSECURITY_STATUS = ' with code ';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The filter, per scan context. Each alternative starts with its character, so the engine can skip quickly to
 * candidates; the lookarounds after it keep `latency=412ms`-free lines, times (`10:00:01`) and lower-case words out.
 */
const patterns = new WeakMap<ScanContext, RegExp>();
function eventPattern(ctx: ScanContext): RegExp {
  let re = patterns.get(ctx);
  if (!re) {
    const hintKeys = [...ctx.hintKeys.keys()].filter((k) => k.length <= MAX_KEY).map(escapeRegExp);
    // The last character of a code key (either case), as the loop below checks it: `latency=412ms` is no event.
    const last = [...ctx.codeKeys.lastChars].map((c) => String.fromCharCode(c)).filter((c) => /[a-z0-9]/.test(c));
    const keyEnd = `[${last.join('')}${last.join('').toUpperCase()}]`;
    const alternatives = [
      // a separator after a code key's last character, before a code-shaped value (not a time or a port)
      `[=:](?<![0-9]:)(?<=${keyEnd}["]?[ ]*.)(?=[ ]*["']?[0-9A-Z])`,
      ...(hintKeys.length ? [`[=:](?<=(?:${hintKeys.join('|')})"?[ ]*.)`] : []), // a separator after a hint key
      `_(?<=[A-Z0-9]_)`, // an underscore inside an upper-case word
      `"(?<=[0-9-]")(?= [0-9]{3})`, // the end of an access log's request line (or an empty one, "-"), before its status
      `\\((?=HTTP\\/)`, // uWSGI's "(HTTP/1.1 200)"
      `\\/(?=\\+?[0-9]+ [0-9]{3} [0-9])(?<=[ ][0-9]+\\/[0-9]+\\/[0-9]+\\/[-0-9]+\\/)`, // HAProxy's timers Tq/Tw/Tc/Tr/Tt, then the status
      `\\/(?=[0-9]{3} )(?<=[ ][A-Z]+_[A-Z_]+\\/)`, // Squid's result code and status, `TCP_MISS/200`
      // Upper-case first letters, rarer than `d` or `:`, which each place in a log would otherwise test:
      `C(?=ompleted [0-9]{3} [A-Z])`, // Rails' request summary, `Completed 404 Not Found in 5ms`
      `M(?=odSecurity:)`, // ModSecurity's message, `ModSecurity: Access denied with code 403 (phase 2)`
    ];
    re = new RegExp(alternatives.join('|'), 'g');
    patterns.set(ctx, re);
  }
  return re;
}

/**
 * Strings of the text by position, each distinct one sliced once: keys and codes repeat (`status`, `412`) in a log.
 * An open-addressing table keyed by length and a few characters; a slot number also indexes per-string facts the
 * scanner would otherwise look up in a Map per event (is this key a hint key, a code key). Full tables stop adding.
 */
const SLOTS = 8192;
class Interner {
  readonly strings: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private used = 0;

  constructor(private readonly text: string) {}

  /** The slot holding text[start, end), or -1 when the table has no room for it. */
  slot(start: number, end: number): number {
    const text = this.text;
    const length = end - start;
    let h = (Math.imul(length, 0x9e3779b1) ^ Math.imul(text.charCodeAt(start), 0x85ebca6b) ^ Math.imul(text.charCodeAt(end - 1), 0xc2b2ae35) ^ text.charCodeAt(start + (length >> 1))) & (SLOTS - 1);
    for (let probe = 0; probe < 16; probe++, h = (h + 1) & (SLOTS - 1)) {
      const candidate = this.strings[h];
      if (candidate === undefined) {
        if (this.used >= SLOTS / 2 || length > 64) return -1;
        this.strings[h] = text.slice(start, end);
        this.used++;
        return h;
      }
      if (candidate.length === length && text.startsWith(candidate, start)) return h;
    }
    return -1;
  }

  get(start: number, end: number): string {
    const slot = this.slot(start, end);
    return slot < 0 ? this.text.slice(start, end) : this.strings[slot]!;
  }
}

/** A 0/1 table over character codes below 128, for filters in the hot loop. */
function charTable(codes: Iterable<number>): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of codes) if (c < 128) table[c] = 1;
  return table;
}

/**
 * Scans a log, or the lines [from, to) of it (`from` at a line start, `to` at a line end): everything the scanner
 * reads lies on the line of the place it looks at, which is what lets an edit be rescanned line by line.
 */
export function scanLog(text: string, ctx: ScanContext, from = 0, to = text.length, layout = logLayout(text, ctx)): ScanResult {
  const strings = new Interner(text);
  // About one occurrence per 128 characters of a busy log: sized once instead of doubling seven times on 10 MB.
  const occurrences = new Occurrences(Math.min(1 << 20, Math.max(1024, (to - from) >> 7)));
  /** Per interned string: its id in the occurrence table (-1 not yet asked). */
  const tableIds = new Int32Array(SLOTS).fill(-1);
  const idOfSlot = (slot: number, value: string) => {
    if (slot < 0) return occurrences.id(value);
    let id = tableIds[slot];
    if (id < 0) tableIds[slot] = id = occurrences.id(value);
    return id;
  };
  const idOf = (start: number, end: number) => {
    const slot = strings.slot(start, end);
    return idOfSlot(slot, slot < 0 ? text.slice(start, end) : strings.strings[slot]!);
  };
  // Lines get a group only when they name a vendor hint key; occurrences elsewhere belong to the block (group 0),
  // which carries no evidence — the same resolution as an empty line group, without an object per line.
  const groups = new Groups(1024);
  groups.add('block', -1);
  /** Hint keys in the order they first appear, and how often each does: by interned slot, else by string. */
  const hintOrder: string[] = [];
  const hintOrderSlots: number[] = [];
  const hintCounts = new Int32Array(SLOTS);
  const otherHintCounts = new Map<string, number>();
  /** Per interned hint key: its id in the groups' key table (-1 not yet asked). */
  const hintKeyIds = new Int32Array(SLOTS).fill(-1);
  const n = text.length;
  // Cheap filters before a key is looked at: the last characters of code keys, the lengths and last characters of
  // hint keys.
  const lastChars = charTable(ctx.codeKeys.lastChars);
  const hintLast = charTable([...ctx.hintKeys.keys()].map((k) => k.charCodeAt(k.length - 1)));
  const hintLengths = new Uint8Array(MAX_KEY + 1);
  for (const k of ctx.hintKeys.keys()) if (k.length <= MAX_KEY) hintLengths[k.length] = 1;
  /** Per interned key: 1 not a hint key, 2 a hint key (0 not yet known); its code-key match. */
  const keyHint = new Uint8Array(SLOTS);
  const keyMatch: (KeyMatch | null | undefined)[] = new Array<KeyMatch | null | undefined>(SLOTS).fill(undefined);
  /** The current line: where its next line break is, its group (0 until a hint key), its first occurrence. */
  let lineEnd = -1;
  let lineGroup = 0;
  let lineFirst = 0;
  const lineEnds = new LineEnds(text, to); // `to` is a line end: no line of the scan runs past it
  const enterLine = (i: number) => {
    if (i <= lineEnd) return;
    lineEnd = lineEnds.next(i);
    lineGroup = 0;
    lineFirst = occurrences.length;
  };
  const noteHintKey = (key: string, slot: number) => {
    if (slot >= 0) {
      if (hintCounts[slot]++ === 0) {
        hintOrder.push(key);
        hintOrderSlots.push(slot);
      }
    } else {
      const count = otherHintCounts.get(key);
      if (count === undefined) {
        hintOrder.push(key);
        hintOrderSlots.push(-1);
      }
      otherHintCounts.set(key, (count ?? 0) + 1);
    }
    if (lineGroup === 0) {
      lineGroup = groups.add('line', 0);
      for (let k = lineFirst; k < occurrences.length; k++) occurrences.groups[k] = lineGroup;
    }
    if (slot < 0) return groups.addHintKey(lineGroup, key);
    let id = hintKeyIds[slot];
    if (id < 0) hintKeyIds[slot] = id = groups.hintKeyId(key);
    groups.addHintKeyId(lineGroup, id);
  };
  let symbolicUntil = -1;
  let modSecurityAt = -1;

  const re = eventPattern(ctx);
  re.lastIndex = from;
  /** The three digits at v are a line shape's status; the scan goes on after them. */
  const lineStatus = (v: number) => {
    occurrences.add(v, v + 3, idOf(v, v + 3), -1, ACCESS_STATUS, lineGroup);
    re.lastIndex = v + 3;
  };
  while (re.test(text)) {
    const i = re.lastIndex - 1;
    if (i >= to) break;
    const c = text.charCodeAt(i);
    enterLine(i);
    if (c === 77 /* M */) {
      // ModSecurity's `Access denied with code 403 (phase 2)`: the status follows the phrase, on this line.
      // The phrase's next place in the text, looked up again only once the scan has passed it (no rescans of a
      // long log of warnings without one).
      if (modSecurityAt < i) modSecurityAt = text.indexOf(MODSECURITY_STATUS, i) >>> 0;
      const at = modSecurityAt;
      const v = at + MODSECURITY_STATUS.length;
      if (at > 0 && v + 3 <= lineEnd && isDigit(text.charCodeAt(v)) && isDigit(text.charCodeAt(v + 1)) && isDigit(text.charCodeAt(v + 2)) && !isWordChar(text.charCodeAt(v + 3))) lineStatus(v);
      continue;
    }
    if (c === 61 /* = */ || c === 58 /* : */) {
      let v = i + 1;
      while (v < n && text.charCodeAt(v) === 32) v++;
      const quoted = text.charCodeAt(v) === 34 || text.charCodeAt(v) === 39;
      if (quoted) v++;
      const first = text.charCodeAt(v);
      const codeShaped = isDigit(first) || (first >= 65 && first <= 90);
      // Key (backwards): an optional closing quote and spaces, then key characters. A line break stops each loop.
      let j = i - 1;
      while (j >= 0 && text.charCodeAt(j) === 32) j--;
      if (j >= 0 && text.charCodeAt(j) === 34) j--;
      const keyEnd = j + 1;
      if (keyEnd <= 0 || !isWordChar(text.charCodeAt(keyEnd - 1))) continue;
      while (j >= 0 && keyEnd - j <= MAX_KEY && KEY_CHAR[text.charCodeAt(j)] === 1) j--;
      const keyStart = j + 1;
      const keyLength = keyEnd - keyStart;
      if (isDigit(text.charCodeAt(keyStart)) || keyLength > MAX_KEY) continue; // 12:34:56, ids
      const lastKeyChar = text.charCodeAt(keyEnd - 1);
      const maybeHint = hintLengths[keyLength] === 1 && hintLast[lastKeyChar] === 1;
      const maybeCode = codeShaped && lastChars[lastKeyChar | 0x20] === 1; // | 0x20: lower case for letters
      if (!maybeHint && !maybeCode) continue;
      const slot = strings.slot(keyStart, keyEnd);
      const key = slot < 0 ? text.slice(keyStart, keyEnd) : strings.strings[slot]!;
      if (maybeHint) {
        let hint = slot < 0 ? 0 : keyHint[slot];
        if (hint === 0) {
          hint = ctx.hintKeys.has(key) ? 2 : 1;
          if (slot >= 0) keyHint[slot] = hint;
        }
        if (hint === 2) noteHintKey(key, slot);
      }
      if (!maybeCode) continue;
      let m = slot < 0 ? undefined : keyMatch[slot];
      if (m === undefined) {
        m = ctx.codeKeys.match(key);
        if (slot >= 0) keyMatch[slot] = m;
      }
      if (!m) continue;
      // The value: digits or an UPPER_SNAKE word, then a boundary.
      let e = v;
      if (isDigit(first)) {
        while (e < n && isDigit(text.charCodeAt(e))) e++;
        // 490ms, 4.5, 404x, 12:30 are not codes
        if (e < n && (isWordChar(text.charCodeAt(e)) || text.charCodeAt(e) === 46 || text.charCodeAt(e) === 58)) continue;
        if (e - v > 9) continue;
      } else {
        while (e < n && (isUpperOrDigit(text.charCodeAt(e)) || text.charCodeAt(e) === 95)) e++;
        if (e < n && isWordChar(text.charCodeAt(e))) continue;
        const word = strings.get(v, e);
        if (!ctx.isSymbolic(word) && word.indexOf('_') < 0) continue;
        symbolicUntil = e;
      }
      occurrences.add(v, e, idOf(v, e), idOfSlot(slot, key), VIA_KEY | (isDigit(first) ? NUMERIC : 0) | (m.exact ? EXACT_KEY : 0) | (m.http ? HTTP : 0) | (quoted ? WHOLE_STRING : 0), lineGroup);
      re.lastIndex = e;
      continue;
    }
    if (c === 95 /* _ */) {
      if (i <= symbolicUntil) continue;
      // Inside an upper-case word: find its bounds and check it is a whole UPPER_SNAKE token.
      let s = i - 1;
      while (s > 0 && (isUpperOrDigit(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 95)) s--;
      let e = i + 1;
      while (e < n && (isUpperOrDigit(text.charCodeAt(e)) || text.charCodeAt(e) === 95)) e++;
      symbolicUntil = e;
      re.lastIndex = e;
      if ((s > 0 && isWordChar(text.charCodeAt(s - 1))) || (e < n && isWordChar(text.charCodeAt(e)))) continue;
      const first = text.charCodeAt(s);
      if (first < 65 || first > 90) continue;
      if (ctx.isSymbolic(strings.get(s, e))) occurrences.add(s, e, idOf(s, e), -1, VIA_SYMBOLIC, lineGroup);
      continue;
    }
    if (c === 67 /* C */) {
      // Rails' `Completed 404 Not Found in 5ms`: the status follows the word.
      lineStatus(i + 10);
      continue;
    }
    if (c === 47 /* / */ && isUpperOrUnderscore(text.charCodeAt(i - 1))) {
      // Squid's `TCP_MISS/200 411`: the pattern has checked the shape; the status follows the slash.
      lineStatus(i + 1);
      continue;
    }
    // An empty request line is the first quoted field, after the time: `[10/Oct/2000:13:55:36 -0700] "-" 400 0`; a
    // `"-"` elsewhere (an empty user agent before Traefik's request counter) is not one.
    const emptyRequest = c === 34 && text.charCodeAt(i - 1) === 45 /* - */ && text.charCodeAt(i - 3) === 32 && text.charCodeAt(i - 4) === 93; /* ] */
    if (c === 40 /* ( */ || c === 47 /* / */ || emptyRequest) {
      // uWSGI's `(HTTP/1.1 200)`, HAProxy's `0/0/7/1457/1487 200 11394`, an empty request line's `"-" 400 0`: the
      // pattern has checked the shape; the status is the three digits after the next space.
      const v = text.indexOf(' ', i) + 1;
      if (v <= 0 || v + 3 > n || !isDigit(text.charCodeAt(v)) || !isDigit(text.charCodeAt(v + 1)) || !isDigit(text.charCodeAt(v + 2))) continue;
      const after = v + 3 < n ? text.charCodeAt(v + 3) : 32;
      if (c === 40 ? after !== 41 /* ) */ : after !== 32) continue;
      lineStatus(v);
      continue;
    }
    if (c === 34 /* " */ && i >= 6) {
      // "GET /x HTTP/1.1" 404 153 — the status follows the request line.
      // `HTTP/1.1"` or `HTTP/2"`, on this line.
      // Compared in place: a slice per access-log line was a string for the collector each time.
      const long = i >= 8 && text.startsWith('HTTP/', i - 8) && !isLineBreak(text.charCodeAt(i - 3)) && !isLineBreak(text.charCodeAt(i - 2));
      if (!long && !text.startsWith('HTTP/', i - 6)) continue;
      const v = i + 2;
      if (v + 3 < n && text.charCodeAt(v + 3) !== 32 && !isLineBreak(text.charCodeAt(v + 3))) continue;
      lineStatus(v);
    }
  }
  // Registered statuses decide which column holds statuses; once it is known, the unofficial ones written there
  // (nginx's 499, Cloudflare's 52x) are statuses too.
  if (layout) scanInferredColumns(text, from, to, layout, occurrences, idOf, (code) => ctx.names.httpEntries.has(code));
  // Occurrences come in text order, except a symbolic word whose start lies before an earlier event's, and the
  // inferred columns, which come after every rule's.
  occurrences.sortByStart(); // checks the order first: nothing to move in the usual case
  const docHintKeys = new Map<string, number>();
  for (let h = 0; h < hintOrder.length; h++) {
    const slot = hintOrderSlots[h];
    docHintKeys.set(hintOrder[h], slot >= 0 ? hintCounts[slot] : otherHintCounts.get(hintOrder[h])!);
  }
  return { occurrences, groups, docHintKeys };
}

/** The status columns inferred for a log's text (logInference.ts), or undefined when it has none. */
export function logLayout(text: string, ctx: ScanContext): LogLayout | undefined {
  return inferLogLayout(text, (code) => ctx.names.httpCodes.has(String(code)));
}

/** Per-file line patterns for an inferred layout: one per status column, the status in group 1. */
const layoutPatterns = new Map<string, RegExp>();
function columnPattern(separator: LogLayout['separator'], column: number): RegExp {
  const id = `${separator}:${column}`;
  let re = layoutPatterns.get(id);
  if (!re) {
    // The same fields as logInference.ts's splitFields: a quoted field, a bracketed one, or a run of non-blanks.
    const field = separator === 'tab' ? '[^\\t\\r\\n]*\\t' : '(?:"(?:[^"\\\\\\r\\n]|\\\\.)*"?|\\[[^\\]\\r\\n]*\\]?|[^ \\t\\r\\n"\\[])[^ \\t\\r\\n]*[ \\t]+';
    const lead = separator === 'tab' ? '' : '[ \\t]*';
    const end = separator === 'tab' ? '(?=[\\t\\r\\n]|$)' : '(?=[ \\t\\r\\n]|$)';
    re = new RegExp(`^${lead}(?:${field}){${column}}"?([0-9]{3})"?${end}`, 'gm');
    layoutPatterns.set(id, re);
  }
  return re;
}

/** Adds the statuses of an inferred layout's columns on the lines [from, to), skipping places a rule found already. */
function scanInferredColumns(
  text: string,
  from: number,
  to: number,
  layout: LogLayout,
  occurrences: Occurrences,
  idOf: (start: number, end: number) => number,
  isStatus: (code: string) => boolean,
): void {
  let found: Set<number> | undefined;
  for (const column of layout.columns) {
    const re = columnPattern(layout.separator, column);
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
      const v = re.lastIndex - (text.charCodeAt(re.lastIndex - 1) === 34 ? 4 : 3);
      if (!isStatus(m[1])) continue;
      found ??= new Set(occurrences.starts.subarray(0, occurrences.length));
      if (found.has(v)) continue;
      occurrences.add(v, v + 3, idOf(v, v + 3), -1, ACCESS_STATUS, 0);
    }
  }
}
