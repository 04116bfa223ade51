/** The "Error Codes" sidebar: vendor → category → code, fed by the server's registry request. */
import * as vscode from 'vscode';
import type { CoverageResult, RegistryResult } from '../../server/src/protocol';
import { buildTree, codeCount, coverageText, entryText, vendorText, parentOf, placesText, treeCoverage, unhandledOnly, type CodeNode, type Node, type TreeCoverage, type VendorNode } from './treeModel';

export class ErrorCodesTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private loading: Promise<VendorNode[]> | undefined;
  private vendors: VendorNode[] = [];
  /** Why something is missing from the tree (broken registry files, Restricted Mode); shown as the view's message. */
  notices: string[] = [];
  private readonly noticeListeners: ((notices: string[]) => void)[] = [];

  /** The workspace index's use of each code; undefined until the server has answered once. */
  coverage: TreeCoverage | undefined;
  private coverageLoading: Promise<void> | undefined;
  private coverageAgain = false;
  /** Show only the codes no source file handles ("unhandled only"). */
  unhandledOnly = false;

  constructor(
    private readonly fetch: () => Promise<RegistryResult>,
    private readonly fetchCoverage?: () => Promise<CoverageResult>,
  ) {}

  /** Drops the cached registry; the next read asks the server again. */
  refresh(): void {
    this.loading = undefined;
    this.changed.fire();
    this.refreshCoverage();
  }

  /** Asks the server for the counts again (the index changed) and redraws; one request at a time. */
  refreshCoverage(): Promise<void> {
    if (!this.fetchCoverage) return Promise.resolve();
    if (this.coverageLoading) {
      this.coverageAgain = true;
      return this.coverageLoading;
    }
    this.coverageLoading = (async () => {
      do {
        this.coverageAgain = false;
        try {
          this.coverage = treeCoverage(await this.fetchCoverage!());
        } catch {
          // The counts stay as they were; the registry's own error shows in the view's message.
        }
      } while (this.coverageAgain);
      this.coverageLoading = undefined;
      this.changed.fire();
    })();
    return this.coverageLoading;
  }

  setUnhandledOnly(on: boolean): void {
    this.unhandledOnly = on;
    this.changed.fire();
  }

  onNotices(listener: (notices: string[]) => void): void {
    this.noticeListeners.push(listener);
  }

  load(): Promise<VendorNode[]> {
    this.loading ??= this.fetch().then(
      (result) => {
        this.vendors = buildTree(result);
        this.notices = result.notices;
        for (const l of this.noticeListeners) l(this.notices);
        return this.vendors;
      },
      (e: unknown) => {
        this.loading = undefined;
        this.notices = [`The language server did not answer: ${e instanceof Error ? e.message : String(e)}`];
        for (const l of this.noticeListeners) l(this.notices);
        return [];
      },
    );
    return this.loading;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return this.load();
    if (node.kind === 'vendor') return this.unhandledOnly ? unhandledOnly(node, this.coverage) : node.categories;
    if (node.kind === 'category') return this.unhandledOnly ? (unhandledOnly(this.vendorOf(node.vendorId)!, this.coverage).find((c) => c.id === node.id)?.codes ?? []) : node.codes;
    return [];
  }

  private vendorOf(id: string): VendorNode | undefined {
    return this.vendors.find((v) => v.id === id);
  }

  getParent(node: Node): Node | undefined {
    return parentOf(this.vendors, node);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'vendor') {
      const v = node.vendor;
      const item = new vscode.TreeItem(v.displayName, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `vendor:${node.id}`;
      const flags = [v.origin === 'workspace' ? 'workspace' : '', v.enabled ? '' : 'disabled'].filter(Boolean);
      const n = codeCount(node);
      const coverage = coverageText(this.coverage, v.id);
      item.description = `${vendorText(node, this.coverage, this.unhandledOnly)}${flags.length ? ` · ${flags.join(', ')}` : ''}`;
      item.contextValue = v.docsUrl ? 'vendor.docs' : 'vendor';
      item.iconPath = new vscode.ThemeIcon(v.enabled ? 'organization' : 'circle-slash');
      item.tooltip = `${v.displayName}: ${n} ${n === 1 ? 'code' : 'codes'}${coverage ? `, ${coverage} in the workspace's source code` : ''}${v.enabled ? '' : ' (disabled in errorCodes.vendors)'}`;
      return item;
    }
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `category:${node.id}`;
      item.description = String(node.codes.length);
      item.contextValue = 'category';
      item.iconPath = new vscode.ThemeIcon('list-tree');
      return item;
    }
    return codeItem(node, placesText(this.coverage, node));
  }
}

export function codeItem(node: CodeNode, places?: string): vscode.TreeItem {
  const e = node.entry;
  const item = new vscode.TreeItem(e.code, vscode.TreeItemCollapsibleState.None);
  item.id = `code:${node.id}`;
  const text = entryText(e);
  // The count first: a long title is cut at the end.
  item.description = places ? `${places} · ${text}` : text;
  // Markdown from the server, where registry text is already escaped; never trusted, no HTML, no commands.
  const tooltip = new vscode.MarkdownString(e.tooltip);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  item.tooltip = tooltip;
  item.contextValue = ['code', e.name && e.name !== e.code ? 'named' : '', e.docsUrl ? 'docs' : ''].filter(Boolean).join('.');
  item.iconPath = new vscode.ThemeIcon(/^\d+$/.test(e.code) ? 'symbol-number' : 'symbol-enum-member');
  item.accessibilityInformation = { label: `${e.code}, ${node.vendorName}, ${e.title}` };
  return item;
}
