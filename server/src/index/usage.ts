/**
 * What the workspace index keeps of one file: each occurrence's resolved code (vendor + code) and its range, in
 * columns of numbers. Built from the same Analysis that hovers read, in the index worker for files on disk and on the
 * main thread for open documents, so a place in the index is exactly a place where the hover names that entry.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import type { Analysis } from '../service/analysis';
import { isTestFile } from '../service/diagnostics';
import { handlesPlace } from '../service/handling';
import { languageRow } from '../service/languages';
import { StringIds } from '../service/occurrences';
import { usageKey } from '../protocol';

/** One file's places. `keys` is the file's own table of `vendor\ncode` keys; `places` holds 6 numbers per place. */
export interface FileUsage {
  uri: string;
  keys: string[];
  /** Per place: key index, start line, start character, end line, end character, 1 if it handles the code. */
  places: Uint32Array;
}

export const PLACE_WIDTH = 6;

export { usageKey };

export function splitKey(key: string): { vendor: string; code: string } {
  const nl = key.indexOf('\n');
  return { vendor: key.slice(0, nl), code: key.slice(nl + 1) };
}

/** The locations of the places in a file's column whose key is `id`, in text order. */
export function locationsOf(uri: string, places: Uint32Array, id: number): Location[] {
  const out: Location[] = [];
  for (let p = 0; p < places.length; p += PLACE_WIDTH) {
    if (places[p] !== id) continue;
    out.push({ uri, range: { start: { line: places[p + 1], character: places[p + 2] }, end: { line: places[p + 3], character: places[p + 4] } } });
  }
  return out;
}

/**
 * Source code handles codes; a test that asserts a code, an OpenAPI file that declares it and a log that reports it
 * do not. Their places are still references. `path` is the file's path inside its workspace folder, so a folder that
 * itself lives under `tests/` does not make every file a test.
 */
export function handlesCodes(kind: Analysis['kind'], path: string): boolean {
  return languageRow(kind).source && !isTestFile(path);
}

/**
 * The places of an analysed document: one per line and code (a line `a === 5004 || b === 5004`, or a case with its
 * name in the comment beside it, is one place), under the best entry's vendor and code, ranged on the code as written
 * where the line has it. A place handles its code when any of its occurrences does (service/handling.ts).
 * `relativePath` is its path inside its workspace folder (for the test-file rule; the URI when there is none).
 */
export function fileUsage(document: TextDocument, analysis: Analysis, relativePath?: string): FileUsage {
  const handles = handlesCodes(analysis.kind, relativePath ?? document.uri);
  const text = document.getText();
  const keys = new StringIds();
  const n = analysis.occurrences.length;
  const places = new Uint32Array(n * PLACE_WIDTH);
  const { starts, ends } = analysis.occurrences;
  /** `line key` → the place's offset in `places`, and how well its range names the code (2 the code itself, 1 not a comment). */
  const onLine = new Map<string, { at: number; rank: number }>();
  let used = 0;
  for (let i = 0; i < n; i++) {
    const best = analysis.best(i);
    if (!best) continue;
    const id = keys.id(usageKey(best.vendor, best.code));
    const start = document.positionAt(starts[i]);
    const handled = handles && handlesPlace(analysis, i, text) ? 1 : 0;
    const rank = analysis.occurrences.via(i) === 'comment' ? 0 : unquoted(text.slice(starts[i], ends[i])) === best.code ? 2 : 1;
    const lineKey = `${start.line} ${id}`;
    const seen = onLine.get(lineKey);
    let at = used;
    if (seen) {
      at = seen.at;
      places[at + 5] |= handled;
      if (rank <= seen.rank) continue;
      seen.rank = rank;
    } else {
      onLine.set(lineKey, { at, rank });
      places[at] = id;
      places[at + 5] = handled;
      used += PLACE_WIDTH;
    }
    const end = document.positionAt(ends[i]);
    places[at + 1] = start.line;
    places[at + 2] = start.character;
    places[at + 3] = end.line;
    places[at + 4] = end.character;
  }
  return { uri: document.uri, keys: keys.strings, places: used === places.length ? places : places.slice(0, used) };
}

function unquoted(s: string): string {
  return /^(['"`]).*\1$/.test(s) ? s.slice(1, -1) : s;
}
