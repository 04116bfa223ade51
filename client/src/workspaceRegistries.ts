/**
 * Sends the workspace's registry files to the server: every `*.errorcodes.json` and the files named by
 * `errorCodes.registryFiles`, again whenever one changes. In Restricted Mode workspace files and workspace-level
 * `registryFiles` are ignored (user settings still apply) and the tree says why.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { MAX_REGISTRY_BYTES as MAX_BYTES, REGISTRY_FILE, WorkspaceRegistriesNotification, type WorkspaceRegistryFile } from '../../server/src/protocol';

const PATTERN = '**/*.errorcodes.json';
const RESYNC_DELAY_MS = 200;

export interface NotificationSender {
  sendNotification<P>(type: { method: string } & object, params: P): Promise<void>;
}

/** The registryFiles paths in force: user settings always, workspace and folder settings only when trusted. */
function configuredFiles(trusted: boolean): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const add = (p: string, base?: vscode.Uri) => {
    if (path.isAbsolute(p)) uris.push(vscode.Uri.file(p));
    else if (base) uris.push(vscode.Uri.joinPath(base, p));
  };
  const inspect = vscode.workspace.getConfiguration('errorCodes').inspect<string[]>('registryFiles');
  for (const p of inspect?.globalValue ?? []) add(p, folders[0]?.uri);
  if (trusted) {
    for (const p of inspect?.workspaceValue ?? []) add(p, folders[0]?.uri);
    for (const folder of folders) {
      for (const p of vscode.workspace.getConfiguration('errorCodes', folder.uri).inspect<string[]>('registryFiles')?.workspaceFolderValue ?? []) add(p, folder.uri);
    }
  }
  return uris;
}

async function read(uri: vscode.Uri, notices: string[]): Promise<WorkspaceRegistryFile | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_BYTES) {
      notices.push(`${path.basename(uri.path)} is over 16 MB and was not loaded.`);
      return undefined;
    }
    return { uri: uri.toString(), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (e) {
    notices.push(`${uri.fsPath} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export function syncWorkspaceRegistries(client: NotificationSender, subscriptions: vscode.Disposable[]): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const sync = async () => {
    const trusted = vscode.workspace.isTrusted;
    const notices: string[] = [];
    const uris = trusted ? await vscode.workspace.findFiles(PATTERN, '**/node_modules/**', 1000) : [];
    if (!trusted) notices.push('Restricted Mode: *.errorcodes.json files and registryFiles from workspace settings are ignored until you trust this workspace.');
    const all = new Map<string, vscode.Uri>();
    for (const uri of [...uris, ...configuredFiles(trusted)]) all.set(uri.toString(), uri);
    const files = (await Promise.all([...all.values()].map((u) => read(u, notices)))).filter((f): f is WorkspaceRegistryFile => !!f);
    await client.sendNotification(WorkspaceRegistriesNotification.type, { files, notices });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void sync(), RESYNC_DELAY_MS);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(PATTERN);
  subscriptions.push(
    watcher,
    watcher.onDidCreate(schedule),
    watcher.onDidChange(schedule),
    watcher.onDidDelete(schedule),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (REGISTRY_FILE.test(d.uri.path) || configuredFiles(vscode.workspace.isTrusted).some((u) => u.toString() === d.uri.toString())) schedule();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(schedule),
    vscode.workspace.onDidChangeWorkspaceFolders(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('errorCodes.registryFiles')) schedule();
    }),
    { dispose: () => clearTimeout(timer) },
  );
  return sync;
}
