/** Hover: the best entry for the code under the cursor, then the other vendors that define it. */
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { occurrenceAt, vendorStatuses, type Analysis } from './analysis';
import { codeSpan, escapeMarkdown, prose, safeLink } from './markdown';
import { isResponseKey, rangeHoverMarkdown } from './openapi';

/** At most this many alternatives are listed under the best entry. */
const MAX_ALTERNATIVES = 5;

/** The full entry as markdown; used by hover, completion documentation and the tree's tooltip. */
export function entryMarkdown(entry: Entry, registry: Registry): string {
  const lines: string[] = [];
  const name = entry.name && entry.name !== entry.code ? ` ${codeSpan(entry.name)}` : '';
  const workspace = entry.origin === 'workspace' ? ' *(workspace)*' : '';
  lines.push(`**${escapeMarkdown(entry.code, 200)}**${name} · ${escapeMarkdown(registry.displayName(entry.vendor), 200)}${workspace}`);
  lines.push('');
  const facts = [`*${escapeMarkdown(entry.category, 200)}*`];
  if (entry.httpStatus !== undefined && String(entry.httpStatus) !== entry.code) facts.push(`HTTP ${entry.httpStatus}`);
  // Faceki's titles are its symbolic names, already in the headline.
  const titled = entry.title !== entry.name && entry.title !== entry.code;
  lines.push(titled ? `**${prose(entry.title, 300)}** — ${facts.join(' · ')}` : facts.join(' · '));
  if (entry.description && entry.description !== entry.title) {
    lines.push('');
    lines.push(prose(entry.description));
  }
  for (const note of entry.notes ?? []) {
    lines.push('');
    lines.push(`*Note:* ${prose(note, 500)}`);
  }
  const link = safeLink(`${registry.displayName(entry.vendor)} documentation`, entry.docsUrl ?? registry.vendors.get(entry.vendor)?.docsUrl);
  if (link) {
    lines.push('');
    lines.push(link);
  }
  return lines.join('\n');
}

function alternative(entry: Entry, registry: Registry): string {
  const name = entry.name && entry.name !== entry.code ? ` ${codeSpan(entry.name)}` : '';
  return `- also ${escapeMarkdown(registry.displayName(entry.vendor), 200)} ${escapeMarkdown(entry.code, 50)}${name} ${prose(entry.title, 200)}`;
}

export function doHover(document: TextDocument, analysis: Analysis, offset: number, registry: Registry): Hover | null {
  const occ = occurrenceAt(analysis, offset);
  if (occ && isResponseKey(occ)) {
    // An OpenAPI responses key is an HTTP status whatever else defines the number; ranges and `default` too.
    const range = rangeHoverMarkdown(occ.code, registry);
    const http = occ.candidates.find((e) => e.vendor === 'http');
    if (!range && !http) return null;
    return {
      contents: { kind: 'markdown', value: range ?? entryMarkdown(http!, registry) },
      range: { start: document.positionAt(occ.start), end: document.positionAt(occ.end) },
    };
  }
  if (!occ || occ.candidates.length === 0) return null;
  const [best, ...others] = occ.candidates;
  const parts = [entryMarkdown(best, registry)];
  const statusVendor = occ.numeric && occ.resolvedVendor && occ.resolvedVendor !== best.vendor ? occ.resolvedVendor : undefined;
  if (statusVendor && vendorStatuses(registry, statusVendor).has(occ.code)) {
    const codes = registry.vendors.get(statusVendor)!.entries.filter((e) => String(e.httpStatus) === occ.code);
    const sample = codes.slice(0, 3).map((e) => codeSpan(e.code)).join(', ');
    parts.push(`${escapeMarkdown(registry.displayName(statusVendor))} answers HTTP ${escapeMarkdown(occ.code)} for ${codes.length} of its codes: ${sample}${codes.length > 3 ? ', …' : ''}`);
  }
  if (others.length) {
    parts.push(others.slice(0, MAX_ALTERNATIVES).map((e) => alternative(e, registry)).join('\n') + (others.length > MAX_ALTERNATIVES ? `\n- and ${others.length - MAX_ALTERNATIVES} more` : ''));
  }
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return {
    contents,
    range: { start: document.positionAt(occ.start), end: document.positionAt(occ.end) },
  };
}
