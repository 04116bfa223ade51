/**
 * Completion: numbers after numeric code positions (`=== `, `status: `, `.status(`, `case ` in a code switch, `code=`),
 * symbolic codes in string code positions, and symbolic codes matching an UPPER_SNAKE prefix in any string.
 * Nothing outside those places.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { vendorEnabled, type Settings } from '../settings';
import { scanContext, type Analysis } from './analysis';
import { entryText, type TextFormat } from './hover';
import { jsonLocation } from './jsonWalk';
import type { CodeKeys } from './keys';
import { languageRow } from './languages';
import type { CompletionSite } from './completionTypes';
import { jsonStatusKeySite, statusKeyCompletions, yamlStatusKeySite } from './statusKeys';

export type { CompletionSite } from './completionTypes';
import { lineStartOf } from '../utils/lineBreaks';

/** What may be completed at the cursor, and the text already typed. */

const MAX_ITEMS = 500;
const LOOKBACK = 1000;
const SWITCH_LOOKBACK = 20000;
const UPPER_PREFIX = /^[A-Z][A-Z0-9_]+$/;

/** Is the text just before a value a code position? `status: `, `x.code === `, `res.status(`, `case `. */
function codePositionBefore(before: string, keys: CodeKeys, text: string, at: number, analysis: Analysis): boolean {
  let m = /([\w$]+)['"]?\s*:\s*$/.exec(before);
  if (m && !/\?\s*[\w$.]*\s*:\s*$/.test(before)) return !!keys.match(m[1]);
  m = /([\w$]+)['"]?\]?\s*(?:===?|!==?|=)\s*$/.exec(before);
  if (m) return !!keys.match(m[1]);
  m = /\.([\w$]+)\(\s*$/.exec(before);
  if (m) return keys.isStatusCall(m[1]);
  if (/\bcase\s+$/.test(before)) {
    // The engine's switch shapes know every language's switch (Go's and Python's have no parentheses).
    for (const [, shape] of analysis.groups.switchShapes()) if (shape.key !== undefined && shape.open < at && (shape.close < 0 || at <= shape.close)) return true;
    const ids = lastSwitchSubject(text, Math.max(0, at - SWITCH_LOOKBACK), at)?.match(/[\w$]+/g);
    return !!ids && !!keys.match(ids[ids.length - 1]);
  }
  return false;
}

const SWITCH = /\bswitch\s*\(/g;
/** A switch subject longer than this is not one a `case` completion needs to read. */
const MAX_SUBJECT = 500;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/**
 * The subject of the last `switch (…) {` in text[from, to): what the parentheses hold, at most one nested pair deep.
 * Linear in the window: each `switch (` is tried by one forward scan of at most MAX_SUBJECT characters (a
 * backtracking RegExp here took 35 s on 1,600 unclosed `switch (`).
 */
export function lastSwitchSubject(text: string, from: number, to: number): string | undefined {
  const window = text.slice(from, to);
  let last: string | undefined;
  SWITCH.lastIndex = 0;
  for (let m = SWITCH.exec(window); m; m = SWITCH.exec(window)) {
    const start = m.index + m[0].length;
    const found = switchSubjectAt(window, start);
    if (!found) continue;
    last = window.slice(start, found.close);
    SWITCH.lastIndex = found.end;
  }
  return last;
}

/** The closing parenthesis of a switch subject starting at `start`, and the offset past its `{`. */
function switchSubjectAt(s: string, start: number): { close: number; end: number } | undefined {
  let opened = false;
  let closed = 0;
  const limit = Math.min(s.length, start + MAX_SUBJECT);
  for (let i = start; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN_PAREN) {
      if (!closed) opened = true;
    } else if (c === CLOSE_PAREN) {
      const brace = /^\s*\{/.exec(s.slice(i + 1, i + 1 + 200));
      if (brace) return { close: i, end: i + 1 + brace[0].length };
      // One inner pair (`switch (f(x)) {`): its `)` is allowed once, after a `(`.
      if (closed || !opened) return undefined;
      closed = 1;
    }
  }
  return undefined;
}

/** Finds what can be completed at an offset, per language. */
export function completionSite(document: TextDocument, analysis: Analysis, offset: number, keys: CodeKeys): CompletionSite | undefined {
  const text = document.getText();
  const lineStart = lineStartOf(text, offset, offset - LOOKBACK);
  const raw = text.slice(lineStart, offset);
  // A language's other member accesses (PHP's `->`, `?->`, `::`) read as the `.` the rules below look for; padded to
  // the same length so that offsets into the prefix stay right.
  const memberAccess = languageRow(analysis.kind).memberAccess;
  const linePrefix = memberAccess ? raw.replace(memberAccess, (m) => ' '.repeat(m.length - 1) + '.') : raw;

  if (analysis.kind === 'json') {
    const loc = jsonLocation(text, offset);
    if (loc.isAtPropertyKey) return jsonStatusKeySite(text, offset, loc);
    const path = loc.path;
    const last = path[path.length - 1];
    const key = typeof last === 'string' ? last : typeof path[path.length - 2] === 'string' ? (path[path.length - 2] as string) : undefined;
    const node = loc.previousNode;
    const inString = node?.type === 'string' && offset > node.offset && offset < node.offset + node.length;
    const prefix = inString ? text.slice(node!.offset + 1, offset) : /[0-9]*$/.exec(linePrefix)![0];
    const isCode = key !== undefined && !!keys.match(key);
    if (isCode) return { numeric: /^\d*$/.test(prefix), symbolic: inString, prefix, prefixStart: offset - prefix.length };
    if (inString && UPPER_PREFIX.test(prefix)) return { numeric: false, symbolic: true, prefix, prefixStart: offset - prefix.length };
    return undefined;
  }

  if (analysis.kind === 'yaml') {
    const statusKey = yamlStatusKeySite(text, offset, lineStart);
    if (statusKey) return statusKey;
    // A value after a code key on its line: `status: 4`, `code: "ERR`.
    const m = /(?:^|[\s{,])(['"]?)([A-Za-z_][\w.-]*)\1\s*:\s+(['"]?)([A-Za-z0-9_]*)$/.exec(linePrefix);
    if (m && keys.match(m[2])) {
      const prefix = m[4];
      return { numeric: /^\d*$/.test(prefix), symbolic: m[3] !== '' || !/^\d+$/.test(prefix), prefix, prefixStart: offset - prefix.length };
    }
    const w = /(?:^|[^\w])([A-Z][A-Z0-9_]{2,})$/.exec(linePrefix);
    return w ? { numeric: false, symbolic: true, prefix: w[1], prefixStart: offset - w[1].length } : undefined;
  }

  if (analysis.kind === 'log') {
    const m = /([A-Za-z_][\w.-]*)"?\s*[=:]\s*["']?([A-Za-z0-9_]*)$/.exec(linePrefix);
    if (m && keys.match(m[1])) {
      return { numeric: /^\d*$/.test(m[2]), symbolic: !/^\d+$/.test(m[2]), prefix: m[2], prefixStart: offset - m[2].length };
    }
    const w = /(?:^|[^\w])([A-Z][A-Z0-9_]{2,})$/.exec(linePrefix);
    return w ? { numeric: false, symbolic: true, prefix: w[1], prefixStart: offset - w[1].length } : undefined;
  }

  // TypeScript / JavaScript
  const str = /(['"`])([A-Za-z0-9_]*)$/.exec(linePrefix);
  if (str) {
    const quote = str[1];
    const before = linePrefix.slice(0, str.index);
    const quotesBefore = (before.match(new RegExp(`(?<!\\\\)${quote === '`' ? '`' : quote}`, 'g')) ?? []).length;
    if (quotesBefore % 2 === 0) {
      const prefix = str[2];
      if (codePositionBefore(before, keys, text, offset - linePrefix.length + str.index, analysis)) {
        return { numeric: /^\d*$/.test(prefix), symbolic: !/^\d+$/.test(prefix), prefix, prefixStart: offset - prefix.length };
      }
      if (UPPER_PREFIX.test(prefix)) return { numeric: false, symbolic: true, prefix, prefixStart: offset - prefix.length };
      return undefined;
    }
  }
  // Inside a longer string: an UPPER_SNAKE word being typed after other text.
  const inner = /(['"`])[^'"`]*?[^\w]([A-Z][A-Z0-9_]+)$/.exec(linePrefix);
  if (inner && ((linePrefix.slice(0, inner.index).match(new RegExp(inner[1], 'g')) ?? []).length % 2 === 0)) {
    return { numeric: false, symbolic: true, prefix: inner[2], prefixStart: offset - inner[2].length };
  }
  const num = /(\d*)$/.exec(linePrefix)!;
  const before = linePrefix.slice(0, linePrefix.length - num[1].length);
  if (/[\w$.]$/.test(before)) return undefined;
  if (codePositionBefore(before, keys, text, offset - num[1].length, analysis)) {
    return { numeric: true, symbolic: false, prefix: num[1], prefixStart: offset - num[1].length };
  }
  return undefined;
}

export function doComplete(
  document: TextDocument,
  analysis: Analysis,
  offset: number,
  registry: Registry,
  settings: Settings,
  /** The client's `completionItem.documentationFormat` choice. */
  format: TextFormat = 'markdown',
): CompletionList | null {
  if (!settings.enable) return null;
  const site = completionSite(document, analysis, offset, scanContext(registry, settings).codeKeys);
  if (!site) return null;
  if (site.statusKey) return statusKeyCompletions(document, site, site.statusKey, offset, registry);
  const order = analysis.documentVendors.map((d) => d.vendor);
  const rank = (vendor: string) => {
    const i = order.indexOf(vendor);
    return i >= 0 ? i : order.length + (vendor === 'http' ? 1 : 0);
  };
  const tokens: string[] = [];
  if (site.numeric) tokens.push(...registry.numericTokens.filter((t) => t.startsWith(site.prefix)));
  if (site.symbolic) tokens.push(...registry.symbolicTokens.filter((t) => t.startsWith(site.prefix)));
  const range = { start: document.positionAt(site.prefixStart), end: document.positionAt(offset) };
  const items: CompletionItem[] = [];
  for (const token of tokens) {
    const entries = registry
      .lookup(token)
      .filter((e) => vendorEnabled(settings, e.vendor))
      .sort((a, b) => rank(a.vendor) - rank(b.vendor));
    if (!entries.length) continue;
    const best: Entry = entries[0];
    const vendors = entries.map((e) => registry.displayName(e.vendor));
    items.push({
      label: token,
      labelDetails: { description: vendors.join(', ') },
      kind: /^\d/.test(token) ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
      detail: `${vendors[0]} · ${best.title.slice(0, 120)}`,
      documentation: { kind: format, value: entryText(best, registry, format) },
      sortText: `${String(rank(best.vendor)).padStart(3, '0')}:${token.padStart(12, '0')}`,
      filterText: token,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText: token },
    });
  }
  items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
  return { isIncomplete: items.length > MAX_ITEMS, items: items.slice(0, MAX_ITEMS) };
}
