/**
 * Python → `Tokens` (see tokens.ts). A hand tokenizer, checked against tree-sitter-python on real files
 * (test/unit/tokenizers.test.ts): it knows strings, comments, numbers, indentation and bracket nesting, nothing more.
 * Choices that the token model leaves open:
 * - An f-string (or t-string) is one string token whose content includes its `{expr}` replacement fields; the
 *   expressions are skipped as string content (brace-aware, so PEP 701 nested quotes `f"{d["k"]}"` end where Python
 *   ends them), so codes inside them are not found.
 * - A keyword argument `name=value` directly inside call parentheses emits its `=` as `:`; a `def`'s default
 *   parameter has the same shape and is emitted the same way (`def f(status=404)` reads as the key `status: 404`).
 * - INDENT / DEDENT are zero-length `{` / `}` at the first token of the line; a logical line end is a zero-length `;`
 *   at its line break, except that a line opening a block ends with the `{` instead (`if x: {` … `; }`), the shape
 *   brace languages have.
 */
import { isDigit, isIdChar, isIdStart, numberEnd } from './lexChars';
import { TokenList, TokKind, type Tokens } from './tokens';

/** Tab stops of 8, as CPython's tokenizer counts them. */
const TAB = 8;
/** Words after which `(` is not a call: `if (a) …`, `return (x)`, `not (y)`. */
const NOT_CALLEE = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'elif', 'while', 'for', 'return', 'yield', 'lambda', 'await', 'assert', 'del', 'else', 'with', 'except', 'from', 'import', 'raise', 'as', 'global', 'nonlocal']);

/** String prefix letters: r, b, u, f, t in either case. */
function isPrefixChar(c: number): boolean {
  const l = c | 32;
  return l === 114 || l === 98 || l === 117 || l === 102 || l === 116;
}

