/**
 * The token model every language's tokenizer produces and the code-position engine (engine/walker.ts) reads. A tokenizer
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

/**
 * Tokens read through accessors, by index. The engine and its deciders never hold a token object: what a token is,
 * where it starts and ends and what it says are questions to this reader, so the storage behind it can become typed
 * arrays (kind, start, end, interned text id) without touching a decider.
 */
export class TokenReader {
  readonly length: number;

  constructor(private readonly toks: readonly Token[]) {
    this.length = toks.length;
  }

  /** Token k's kind, or -1 outside the tokens. */
  kind(k: number): TokKind | -1 {
    return k >= 0 && k < this.length ? this.toks[k].t : -1;
  }

  /** Identifier, number or punctuation text; a string's content; '' outside the tokens. */
  v(k: number): string {
    return k >= 0 && k < this.length ? this.toks[k].v : '';
  }

  start(k: number): number {
    return this.toks[k].s;
  }

  end(k: number): number {
    return this.toks[k].e;
  }

  /** Where token k's content starts: after a string's prefix and opening quote, else its start. */
  contentStart(k: number): number {
    const t = this.toks[k];
    return t.t === TokKind.Str ? (t.cs ?? t.s + 1) : t.s;
  }

  isPunct(k: number, p: string): boolean {
    return k >= 0 && k < this.length && this.toks[k].t === TokKind.Punct && this.toks[k].v === p;
  }

  isId(k: number): boolean {
    return k >= 0 && k < this.length && this.toks[k].t === TokKind.Id;
  }

  isStr(k: number): boolean {
    return k >= 0 && k < this.length && this.toks[k].t === TokKind.Str;
  }

  isNum(k: number): boolean {
    return k >= 0 && k < this.length && this.toks[k].t === TokKind.Num;
  }

  /** A zero-length token: Python's synthetic block and statement marks. */
  synthetic(k: number): boolean {
    return this.toks[k].s === this.toks[k].e;
  }
}
