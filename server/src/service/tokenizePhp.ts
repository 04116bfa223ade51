/**
 * PHP → `Tokens` (see tokens.ts). A hand tokenizer, checked against tree-sitter-php on real files
 * (test/unit/tokenizers.test.ts). Only `<?php … ?>`, `<?= … ?>` and short-tag `<? … ?>` islands are code; the inline HTML between them is
 * prose and yields nothing (short `<?` tags are not read: `<?xml` is common in templates and `short_open_tag` is off
 * by default). Choices that the token model leaves open:
 * - `->`, `?->` and `::` are member access `.`; `=>` is the key separator `:`; the concatenation operator `.` is
 *   emitted as `..` (Lua's spelling) so that it is never read as member access;
 * - `$name` is an identifier whose text keeps the `$`;
 * - a double-quoted string, backtick command or heredoc is one string token whose content keeps its interpolations
 *   (`{$a['k']}` is skipped as content, nested quotes honoured);
 * - `?>` ends a statement, as in PHP: it is emitted as `;` over its two characters;
 * - `#[` (an attribute) is punctuation, not a comment.
 */
import { isDigit, isIdChar, isIdStart, numberEnd } from './lexChars';
import { TokenList, TokKind, type Tokens } from './tokens';


/** Two- and three-character operators, longest first where they share a start; the value is what is emitted. */
const OPS3 = new Map(Object.entries({ '===': '===', '!==': '!==', '<=>': '<=>', '?->': '.', '??=': '??=', '**=': '**=', '...': '...', '<<=': '<<=', '>>=': '>>=' }));
const OPS2 = new Map(Object.entries({
  '->': '.',
  '::': '.',
  '=>': ':',
  '==': '==',
  '!=': '!=',
  '<>': '<>',
  '<=': '<=',
  '>=': '>=',
  '&&': '&&',
  '||': '||',
  '??': '??',
  '++': '++',
  '--': '--',
  '+=': '+=',
  '-=': '-=',
  '*=': '*=',
  '**': '**',
  '/=': '/=',
  '.=': '.=',
  '%=': '%=',
  '<<': '<<',
  '>>': '>>',
  '&=': '&=',
  '|=': '|=',
  '^=': '^=',
  '#[': '#[',
}));

