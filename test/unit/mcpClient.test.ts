import './vscodeStub';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import * as vscode from 'vscode';
import { MCP_PROVIDER_ID, mcpLaunches, registerMcpProvider } from '../../client/src/mcp';
import { reset, state } from './vscodeStub';

const pkg = require('../../../package.json') as { contributes: { mcpServerDefinitionProviders: { id: string }[]; configuration: { properties: Record<string, { default: unknown }> } }; engines: { vscode: string } };

const base = { enabled: true, trusted: true, folders: [{ name: 'ws', fsPath: '/ws' }], extensionPath: '/ext', execPath: '/vscode/code', version: '0.1.0' };

describe('client: the MCP server offered to VS Code', () => {
  const api: Record<string, unknown> = {};
  afterEach(() => {
    delete api.lm;
    delete api.McpStdioServerDefinition;
    reset();
  });

  it('launches the bundled CLI with the editor’s own Node, one server per folder', () => {
    assert.deepEqual(mcpLaunches(base), [
      { label: 'API Error Codes', command: '/vscode/code', args: [path.join('/ext', 'dist', 'cli.js'), 'mcp', '--root', '/ws'], env: { ELECTRON_RUN_AS_NODE: '1' }, version: '0.1.0' },
    ]);
    const two = mcpLaunches({ ...base, folders: [...base.folders, { name: 'api', fsPath: '/api' }] });
    assert.deepEqual(two.map((l) => [l.label, l.args.at(-1)]), [['API Error Codes: ws', '/ws'], ['API Error Codes: api', '/api']]);
  });

  it('is restricted in an untrusted workspace and absent when turned off', () => {
    assert.deepEqual(mcpLaunches({ ...base, trusted: false })[0].args.slice(1), ['mcp', '--root', '/ws', '--restricted']);
    assert.deepEqual(mcpLaunches({ ...base, enabled: false }), []);
  });

  it('package.json contributes the provider id and the setting; engines stay as they are', () => {
    assert.deepEqual(pkg.contributes.mcpServerDefinitionProviders.map((p) => p.id), [MCP_PROVIDER_ID]);
    assert.equal(pkg.contributes.configuration.properties['errorCodes.mcp.enabled'].default, true);
    assert.equal(pkg.engines.vscode, '^1.91.0');
  });

  it('without the API (VS Code before 1.101) registers nothing and says so', () => {
    const logs: string[] = [];
    const context = { subscriptions: [] as unknown[], extensionPath: '/ext' } as unknown as vscode.ExtensionContext;
    assert.equal(registerMcpProvider(context, (m) => logs.push(m), api), false);
    assert.equal(context.subscriptions.length, 0);
    assert.match(logs[0], /1\.101/);
  });

  it('with the API registers the provider, whose definitions follow trust', () => {
    let registered: { id: string; provider: { provideMcpServerDefinitions(t: unknown): { args: string[]; env: Record<string, string> }[] } } | undefined;
    api.lm = { registerMcpServerDefinitionProvider: (id: string, provider: never) => ((registered = { id, provider }), { dispose: () => undefined }) };
    api.McpStdioServerDefinition = class {
      constructor(
        public label: string,
        public command: string,
        public args: string[],
        public env: Record<string, string>,
        public version: string,
      ) {}
    };
    const workspace = vscode.workspace as unknown as { getConfiguration: unknown };
    const getConfiguration = workspace.getConfiguration;
    workspace.getConfiguration = () => ({ get: (_k: string, d: unknown) => d });
    try {
      const context = { subscriptions: [] as unknown[], extensionPath: '/ext', extension: { packageJSON: { version: '0.1.0' } } } as unknown as vscode.ExtensionContext;
      assert.equal(registerMcpProvider(context, () => undefined, api), true);
      assert.equal(registered!.id, MCP_PROVIDER_ID);
      const [def] = registered!.provider.provideMcpServerDefinitions(undefined);
      assert.deepEqual(def.args.slice(1), ['mcp', '--root', '/ws']);
      assert.equal(def.env.ELECTRON_RUN_AS_NODE, '1');
      state.isTrusted = false;
      assert.deepEqual(registered!.provider.provideMcpServerDefinitions(undefined)[0].args.at(-1), '--restricted');
    } finally {
      workspace.getConfiguration = getConfiguration;
    }
  });
});
