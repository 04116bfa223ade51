/**
 * TypeScript / JavaScript: a tokenizer that knows strings, template literals, comments, regular expressions and
 * numbers; the code-position engine (engine/walker.ts) does the rest from the idiom tables.
 */
import { isWordChar } from './scanTypes';
import { TokenList, TokKind, type Tokens } from './tokens';

/** Tokens after which `/` starts a regular expression rather than a division. */
const REGEX_AFTER_PUNCT = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '=>', '===', '!==', '==', '!=', '&&', '||', '??', '+=', '-=']);
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);
const PUNCT3 = new Set(['===', '!==', '...', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=']);
const PUNCT2 = new Set(['==', '!=', '=>', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>']);
/** Punctuation that is always one character, by character code. */
const SINGLE: (string | undefined)[] = [];
for (const ch of '()[]{},;~@#') SINGLE[ch.charCodeAt(0)] = ch;
/** Guards against pathological nesting in template literals. */
const MAX_TEMPLATE_DEPTH = 64;

/** TS/JS text → tokens (see tokens.ts): `?.` is emitted as `.`, strings carry their content. */
export function tokenizeTs(text: string): Tokens {
  const comments: [number, number][] = [];
  const toks = new TokenList(text);
  const n = text.length;
  let i = 0;

  const skipString = (q: number, from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === q) return j + 1;
      else if (c === 10 || c === 13) return j; // unterminated: stop at the line end
      else j++;
    }
    return n;
  };
  // Returns the index after the closing backtick of a template starting after `from`.
  const skipTemplate = (from: number, depth: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) return j + 1;
      else if (c === 36 && text.charCodeAt(j + 1) === 123 && depth < MAX_TEMPLATE_DEPTH) {
        j = skipExpression(j + 2, depth + 1);
      } else j++;
    }
    return n;
  };
  // Skips a `${ … }` expression, honouring nested strings, templates and braces.
  const skipExpression = (from: number, depth: number): number => {
    let j = from;
    let braces = 0;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 39 || c === 34) j = skipString(c, j + 1);
      else if (c === 96) j = skipTemplate(j + 1, depth);
      else if (c === 123) {
        braces++;
        j++;
      } else if (c === 125) {
        if (braces === 0) return j + 1;
        braces--;
        j++;
      } else j++;
    }
    return n;
  };

  /** Brace depth, and the depths at which open template interpolations close (innermost last). */
  let braces = 0;
  const interpolations: number[] = [];
  /**
   * A template's text from `from` (after its backtick or an interpolation's `}` at `start`) to its closing backtick,
   * added as a string, or to its next `${`, added as a string and a `{` that the main loop's `}` will close. Returns
   * where tokenizing goes on.
   */
  const templatePiece = (start: number, from: number): number => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) {
        toks.addString(start, j + 1, from, j);
        return j + 1;
      } else if (c === 36 && text.charCodeAt(j + 1) === 123) {
        if (j > start) toks.addString(start, j, from, j); // no empty piece between two interpolations
        toks.add(TokKind.Punct, j + 1, j + 2);
        interpolations.push(braces);
        return j + 2;
      } else j++;
    }
    toks.addString(start, n, from, n);
    return n;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        let j = i + 2;
        while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
        comments.push([i + 2, j]);
        i = j;
        continue;
      }
      if (d === 42) {
        const j = text.indexOf('*/', i + 2);
        const end = j < 0 ? n : j;
        comments.push([i + 2, end]);
        i = j < 0 ? n : j + 2;
        continue;
      }
      const prev = toks.length - 1;
      const prevKind = toks.kind(prev);
      const regex = prevKind === -1 || (prevKind === TokKind.Punct && REGEX_AFTER_PUNCT.has(toks.v(prev))) || (prevKind === TokKind.Id && REGEX_AFTER_WORD.has(toks.v(prev)));
      if (regex) {
        let j = i + 1;
        let inClass = false;
        let closed = false;
        while (j < n) {
          const r = text.charCodeAt(j);
          if (r === 92) j += 2;
          else if (r === 10 || r === 13) break;
          else {
            if (r === 91) inClass = true;
            else if (r === 93) inClass = false;
            else if (r === 47 && !inClass) {
              closed = true;
              break;
            }
            j++;
          }
        }
        // Flags follow only a closing `/`; an unterminated literal ends at its line break, which is not consumed (with
        // `\n` the next line's first word was read as flags, with `\r\n` it was not: found by the fuzzer).
        if (closed) {
          j++;
          while (j < n && isWordChar(text.charCodeAt(j))) j++;
        }
        toks.addValue(TokKind.Punct, i, j, '/regex/');
        i = j;
        continue;
      }
    }
    if (c === 39 || c === 34) {
      const j = skipString(c, i + 1);
      const closed = j > i + 1 && text.charCodeAt(j - 1) === c && j - 1 > i;
      toks.addString(i, j, i + 1, closed ? j - 1 : j);
      i = j;
      continue;
    }
    if (c === 96) {
      // A template without interpolations is one string; one with them is its text pieces as strings and each
      // `${ … }` as braces around ordinary tokens (`${StatusCodes.NOT_IMPLEMENTED}` is code, not text).
      if (interpolations.length >= MAX_TEMPLATE_DEPTH) {
        const j = skipTemplate(i + 1, 0);
        toks.addString(i, j, i + 1, Math.max(i + 1, j - 1));
        i = j;
      } else i = templatePiece(i, i + 1);
      continue;
    }
    if (c === 123 /* { */) braces++;
    else if (c === 125 /* } */) {
      if (interpolations.length && interpolations[interpolations.length - 1] === braces) {
        interpolations.pop();
        toks.add(TokKind.Punct, i, i + 1);
        i = templatePiece(i + 1, i + 1);
        continue;
      }
      braces--;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isWordChar(text.charCodeAt(j)) || (text.charCodeAt(j) === 46 && j + 1 < n && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57))) j++;
      toks.add(TokKind.Num, i, j);
      i = j;
      continue;
    }
    if (isWordChar(c) || c > 127) {
      let j = i + 1;
      while (j < n && (isWordChar(text.charCodeAt(j)) || text.charCodeAt(j) > 127)) j++;
      toks.add(TokKind.Id, i, j);
      i = j;
      continue;
    }
    if (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) {
      let j = i + 1;
      while (j < n && isWordChar(text.charCodeAt(j))) j++;
      toks.add(TokKind.Num, i, j);
      i = j;
      continue;
    }
    // Brackets and separators never start a longer operator: no slicing for them (most punctuation is these).
    let v = SINGLE[c];
    if (v === undefined) {
      const three = text.slice(i, i + 3);
      const two = three.slice(0, 2);
      v = PUNCT3.has(three) ? three : PUNCT2.has(two) ? two : text[i];
    }
    if (v === '?.') toks.addValue(TokKind.Punct, i, i + 2, '.');
    else toks.add(TokKind.Punct, i, i + v.length);
    i += v.length;
  }
  return { toks, comments };
}
