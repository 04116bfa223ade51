/**
 * What the workspace index keeps of one file: each occurrence's resolved code (vendor + code) and its range, in
 * columns of numbers. Built from the same Analysis that hovers read, in the index worker for files on disk and on the
 * main thread for open documents, so a place in the index is exactly a place where the hover names that entry.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../service/analysis';
import { isTestFile } from '../service/diagnostics';

/** One file's places. `keys` is the file's own table of `vendor\ncode` keys; `places` holds 5 numbers per place. */
export interface FileUsage {
  uri: string;
  keys: string[];
  /** Per place: key index, start line, start character, end line, end character. */
  places: Uint32Array;
  /** Whether places here count as handling a code (source code that is not a test; see handlesCodes). */
  handles: boolean;
}

export const PLACE_WIDTH = 5;

/** The key of a vendor's code in the index. */
export function usageKey(vendor: string, code: string): string {
  return `${vendor}\n${code}`;
}

export function splitKey(key: string): { vendor: string; code: string } {
  const nl = key.indexOf('\n');
  return { vendor: key.slice(0, nl), code: key.slice(nl + 1) };
}

/**
 * Source code handles codes; a test that asserts a code, an OpenAPI file that declares it and a log that reports it
 * do not. Their places are still references.
 */
export function handlesCodes(kind: Analysis['kind'], uri: string): boolean {
  return (kind === 'ts' || kind === 'python' || kind === 'php') && !isTestFile(uri);
}

/** The places of an analysed document: every occurrence with a best entry, under that entry's vendor and code. */
export function fileUsage(document: TextDocument, analysis: Analysis): FileUsage {
  const keys: string[] = [];
  const ids = new Map<string, number>();
  const n = analysis.occurrences.length;
  const places = new Uint32Array(n * PLACE_WIDTH);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const best = analysis.resolve(i).candidates[0];
    if (!best) continue;
    const key = usageKey(best.vendor, best.code);
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      ids.set(key, id);
    }
    const start = document.positionAt(analysis.occurrences.starts[i]);
    const end = document.positionAt(analysis.occurrences.ends[i]);
    places.set([id, start.line, start.character, end.line, end.character], used);
    used += PLACE_WIDTH;
  }
  return { uri: document.uri, keys, places: used === places.length ? places : places.slice(0, used), handles: handlesCodes(analysis.kind, document.uri) };
}
