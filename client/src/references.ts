/**
 * Where codes are used: References from a tree item, the hover's "Used in N places" link, and the tree's
 * "unhandled only" filter. The places come from the server's workspace index.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import type { Location as LspLocation } from 'vscode-languageserver-types';
import { CodeReferencesRequest, UsageAtRequest, type UsageAtResult } from '../../server/src/protocol';
import { isCode } from './commands';
import type { ErrorCodesTree } from './tree';

export const SHOW_REFERENCES = 'errorCodes.showReferences';

/** Shows places in the references peek, anchored at `at` (the editor it opens), or says there are none. */
async function peek(client: LanguageClient, places: LspLocation[], what: string, at?: { uri: vscode.Uri; position: vscode.Position }): Promise<number> {
  if (!places.length) {
    void vscode.window.showInformationMessage(`No place in the workspace uses ${what}.`);
    return 0;
  }
  const locations = places.map((l) => client.protocol2CodeConverter.asLocation(l));
  const anchor = at ?? { uri: locations[0].uri, position: locations[0].range.start };
  if (!at) await vscode.window.showTextDocument(anchor.uri, { preview: true, selection: locations[0].range });
  await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.position, locations);
  return locations.length;
}

/** Tree item → its code's places; returns how many were shown. */
export async function findReferences(client: LanguageClient, node: unknown): Promise<number> {
  if (!isCode(node)) return 0;
  const places = await client.sendRequest(CodeReferencesRequest.type, { vendor: node.vendorId, code: node.entry.code });
  return peek(client, places, `${node.vendorName} ${node.entry.code}`);
}

/** The hover link's command: the places of the code under a position. */
export async function showReferences(client: LanguageClient, uri: unknown, line: unknown, character: unknown): Promise<number> {
  if (typeof uri !== 'string' || typeof line !== 'number' || typeof character !== 'number') return 0;
  const at = await client.sendRequest(UsageAtRequest.type, { uri, position: { line, character } });
  if (!at) return 0;
  const places = await client.sendRequest(CodeReferencesRequest.type, { vendor: at.vendor, code: at.code });
  return peek(client, places, at.code, { uri: vscode.Uri.parse(uri, true), position: new vscode.Position(line, character) });
}

/** The hover's last line: how many places use the code, as a link that lists them. */
export function usageMarkdown(usage: UsageAtResult, uri: string, position: vscode.Position): vscode.MarkdownString {
  const args = encodeURIComponent(JSON.stringify([uri, position.line, position.character]));
  const sofar = usage.partial ? ' so far (indexing…)' : '';
  const text =
    usage.places > 0
      ? `Used in [${usage.places} ${usage.places === 1 ? 'place' : 'places'}](command:${SHOW_REFERENCES}?${args} "Show the places") in the workspace${sofar}`
      : `*Not used in the workspace's files${sofar}*`;
  // Our own text only (numbers and a fixed command); registry text stays in the server's untrusted part.
  const md = new vscode.MarkdownString(text);
  md.isTrusted = { enabledCommands: [SHOW_REFERENCES] };
  return md;
}

/** Hover middleware: the server's hover, plus the usage link (the server leaves it to us; see client.ts). */
export function hoverWithUsage(getClient: () => LanguageClient | undefined): Middleware['provideHover'] {
  return async (document, position, token, next) => {
    const hover = await next(document, position, token);
    const client = getClient();
    if (!hover || !client || token.isCancellationRequested) return hover;
    const uri = document.uri.toString();
    const usage = await client.sendRequest(UsageAtRequest.type, { uri, position: { line: position.line, character: position.character } }, token).then(
      (u) => u,
      () => null,
    );
    if (!usage) return hover;
    return new vscode.Hover([...hover.contents, usageMarkdown(usage, uri, position)], hover.range);
  };
}

/** The tree's "unhandled only" toggle; the context key switches the view's title button, the view says it is on. */
export async function setUnhandledOnly(tree: ErrorCodesTree, view: { description?: string }, on: boolean): Promise<void> {
  await vscode.commands.executeCommand('setContext', 'errorCodes.unhandledOnly', on);
  view.description = on ? 'unhandled codes only' : undefined;
  tree.setUnhandledOnly(on);
  if (on) await tree.refreshCoverage();
}
