/**
 * The codes of one line of text read as a log line (a terminal's line, for the VS Code client's terminal links): the
 * log scanner's rules that need nothing but the line — code keys (`status=604`, `"code": 5004`), known access-log
 * shapes, symbolic codes — resolved as a one-line log document would be, so the vendor hints on the line count.
 * No column inference: that reads a file's other lines.
 */
import type { LineCode } from '../protocol';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { resolveScan, scanContext } from './analysis';
import { hoverSubject } from './hover';
import { hintLabel, shortLabel } from './inlayHints';
import { bound } from './markdown';
import { scanLog } from './scanLog';

/**
 * The codes of `line`, read up to `maxLength` characters (a code cut by that end is left out), at most `maxCodes`
 * of them, each one the hover would answer for.
 */
export function codesInLine(line: string, registry: Registry, settings: Settings, maxLength: number, maxCodes: number): LineCode[] {
  if (!settings.enable || maxCodes <= 0) return [];
  // Only the first line: a terminal hands over one line, anything after a break is not on it.
  const cut = /[\r\n]/.exec(line)?.index ?? line.length;
  const truncated = Math.min(cut, maxLength) < line.length;
  const text = line.slice(0, Math.min(cut, maxLength));
  const result = scanLog(text, scanContext(registry, settings), 0, text.length, undefined);
  const analysis = resolveScan({ uri: 'line:', version: 0, kind: 'log' }, text, result, registry, settings);
  const codes: LineCode[] = [];
  for (let i = 0; i < analysis.occurrences.length && codes.length < maxCodes; i++) {
    const occ = analysis.resolve(i);
    if (truncated && occ.end >= text.length) continue;
    const subject = hoverSubject(occ, registry);
    if (!subject || !('entry' in subject)) continue;
    const e = subject.entry;
    const name = e.name && e.name !== e.code ? ` ${e.name}` : '';
    // Faceki's titles are its names: its description says what the code means.
    const meaning = e.title !== e.name && e.title !== e.code ? e.title : e.description;
    const title = meaning ? `: ${shortLabel(meaning, 200)}` : '';
    codes.push({
      start: occ.start,
      end: occ.end,
      vendor: e.vendor,
      code: e.code,
      label: hintLabel(e),
      tooltip: bound(`${e.code}${name} · ${registry.displayName(e.vendor)}${title}`, 300),
    });
  }
  return codes;
}
