/** Activation and deactivation only: the client, the tree and the commands are built in their own modules. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CoverageRequest, IndexChangedNotification, RegistryChangedNotification, RegistryRequest, type RegistryResult } from '../../server/src/protocol';
import { createClient, LANGUAGES } from './client';
import { copyCode, copyName, insertAtCursor, openDocs, revealCode, revealInTree, search } from './commands';
import { importVendorPage } from './importPage';
import { findReferences, setUnhandledOnly, SHOW_REFERENCES, showReferences } from './references';
import { registerLogSummary } from './logSummary';
import { registerLanguageStatus } from './languageStatus';
import { registerMcpProvider } from './mcp';
import { forwardRegistrySources } from './registrySources';
import { ErrorCodesTree } from './tree';
import { insertConstants } from './typedConstants';
import { terminalLinkProvider } from './terminalLinks';
import type { Node } from './treeModel';

let client: LanguageClient | undefined;

/** What activate returns: the sidebar's provider and view, for the desktop test suite. */
export interface ExtensionApi {
  tree: ErrorCodesTree;
  view: vscode.TreeView<Node>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  // For `editorLangId in errorCodes.languages` in menus.
  void vscode.commands.executeCommand('setContext', 'errorCodes.languages', LANGUAGES);
  const output = vscode.window.createOutputChannel('API Error Codes', { log: true });
  context.subscriptions.push(output);
  // Before the language server starts: agent mode may ask for the MCP server while it is still coming up.
  registerMcpProvider(context, (m) => output.info(m));
  client = createClient(context, output);
  const c = client;

  const activeUri = () => vscode.window.activeTextEditor?.document.uri.toString();
  const tree = new ErrorCodesTree(
    async () => {
      await c.start();
      return c.sendRequest(RegistryRequest.type, { uri: activeUri() }) as Promise<RegistryResult>;
    },
    async () => {
      await c.start();
      return c.sendRequest(CoverageRequest.type, { uri: activeUri() });
    },
  );
  const view = vscode.window.createTreeView<Node>('errorCodes.tree', { treeDataProvider: tree, showCollapseAll: true });
  tree.onNotices((notices) => (view.message = notices.length ? notices.join(' ') : undefined));
  context.subscriptions.push(view);

  const register = (id: string, handler: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  register('errorCodes.copyCode', copyCode);
  register('errorCodes.copyName', copyName);
  register('errorCodes.insertAtCursor', insertAtCursor);
  register('errorCodes.openDocs', openDocs);
  register('errorCodes.search', () => search(tree, view));
  register('errorCodes.refresh', () => tree.refresh());
  register('errorCodes.revealInTree', () => revealInTree(c, tree, view));
  register('errorCodes.showOutput', () => output.show(true));
  forwardRegistrySources(c, context.subscriptions);
  register('errorCodes.restartServer', async () => {
    await c.restart();
    tree.refresh();
  });
  register('errorCodes.importPage', () => importVendorPage(c, output));
  register('errorCodes.findReferences', (node) => findReferences(c, node));
  register(SHOW_REFERENCES, (uri, line, character) => showReferences(c, uri, line, character));
  register('errorCodes.showUnhandledOnly', () => setUnhandledOnly(tree, view, true));
  register('errorCodes.showAllCodes', () => setUnhandledOnly(tree, view, false));
  register('errorCodes.insertConstants', (node) => insertConstants(c, node));

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('errorCodes')) tree.refresh();
    }),
  );
  context.subscriptions.push(vscode.window.registerTerminalLinkProvider(terminalLinkProvider(c, (vendor, code) => revealCode(tree, view, vendor, code))));
  registerLanguageStatus(c, context.subscriptions);
  registerLogSummary(c, context.subscriptions, context.workspaceState);

  await c.start();
  context.subscriptions.push(c.onNotification(RegistryChangedNotification.type, () => tree.refresh()));
  context.subscriptions.push(c.onNotification(IndexChangedNotification.type, () => void tree.refreshCoverage()));
  void tree.refreshCoverage();
  return { tree, view };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
