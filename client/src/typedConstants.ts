/** "Error Codes: Insert Constants for Vendor…": a vendor's codes as TypeScript constants, written by the server's generator. */
import * as vscode from 'vscode';
import { RegistryRequest, VendorConstantsRequest, type RegistryResult, type TreeVendor, type VendorConstantsResult } from '../../server/src/protocol';
import type { RequestSender } from './commands';
import type { Node } from './treeModel';

const TS_LANGUAGES = ['typescript', 'typescriptreact'];
const JS_LANGUAGES = ['javascript', 'javascriptreact'];
/** Languages whose constants are a `const ( … )` block (the language table's `constants: 'const-block'`): no style to pick. */
const CONST_BLOCK_LANGUAGES = ['go'];

type Style = 'object' | 'enum';

async function pickVendor(client: RequestSender, uri: string | undefined): Promise<TreeVendor | undefined> {
  const result = await client.sendRequest<unknown, RegistryResult>(RegistryRequest.type, { uri });
  const vendors = result.vendors.filter((v) => v.enabled && v.entries.length);
  if (!vendors.length) {
    void vscode.window.showWarningMessage('No enabled vendor has codes (see the errorCodes.vendors setting).');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    vendors.map((v) => ({ label: v.displayName, description: `${v.entries.length} ${v.entries.length === 1 ? 'code' : 'codes'}`, detail: v.id, vendor: v })),
    { title: 'Insert Constants for Vendor', placeHolder: 'Vendor' },
  );
  return picked?.vendor;
}

async function pickStyle(): Promise<Style | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Object (as const)', description: 'export const … = { … } as const, and a type of its values', style: 'object' as const },
      { label: 'Enum', description: 'export enum … { … }', style: 'enum' as const },
    ],
    { title: 'Insert Constants for Vendor', placeHolder: 'Style' },
  );
  return picked?.style;
}

/**
 * The command: from the palette (pick a vendor, then a style) or a vendor's context menu in the tree (its node).
 * Writes into the active TypeScript/JavaScript editor, else into a new untitled TypeScript document.
 */
export async function insertConstants(client: RequestSender, node?: unknown): Promise<VendorConstantsResult | undefined> {
  const active = vscode.window.activeTextEditor;
  const usable = active && [...TS_LANGUAGES, ...JS_LANGUAGES, ...CONST_BLOCK_LANGUAGES].includes(active.document.languageId) ? active : undefined;
  const fromTree = typeof node === 'object' && node !== null && (node as Node).kind === 'vendor' ? (node as Extract<Node, { kind: 'vendor' }>).vendor : undefined;
  const vendor = fromTree ?? (await pickVendor(client, usable?.document.uri.toString()));
  if (!vendor) return undefined;
  // JavaScript has no enum: its documents always get the frozen object.
  const style = usable && [...JS_LANGUAGES, ...CONST_BLOCK_LANGUAGES].includes(usable.document.languageId) ? 'object' : await pickStyle();
  if (!style) return undefined;
  const editor = usable ?? (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'typescript', content: '' })));
  const document = editor.document;
  const version = document.version;
  const position = usable ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined;
  const result = await client.sendRequest<unknown, VendorConstantsResult | null>(VendorConstantsRequest.type, {
    uri: document.uri.toString(),
    vendor: vendor.id,
    style,
    position,
  });
  if (!result) {
    void vscode.window.showWarningMessage(`${vendor.displayName} is not in the registry any more.`);
    return undefined;
  }
  // The edit is for the text the server held: a keystroke since then would put it in the wrong place.
  if (document.version !== version) {
    void vscode.window.showWarningMessage('The document changed while the constants were generated; run the command again.');
    return undefined;
  }
  const { start, end } = result.edit.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const applied = await editor.edit((b) => b.replace(range, result.edit.newText));
  if (!applied) {
    void vscode.window.showWarningMessage('The constants could not be written into the document.');
    return undefined;
  }
  const lead = Math.max(0, result.edit.newText.indexOf('// #region'));
  const at = document.positionAt(document.offsetAt(range.start) + lead);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  const what = `${result.members} ${vendor.displayName} ${result.members === 1 ? 'constant' : 'constants'}`;
  vscode.window.setStatusBarMessage(`${result.replaced ? 'Updated' : 'Inserted'} ${what}`, 5000);
  return result;
}
