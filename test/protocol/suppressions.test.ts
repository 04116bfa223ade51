/**
 * Suppressions through the built server: the "Ignore … on this line" quick fix applied as VS Code applies it (the edit,
 * then didChange), inline directives in Python and YAML, and errorCodes.ignore from workspace/configuration, for
 * documents and for registry files (JSON has no comments: only the setting silences registry-file).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { open, startServer, type TestServer } from '../lspClient';

const pull = async (server: TestServer, uri: string) =>
  ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
const rules = (items: Diagnostic[]) => items.map((d) => `${d.range.start.line}:${String(d.code)}`);

async function setIgnore(server: TestServer, ignore: string[] | undefined): Promise<void> {
  const refreshes = server.received.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  server.settings.ignore = ignore;
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await server.waitFor('workspace/diagnostic/refresh', () => server.received.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes);
}

describe('protocol: suppressions', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('"Ignore unknown-code on this line": the edit adds the directive and the next pull drops the finding only', async () => {
    const uri = 'file:///ws/kyc.ts';
    const text = ['switch (err.error_code) {', '  case 5004: return 1;', '  case 5099: return 2;', '}', "if (err.reason === 'SELFIE_LIVENESS_FAILD') retry();", ''].join('\n');
    await open(server, uri, 'typescript', text);
    const before = await pull(server, uri);
    assert.deepEqual(rules(before), ['2:unknown-code', '4:did-you-mean']);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: before[0].range,
      context: { diagnostics: [before[0]], only: ['quickfix'] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore unknown-code on this line');
    assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(ignore.kind, 'quickfix.ignore');
    assert.deepEqual(ignore.diagnostics, [before[0]]);
    const edits = ignore.edit!.changes![uri] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, text), edits);
    assert.equal(fixed.split('\n')[2], '  // error-codes-disable-next-line unknown-code');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    assert.deepEqual(rules(await pull(server, uri)), ['5:did-you-mean']);
  });

  it('Python and YAML directives in their own comments', async () => {
    const py = 'file:///ws/client.py';
    await open(server, py, 'python', "code = 'SELFIE_LIVENESS_FAILD'  # error-codes-disable-line did-you-mean\nother = 'SELFIE_LIVENESS_FAILD'\n");
    assert.deepEqual(rules(await pull(server, py)), ['1:did-you-mean']);
    const yaml = 'file:///ws/openapi.yaml';
    await open(server, yaml, 'yaml', "# error-codes-disable-file\nopenapi: 3.0.0\npaths:\n  /x:\n    get:\n      responses:\n        '4O4':\n          description: x\n");
    assert.deepEqual(rules(await pull(server, yaml)), []);
  });

  it('errorCodes.ignore from workspace/configuration: codes and rules, registry files too', async () => {
    const uri = 'file:///ws/switch.ts';
    await open(server, uri, 'typescript', 'switch (err.error_code) {\n  case 5004: break;\n  case 5099: break;\n  case 5098: break;\n}\n');
    const registry = 'file:///ws/acme.errorcodes.json';
    await open(server, registry, 'json', '{ "vendor": { "id": "acme" }, "entries": [] }\n');
    assert.deepEqual(rules(await pull(server, uri)), ['2:unknown-code', '3:unknown-code']);
    assert.ok((await pull(server, registry)).some((d) => d.code === 'registry-file'), 'a new vendor without a display name');
    await setIgnore(server, ['5099', 'registry-file']);
    assert.deepEqual(rules(await pull(server, uri)), ['3:unknown-code']);
    assert.deepEqual(await pull(server, registry), []);
    await setIgnore(server, undefined);
    assert.deepEqual(rules(await pull(server, uri)), ['2:unknown-code', '3:unknown-code']);
  });
});
