/**
 * The one definition of a line break for the server, as LSP has it: `\r\n`, `\r` or `\n`. The piece document counts
 * lines by it; scanners, incremental rescans and completion find line bounds with these helpers.
 */
export const CR = 13;
export const LF = 10;

export function isLineBreak(c: number): boolean {
  return c === CR || c === LF;
}

/**
 * Successive line ends of one text, forwards, up to `limit` (a line end): `next(from)` is where the line holding `from`
 * ends (its first `\r` or `\n` at or after `from`), or `limit`. The next `\r` and `\n` are remembered and searched
 * only up to `limit`, so a scan costs one native pass per character class over its own range — also when the text
 * has no `\r` at all, and when only a few edited lines of a big text are scanned.
 */
export class LineEnds {
  /** Next known offsets of each character; -1: none before limit, -2: not searched yet. */
  private lf = -2;
  private cr = -2;

  constructor(
    private readonly text: string,
    private readonly limit = text.length,
  ) {}

  next(from: number): number {
    if (this.lf !== -1 && this.lf < from) this.lf = this.find('\n', from);
    if (this.cr !== -1 && this.cr < from) this.cr = this.find('\r', from);
    const lf = this.lf < 0 ? this.limit : this.lf;
    const cr = this.cr < 0 ? this.limit : this.cr;
    return lf < cr ? lf : cr;
  }

  private find(c: string, from: number): number {
    // A slice of a long string is a view in V8, not a copy: this bounds the native search at limit.
    const at = this.limit >= this.text.length ? this.text.indexOf(c, from) : this.text.slice(from, this.limit).indexOf(c);
    return at < 0 ? -1 : this.limit >= this.text.length ? at : from + at;
  }
}

/** Where the line holding `offset` starts, looking back no further than `floor` (native search, bounded by the line). */
export function lineStartOf(text: string, offset: number, floor = 0): number {
  const stop = Math.max(floor, 0);
  if (offset <= stop) return stop;
  const lf = text.lastIndexOf('\n', offset - 1);
  const from = Math.max(lf + 1, stop);
  if (offset <= from) return from;
  const cr = text.slice(from, offset).lastIndexOf('\r');
  return cr < 0 ? from : from + cr + 1;
}

/** Where the line holding `offset` ends (at its line break, or the text's end). */
export function lineEndOf(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  const limit = lf < 0 ? text.length : lf;
  const cr = text.slice(offset, limit).indexOf('\r');
  return cr < 0 ? limit : offset + cr;
}

/** The start of the line after the one ending at `end` (a `\r\n` is one break); the text's length at the end. */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
}

/** The start of the line before the one starting at `start` (0 for the first line). */
export function previousLineStart(text: string, start: number): number {
  if (start <= 0) return 0;
  let b = start - 1; // the break that ends the previous line
  if (text.charCodeAt(b) === LF && b > 0 && text.charCodeAt(b - 1) === CR) b--;
  return lineStartOf(text, b);
}
