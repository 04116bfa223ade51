/** Command handlers. Each takes what it needs as arguments, so tests can call them with stubs. */
import * as vscode from 'vscode';
import { CodeAtRequest } from '../../server/src/protocol';
import type { ErrorCodesTree } from './tree';
import { entryText, findCode, searchCodes, type CodeNode, type Node } from './treeModel';

/** The part of the language client the commands use. */
export interface RequestSender {
  sendRequest<P, R>(type: { method: string } & object, params: P): Promise<R>;
}

export function isCode(node: unknown): node is CodeNode {
  return typeof node === 'object' && node !== null && (node as Node).kind === 'code';
}

export async function copyCode(node: unknown): Promise<void> {
  if (!isCode(node)) return;
  await vscode.env.clipboard.writeText(node.entry.code);
  vscode.window.setStatusBarMessage(`Copied ${node.entry.code}`, 3000);
}

export async function copyName(node: unknown): Promise<void> {
  if (!isCode(node)) return;
  const text = node.entry.name ?? node.entry.code;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
}

export async function insertAtCursor(node: unknown): Promise<boolean> {
  if (!isCode(node)) return false;
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Open an editor to insert the code into.');
    return false;
  }
  return editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, node.entry.code);
  });
}

/** Opens an http(s) documentation link of a code or vendor; anything else is refused. */
export async function openDocs(node: unknown): Promise<boolean> {
  const url = isCode(node) ? node.entry.docsUrl : (node as Node | undefined)?.kind === 'vendor' ? (node as { vendor: { docsUrl?: string } }).vendor.docsUrl : undefined;
  if (!url || !/^https?:\/\//i.test(url)) {
    void vscode.window.showInformationMessage('This vendor publishes no documentation link.');
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}

async function showEntry(node: CodeNode): Promise<void> {
  const e = node.entry;
  const actions = ['Copy Code', ...(e.docsUrl ? ['Open Docs'] : [])];
  const choice = await vscode.window.showInformationMessage(`${e.code}${e.name && e.name !== e.code ? ` ${e.name}` : ''} · ${node.vendorName}: ${e.title}`, ...actions);
  if (choice === 'Copy Code') await copyCode(node);
  else if (choice === 'Open Docs') await openDocs(node);
}

interface CodePick extends vscode.QuickPickItem {
  node: CodeNode;
}

/** Search across all vendors; the chosen code is revealed in the tree and its entry shown. */
export async function search(tree: ErrorCodesTree, view: vscode.TreeView<Node>): Promise<CodeNode | undefined> {
  const vendors = await tree.load();
  // Our own match (searchCodes: every word, in code, name, title, description, vendor); `alwaysShow` keeps VS Code's
  // fuzzy filter, which reads only what a row shows and `FACE_TOO_SMALL` not as "too small", from hiding its results.
  const items = (query: string): CodePick[] =>
    searchCodes(vendors, query).map((node) => ({
      label: node.entry.code,
      description: `${node.vendorName} · ${entryText(node.entry)}`,
      node,
      alwaysShow: true,
    }));
  const pick = vscode.window.createQuickPick<CodePick>();
  pick.title = 'Search Error Codes';
  pick.placeholder = 'Code, name, vendor or words of the description';
  pick.items = items('');
  const picked = await new Promise<CodePick | undefined>((resolve) => {
    pick.onDidChangeValue((value) => (pick.items = items(value)));
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!picked) return undefined;
  await view.reveal(picked.node, { select: true, focus: true, expand: true });
  void showEntry(picked.node);
  return picked.node;
}

/** Reveals the code under the cursor in the tree, as the server resolved it. */
export async function revealInTree(client: RequestSender, tree: ErrorCodesTree, view: vscode.TreeView<Node>): Promise<CodeNode | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = await client.sendRequest<unknown, { vendor: string; code: string } | null>(CodeAtRequest.type, {
    uri: editor.document.uri.toString(),
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  });
  const node = await reveal(tree, view, at);
  if (!node) void vscode.window.showInformationMessage('No known error code under the cursor.');
  return node;
}

/** Reveals a vendor's code in the tree and shows its entry, as Search does with its choice (a terminal link's target). */
export async function revealCode(tree: ErrorCodesTree, view: vscode.TreeView<Node>, vendor: string, code: string): Promise<CodeNode | undefined> {
  const node = await reveal(tree, view, { vendor, code });
  if (node) void showEntry(node);
  else void vscode.window.showInformationMessage(`${code} is not in the Error Codes tree.`);
  return node;
}

async function reveal(tree: ErrorCodesTree, view: vscode.TreeView<Node>, at: { vendor: string; code: string } | null): Promise<CodeNode | undefined> {
  const node = at ? findCode(await tree.load(), at.vendor, at.code) : undefined;
  if (node) await view.reveal(node, { select: true, focus: true, expand: true });
  return node;
}
