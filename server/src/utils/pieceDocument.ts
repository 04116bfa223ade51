/**
 * A TextDocument for the server's document manager that applies incremental edits without copying the whole text.
 *
 * vscode-languageserver-textdocument rebuilds the content string on every incremental change (`substring` of the old
 * text flattens it), so each keystroke in a 10 MB log copies 10 MB; a hundred edits a second bring collector pauses
 * that stall the server (measured: event-loop p99 131–142 ms, README "Reliability"). Here an edit splits a short list
 * of pieces (slices of earlier text and the inserted strings) and updates the line offsets the way the library does;
 * the full text is joined once, when something reads it. Positions, line breaks (`\r\n`, `\r`, `\n`) and clamping
 * behave exactly as the library's document (a property test compares the two after random edits).
 *
 * It also remembers the last edits as offset ranges, so an analysis of an older version can be brought forward
 * without rescanning the whole text (see editsSince).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { OffsetEdit } from '../service/scanTypes';

export type { OffsetEdit };

/** Pieces kept before the text is joined anyway (so lookups by offset stay short). */
const MAX_PIECES = 256;
/** Edits remembered for editsSince. */
const MAX_EDITS = 1024;

/** Offsets where lines start (`\r\n`, `\r` and `\n` end a line); line breaks are found with native indexOf. */
function computeLineOffsets(text: string, isAtLineStart: boolean, textOffset = 0): number[] {
  const result: number[] = isAtLineStart ? [textOffset] : [];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (cr + 1 === lf) {
        result.push(textOffset + lf + 1); // \r\n is one line break
        lf = text.indexOf('\n', lf + 1);
      } else {
        result.push(textOffset + cr + 1);
      }
      cr = text.indexOf('\r', cr + 1);
    } else {
      result.push(textOffset + lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return result;
}

const isEOL = (c: number) => c === 13 || c === 10;

/** The line an offset is on: the last line starting at or before it. */
function lineOf(lineOffsets: number[], offset: number): number {
  let low = 0;
  let high = lineOffsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineOffsets[mid] > offset) high = mid;
    else low = mid + 1;
  }
  return Math.max(low - 1, 0);
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class PieceDocument implements TextDocument {
  private pieces: string[];
  private length: number;
  private joined: string | undefined;
  private lineOffsets: number[] | undefined;
  private edits: { version: number; edit: OffsetEdit }[] = [];
  /** Versions before this one have no edit record (the document was replaced or the record overflowed). */
  private editsFrom: number;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.pieces = [content];
    this.length = content.length;
    this.joined = content;
    this.editsFrom = version;
  }

  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, content);
  }

  static update(document: PieceDocument, changes: TextDocumentContentChangeEvent[], version: number): PieceDocument {
    document.update(changes, version);
    return document;
  }

  getText(range?: Range): string {
    const text = this.text();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    const line = lineOf(lineOffsets, offset);
    offset = this.beforeEOL(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.length;
    return this.beforeEOL(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line < 0 || line >= lineOffsets.length) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    return this.text().substring(this.beforeEOL(next, lineOffsets[line]), next);
  }

  /**
   * The edits that turned version `from` into the current one, in order, or undefined when they are not all known
   * (the text was replaced, or too many edits happened since).
   */
  editsSince(from: number): OffsetEdit[] | undefined {
    if (from === this.version) return [];
    if (from < this.editsFrom || from > this.version) return undefined;
    const out: OffsetEdit[] = [];
    for (const e of this.edits) if (e.version > from) out.push(e.edit);
    return out;
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = wellFormed(change.range);
        let lineOffsets = this.getLineOffsets();
        const start = this.offsetAt(range.start);
        const end = this.offsetAt(range.end);
        const startLine = lineOf(lineOffsets, start);
        const endLine = lineOf(lineOffsets, end);
        this.replace(start, end, change.text);
        this.record(version, { start, end, length: change.text.length });
        const insertedEnd = start + change.text.length;
        const crlfAtStart = this.charCodeAt(start - 1) === 13 && this.charCodeAt(start) === 10;
        const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === 13 && this.charCodeAt(insertedEnd) === 10;
        if (crlfAtStart || crlfAtEnd) {
          // A CRLF pair across an edit boundary is not in the inserted text's own line offsets: recount.
          this.lineOffsets = undefined;
          continue;
        }
        const added = computeLineOffsets(change.text, false, start);
        if (endLine - startLine === added.length) {
          for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
        } else if (added.length < 10000) {
          lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
        } else {
          this.lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(added, lineOffsets.slice(endLine + 1));
        }
        const diff = change.text.length - (end - start);
        if (diff !== 0) {
          for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] += diff;
        }
      } else if ('text' in change) {
        this.pieces = [change.text];
        this.length = change.text.length;
        this.joined = change.text;
        this.lineOffsets = undefined;
        this.edits = [];
        this.editsFrom = version;
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this.version = version;
  }

  private record(version: number, edit: OffsetEdit): void {
    this.edits.push({ version, edit });
    if (this.edits.length > MAX_EDITS) {
      const dropped = this.edits.shift()!;
      // Versions up to the dropped edit's can no longer be brought forward.
      this.editsFrom = Math.max(this.editsFrom, dropped.version);
      while (this.edits.length && this.edits[0].version === dropped.version) this.edits.shift();
    }
  }

  private text(): string {
    if (this.joined === undefined) {
      this.joined = this.pieces.join('');
      this.pieces = [this.joined];
    }
    return this.joined;
  }

  private getLineOffsets(): number[] {
    return (this.lineOffsets ??= computeLineOffsets(this.text(), true));
  }

  private beforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The character at an offset (NaN outside the text), without joining the pieces. */
  private charCodeAt(offset: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(offset);
    if (offset < 0) return NaN;
    for (const p of this.pieces) {
      if (offset < p.length) return p.charCodeAt(offset);
      offset -= p.length;
    }
    return NaN;
  }

  /** Replaces [start, end) with text by splitting pieces; the whole text is not copied. */
  private replace(start: number, end: number, text: string): void {
    const out: string[] = [];
    let pos = 0;
    let inserted = false;
    for (const p of this.pieces) {
      const pEnd = pos + p.length;
      if (pEnd <= start || pos >= end) {
        // Entirely before or after the replaced range (an empty range at a piece boundary lands here too).
        if (!inserted && pos >= end) {
          if (text) out.push(text);
          inserted = true;
        }
        if (p.length) out.push(p);
      } else {
        if (start > pos) out.push(p.slice(0, start - pos));
        if (!inserted) {
          if (text) out.push(text);
          inserted = true;
        }
        if (end < pEnd) out.push(p.slice(end - pos));
      }
      pos = pEnd;
    }
    if (!inserted && text) out.push(text);
    this.pieces = out;
    this.length += text.length - (end - start);
    this.joined = undefined;
    if (this.pieces.length > MAX_PIECES) this.text();
    else if (this.pieces.length === 1) this.joined = this.pieces[0];
    else if (this.pieces.length === 0) this.joined = this.pieces[0] = '';
  }
}
