/**
 * The token model every language's tokenizer produces and the code-position engine (positions.ts) reads. A tokenizer
 * knows its language's strings, comments, numbers and punctuation; it does not know any API. Conventions that let one
 * engine serve every language:
 * - member access is punctuation `.` whatever the language writes (`.`, `?.`, `->`, `?->`, `::`);
 * - a key separator is `:` (`{ status: 404 }`, `{"status": 404}`; PHP's `=>` and Python's keyword-argument `=` are
 *   emitted as `:`);
 * - blocks are `{` / `}` (Python's indented blocks are emitted as synthetic, zero-length `{` / `}`);
 * - `;` ends a statement (Python's logical line ends are emitted as zero-length `;`);
 * - keywords are identifiers (`case`, `switch`, `match`, `new`, `return`, `assert`).
 */

export const enum TokKind {
  Id = 0,
  Num = 1,
  Str = 2,
  Punct = 3,
}

export interface Token {
  t: TokKind;
  /** Offsets of the whole token (a string's prefix and quotes included). */
  s: number;
  e: number;
  /** Identifier, number or punctuation text; a string's raw content (between the quotes). */
  v: string;
  /** Strings: offset where the content starts (after prefix and opening quote). */
  cs?: number;
}

/** What a tokenizer returns: significant tokens in text order, and comment ranges (content only). */
export interface Tokens {
  toks: Token[];
  comments: [number, number][];
}
