/** Hover: the best entry for the code under the cursor, then the other vendors that define it. */
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { occurrenceAt, vendorStatuses, type Analysis, type ResolvedOccurrence } from './analysis';
import { bound, codeSpan, escapeMarkdown, prose, safeLink, safeUrl } from './markdown';
import { isResponseKey, rangeHoverMarkdown } from './openapi';

/** What a client renders: LSP's MarkupKind values. */
export type TextFormat = 'markdown' | 'plaintext';

/** How one piece of registry text is written in a format; markdown escapes everything, plain text only bounds it. */
interface Writer {
  /** Text that must stay text. */
  text(s: string, max?: number): string;
  /** A code or name, shown as code. */
  code(s: string, max?: number): string;
  /** Registry prose (its `code spans` kept). */
  prose(s: string, max?: number): string;
  strong(s: string): string;
  em(s: string): string;
  link(label: string, url: string | undefined): string | undefined;
  /** Between the best entry and the rest. */
  separator: string;
}

const MARKDOWN: Writer = {
  text: escapeMarkdown,
  code: codeSpan,
  prose,
  strong: (s) => `**${s}**`,
  em: (s) => `*${s}*`,
  link: safeLink,
  separator: '\n\n---\n\n',
};

const PLAINTEXT: Writer = {
  text: bound,
  code: (s, max = 200) => bound(s, max),
  prose: bound,
  strong: (s) => s,
  em: (s) => s,
  link: (label, url) => {
    const href = safeUrl(url);
    return href ? `${bound(label, 200)}: ${href}` : undefined;
  },
  separator: '\n\n',
};

/** The first format of the client's preference list that we write; markdown when the client names none. */
export function preferredFormat(formats: unknown): TextFormat {
  if (!Array.isArray(formats) || !formats.length) return 'markdown';
  return formats.find((f): f is TextFormat => f === 'markdown' || f === 'plaintext') ?? 'markdown';
}

/** At most this many alternatives are listed under the best entry. */
const MAX_ALTERNATIVES = 5;

/** The full entry as markdown; used by hover, completion documentation and the tree's tooltip. */
export function entryMarkdown(entry: Entry, registry: Registry): string {
  return entryText(entry, registry, 'markdown');
}

/** The full entry in a client's format: markdown (escaped), or plain text with no markup at all. */
export function entryText(entry: Entry, registry: Registry, format: TextFormat): string {
  const w = format === 'plaintext' ? PLAINTEXT : MARKDOWN;
  const lines: string[] = [];
  const name = entry.name && entry.name !== entry.code ? ` ${w.code(entry.name)}` : '';
  const workspace = entry.origin === 'workspace' ? ` ${w.em('(workspace)')}` : '';
  lines.push(`${w.strong(w.text(entry.code, 200))}${name} · ${w.text(registry.displayName(entry.vendor), 200)}${workspace}`);
  lines.push('');
  const facts = [w.em(w.text(entry.category, 200))];
  if (entry.httpStatus !== undefined && String(entry.httpStatus) !== entry.code) facts.push(`HTTP ${entry.httpStatus}`);
  // Faceki's titles are its symbolic names, already in the headline.
  const titled = entry.title !== entry.name && entry.title !== entry.code;
  // "unofficial — Cloudflare: Web Server Is Down": who sends a status no registry defines comes first.
  const who = entry.unofficial ? `${w.em(`${w.text(`unofficial — ${entry.unofficial.usedBy}`, 250)}:`)} ` : '';
  lines.push(titled ? `${who}${w.strong(w.prose(entry.title, 300))} — ${facts.join(' · ')}` : facts.join(' · '));
  if (entry.description && entry.description !== entry.title) {
    lines.push('');
    lines.push(w.prose(entry.description));
  }
  for (const note of entry.notes ?? []) {
    lines.push('');
    lines.push(`${w.em('Note:')} ${w.prose(note, 500)}`);
  }
  const link = w.link(`${registry.displayName(entry.vendor)} documentation`, entry.docsUrl ?? registry.vendors.get(entry.vendor)?.docsUrl);
  if (link) {
    lines.push('');
    lines.push(link);
  }
  return lines.join('\n');
}

