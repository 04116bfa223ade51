/** "Error Codes: Import Vendor Error Page…": a markdown/text page (or the clipboard) → `<vendor>.errorcodes.json`. */
import * as path from 'path';
import * as vscode from 'vscode';
import { ImportPageRequest, type ImportPageResult } from '../../server/src/protocol';
import type { RequestSender } from './commands';

const VENDOR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function suggestId(name: string): string {
  return name.toLowerCase().replace(/\.[^.]+$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'vendor';
}

export async function importVendorPage(client: RequestSender, output: vscode.OutputChannel): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: the imported registry is written into the workspace.');
    return undefined;
  }
  const from = await vscode.window.showQuickPick(['From a Markdown or Text File…', 'From the Clipboard'], { title: 'Import Vendor Error Page' });
  if (!from) return undefined;
  let text: string;
  let source: string;
  if (from.startsWith('From a')) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Error pages': ['md', 'markdown', 'txt'], 'All files': ['*'] } });
    if (!picked?.[0]) return undefined;
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(picked[0]));
    source = picked[0].toString();
  } else {
    text = await vscode.env.clipboard.readText();
    source = 'clipboard';
  }
  const vendorId = await vscode.window.showInputBox({
    title: 'Vendor id',
    prompt: 'Lowercase letters, digits and dashes; reuse a built-in id (faceki, riset-face, ailabtools, http) to add to it',
    value: suggestId(source === 'clipboard' ? 'vendor' : path.basename(vscode.Uri.parse(source).path)),
    validateInput: (v) => (VENDOR_ID.test(v) ? undefined : 'Use lowercase letters, digits and dashes'),
  });
  if (!vendorId) return undefined;
  const displayName = (await vscode.window.showInputBox({ title: 'Vendor display name', value: vendorId })) ?? vendorId;
  const result = await client.sendRequest<unknown, ImportPageResult>(ImportPageRequest.type, { text, vendorId, displayName, source });
  output.appendLine(`Imported ${result.codes} codes from ${source} into ${vendorId}.errorcodes.json`);
  for (const r of result.recognized) output.appendLine(`  line ${r.line}: ${r.shape}, ${r.count} code${r.count === 1 ? '' : 's'}`);
  for (const s of result.skipped) output.appendLine(`  skipped line ${s.line} (${s.block}): ${s.reason}`);
  if (!result.codes) {
    void vscode.window.showWarningMessage(`No error codes were recognised in that page (${result.skipped.length} blocks skipped; see the output).`);
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, `${vendorId}.errorcodes.json`);
  const exists = await vscode.workspace.fs.stat(target).then(() => true, () => false);
  if (exists && (await vscode.window.showWarningMessage(`${vendorId}.errorcodes.json exists. Replace it?`, { modal: true }, 'Replace')) !== 'Replace') return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target);
  void vscode.window
    .showInformationMessage(`Imported ${result.codes} codes into ${vendorId}.errorcodes.json; ${result.skipped.length} blocks skipped.`, 'Show Report')
    .then((choice) => choice && output.show(true));
  return target;
}
