/**
 * What the workspace index keeps of one file: each occurrence's resolved code (vendor + code) and its range, in
 * columns of numbers. Built from the same Analysis that hovers read, in the index worker for files on disk and on the
 * main thread for open documents, so a place in the index is exactly a place where the hover names that entry.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import type { Analysis } from '../service/analysis';
import { isTestFile } from '../service/diagnostics';
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
 * Whether an occurrence uses its code rather than mentions or defines it: a name in a comment mentions it; a
 * constant's definition (`const FACE_TOO_SMALL = 8008`, `FACE_TOO_SMALL: 8008` in the generated constants) defines
 * it — both its name and its value are places of the code, neither handles it — while a use of the constant
 * (`case FACE_TOO_SMALL:`) does.
 */
function usesCode(analysis: Analysis, i: number, text: string): boolean {
  const occurrences = analysis.occurrences;
  const via = occurrences.via(i);
  if (via === 'comment') return false;
  if (via !== 'constant') return true;
  const occ = occurrences.at(i);
  if (occ.key === undefined || text.slice(occ.start, occ.end) !== occ.key) return false; // the value of a definition
  // The name of a definition: its value follows, after `=` or `:`.
  if (i + 1 < occurrences.length && occurrences.via(i + 1) === 'constant') {
    const next = occurrences.at(i + 1);
    if (next.key === occ.key && /^\s*[:=]\s*['"`]?$/.test(text.slice(occ.end, next.start))) return false;
  }
  return true;
}

/**
 * The places of an analysed document: every occurrence with a best entry, under that entry's vendor and code.
 * `relativePath` is its path inside its workspace folder (for the test-file rule; the URI when there is none).
 */
export function fileUsage(document: TextDocument, analysis: Analysis, relativePath?: string): FileUsage {
  const handles = handlesCodes(analysis.kind, relativePath ?? document.uri);
  const text = handles ? document.getText() : '';
  const keys = new StringIds();
  const n = analysis.occurrences.length;
  const places = new Uint32Array(n * PLACE_WIDTH);
  const { starts, ends } = analysis.occurrences;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const best = analysis.best(i);
    if (!best) continue;
    const id = keys.id(usageKey(best.vendor, best.code));
    const start = document.positionAt(starts[i]);
    const end = document.positionAt(ends[i]);
    places[used] = id;
    places[used + 1] = start.line;
    places[used + 2] = start.character;
    places[used + 3] = end.line;
    places[used + 4] = end.character;
    places[used + 5] = handles && usesCode(analysis, i, text) ? 1 : 0;
    used += PLACE_WIDTH;
  }
  return { uri: document.uri, keys: keys.strings, places: used === places.length ? places : places.slice(0, used) };
}
