/**
 * Go → `Tokens` (see tokens.ts). A hand tokenizer, checked against tree-sitter-go on real files
 * (test/unit/tokenizers.test.ts): interpreted strings, raw strings (backquoted, multi-line), runes, comments, numbers
 * and punctuation. Choices the token model leaves open:
 * - Go's automatic semicolons: a line that ends after an identifier, a literal, `)`, `]`, `}`, `++`, `--` or one of
 *   `break continue fallthrough return` gets a zero-length `;` at its line break, as the language inserts one.
 * - `:=` is emitted as `=` (a declaration assigns as an assignment does); a rune is a string token.
 */
import { isDigit, isIdChar, isIdStart, numberEnd } from './lexChars';
import { TokenList, TokKind, type Tokens } from './tokens';

const OPS3 = new Set(['<<=', '>>=', '&^=', '...']);
const OPS2 = new Set(['==', '!=', '<=', '>=', '&&', '||', '<-', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '&^', ':=']);

/** Tokenizes Go source. Never throws; an unterminated string ends at its line end (a raw string: at the end). */
/** Go's keywords after which a line break inserts no semicolon (all but break, continue, fallthrough, return). */
const NO_SEMICOLON_KEYWORDS = new Set([
  'case', 'chan', 'const', 'default', 'defer', 'else', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map',
  'package', 'range', 'select', 'struct', 'switch', 'type', 'var',
]);

export function tokenizeGo(text: string): Tokens {
  const toks = new TokenList(text);
  const comments: [number, number][] = [];
  const n = text.length;
  let i = 0;

  /** Whether a line break after the last token ends the statement. */
  const endsStatement = (): boolean => {
    const last = toks.length - 1;
    const kind = toks.kind(last);
    if (kind === -1) return false;
    if (kind === TokKind.Num || kind === TokKind.Str) return true;
    // Identifiers, and of the keywords the ones that can end a line: break, continue, fallthrough, return
    // (`case` on a line of its own, its values below, ends nothing).
    const v = toks.v(last);
    if (kind === TokKind.Id) return !NO_SEMICOLON_KEYWORDS.has(v);
    return v === ')' || v === ']' || v === '}' || v === '++' || v === '--';
  };
  const lineBreak = (at: number) => {
    if (endsStatement() && !toks.synthetic(toks.length - 1)) toks.addValue(TokKind.Punct, at, at, ';');
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineBreak(i);
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        let j = i + 2;
        while (j < n && text.charCodeAt(j) !== 10) j++;
        comments.push([i + 2, j]);
        i = j;
        continue;
      }
      if (d === 42) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? n : close;
        comments.push([i + 2, end]);
        // A block comment that spans lines acts as a line break.
        if (text.indexOf('\n', i) >= 0 && text.indexOf('\n', i) < end) lineBreak(i);
        i = close < 0 ? n : close + 2;
        continue;
      }
    }
    if (c === 34 /* " */ || c === 39 /* ' */) {
      let j = i + 1;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e === 92) j += 2;
        else if (e === c) break;
        else if (e === 10) break;
        else j++;
      }
      if (j > n) j = n; // a backslash at the very end
      const closed = j < n && text.charCodeAt(j) === c;
      toks.addString(i, closed ? j + 1 : j, i + 1, j);
      i = closed ? j + 1 : j;
      continue;
    }
    if (c === 96 /* ` */) {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? n : close;
      toks.addString(i, close < 0 ? n : close + 1, i + 1, end);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let j = numberEnd(text, i, false);
      if (text.charCodeAt(j) === 105 /* i: imaginary */) j++;
      toks.add(TokKind.Num, i, j);
      i = j;
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdChar(text.charCodeAt(j))) j++;
      toks.add(TokKind.Id, i, j);
      i = j;
      continue;
    }
    const three = text.slice(i, i + 3);
    if (OPS3.has(three)) {
      toks.add(TokKind.Punct, i, i + 3);
      i += 3;
      continue;
    }
    const two = three.slice(0, 2);
    if (OPS2.has(two)) {
      if (two === ':=') toks.addValue(TokKind.Punct, i, i + 2, '=');
      else toks.add(TokKind.Punct, i, i + 2);
      i += 2;
      continue;
    }
    toks.add(TokKind.Punct, i, i + 1);
    i++;
  }
  lineBreak(n);
  return { toks, comments };
}
