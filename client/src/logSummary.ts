/**
 * "Summarize Log File…": the server streams the file from disk (VS Code hands files over 50 MB to no extension) and
 * answers with a summary, shown in the "Log Summary" view (vendor → code with count and meaning), a chart webview and
 * exports. A sample line opens in the file itself when VS Code can open it for us, else in a read-only virtual document.
 */
import * as path from 'path';
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import { SummarizeLogRequest, type LogSummary, type SummaryCode, type SummaryVendor } from '../../server/src/protocol';
import { summaryCsv, summaryJson } from '../../server/src/summary/format';
import { chartHtml, count } from './logSummaryChart';
import { meaningOf } from './treeModel';

/** VS Code does not synchronise files over this size with extensions. */
export const SYNC_LIMIT = 50 * 1024 * 1024;
const SCHEME = 'error-codes-summary';
const LOG_FILE = /\.(log|txt|jsonl|gz)$/i;
/** The last summary, per workspace (workspaceState), so a window reload keeps it. */
const SAVED = 'errorCodes.logSummary';

type SummaryNode = { kind: 'vendor'; vendor: SummaryVendor } | { kind: 'code'; vendor: SummaryVendor; code: SummaryCode };

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;

class LogSummaryTree implements vscode.TreeDataProvider<SummaryNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  summary: LogSummary | undefined;

  set(summary: LogSummary | undefined): void {
    this.summary = summary;
    this.changed.fire();
  }

  getChildren(node?: SummaryNode): SummaryNode[] {
    if (!this.summary) return [];
    if (!node) return this.summary.vendors.map((vendor) => ({ kind: 'vendor', vendor }));
    if (node.kind === 'vendor') return node.vendor.codes.map((code) => ({ kind: 'code', vendor: node.vendor, code }));
    return [];
  }

  getTreeItem(node: SummaryNode): vscode.TreeItem {
    if (node.kind === 'vendor') {
      // Collapsed: every vendor's total fits in the view at once; a click opens its codes.
      const item = new vscode.TreeItem(node.vendor.displayName, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = count(node.vendor.count);
      item.id = `vendor:${node.vendor.id}`;
      item.contextValue = 'logSummary.vendor';
      return item;
    }
    const c = node.code;
    const item = new vscode.TreeItem(c.name ? `${c.code} ${c.name}` : c.code, vscode.TreeItemCollapsibleState.None);
    item.id = `code:${node.vendor.id}:${c.code}`;
    // The label has the code and its name: the description says what it means (not the name again).
    item.description = `${count(c.count)} · ${c.title === undefined ? 'not in the registry' : meaningOf({ code: c.code, name: c.name, title: c.title, description: c.description })}`;
    // Plain text (not markdown): registry and log text are data.
    const when = c.firstTime ? `\n${c.firstTime} … ${c.lastTime}` : '';
    item.tooltip = `${c.code}${c.name ? ` ${c.name}` : ''} · ${node.vendor.displayName}\n${c.title ?? 'No enabled vendor defines this code.'}\n${count(c.count)} times, lines ${count(c.firstLine + 1)}–${count(c.lastLine + 1)}${when}\n\n${c.samples.map((s) => `${s.line + 1}: ${s.text}`).join('\n')}`;
    item.contextValue = 'logSummary.code';
    item.command = { command: 'errorCodes.openLogSample', title: 'Open a Sample Line', arguments: [node] };
    return item;
  }
}

/** Sample lines of one code as a read-only document (for files VS Code cannot open for us: over 50 MB, gzip). */
class SampleDocuments implements vscode.TextDocumentContentProvider {
  constructor(private readonly tree: LogSummaryTree) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const summary = this.tree.summary;
    const [vendor, code] = JSON.parse(decodeURIComponent(uri.query)) as [string, string];
    const c = summary?.vendors.find((v) => v.id === vendor)?.codes.find((x) => x.code === code);
    if (!summary || !c) return 'This summary is no longer loaded; run "Summarize Log File…" again.';
    const vendorName = summary.vendors.find((v) => v.id === vendor)?.displayName ?? vendor;
    const header = [`${code} (${vendorName}) in ${summary.file}: ${count(c.count)} times, lines ${count(c.firstLine + 1)}–${count(c.lastLine + 1)}`, `${c.title ?? 'No enabled vendor defines this code.'}`, 'Sample lines (line number: text):', ''];
    return header.concat(c.samples.map((s) => `${s.line + 1}: ${s.text}`)).join('\n') + '\n';
  }
}

