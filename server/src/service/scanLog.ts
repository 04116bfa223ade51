/**
 * Logs: one pass over the characters. Work happens only at `=` and `:` (a key/value pair: read the key backwards,
 * the value forwards), at `_` inside an upper-case word (a symbolic code) and at `"` after `HTTP/x.y` (the status of
 * an access-log line). Everything else costs one comparison per character, which keeps big logs fast.
 */
import type { Group, RawOccurrence, ScanContext, ScanResult } from './scanTypes';

const MAX_KEY = 64;

// A local copy: calls through another module's exports object are not inlined in this hot loop.
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isKeyChar(c: number): boolean {
  return isWordChar(c) || c === 46 /* . */ || c === 45 /* - */;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isUpperOrDigit(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

export function scanLog(text: string, ctx: ScanContext): ScanResult {
  const occurrences: RawOccurrence[] = [];
  const groups: Group[] = [{ kind: 'block', parent: -1 }];
  const docHintKeys = new Map<string, number>();
  const n = text.length;
  const lastChars = ctx.codeKeys.lastChars;
  // Cheap filters before a key is sliced out of the text: the lengths and last characters of hint keys.
  const hintLengths = new Set<number>();
  const hintLast = new Set<number>();
  for (const k of ctx.hintKeys.keys()) {
    hintLengths.add(k.length);
    hintLast.add(k.charCodeAt(k.length - 1));
  }
  let lineGroup = -1;
  let lineStart = 0;
  /** Index of the line whose group was created, so groups are made only for lines with something in them. */
  let groupLine = -1;
  const currentGroup = () => {
    if (groupLine !== lineStart) {
      lineGroup = groups.length;
      groups.push({ kind: 'line', parent: 0 });
      groupLine = lineStart;
    }
    return lineGroup;
  };
  let symbolicUntil = -1;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Fast path: lower-case letters and most punctuation sit above `_` (95) or are none of the five we act on.
    if (c > 95 || (c !== 10 && c !== 61 && c !== 58 && c !== 95 && c !== 34)) continue;
    if (c === 10) {
      lineStart = i + 1;
      continue;
    }
    if (c === 61 /* = */ || c === 58 /* : */) {
      // `10:00:01`, `host:8080`: a colon right after a digit is a time or a port, never a key's end.
      if (c === 58 && isDigit(text.charCodeAt(i - 1))) continue;
      // Value first (cheap, forward): most separators are followed by prose, ids or times, not codes.
      let v = i + 1;
      while (v < n && text.charCodeAt(v) === 32) v++;
      const quoted = text.charCodeAt(v) === 34 || text.charCodeAt(v) === 39;
      if (quoted) v++;
      const first = text.charCodeAt(v);
      const codeShaped = isDigit(first) || (first >= 65 && first <= 90);
      // Key (backwards): an optional closing quote and spaces, then key characters.
      let j = i - 1;
      while (j >= lineStart && text.charCodeAt(j) === 32) j--;
      if (j >= lineStart && text.charCodeAt(j) === 34) j--;
      const keyEnd = j + 1;
      if (keyEnd <= lineStart || !isWordChar(text.charCodeAt(keyEnd - 1))) continue;
      while (j >= lineStart && keyEnd - j <= MAX_KEY && isKeyChar(text.charCodeAt(j))) j--;
      const keyStart = j + 1;
      const keyLength = keyEnd - keyStart;
      if (isDigit(text.charCodeAt(keyStart)) || keyLength > MAX_KEY) continue; // 12:34:56, ids
      const last = text.charCodeAt(keyEnd - 1) | 0x20; // lower-case for letters
      const maybeHint = hintLengths.has(keyLength) && hintLast.has(text.charCodeAt(keyEnd - 1));
      const maybeCode = codeShaped && lastChars.has(last);
      if (!maybeHint && !maybeCode) continue;
      const key = text.slice(keyStart, keyEnd);
      if (maybeHint && ctx.hintKeys.has(key)) {
        docHintKeys.set(key, (docHintKeys.get(key) ?? 0) + 1);
        (groups[currentGroup()].hintKeys ??= []).push(key);
      }
      if (!maybeCode) continue;
      const m = ctx.codeKeys.match(key);
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
        const word = text.slice(v, e);
        if (!ctx.isSymbolic(word) && word.indexOf('_') < 0) continue;
        symbolicUntil = e;
      }
      const code = text.slice(v, e);
      occurrences.push({
        start: v,
        end: e,
        code,
        numeric: isDigit(first),
        via: 'key',
        key,
        exactKey: m.exact,
        http: m.http,
        wholeString: quoted,
        group: currentGroup(),
      });
      i = e - 1;
      continue;
    }
    if (c === 95 /* _ */ && i > symbolicUntil && i > 0 && isUpperOrDigit(text.charCodeAt(i - 1))) {
      // Inside an upper-case word: find its bounds and check it is a whole UPPER_SNAKE token.
      let s = i - 1;
      while (s > lineStart && (isUpperOrDigit(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 95)) s--;
      let e = i + 1;
      while (e < n && (isUpperOrDigit(text.charCodeAt(e)) || text.charCodeAt(e) === 95)) e++;
      symbolicUntil = e;
      if ((s > 0 && isWordChar(text.charCodeAt(s - 1))) || (e < n && isWordChar(text.charCodeAt(e)))) continue;
      const first = text.charCodeAt(s);
      if (first < 65 || first > 90) continue;
      const token = text.slice(s, e);
      if (ctx.isSymbolic(token)) {
        occurrences.push({ start: s, end: e, code: token, numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: currentGroup() });
      }
      continue;
    }
    if (c === 34 /* " */ && i >= 6 && isDigit(text.charCodeAt(i - 1))) {
      // "GET /x HTTP/1.1" 404 153 — the status follows the request line.
      if (text.slice(i - 8, i - 3) !== 'HTTP/' && text.slice(i - 6, i - 1) !== 'HTTP/') continue;
      if (text.charCodeAt(i + 1) !== 32) continue;
      const v = i + 2;
      if (!isDigit(text.charCodeAt(v)) || !isDigit(text.charCodeAt(v + 1)) || !isDigit(text.charCodeAt(v + 2))) continue;
      if (v + 3 < n && text.charCodeAt(v + 3) !== 32 && text.charCodeAt(v + 3) !== 10 && text.charCodeAt(v + 3) !== 13) continue;
      occurrences.push({ start: v, end: v + 3, code: text.slice(v, v + 3), numeric: true, via: 'access-log', exactKey: true, http: true, wholeString: false, group: currentGroup() });
      i = v + 2;
    }
  }
  // Occurrences are produced in text order, except symbolic words found when `_` comes after a key's value.
  occurrences.sort((a, b) => a.start - b.start);
  return { occurrences, groups, docHintKeys };
}
