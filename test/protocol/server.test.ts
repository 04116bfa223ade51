import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, DocumentDiagnosticReport, Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { CodeAtRequest, DocumentVendorsRequest, RegistryRequest, type RegistryResult } from '../../server/src/protocol';
import { open, startServer, type TestServer } from '../lspClient';
import { spawn } from 'node:child_process';

const TS = 'file:///ws/kyc.ts';
const TS_TEXT = [
  "import axios from 'axios';",
  'export function explain(err: { error_code: number }) {',
  '  switch (err.error_code) {',
  '    case 5004: return "liveness";',
  '    case 5099: return "unknown";',
  '  }',
  "  if (err.reason === 'SELFIE_LIVENESS_FAILD') return 'typo';",
  '}',
].join('\n');

const hoverText = (h: Hover | null) => (h ? (h.contents as { value: string }).value : '');

describe('protocol: the built server over stdio', () => {
  let server: TestServer;
  let init: InitializeResult;
  before(async () => {
    server = await startServer();
    await open(server, TS, 'typescript', TS_TEXT);
  });
  after(() => server.stop());

  it('initializes with incremental sync, hover, completion, code actions and pull diagnostics', async () => {
    const probe = await startServer();
    init = (await probe.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } })) as InitializeResult;
    await probe.stop();
    assert.equal(init.capabilities.textDocumentSync, 2);
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes('_'));
    assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'] });
    assert.equal((init.capabilities.diagnosticProvider as { identifier: string }).identifier, 'error-codes');
  });

  it('hovers a case in a switch over error_code', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: TS }, position: { line: 3, character: 10 } })) as Hover;
    assert.match(hoverText(hover), /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki/);
    assert.deepEqual(hover.range, { start: { line: 3, character: 9 }, end: { line: 3, character: 13 } });
  });

  it('answers null off a code and for an unopened document', async () => {
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: TS }, position: { line: 0, character: 2 } }), null);
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nope.ts' }, position: { line: 0, character: 0 } }), null);
  });

  it('pulls diagnostics: the unknown case and the typo', async () => {
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: TS } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    assert.equal(report.kind, 'full');
    const messages = report.items.map((d) => d.message).sort();
    assert.deepEqual(messages, ['5099 is not a Faceki code.', 'Unknown error code SELFIE_LIVENESS_FAILD. Did you mean SELFIE_LIVENESS_FAILED (Faceki)?']);
    assert.ok(report.items.every((d) => d.source === 'error-codes'));
  });

  it('offers the quick fix for a pulled diagnostic', async () => {
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: TS } })) as { items: Diagnostic[] };
    const typo = report.items.find((d) => d.code === 'did-you-mean')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: TS },
      range: typo.range,
      context: { diagnostics: [typo] },
    })) as CodeAction[];
    assert.equal(actions[0].title, 'Replace with SELFIE_LIVENESS_FAILED (Faceki: code 5004)');
    assert.deepEqual(actions[0].edit!.changes![TS], [{ range: typo.range, newText: 'SELFIE_LIVENESS_FAILED' }]);
  });

  it('completes case 8… with Faceki codes after an incremental edit', async () => {
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: TS, version: 2 },
      contentChanges: [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 13 } }, text: '8' }],
    });
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: TS }, position: { line: 4, character: 10 } })) as CompletionList;
    assert.deepEqual(list.items.map((i) => i.label), ['8004', '8005', '8006', '8007', '8008', '8009', '8024']);
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: TS } })) as { items: Diagnostic[] };
    assert.ok(report.items.some((d) => d.message === '8 is not a Faceki code.'), 'diagnostics follow the edit');
  });

  it('serves the registry, the code at a position and the vendors of a document', async () => {
    const registry = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    const counts = Object.fromEntries(registry.vendors.map((v) => [v.id, v.entries.length]));
    assert.deepEqual(Object.keys(counts).sort(), ['ailabtools', 'faceki', 'http', 'riset-face']);
    assert.equal(counts['faceki'], 24);
    assert.ok(registry.vendors[0].entries[0].tooltip.length > 0);
    const at = await server.connection.sendRequest(CodeAtRequest.method, { uri: TS, position: { line: 3, character: 11 } });
    assert.deepEqual(at, { vendor: 'faceki', code: '5004' });
    const vendors = (await server.connection.sendRequest(DocumentVendorsRequest.method, { uri: TS })) as { vendors: { id: string }[] };
    assert.equal(vendors.vendors[0].id, 'faceki');
  });

  it('applies a configuration change: refresh requested, disabled vendor stops hovering', async () => {
    const uri = 'file:///ws/api.ts';
    await open(server, uri, 'typescript', 'res.status(404);');
    const pos = { textDocument: { uri }, position: { line: 0, character: 12 } };
    assert.match(hoverText((await server.connection.sendRequest('textDocument/hover', pos)) as Hover), /HTTP/);
    const refreshes = server.received.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
    server.settings.vendors = { http: false };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.waitFor('workspace/diagnostic/refresh', () => server.received.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes);
    assert.equal(await server.connection.sendRequest('textDocument/hover', pos), null);
    server.settings.vendors = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.match(hoverText((await server.connection.sendRequest('textDocument/hover', pos)) as Hover), /HTTP/);
  });

  it('serves Go: a hover on http.StatusNotFound, a Faceki case and a diagnostic on an unknown one (its row in the language table)', async () => {
    const GO = 'file:///ws/faceki.go';
    await open(server, GO, 'go', ['package kyc', '', 'import "net/http"', '', 'func explain(w http.ResponseWriter, body Body) {', '\tw.WriteHeader(http.StatusNotFound)', '\tswitch body.Code {', '\tcase 5004, 5099:', '\t}', '}', ''].join('\n'));
    const at = async (line: number, character: number) => hoverText((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: GO }, position: { line, character } })) as Hover);
    assert.match(await at(5, 25), /^\*\*404\*\* · HTTP/);
    assert.match(await at(7, 7), /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki/);
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: GO } })) as DocumentDiagnosticReport & { items: Diagnostic[] };
    assert.deepEqual(report.items.map((d) => [d.range.start.line, d.message]), [[7, '5099 is not a Faceki code.']]);
  });

  it('answers an unknown request with MethodNotFound and keeps serving', async () => {
    await assert.rejects(server.connection.sendRequest('errorCodes/noSuchThing', {}), (e: { code: number }) => e.code === -32601);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: TS }, position: { line: 3, character: 10 } });
    assert.ok(hover);
  });
});

