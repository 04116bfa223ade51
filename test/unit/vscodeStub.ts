/**
 * The part of the `vscode` API the client's tree and commands use, recorded so tests can assert on it. Installed
 * as the module `vscode` before the client modules load.
 */
import Module from 'node:module';

export const calls = {
  clipboard: [] as string[],
  statusMessages: [] as string[],
  info: [] as string[],
  warnings: [] as string[],
  opened: [] as string[],
  quickPickItems: [] as { label: string; description?: string; detail?: string }[][],
  edits: [] as { text: string }[],
  /** Tree views made (id, provider, the view's own fields), text document content providers and commands registered. */
  treeViews: [] as { id: string; provider: unknown; view: { description?: string; message?: string } }[],
  contentProviders: [] as { scheme: string; provider: unknown }[],
  commands: [] as string[],
};

/** What the next showQuickPick resolves to (an index into its items), the active editor, and the workspace. */
export const state = {
  pick: undefined as number | undefined,
  /** What the user types into a quick pick made with createQuickPick before choosing. */
  typed: undefined as string | undefined,
  activeTextEditor: undefined as unknown,
  isTrusted: true,
  /** The workspace folders (URIs with a scheme and a path). */
  folders: [{ scheme: 'file', path: '/ws' }] as { scheme: string; path: string }[],
  /** errorCodes.registryFiles at each settings level (`workspaceFolderValue` by folder path). */
  registryFiles: { globalValue: undefined as unknown, workspaceValue: undefined as unknown, workspaceFolderValue: {} as Record<string, unknown> },
};

/** Listeners the code under test registered on workspace events, to fire them. */
export const events = {
  grantTrust: [] as (() => void)[],
  foldersChanged: [] as (() => void)[],
  configurationChanged: [] as ((e: { affectsConfiguration(section: string): boolean }) => void)[],
};

export function reset(): void {
  for (const list of Object.values(calls)) list.length = 0;
  state.pick = undefined;
  state.typed = undefined;
  state.activeTextEditor = undefined;
  state.isTrusted = true;
  state.folders = [{ scheme: 'file', path: '/ws' }];
  state.registryFiles = { globalValue: undefined, workspaceValue: undefined, workspaceFolderValue: {} };
  for (const list of Object.values(events)) list.length = 0;
}

const uri = (p: string, scheme = 'file') => ({ scheme, path: p, fsPath: p, toString: () => `${scheme}://${p}` });
const listen =
  <T>(list: T[]) =>
  (listener: T) => (list.push(listener), disposable);
const disposable = { dispose: () => undefined };
const event = () => () => disposable;

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  fired = 0;
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return { dispose: () => undefined };
  };
  fire(e: T): void {
    this.fired++;
    for (const l of this.listeners) l(e);
  }
}

class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  contextValue?: string;
  iconPath?: unknown;
  accessibilityInformation?: unknown;
  constructor(
    public label: string,
    public collapsibleState: number,
  ) {}
}

class MarkdownString {
  isTrusted = true;
  supportHtml = true;
  constructor(public value: string) {}
}

class ThemeIcon {
  constructor(public id: string) {}
}

const vscode = {
  commands: {
    registerCommand: (id: string) => (calls.commands.push(id), disposable),
    executeCommand: async () => undefined,
  },
  workspace: {
    registerTextDocumentContentProvider: (scheme: string, provider: unknown) => (calls.contentProviders.push({ scheme, provider }), disposable),
    get isTrusted() {
      return state.isTrusted;
    },
    get workspaceFolders() {
      return state.folders.map((f, index) => ({ uri: uri(f.path, f.scheme), name: f.path.slice(f.path.lastIndexOf('/') + 1), index }));
    },
    getConfiguration: (_section?: string, scope?: { path: string }) => ({
      inspect: () => ({
        globalValue: state.registryFiles.globalValue,
        workspaceValue: state.registryFiles.workspaceValue,
        workspaceFolderValue: scope ? state.registryFiles.workspaceFolderValue[scope.path] : undefined,
      }),
      get: <T>(_key: string, fallback: T) => fallback,
    }),
    onDidSaveTextDocument: event(),
    onDidGrantWorkspaceTrust: listen(events.grantTrust),
    onDidChangeWorkspaceFolders: listen(events.foldersChanged),
    onDidChangeConfiguration: listen(events.configurationChanged),
  },
  EventEmitter,
  TreeItem,
  MarkdownString,
  ThemeIcon,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  Uri: {
    parse: (s: string) => ({ toString: () => s, scheme: s.split(':')[0] }),
    file: (p: string) => uri(p),
    joinPath: (base: { path: string; scheme: string }, p: string) => uri(`${base.path}/${p}`, base.scheme),
  },
  env: {
    clipboard: { writeText: async (t: string) => void calls.clipboard.push(t) },
    openExternal: async (uri: { toString(): string }) => (calls.opened.push(uri.toString()), true),
  },
  window: {
    createTreeView: (id: string, options: { treeDataProvider: unknown }) => {
      const view = { description: undefined as string | undefined, message: undefined as string | undefined, dispose: () => undefined };
      calls.treeViews.push({ id, provider: options.treeDataProvider, view });
      return view;
    },
    tabGroups: { all: [], activeTabGroup: { activeTab: undefined }, onDidChangeTabs: event() },
    get activeTextEditor() {
      return state.activeTextEditor;
    },
    setStatusBarMessage: (m: string) => (calls.statusMessages.push(m), { dispose: () => undefined }),
    showInformationMessage: async (m: string) => (calls.info.push(m), undefined),
    showWarningMessage: async (m: string) => (calls.warnings.push(m), undefined),
    // A quick pick the command drives itself: on show, the user types `state.typed` (if any), then picks or leaves.
    createQuickPick: <T extends { label: string }>() => {
      const listeners = { value: [] as ((v: string) => void)[], accept: [] as (() => void)[], hide: [] as (() => void)[] };
      const pick = {
        items: [] as T[],
        selectedItems: [] as T[],
        title: '',
        placeholder: '',
        onDidChangeValue: (l: (v: string) => void) => (listeners.value.push(l), disposable),
        onDidAccept: (l: () => void) => (listeners.accept.push(l), disposable),
        onDidHide: (l: () => void) => (listeners.hide.push(l), disposable),
        show: () => {
          if (state.typed !== undefined) for (const l of listeners.value) l(state.typed);
          calls.quickPickItems.push(pick.items);
          if (state.pick === undefined) for (const l of listeners.hide) l();
          else {
            pick.selectedItems = [pick.items[state.pick]];
            for (const l of listeners.accept) l();
          }
        },
        dispose: () => undefined,
      };
      return pick;
    },
    showQuickPick: async <T extends { label: string }>(items: T[]) => {
      calls.quickPickItems.push(items);
      return state.pick === undefined ? undefined : items[state.pick];
    },
  },
};

const resolve = (Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode } as unknown as NodeJS.Module;