/** Tokenizes Python source. Never throws; unterminated strings end at their line end (triple-quoted: at the end). */
export function tokenizePython(text: string): Tokens {
  const toks = new TokenList(text);
  const comments: [number, number][] = [];
  const n = text.length;
  /** Open brackets: the bracket's char code, and for `(` whether it is a call's. */
  const brackets: number[] = [];
  const callParen: boolean[] = [];
  const indents: number[] = [0];
  let i = 0;
  /** At the start of a logical line (indentation not yet measured). */
  let lineStart = true;
  /** The current logical line has tokens (so its end is a `;`). */
  let lineHasTokens = false;

  const punct = (s: number, e: number, v: string) => {
    toks.addValue(TokKind.Punct, s, e, v);
  };
  /** The logical line ends at offset `at` (a line break, or the end of the text). */
  const endLine = (at: number) => {
    if (lineHasTokens) {
      punct(at, at, ';');
      lineHasTokens = false;
    }
    lineStart = true;
  };

  /** Skips a string body after its opening quote(s) at `from`; returns the offset after the closing quote(s). */
  const skipString = (from: number, q: number, triple: boolean, fstring: boolean, depth: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === q) {
        if (!triple) return j + 1;
        if (text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q) return j + 3;
        j++;
      } else if ((c === 10 || c === 13) && !triple) return j;
      else if (c === 123 && fstring) {
        if (text.charCodeAt(j + 1) === 123) j += 2;
        else j = skipField(j + 1, triple, depth + 1);
      } else j++;
    }
    return n;
  };
  /** Skips an f-string replacement field `{…}` from after its `{`; nested strings and brackets are honoured. */
  const skipField = (from: number, triple: boolean, depth: number): number => {
    let j = from;
    let nest = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34 || c === 39) {
        const k = j;
        let p = k;
        while (p > from && isPrefixChar(text.charCodeAt(p - 1))) p--;
        const fs = depth < 32 && hasF(p, k);
        const tq = text.charCodeAt(j + 1) === c && text.charCodeAt(j + 2) === c;
        j = skipString(j + (tq ? 3 : 1), c, tq, fs, depth);
      } else if (c === 123 || c === 40 || c === 91) {
        nest++;
        j++;
      } else if (c === 125 || c === 41 || c === 93) {
        if (nest === 0) return c === 125 ? j + 1 : j;
        nest--;
        j++;
      } else if ((c === 10 || c === 13) && !triple) return j;
      else j++;
    }
    return n;
  };
  const hasF = (from: number, to: number): boolean => {
    for (let p = from; p < to; p++) {
      const l = text.charCodeAt(p) | 32;
      if (l === 102 || l === 116) return true;
    }
    return false;
  };

  /** A string whose prefix starts at `s` and whose opening quote is at `q0`. */
  const string = (s: number, q0: number) => {
    const q = text.charCodeAt(q0);
    const triple = text.charCodeAt(q0 + 1) === q && text.charCodeAt(q0 + 2) === q;
    const cs = q0 + (triple ? 3 : 1);
    const e = skipString(cs, q, triple, hasF(s, q0), 0);
    const close = triple ? 3 : 1;
    const closed = e - cs >= close && text.charCodeAt(e - 1) === q;
    toks.addString(s, e, cs, closed ? e - close : e);
  };

  const number = (s: number): number => {
    const j = numberEnd(text, s, true);
    toks.add(TokKind.Num, s, j);
    return j;
  };

  while (i < n) {
    if (lineStart && brackets.length === 0) {
      // Measure the indentation; blank and comment-only lines do not count.
      let col = 0;
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 32) col++;
        else if (c === 9) col = (Math.floor(col / TAB) + 1) * TAB;
        else if (c === 12) col = 0;
        else break;
      }
      const c = text.charCodeAt(j);
      if (j >= n) {
        i = j;
        break;
      }
      if (c === 10 || c === 13 || c === 35 || (c === 92 && (text.charCodeAt(j + 1) === 10 || text.charCodeAt(j + 1) === 13))) {
        i = j; // nothing to measure on this line; the main loop skips it
      } else {
        lineStart = false;
        i = j;
        if (col > indents[indents.length - 1]) {
          indents.push(col);
          // The line that opened this block ends with the `{`, not with a `;`.
          const last = toks.length - 1;
          if (toks.isPunct(last, ';') && toks.synthetic(last)) toks.pop();
          punct(j, j, '{');
        } else {
          while (col < indents[indents.length - 1]) {
            indents.pop();
            punct(j, j, '}');
          }
          // An inconsistent dedent (deeper than the block it returns to) opens a block, as a tolerant reading.
          if (col > indents[indents.length - 1]) {
            indents.push(col);
            punct(j, j, '{');
          }
        }
      }
    }
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (brackets.length === 0) endLine(i);
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 12 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 35) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      comments.push([i + 1, j]);
      i = j;
      continue;
    }
    if (c === 92) {
      const d = text.charCodeAt(i + 1);
      if (d === 10 || d === 13) {
        // Explicit line joining.
        i += d === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
        continue;
      }
    }
    lineHasTokens = true;
    if (c === 34 || c === 39) {
      string(i, i);
      i = toks.end(toks.length - 1);
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdChar(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if ((q === 34 || q === 39) && j - i <= 2 && isPrefixChar(c) && (j - i === 1 || isPrefixChar(text.charCodeAt(i + 1)))) {
        string(i, j);
        i = toks.end(toks.length - 1);
        continue;
      }
      toks.add(TokKind.Id, i, j);
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i = number(i);
      continue;
    }
    // Punctuation.
    const d = text.charCodeAt(i + 1);
    const e3 = text.charCodeAt(i + 2);
    let len = 1;
    let v: string;
    switch (c) {
      case 40: // (
      case 91: // [
      case 123: {
        // {
        brackets.push(c);
        const prev = toks.length - 1;
        callParen.push(c === 40 && prev >= 0 && ((toks.isId(prev) && !NOT_CALLEE.has(toks.v(prev))) || toks.v(prev) === ')' || toks.v(prev) === ']'));
        v = text[i];
        break;
      }
      case 41:
      case 93:
      case 125:
        if (brackets.length) {
          brackets.pop();
          callParen.pop();
        }
        v = text[i];
        break;
      case 61: // =
        if (d === 61) {
          len = 2;
          v = '==';
        } else {
          const prev = toks.length - 1;
          const kwarg = callParen.length > 0 && callParen[callParen.length - 1] && brackets[brackets.length - 1] === 40 && toks.isId(prev) && (toks.v(prev - 1) === '(' || toks.v(prev - 1) === ',');
          v = kwarg ? ':' : '=';
        }
        break;
      case 46: // .
        if (d === 46 && e3 === 46) {
          len = 3;
          v = '...';
        } else v = '.';
        break;
      case 45: // -
        if (d === 62) {
          len = 2;
          v = '->';
        } else if (d === 61) {
          len = 2;
          v = '-=';
        } else v = '-';
        break;
      case 58: // :
        if (d === 61) {
          len = 2;
          v = ':=';
        } else v = ':';
        break;
      case 42: // *
      case 47: // /
      case 60: // <
      case 62: // >
        if (d === c) {
          len = e3 === 61 ? 3 : 2;
        } else if (d === 61) len = 2;
        v = text.slice(i, i + len);
        break;
      case 33: // !
      case 43: // +
      case 37: // %
      case 38: // &
      case 124: // |
      case 94: // ^
      case 64: // @
        if (d === 61) len = 2;
        v = text.slice(i, i + len);
        break;
      default:
        v = text[i];
    }
    punct(i, i + len, v);
    i += len;
  }
  if (lineHasTokens) punct(n, n, ';');
  for (let k = indents.length - 1; k > 0; k--) punct(n, n, '}');
  return { toks, comments };
}
