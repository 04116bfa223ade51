/**
 * What the server may read of the workspace's registry files (Workspace Trust). The server finds, reads and watches
 * them itself (server/src/files/registryFiles.ts, the same discovery as the CLI's); the client adds the two things only
 * it knows: whether the workspace is trusted, and which settings level each `errorCodes.registryFiles` path comes from.
 * In Restricted Mode workspace files and workspace-level `registryFiles` are ignored (user settings still apply) and
 * the server's notice says why in the tree. Folders not on disk (virtual workspaces) have no registry files: the server
 * reads from disk.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { RegistrySourcesNotification, type RegistrySources } from '../../server/src/protocol';
import { normalizeSettings } from '../../server/src/settings';

export interface NotificationSender {
  sendNotification<P>(type: { method: string } & object, params: P): Promise<void>;
}

/** A `registryFiles` value of one settings level, through the settings reader (strings only, at most 100). */
const paths = (value: unknown): string[] => normalizeSettings({ registryFiles: value }).registryFiles;

/** The registryFiles paths in force, absolute: user settings always, workspace and folder settings only when trusted. */
function configuredFiles(trusted: boolean): string[] {
  const out: string[] = [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const add = (p: string, base?: vscode.Uri) => {
    if (path.isAbsolute(p)) out.push(p);
    else if (base?.scheme === 'file') out.push(vscode.Uri.joinPath(base, p).fsPath);
  };
  const inspect = vscode.workspace.getConfiguration('errorCodes').inspect('registryFiles');
  for (const p of paths(inspect?.globalValue)) add(p, folders[0]?.uri);
  if (trusted) {
    for (const p of paths(inspect?.workspaceValue)) add(p, folders[0]?.uri);
    for (const folder of folders) {
      for (const p of paths(vscode.workspace.getConfiguration('errorCodes', folder.uri).inspect('registryFiles')?.workspaceFolderValue)) add(p, folder.uri);
    }
  }
  return [...new Set(out)];
}

/** What the server may read now: `initializationOptions.registrySources` at each start of the server. */
export function registrySources(): RegistrySources {
  const trusted = vscode.workspace.isTrusted;
  return { trusted, registryFiles: configuredFiles(trusted) };
}

/** Tells the server again when trust is granted or `errorCodes.registryFiles` changes. */
export function forwardRegistrySources(client: NotificationSender, subscriptions: vscode.Disposable[]): void {
  // A stopped client refuses; its next start sends the sources in initializationOptions anyway.
  const send = () => void client.sendNotification(RegistrySourcesNotification.type, registrySources()).catch(() => undefined);
  subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    // Relative user-level paths are relative to the first folder.
    vscode.workspace.onDidChangeWorkspaceFolders(send),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('errorCodes.registryFiles')) send();
    }),
  );
}
