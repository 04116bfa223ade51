/** A language status item for the active file: which vendor(s) its codes resolve to. */
import * as vscode from 'vscode';
import { DocumentVendorsRequest } from '../../server/src/protocol';
import { LANGUAGES } from './client';
import type { RequestSender } from './commands';

const UPDATE_DELAY_MS = 300;

export function registerLanguageStatus(client: RequestSender, subscriptions: vscode.Disposable[]): void {
  const item = vscode.languages.createLanguageStatusItem('errorCodes.vendors', LANGUAGES.map((language) => ({ language })));
  item.name = 'API Error Codes';
  item.command = { title: 'Show Codes', command: 'errorCodes.tree.focus' };
  subscriptions.push(item);
  let timer: NodeJS.Timeout | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !LANGUAGES.includes(editor.document.languageId)) return;
    try {
      const { vendors } = await client.sendRequest<unknown, { vendors: { displayName: string }[] }>(DocumentVendorsRequest.type, {
        uri: editor.document.uri.toString(),
      });
      item.text = vendors.length ? `Error codes: ${vendors.slice(0, 2).map((v) => v.displayName).join(', ')}` : 'Error codes';
      item.detail = vendors.length ? 'vendors resolved from this file' : 'no vendor hints in this file';
    } catch {
      item.text = 'Error codes';
      item.detail = 'server not ready';
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), UPDATE_DELAY_MS);
  };
  subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) schedule();
    }),
    { dispose: () => clearTimeout(timer) },
  );
  schedule();
}