/** A log file to summarize: the command's argument (explorer, the big-log offer), or one picked from a list. */
async function pickFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  // The active tab's log first (it may be one VS Code opened without handing it to us), then the workspace's logs.
  const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const activeUri = active instanceof vscode.TabInputText && active.uri.scheme === 'file' && LOG_FILE.test(active.uri.fsPath) ? active.uri : undefined;
  const found = await vscode.workspace.findFiles('**/*.{log,txt,jsonl,gz}', '**/node_modules/**', 500);
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = found
    .filter((uri) => uri.toString() !== activeUri?.toString())
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
    .map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(uri), uri }));
  if (activeUri) items.unshift({ label: path.basename(activeUri.fsPath), description: 'active editor', uri: activeUri });
  items.push({ label: 'Browse…', description: 'choose a file on disk' });
  const choice = await vscode.window.showQuickPick(items, { title: 'Summarize Log File', placeHolder: 'A log file (plain or .gz), read from disk' });
  if (!choice) return undefined;
  if (choice.uri) return choice.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Summarize', filters: { Logs: ['log', 'txt', 'jsonl', 'gz'], 'All files': ['*'] } });
  return picked?.[0];
}

let runs = 0;

/** Shows a summary in the view (a new one, or the one saved before a reload). */
function show(tree: LogSummaryTree, view: vscode.TreeView<SummaryNode>, summary: LogSummary): void {
  tree.set(summary);
  view.description = `${path.basename(summary.file)} · ${count(summary.lines)} lines · ${mb(summary.bytes)}`;
  const warning = summary.changed ?? summary.incomplete;
  view.message = warning ? `Warning: ${warning}. The summary covers what was read.` : summary.vendors.length ? undefined : 'No error codes found in this file.';
}

