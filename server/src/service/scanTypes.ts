/** What the scanners find: raw occurrences of codes in code positions, and the groups that give them context. */
import type { Groups } from './groups';
import type { Occurrences } from './occurrences';

export type { GroupKind, RawOccurrence, SwitchShape, Via } from './occurrenceTypes';

export interface ScanResult {
  /** In text order. */
  occurrences: Occurrences;
  /** Group 0 is the document's block; each group knows its kind, parent and the vendor hint keys in it. */
  groups: Groups;
  /** Hint keys found anywhere in the document, with counts. */
  docHintKeys: Map<string, number>;
  /** Groups no occurrence refers to any more, left by incremental rescans of logs. */
  orphanGroups?: number;
}

/** An edit in offsets of the text before it: [start, end) became `length` characters. */
export interface OffsetEdit {
  start: number;
  end: number;
  length: number;
}

/** Everything a scanner needs to know besides the text. */
export interface ScanContext {
  codeKeys: import('./keys').CodeKeys;
  /** Is this a known symbolic token (code or name)? */
  isSymbolic(token: string): boolean;
  /** Vendor hint keys. */
  hintKeys: ReadonlyMap<string, readonly string[]>;
  /** Names that mirror codes, and HTTP constant namespaces. */
  names: import('./constants').ConstantNames;
}

export { SYMBOLIC_CODE as SYMBOLIC_RE } from '../codeShapes';

export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** Finds UPPER_SNAKE words inside a piece of text (a string's content, a comment) and reports the known ones. */
export function symbolicWordsIn(
  text: string,
  from: number,
  to: number,
  ctx: ScanContext,
  emit: (start: number, end: number, token: string) => void,
): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90 || (i > from && isWordChar(text.charCodeAt(i - 1)))) continue;
    let j = i + 1;
    let underscore = false;
    while (j < to) {
      const d = text.charCodeAt(j);
      if ((d >= 65 && d <= 90) || (d >= 48 && d <= 57)) j++;
      else if (d === 95) {
        underscore = true;
        j++;
      } else break;
    }
    if (underscore && (j >= to || !isWordChar(text.charCodeAt(j)))) {
      const token = text.slice(i, j);
      if (ctx.isSymbolic(token)) emit(i, j, token);
    }
    i = j;
  }
}
