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
 * Successive line ends of one text, forwards: `next(from)` is where the line holding `from` ends (its first `\r` or
 * `\n` at or after `from`), or the text's length. The next `\r` and `\n` are remembered, so a whole scan costs one pass
 * of native indexOf per character class, even in a text with no `\r` at all.
 */
export class LineEnds {
  /** Next known offsets of each character; -1: none left, -2: not searched yet. */
  private lf = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  next(from: number): number {
    if (this.lf !== -1 && this.lf < from) this.lf = this.text.indexOf('\n', from);
    if (this.cr !== -1 && this.cr < from) this.cr = this.text.indexOf('\r', from);
    const lf = this.lf < 0 ? this.text.length : this.lf;
    const cr = this.cr < 0 ? this.text.length : this.cr;
    return lf < cr ? lf : cr;
  }
}

/** Where the line holding `offset` starts, looking back no further than `floor`. */
export function lineStartOf(text: string, offset: number, floor = 0): number {
  const stop = Math.max(floor, 0);
  for (let i = offset - 1; i >= stop; i--) if (isLineBreak(text.charCodeAt(i))) return i + 1;
  return stop;
}

/** Where the line holding `offset` ends (at its line break, or the text's end). */
export function lineEndOf(text: string, offset: number): number {
  return new LineEnds(text).next(offset);
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
