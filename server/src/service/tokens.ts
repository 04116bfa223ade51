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

/** One token as an object: what tests and the grammar oracle read (`TokenList.toArray`); the engine never builds these. */
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
  toks: TokenList;
  comments: [number, number][];
}

/** How the engine and its deciders read tokens: by index, through accessors only. */
export type TokenReader = Pick<TokenList, 'length' | 'kind' | 'v' | 'start' | 'end' | 'contentStart' | 'isPunct' | 'isId' | 'isStr' | 'isNum' | 'synthetic'>;

/** Initial capacity of a token list: grown by doubling. */
const INITIAL = 1024;

/**
 * Tokens without objects: kind, start, end and the text's interned id in typed arrays. Identifiers, numbers and
 * punctuation are interned straight from the text (hashed by their characters, sliced once per distinct text), so a
 * 10 MB file's two million tokens cost no allocation each; a string's content is sliced when first asked for. The
 * engine and its deciders read tokens only through these accessors.
 */
export class TokenList {
  length = 0;
  private kinds = new Uint8Array(INITIAL);
  private starts = new Int32Array(INITIAL);
  private ends = new Int32Array(INITIAL);
  /** Identifiers, numbers, punctuation: the interned text's id. Strings: where their content starts. */
  private ids = new Int32Array(INITIAL);
  /** Strings: where their content ends. */
  private contentEnds = new Int32Array(INITIAL);
  /** Strings' contents, sliced on first use. */
  private contents: (string | undefined)[] = [];
  /** Interned texts by id. */
  private readonly strings: string[] = [];
  /** Open-addressing table of ids (+1; 0 is empty), keyed by a hash of the text's characters. */
  private table = new Int32Array(1024);
  /** Ids in the table (texts of the source), for rehashing; given values are not among them. */
  private readonly rangeIds: number[] = [];
  private readonly given = new Map<string, number>();

  constructor(private readonly text: string) {}

  /** A token whose text is text[s, e): identifiers, numbers, most punctuation. */
  add(kind: TokKind, s: number, e: number): void {
    this.push(kind, s, e, this.internRange(s, e));
  }

  /** A token whose text is given rather than written: `?.` and `->` read as `.`, Python's synthetic `;`. */
  addValue(kind: TokKind, s: number, e: number, value: string): void {
    let id = this.given.get(value);
    if (id === undefined) {
      id = this.strings.push(value) - 1;
      this.given.set(value, id);
    }
    this.push(kind, s, e, id);
  }

  /** A string literal [s, e) whose content is text[cs, ce). */
  addString(s: number, e: number, cs: number, ce: number): void {
    const k = this.length;
    this.push(TokKind.Str, s, e, cs);
    this.contentEnds[k] = Math.max(cs, ce);
  }

  /** Drops the last token. */
  pop(): void {
    if (this.length > 0) {
      this.length--;
      this.contents[this.length] = undefined;
    }
  }

  /** Token k's kind, or -1 outside the tokens. */
  kind(k: number): TokKind | -1 {
    return k >= 0 && k < this.length ? (this.kinds[k] as TokKind) : -1;
  }

  /** Identifier, number or punctuation text; a string's content; '' outside the tokens. */
  v(k: number): string {
    if (k < 0 || k >= this.length) return '';
    if (this.kinds[k] !== TokKind.Str) return this.strings[this.ids[k]];
    return (this.contents[k] ??= this.text.slice(this.ids[k], this.contentEnds[k]));
  }

  start(k: number): number {
    return this.starts[k];
  }

  end(k: number): number {
    return this.ends[k];
  }

  /** Where token k's content starts: after a string's prefix and opening quote, else its start. */
  contentStart(k: number): number {
    return this.kinds[k] === TokKind.Str ? this.ids[k] : this.starts[k];
  }

  isPunct(k: number, p: string): boolean {
    return k >= 0 && k < this.length && this.kinds[k] === TokKind.Punct && this.strings[this.ids[k]] === p;
  }

  isId(k: number): boolean {
    return k >= 0 && k < this.length && this.kinds[k] === TokKind.Id;
  }

  isStr(k: number): boolean {
    return k >= 0 && k < this.length && this.kinds[k] === TokKind.Str;
  }

  isNum(k: number): boolean {
    return k >= 0 && k < this.length && this.kinds[k] === TokKind.Num;
  }

  /** A zero-length token: Python's synthetic block and statement marks. */
  synthetic(k: number): boolean {
    return this.starts[k] === this.ends[k];
  }

  /** The tokens as objects, for tests and the grammar oracle. */
  toArray(): Token[] {
    const out: Token[] = [];
    for (let k = 0; k < this.length; k++) {
      const t: Token = { t: this.kinds[k] as TokKind, s: this.starts[k], e: this.ends[k], v: this.v(k) };
      if (t.t === TokKind.Str) t.cs = this.ids[k];
      out.push(t);
    }
    return out;
  }

  private push(kind: TokKind, s: number, e: number, id: number): void {
    const k = this.length;
    if (k === this.kinds.length) this.grow();
    this.kinds[k] = kind;
    this.starts[k] = s;
    this.ends[k] = e;
    this.ids[k] = id;
    this.length = k + 1;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    this.kinds = kinds;
    for (const name of ['starts', 'ends', 'ids', 'contentEnds'] as const) {
      const next = new Int32Array(size);
      next.set(this[name]);
      this[name] = next;
    }
  }

  /** The id of text[s, e), interning it on first sight. */
  private internRange(s: number, e: number): number {
    const text = this.text;
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.table.length - 1;
    const length = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) {
        const id = this.strings.push(text.slice(s, e)) - 1;
        this.table[slot] = id + 1;
        this.rangeIds.push(id);
        if (this.rangeIds.length * 2 > this.table.length) this.rehash();
        return id;
      }
      const candidate = this.strings[entry - 1];
      if (candidate.length === length && text.startsWith(candidate, s)) return entry - 1;
    }
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (const id of this.rangeIds) {
      const value = this.strings[id];
      let h = 0x811c9dc5;
      for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
  }
}