async function summarize(client: LanguageClient, tree: LogSummaryTree, view: vscode.TreeView<SummaryNode>, state: vscode.Memento, arg: unknown): Promise<LogSummary | undefined> {
  const uri = await pickFile(arg);
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(`Only files on disk can be summarized (not ${uri.scheme}:).`);
    return undefined;
  }
  await client.start();
  const name = path.basename(uri.fsPath);
  const workDoneToken = `errorCodes.summary.${++runs}`;
  try {
    const summary = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Summarizing ${name}`, cancellable: true }, async (progress, token) => {
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const pct = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, pct - reported) });
        reported = Math.max(reported, pct);
      });
      try {
        return await client.sendRequest(SummarizeLogRequest.type, { uri: uri.toString(), workDoneToken }, token);
      } finally {
        listener.dispose();
      }
    });
    show(tree, view, summary);
    void state.update(SAVED, summary);
    await vscode.commands.executeCommand('errorCodes.logSummary.focus');
    const seconds = (summary.elapsedMs / 1000).toFixed(1);
    const text = `${name}: ${count(summary.occurrences)} codes in ${count(summary.lines)} lines${summary.cached ? ' (unchanged since the last summary)' : ` in ${seconds} s`}.`;
    const warning = summary.changed ?? summary.incomplete;
    const shown = warning ? vscode.window.showWarningMessage(`${text} ${warning}.`, 'Show Chart') : vscode.window.showInformationMessage(text, 'Show Chart');
    void shown.then((choice) => choice && vscode.commands.executeCommand('errorCodes.showLogSummaryChart'));
    return summary;
  } catch (e) {
    if ((e as { code?: number }).code === -32800) {
      vscode.window.setStatusBarMessage(`Summary of ${name} cancelled`, 5000);
      return undefined;
    }
    void vscode.window.showErrorMessage(`Could not summarize ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

async function openSample(tree: LogSummaryTree, node: SummaryNode | undefined): Promise<void> {
  const summary = tree.summary;
  if (!summary || node?.kind !== 'code') return;
  const sample = node.code.samples[0];
  if (!sample) return;
  if (!summary.gzip && summary.size <= SYNC_LIMIT) {
    const line = new vscode.Position(sample.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(summary.file), { selection: new vscode.Range(line, line), preview: true });
    return;
  }
  const label = `${path.basename(summary.file)} ${node.vendor.id} ${node.code.code}.log`.replace(/[\\/]/g, '_');
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${label}`, query: encodeURIComponent(JSON.stringify([node.vendor.id, node.code.code])) });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, selection: new vscode.Range(4, 0, 4, 0) });
}

async function exportSummary(tree: LogSummaryTree, format: 'json' | 'csv'): Promise<void> {
  const summary = tree.summary;
  if (!summary) {
    void vscode.window.showInformationMessage('No log summary yet: run "Error Codes: Summarize Log File…" first.');
    return;
  }
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${summary.file.replace(/\.gz$/i, '')}.summary.${format}`), filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] } });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(format === 'json' ? summaryJson(summary) : summaryCsv(summary), 'utf8'));
  void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}.`);
}

function showChart(tree: LogSummaryTree): void {
  const summary = tree.summary;
  if (!summary) {
    void vscode.window.showInformationMessage('No log summary yet: run "Error Codes: Summarize Log File…" first.');
    return;
  }
  const panel = vscode.window.createWebviewPanel('errorCodes.logSummaryChart', `Codes over time: ${path.basename(summary.file)}`, vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
  panel.webview.html = chartHtml(summary, randomBytes(16).toString('base64'));
}

/**
 * Offers a summary when a log over the sync limit is opened: VS Code opens its tab but gives extensions no document,
 * so the tab itself is what we can see.
 */
function offerForBigLogs(subscriptions: vscode.Disposable[]): void {
  const offered = new Set<string>();
  const check = async (tab: vscode.Tab) => {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file' || !LOG_FILE.test(input.uri.fsPath)) return;
    const key = input.uri.toString();
    if (offered.has(key)) return;
    offered.add(key);
    const stat = await Promise.resolve(vscode.workspace.fs.stat(input.uri)).catch(() => undefined);
    if (!stat || stat.size <= SYNC_LIMIT) return;
    const choice = await vscode.window.showInformationMessage(
      `${path.basename(input.uri.fsPath)} is ${mb(stat.size)}: VS Code passes files over 50 MB to no extension, so it gets no hovers or diagnostics. Summarize its error codes from disk?`,
      'Summarize Log File',
    );
    if (choice) await vscode.commands.executeCommand('errorCodes.summarizeLog', input.uri);
  };
  subscriptions.push(vscode.window.tabGroups.onDidChangeTabs((e) => e.opened.concat(e.changed).forEach((tab) => void check(tab))));
  for (const group of vscode.window.tabGroups.all) for (const tab of group.tabs) void check(tab);
}

/** Registers the view, the commands and the big-log offer. */
export function registerLogSummary(client: LanguageClient, subscriptions: vscode.Disposable[], state: vscode.Memento): void {
  const tree = new LogSummaryTree();
  const view = vscode.window.createTreeView('errorCodes.logSummary', { treeDataProvider: tree, showCollapseAll: true });
  const saved = state.get<LogSummary>(SAVED);
  if (saved && typeof saved.file === 'string' && Array.isArray(saved.vendors) && saved.histogram) show(tree, view, saved);
  subscriptions.push(
    view,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, new SampleDocuments(tree)),
    vscode.commands.registerCommand('errorCodes.summarizeLog', (arg: unknown) => summarize(client, tree, view, state, arg)),
    vscode.commands.registerCommand('errorCodes.openLogSample', (node: SummaryNode | undefined) => openSample(tree, node)),
    vscode.commands.registerCommand('errorCodes.exportLogSummaryJson', () => exportSummary(tree, 'json')),
    vscode.commands.registerCommand('errorCodes.exportLogSummaryCsv', () => exportSummary(tree, 'csv')),
    vscode.commands.registerCommand('errorCodes.showLogSummaryChart', () => showChart(tree)),
  );
  offerForBigLogs(subscriptions);
}
