/**
 * Inlay hints: beside an opaque vendor code in a code position, its name or short title (`5004` → SELFIE_LIVENESS_FAILED,
 * Riset's `412` → Face not detected), with the full entry as the tooltip. Computed from the document's cached
 * analysis, for the requested range only, and only where the hover answers (hoverSubject): never a hint without a hover.
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import type { Settings } from '../settings';
import type { Analysis } from './analysis';
import { entryText, hoverSubject, type TextFormat } from './hover';
import { bound } from './markdown';

/** Longest label, ellipsis included: a hint is a glance, the tooltip has the rest. */
export const MAX_LABEL = 32;
/** Occurrences looked at per request at most: a client asking for a whole 10 MB log gets the first ones, quickly. */
export const MAX_EXAMINED = 10000;
/** How far around a code the line is read for its label already written there (a comment, a log's message). */
const LINE_WINDOW = 300;

/**
 * Text shortened to `max` characters with an ellipsis, at a word boundary when one is near the end; control
 * characters and runs of blanks are gone, a code span's backticks and a final full stop too (a label is plain text).
 */
export function shortLabel(text: string, max = MAX_LABEL): string {
  const clean = bound(text.replace(/`([^`]*)`/g, '$1')).trim().replace(/\.$/, '');
  if (clean.length <= max) return clean;
  let cut = max - 1;
  // Never half a surrogate pair.
  if (/[\ud800-\udbff]/.test(clean[cut - 1])) cut--;
  const space = clean.lastIndexOf(' ', cut);
  if (space >= Math.floor(max * 0.6)) cut = space;
  return clean.slice(0, cut).replace(/[\s,;:.\-–—/]+$/, '') + '…';
}

/** What names an entry in a label: its symbolic name where it has one (Faceki), else its title (Riset, HTTP). */
function labelText(entry: Entry): string {
  return entry.name && entry.name !== entry.code ? entry.name : entry.title;
}

/** The label of an entry, at most `max` characters. */
export function hintLabel(entry: Entry, max = MAX_LABEL): string {
  return shortLabel(labelText(entry), max);
}

/** The text of a label already written near the code on its line (`case 5004: // SELFIE_LIVENESS_FAILED`, `404 Not Found`). */
function lineSays(text: string, start: number, end: number, words: string): boolean {
  if (!words) return true;
  let from = start;
  const lower = Math.max(0, start - LINE_WINDOW);
  while (from > lower && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
  let to = end;
  const upper = Math.min(text.length, end + LINE_WINDOW);
  while (to < upper && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
  return text.slice(from, to).toLowerCase().includes(words.toLowerCase());
}

/**
 * The hints whose positions lie in `range`. Numeric codes only (a symbolic code says what it is); HTTP statuses,
 * registered or unofficial, only with `inlayHints.httpStatuses`; none where the line already writes the label.
 * `format` is the tooltip's (the client's hover format).
 */
export function doInlayHints(document: TextDocument, analysis: Analysis, range: Range, registry: Registry, settings: Settings, format: TextFormat = 'markdown'): InlayHint[] {
  if (!settings.enable || !settings.inlayHints.enabled) return [];
  const occurrences = analysis.occurrences;
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const text = document.getText();
  const tooltips = new Map<Entry, string>();
  const hints: InlayHint[] = [];
  const last = Math.min(occurrences.length, occurrences.lowerBound(from) + MAX_EXAMINED);
  for (let i = occurrences.lowerBound(from); i < last; i++) {
    const start = occurrences.starts[i];
    if (start > to) break;
    if (!occurrences.numeric(i)) continue;
    const occ = analysis.resolve(i);
    const subject = hoverSubject(occ, registry);
    if (!subject || !('entry' in subject)) continue;
    const entry = subject.entry;
    if (entry.vendor === 'http' && !settings.inlayHints.httpStatuses) continue;
    // After a quoted code's closing quote, not inside the string.
    const quote = text.charCodeAt(start - 1);
    const end = (quote === 34 || quote === 39 || quote === 96) && text.charCodeAt(occ.end) === quote ? occ.end + 1 : occ.end;
    if (end > to) continue;
    if (lineSays(text, start, occ.end, hintLabel(entry, Infinity))) continue;
    let tooltip = tooltips.get(entry);
    if (tooltip === undefined) tooltips.set(entry, (tooltip = entryText(entry, registry, format)));
    hints.push({ position: document.positionAt(end), label: hintLabel(entry), paddingLeft: true, tooltip: { kind: format, value: tooltip } });
  }
  return hints;
}