describe('protocol: clients without pull diagnostics or configuration', () => {
  it('pushes diagnostics on open and uses settings from didChangeConfiguration', async () => {
    const server = await startServer({ pullDiagnostics: false, configuration: false });
    try {
      const uri = 'file:///ws/push.json';
      await open(server, uri, 'json', '{"status": "409", "status_message": "x"}');
      const published = (await server.waitFor('textDocument/publishDiagnostics', (p) => (p as { uri: string }).uri === uri)) as { diagnostics: Diagnostic[] };
      assert.equal(published.diagnostics.length, 1);
      assert.match(published.diagnostics[0].message as string, /not a Riset\.ai Face API code; HTTP defines it/);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { errorCodes: { unknownCodeSeverity: 'off' } } });
      await server.waitFor('textDocument/publishDiagnostics', (p) => (p as { uri: string; diagnostics: unknown[] }).uri === uri && (p as { diagnostics: unknown[] }).diagnostics.length === 0);
    } finally {
      await server.stop();
    }
  });
});

describe('protocol: lifecycle', () => {
  it('shutdown then exit ends with code 0', async () => {
    const server = await startServer();
    await server.connection.sendRequest('shutdown');
    await server.connection.sendNotification('exit');
    assert.equal(await server.exited, 0);
    server.connection.dispose();
  });
  it('exit without shutdown ends with code 1', async () => {
    const server = await startServer();
    await server.connection.sendNotification('exit');
    assert.equal(await server.exited, 1);
    server.connection.dispose();
  });
  it('exits when the process named by --clientProcessId dies', async () => {
    const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const server = await startServer({ args: [`--clientProcessId=${parent.pid}`] });
    const started = Date.now();
    parent.kill('SIGKILL');
    const code = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r('timeout'), 8000))]);
    assert.notEqual(code, 'timeout', 'server still running 8 s after its parent died');
    assert.ok(Date.now() - started <= 8000);
    server.connection.dispose();
  });
});
