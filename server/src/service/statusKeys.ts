/** Completion of status keys (`'404':`, `"5XX"`, `default`) inside an OpenAPI responses map, in JSON and YAML. */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { CompletionSite, StatusKeySite } from './completionTypes';
import { entryMarkdown } from './hover';
import type { jsonLocation } from './jsonWalk';
import { isResponsesMap, looksLikeOpenApi, rangeHoverMarkdown, statusKeyChoices } from './openapi';

/** Lines looked at above the caret for the line that holds a YAML responses map. */
const MAX_LINES_UP = 2000;

/** A JSON property name being typed in a responses object of an OpenAPI document. */
export function jsonStatusKeySite(text: string, offset: number, loc: ReturnType<typeof jsonLocation>): CompletionSite | undefined {
  const path = loc.path;
  if (path.length < 2 || path[path.length - 2] !== 'responses') return undefined;
  const holderParent = path[path.length - 3];
  if (!isResponsesMap('responses', path.length === 2, typeof holderParent === 'string' ? holderParent : undefined)) return undefined;
  if (!looksLikeOpenApi(text)) return undefined;
  const node = loc.previousNode;
  const quoted = node?.type === 'property' && offset > node.offset && offset < node.offset + node.length + (text[node.offset + node.length - 1] === '"' ? 0 : 1);
  const prefix = quoted ? text.slice(node!.offset + 1, offset) : '';
  if (!/^[0-9A-Za-z]*$/.test(prefix)) return undefined;
  return { numeric: false, symbolic: false, prefix, prefixStart: offset - prefix.length, statusKey: { language: 'json', quoted, colonAfter: false } };
}

/** Indentation of a line, or -1 for a blank or comment-only line. */
function indentOf(line: string): number {
  const m = /^( *)(\S?)/.exec(line)!;
  return m[2] === '' || m[2] === '#' ? -1 : m[1].length;
}

/** A YAML key being typed on its own line under `responses:` of an OpenAPI document. */
export function yamlStatusKeySite(text: string, offset: number, lineStart: number): CompletionSite | undefined {
  if (offset - lineStart > 200) return undefined;
  const linePrefix = text.slice(lineStart, offset);
  const m = /^( +)(['"]?)([0-9A-Za-z]*)$/.exec(linePrefix);
  if (!m) return undefined;
  const indent = m[1].length;
  // Up to the nearest line indented less: it must be `responses:`, and not the root's or `components`' one.
  let end = lineStart - 1;
  let holderIndent = -1;
  for (let n = 0; n < MAX_LINES_UP && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const i = indentOf(line);
    if (i < 0 || i >= indent) continue;
    if (holderIndent < 0) {
      if (!/^ *['"]?responses['"]? *:\s*(?:#.*)?$/.test(line) || i === 0) return undefined;
      holderIndent = i;
      continue;
    }
    if (i < holderIndent) {
      if (i === 0 && /^['"]?components['"]? *:/.test(line)) return undefined;
      break;
    }
  }
  if (holderIndent < 0 || !looksLikeOpenApi(text)) return undefined;
  const lineEnd = text.indexOf('\n', offset);
  const rest = text.slice(offset, lineEnd < 0 ? text.length : lineEnd);
  const prefix = m[3];
  return { numeric: false, symbolic: false, prefix, prefixStart: offset - prefix.length, statusKey: { language: 'yaml', quoted: m[2] !== '', colonAfter: rest.includes(':') } };
}

/** The statuses, ranges and `default` that start with the typed prefix. */
export function statusKeyCompletions(document: TextDocument, site: CompletionSite, key: StatusKeySite, offset: number, registry: Registry): CompletionList {
  const range = { start: document.positionAt(site.prefixStart), end: document.positionAt(offset) };
  const items: CompletionItem[] = [];
  const http = registry.displayName('http');
  statusKeyChoices(registry).forEach((choice, i) => {
    if (!choice.key.startsWith(site.prefix) && !choice.key.toLowerCase().startsWith(site.prefix.toLowerCase())) return;
    let newText = choice.key;
    if (!key.quoted) {
      // OpenAPI wants status keys quoted, so they stay strings in JSON and YAML alike.
      newText = key.language === 'json' ? `"${choice.key}"` : choice.key === 'default' ? 'default' : `'${choice.key}'`;
      if (key.language === 'yaml' && !key.colonAfter) newText += ':';
    }
    const documentation = choice.entry ? entryMarkdown(choice.entry, registry) : rangeHoverMarkdown(choice.key, registry) ?? '';
    items.push({
      label: choice.key,
      labelDetails: { description: http },
      kind: CompletionItemKind.Value,
      detail: `${http} · ${choice.title.slice(0, 120)}`,
      documentation: { kind: 'markdown', value: documentation },
      sortText: String(i).padStart(4, '0'),
      filterText: choice.key,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText },
    });
  });
  return { isIncomplete: false, items };
}
