/**
 * The end-to-end checklist through the `vscode` API, for VS Code desktop via @vscode/test-electron
 * (`npm run test:electron`, where VS Code can be downloaded). The browser tier (test/e2e) covers the same list
 * through the UI in code-server. Runs inside the extension host: `run()` is the entry point VS Code calls.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/extension';
import type { CodeNode, VendorNode } from '../../client/src/treeModel';

const EXTENSION_ID = 'api-error-codes.api-error-codes';

async function poll<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v !== undefined && v !== false) return v as T;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function file(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, name));
}

async function hoverText(uri: vscode.Uri, line: number, character: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
}

async function show(name: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(name)));
}

const tests: [string, () => Promise<void>][] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push([name, fn]);
let api: ExtensionApi;

test('hover in TS, JSON and log files shows the right vendor', async () => {
  await show('kyc.ts');
  assert.match(await poll('a Faceki hover', async () => ((await hoverText(file('kyc.ts'), 10, 10)).includes('Faceki') ? hoverText(file('kyc.ts'), 10, 10) : undefined)), /SELFIE_LIVENESS_FAILED/);
  await show('riset-response.json');
  const json = await hoverText(file('riset-response.json'), 3, 14);
  assert.match(json, /Riset\.ai Face API/);
  assert.match(json, /also HTTP 413 Payload Too Large/);
  await show('gateway.log');
  assert.match(await hoverText(file('gateway.log'), 1, 50), /Riset|PeduliLindungi/);
});

test('completion offers codes in a code position and nothing outside', async () => {
  const editor = await show('kyc.ts');
  await editor.edit((e) => e.insert(new vscode.Position(14, 0), '    case 8\n'));
  const inside = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(14, 10));
  const labels = inside.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  assert.ok(labels.includes('8004') && labels.includes('8024'));
  const outside = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(25, 19));
  assert.ok(!outside.items.some((i) => /^\d{3,4}$/.test(typeof i.label === 'string' ? i.label : i.label.label)));
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('an unknown code reaches the diagnostics and its quick fix replaces it', async () => {
  const editor = await show('kyc.ts');
  const diagnostics = await poll('error-codes diagnostics', () => {
    const d = vscode.languages.getDiagnostics(editor.document.uri).filter((x) => x.source === 'error-codes');
    return d.length >= 2 ? d : undefined;
  });
  assert.ok(diagnostics.some((d) => d.message === '5099 is not a Faceki code.'));
  const typo = diagnostics.find((d) => d.code === 'did-you-mean' || (d.code as { value?: string })?.value === 'did-you-mean')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, typo.range);
  const fix = actions.find((a) => a.title.startsWith('Replace with SELFIE_LIVENESS_FAILED'))!;
  assert.ok(await vscode.workspace.applyEdit(fix.edit!));
  assert.ok(editor.document.getText().includes("'SELFIE_LIVENESS_FAILED'"));
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('the sidebar lists every vendor with its count; Copy Code; Reveal in Error Codes', async () => {
  const vendors = (await api.tree.getChildren()) as VendorNode[];
  const described = vendors.map((v) => `${v.vendor.displayName} ${api.tree.getTreeItem(v).description}`);
  assert.deepEqual(described.sort(), ['AILabTools 126 codes', 'Faceki 24 codes', 'HTTP 62 codes', 'Riset.ai Face API 32 codes']);
  const faceki = vendors.find((v) => v.id === 'faceki')!;
  const node = faceki.categories.flatMap((c) => c.codes).find((n) => n.entry.code === '5004') as CodeNode;
  await vscode.commands.executeCommand('errorCodes.copyCode', node);
  assert.equal(await vscode.env.clipboard.readText(), '5004');
  const editor = await show('kyc.ts');
  editor.selection = new vscode.Selection(12, 11, 12, 11);
  await vscode.commands.executeCommand('errorCodes.revealInTree');
  await poll('the revealed code', () => (api.view.selection[0] as CodeNode | undefined)?.entry?.code === '5010');
});

test('settings take effect without reload', async () => {
  const config = vscode.workspace.getConfiguration('errorCodes');
  await config.update('vendors', { 'riset-face': false }, vscode.ConfigurationTarget.Global);
  await show('gateway.log');
  await poll('the Riset hover to go', async () => !/Riset/.test(await hoverText(file('gateway.log'), 1, 50)));
  await config.update('vendors', undefined, vscode.ConfigurationTarget.Global);
  const editor = await show('kyc.ts');
  await config.update('unknownCodeSeverity', 'off', vscode.ConfigurationTarget.Global);
  await poll('warnings to go', () => vscode.languages.getDiagnostics(editor.document.uri).every((d) => d.source !== 'error-codes'));
  await config.update('unknownCodeSeverity', undefined, vscode.ConfigurationTarget.Global);
  await poll('warnings to return', () => vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.source === 'error-codes'));
});

test('Restart Server keeps everything working', async () => {
  await vscode.commands.executeCommand('errorCodes.restartServer');
  await show('kyc.ts');
  await poll('a hover after restart', async () => /Faceki/.test(await hoverText(file('kyc.ts'), 10, 10)));
});

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  api = await extension.activate();
  let failed = 0;
  for (const [name, fn] of tests) {
    try {
      await fn();
      console.log(`✔ ${name}`);
    } catch (e) {
      failed++;
      console.error(`✖ ${name}\n${e instanceof Error ? e.stack : String(e)}`);
    }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${tests.length} tests failed`);
}