/** Tokenizes a PHP file (inline HTML and PHP islands). Never throws; unterminated strings run to the end. */
export function tokenizePhp(text: string): Tokens {
  const toks = new TokenList(text);
  const comments: [number, number][] = [];
  const n = text.length;

  /** The offset after the PHP open tag at or after `from`, or n when there is none. */
  const nextIsland = (from: number): number => {
    let j = from;
    for (;;) {
      const k = text.indexOf('<?', j);
      if (k < 0) return n;
      if (text.charCodeAt(k + 2) === 61) return k + 3;
      // The short open tag of legacy code (`short_open_tag`): `<?` and a space or line break (not `<?xml`).
      const after = text.charCodeAt(k + 2);
      if (k + 2 >= n || after === 32 || after === 9 || after === 10 || after === 13) return k + 2;
      if ((text.charCodeAt(k + 2) | 32) === 112 && (text.charCodeAt(k + 3) | 32) === 104 && (text.charCodeAt(k + 4) | 32) === 112) {
        const w = text.charCodeAt(k + 5);
        if (k + 5 >= n || w === 32 || w === 9 || w === 10 || w === 13) return k + 5;
      }
      j = k + 2;
    }
  };
  /** Skips a quoted body from `from` (after the quote) to after the closing `q`; `{$…}` / `${…}` in interpolating strings. */
  const skipQuoted = (from: number, q: number, interpolate: boolean, depth: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === q) return j + 1;
      else if (interpolate && depth < 32 && ((c === 123 && text.charCodeAt(j + 1) === 36) || (c === 36 && text.charCodeAt(j + 1) === 123))) {
        j = skipExpression(j + 2, depth + 1);
      } else j++;
    }
    return n;
  };
  /** Skips an interpolated expression from after its `{` to after the matching `}`. */
  const skipExpression = (from: number, depth: number): number => {
    let j = from;
    let nest = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 39 || c === 34) j = skipQuoted(j + 1, c, c === 34, depth);
      else if (c === 123) {
        nest++;
        j++;
      } else if (c === 125) {
        if (nest === 0) return j + 1;
        nest--;
        j++;
      } else j++;
    }
    return n;
  };
  /** A heredoc / nowdoc at `s` (`<<<`), or undefined when what follows is no heredoc label. Returns its end. */
  const heredoc = (s: number): number | undefined => {
    let j = s + 3;
    while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
    const quote = text.charCodeAt(j);
    if (quote === 39 || quote === 34) j++;
    const labelStart = j;
    if (!isIdStart(text.charCodeAt(j))) return undefined;
    while (j < n && isIdChar(text.charCodeAt(j))) j++;
    const label = text.slice(labelStart, j);
    if (quote === 39 || quote === 34) {
      if (text.charCodeAt(j) !== quote) return undefined;
      j++;
    }
    const nl = text.charCodeAt(j);
    if (nl !== 10 && nl !== 13) return undefined;
    j += nl === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    const cs = j;
    // The closing label: the first line that is (indentation +) the label, not followed by an identifier character.
    let line = cs;
    while (line <= n) {
      let k = line;
      while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
      if (text.startsWith(label, k) && !isIdChar(text.charCodeAt(k + label.length))) {
        // Content ends before the line break that precedes the closing line.
        let ce = line;
        if (ce > cs && text.charCodeAt(ce - 1) === 10) ce--;
        if (ce > cs && text.charCodeAt(ce - 1) === 13) ce--;
        const e = k + label.length;
        toks.addString(s, e, cs, Math.max(cs, ce));
        return e;
      }
      const lf = text.indexOf('\n', line);
      if (lf < 0) break;
      line = lf + 1;
    }
    toks.addString(s, n, cs, n);
    return n;
  };
  const number = (s: number): number => {
    const j = numberEnd(text, s, false);
    toks.add(TokKind.Num, s, j);
    return j;
  };
  /** A line comment from `s` (its marker is `len` long): to the line end or to a `?>`, which ends it in PHP. */
  const lineComment = (s: number, len: number): number => {
    let j = s + len;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13 || (c === 63 && text.charCodeAt(j + 1) === 62)) break;
      j++;
    }
    comments.push([s + len, j]);
    return j;
  };
  const quoted = (s: number, q0: number): number => {
    const q = text.charCodeAt(q0);
    const e = skipQuoted(q0 + 1, q, q !== 39, 0);
    const closed = e > q0 + 1 && text.charCodeAt(e - 1) === q;
    toks.addString(s, e, q0 + 1, closed ? e - 1 : e);
    return e;
  };

  let i = nextIsland(0);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    const d = text.charCodeAt(i + 1);
    if (c === 63 && d === 62) {
      toks.addValue(TokKind.Punct, i, i + 2, ';');
      i = nextIsland(i + 2);
      continue;
    }
    if (c === 35 && d !== 91) {
      i = lineComment(i, 1);
      continue;
    }
    if (c === 47 && d === 47) {
      i = lineComment(i, 2);
      continue;
    }
    if (c === 47 && d === 42) {
      const k = text.indexOf('*/', i + 2);
      comments.push([i + 2, k < 0 ? n : k]);
      i = k < 0 ? n : k + 2;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) {
      i = quoted(i, i);
      continue;
    }
    if (c === 36 && isIdStart(d)) {
      let j = i + 2;
      while (j < n && isIdChar(text.charCodeAt(j))) j++;
      toks.add(TokKind.Id, i, j);
      i = j;
      continue;
    }
    if (isIdStart(c)) {
      // A binary-string prefix: b'…', b"…".
      if ((c | 32) === 98 && (d === 39 || d === 34)) {
        i = quoted(i, i + 1);
        continue;
      }
      let j = i + 1;
      while (j < n && isIdChar(text.charCodeAt(j))) j++;
      toks.add(TokKind.Id, i, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(d))) {
      i = number(i);
      continue;
    }
    if (c === 60 && d === 60 && text.charCodeAt(i + 2) === 60) {
      const e = heredoc(i);
      if (e !== undefined) {
        i = e;
        continue;
      }
    }
    const three = OPS3.get(text.slice(i, i + 3));
    if (three !== undefined) {
      toks.addValue(TokKind.Punct, i, i + 3, three);
      i += 3;
      continue;
    }
    const two = OPS2.get(text.slice(i, i + 2));
    if (two !== undefined) {
      toks.addValue(TokKind.Punct, i, i + 2, two);
      i += 2;
      continue;
    }
    toks.addValue(TokKind.Punct, i, i + 1, c === 46 ? '..' : text[i]);
    i++;
  }
  return { toks, comments };
}
