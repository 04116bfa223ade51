/**
 * Offers the bundled MCP server (`dist/cli.js mcp`) to VS Code's agent mode, so agents find the engine without
 * configuration. The API came in VS Code 1.101 and `@types/vscode` is pinned to our `engines` (1.91), so the few types
 * are declared here and the API is feature-detected: older VS Code simply has no MCP server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { normalizeSettings } from '../../server/src/settings';

/** The id of `contributes.mcpServerDefinitionProviders` in package.json. */
export const MCP_PROVIDER_ID = 'errorCodes.mcp';
export const MCP_SETTING = 'mcp.enabled';

/** What VS Code starts: the editor's own Node (Electron run as Node), the bundled CLI, the folder as root. */
export interface McpLaunch {
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  version: string;
}

/**
 * One server per workspace folder, none when turned off. In Restricted Mode the server reads no workspace registry
 * file (`--restricted`), as the language server ignores `errorCodes.registryFiles` there.
 */
export function mcpLaunches(o: { enabled: boolean; trusted: boolean; folders: readonly { name: string; fsPath: string }[]; extensionPath: string; execPath: string; version: string }): McpLaunch[] {
  if (!o.enabled) return [];
  const cli = path.join(o.extensionPath, 'dist', 'cli.js');
  return o.folders.map((f) => ({
    label: o.folders.length > 1 ? `API Error Codes: ${f.name}` : 'API Error Codes',
    command: o.execPath,
    args: [cli, 'mcp', '--root', f.fsPath, ...(o.trusted ? [] : ['--restricted'])],
    env: { ELECTRON_RUN_AS_NODE: '1' },
    version: o.version,
  }));
}

/** The parts of VS Code ≥ 1.101's MCP API we use. */
interface McpStdioServerDefinitionCtor {
  new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string): { cwd?: vscode.Uri };
}
interface McpLm {
  registerMcpServerDefinitionProvider(
    id: string,
    provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[] },
  ): vscode.Disposable;
}

/** Registers the provider when this VS Code has the API (`api`: the vscode module, or a test's); returns whether it did. */
export function registerMcpProvider(context: vscode.ExtensionContext, log: (message: string) => void, api: { lm?: Partial<McpLm>; McpStdioServerDefinition?: McpStdioServerDefinitionCtor } = vscode as never): boolean {
  const Definition = api.McpStdioServerDefinition;
  if (typeof api.lm?.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function') {
    log('MCP server: this VS Code has no MCP server API (1.101 or later); agents can still start `api-error-codes mcp` themselves.');
    return false;
  }
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`errorCodes.${MCP_SETTING}`) && changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    // Trust granted: the server may now read the workspace's registry files.
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    api.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => {
        const launches = mcpLaunches({
          enabled: normalizeSettings(vscode.workspace.getConfiguration().get('errorCodes')).mcp.enabled,
          trusted: vscode.workspace.isTrusted,
          folders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => ({ name: f.name, fsPath: f.uri.fsPath })),
          extensionPath: context.extensionPath,
          execPath: process.execPath,
          version: String((context.extension?.packageJSON as { version?: string } | undefined)?.version ?? ''),
        });
        log(`MCP server: VS Code asked for the server definitions; offering ${launches.length} (${launches.map((l) => l.args.slice(3).join(' ')).join('; ') || 'none'}).`);
        return launches.map((l) => new Definition(l.label, l.command, l.args, l.env, l.version));
      },
    }),
  );
  log('MCP server: definition provider registered.');
  return true;
}