function alternative(entry: Entry, registry: Registry, w: Writer): string {
  const name = entry.name && entry.name !== entry.code ? ` ${w.code(entry.name)}` : '';
  return `- also ${w.text(registry.displayName(entry.vendor), 200)} ${w.text(entry.code, 50)}${name} ${w.prose(entry.title, 200)}`;
}

/** How many places of the workspace use a vendor's code (`partial` while the index is being built); undefined without an index. */
export type UsageCount = (vendor: string, code: string) => { places: number; partial: boolean } | undefined;

/** The hover's line on where the code is used in the workspace. */
export function usageLine(usage: { places: number; partial: boolean }, format: TextFormat): string {
  const w = format === 'plaintext' ? PLAINTEXT : MARKDOWN;
  const sofar = usage.partial ? ' so far (indexing…)' : '';
  if (usage.places <= 0) return w.em(`Not used in the workspace's files${sofar}`);
  return `Used in ${w.strong(String(usage.places))} ${usage.places === 1 ? 'place' : 'places'} in the workspace${sofar} (Find All References lists them)`;
}

/**
 * What the hover answers for an occurrence: the entry it leads with, or the markdown of a status range (`5XX`) or
 * `default`; undefined where it answers null. Inlay hints and terminal links read this too, so none shows where no
 * hover would.
 */
export function hoverSubject(occ: ResolvedOccurrence, registry: Registry): { entry: Entry } | { range: string } | undefined {
  if (isResponseKey(occ)) {
    // An OpenAPI responses key is an HTTP status whatever else defines the number; ranges and `default` too.
    const range = rangeHoverMarkdown(occ.code, registry);
    if (range) return { range };
    const http = occ.candidates.find((e) => e.vendor === 'http');
    return http ? { entry: http } : undefined;
  }
  return occ.candidates.length ? { entry: occ.candidates[0] } : undefined;
}

/**
 * The hover for the occurrence at `offset`, in the client's format (`textDocument.hover.contentFormat`); with `usage`,
 * a line on how many places in the workspace use the best entry.
 */
export function doHover(document: TextDocument, analysis: Analysis, offset: number, registry: Registry, format: TextFormat = 'markdown', usage?: UsageCount): Hover | null {
  const occ = occurrenceAt(analysis, offset);
  const subject = occ && hoverSubject(occ, registry);
  if (!occ || !subject) return null;
  if (isResponseKey(occ)) {
    return {
      // Status ranges (`4XX`) are written in markdown only.
      contents: 'range' in subject ? { kind: 'markdown', value: subject.range } : { kind: format, value: entryText(subject.entry, registry, format) },
      range: { start: document.positionAt(occ.start), end: document.positionAt(occ.end) },
    };
  }
  const w = format === 'plaintext' ? PLAINTEXT : MARKDOWN;
  const [best, ...others] = occ.candidates;
  const parts = [entryText(best, registry, format)];
  const statusVendor = occ.numeric && occ.resolvedVendor && occ.resolvedVendor !== best.vendor ? occ.resolvedVendor : undefined;
  if (statusVendor && vendorStatuses(registry, statusVendor).has(occ.code)) {
    const codes = registry.vendors.get(statusVendor)!.entries.filter((e) => String(e.httpStatus) === occ.code);
    const sample = codes.slice(0, 3).map((e) => w.code(e.code)).join(', ');
    parts.push(`${w.text(registry.displayName(statusVendor))} answers HTTP ${w.text(occ.code)} for ${codes.length} of its codes: ${sample}${codes.length > 3 ? ', …' : ''}`);
  }
  const used = usage?.(best.vendor, best.code);
  if (used) parts.push(usageLine(used, format));
  if (others.length) {
    parts.push(others.slice(0, MAX_ALTERNATIVES).map((e) => alternative(e, registry, w)).join('\n') + (others.length > MAX_ALTERNATIVES ? `\n- and ${others.length - MAX_ALTERNATIVES} more` : ''));
  }
  const contents: MarkupContent = { kind: format, value: parts.join(w.separator) };
  return {
    contents,
    range: { start: document.positionAt(occ.start), end: document.positionAt(occ.end) },
  };
}
