/**
 * Issue 30 over stdio: `textDocument/inlayHint` (the capability, labels, settings from workspace/configuration and from
 * initializationOptions, the refresh request, ranges) and `errorCodes/lineCodes` (one terminal line's codes).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InitializeResult, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { LineCodesRequest, type LineCode } from '../../server/src/protocol';
import { eventually, open, startServer, type StartOptions, type TestServer } from '../lspClient';

const FACEKI = 'file:///ws/faceki-client.ts';
const FACEKI_TEXT = [
  '// A Faceki client: case 5004 here is a comment.',
  'export function explain(err: { error_code: number }): string {',
  '  switch (err.error_code) {',
  '    case 5004: return "liveness";',
  '    case 8008: return "small";',
  '  }',
  "  const message = 'error 5004 in a string';",
  '  const width = 400;',
  '  res.status(404);',
  '  return message;',
  '}',
].join('\n');
const RISET = 'file:///ws/riset-response.json';
const RISET_TEXT = '{\n  "facegallery_id": "g-1",\n  "status": "412",\n  "status_message": "Face not found"\n}';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

async function hintsOf(server: TestServer, uri: string, range = WHOLE): Promise<InlayHint[] | null> {
  return server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
}
const brief = (hints: InlayHint[] | null) => (hints ?? []).map((h) => `${h.position.line}:${h.position.character} ${h.label as string}`);

/** A client with inlay hints and their refresh (VS Code's capabilities). */
const inlayHintClient: StartOptions = {
  patchCapabilities: (c) => {
    c.workspace!.inlayHint = { refreshSupport: true };
    c.textDocument!.inlayHint = { dynamicRegistration: false };
  },
};

describe('protocol: inlay hints', () => {
  let server: TestServer;
  let init: InitializeResult;
  before(async () => {
    server = await startServer(inlayHintClient);
    await open(server, FACEKI, 'typescript', FACEKI_TEXT);
    await open(server, RISET, 'json', RISET_TEXT);
  });
  after(() => server.stop());

  it('advertises inlayHintProvider', async () => {
    const probe = await startServer();
    try {
      init = (await probe.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })) as InitializeResult;
      assert.equal(init.capabilities.inlayHintProvider, true);
    } finally {
      await probe.stop();
    }
  });

  it("labels Faceki's case 5004 and 8008 with their names; nothing in the comment, the string, the width or HTTP's 404", async () => {
    const hints = await hintsOf(server, FACEKI);
    assert.deepEqual(brief(hints), ['3:13 SELFIE_LIVENESS_FAILED', '4:13 FACE_TOO_SMALL']);
    assert.equal(hints![0].paddingLeft, true);
    const tooltip = hints![0].tooltip as MarkupContent;
    assert.equal(tooltip.kind, 'markdown');
    assert.match(tooltip.value, /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki/);
    assert.match(tooltip.value, /Selfie liveness verification failed/);
  });

  it("labels Riset's 412 with its title, after the closing quote", async () => {
    assert.deepEqual(brief(await hintsOf(server, RISET)), ['2:17 Face not detected']);
  });

  it('answers only within the requested range', async () => {
    assert.deepEqual(brief(await hintsOf(server, FACEKI, { start: { line: 4, character: 0 }, end: { line: 11, character: 0 } })), ['4:13 FACE_TOO_SMALL']);
    assert.deepEqual(brief(await hintsOf(server, FACEKI, { start: { line: 0, character: 0 }, end: { line: 3, character: 4 } })), []);
  });

  it('HTTP statuses get none by default and one with errorCodes.inlayHints.httpStatuses; the server asks the client to refresh', async () => {
    const before = server.received.filter((r) => r.method === 'workspace/inlayHint/refresh').length;
    server.settings.inlayHints = { httpStatuses: true };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await eventually(() => (server.received.filter((r) => r.method === 'workspace/inlayHint/refresh').length > before ? true : undefined), 'workspace/inlayHint/refresh');
    assert.deepEqual(brief(await hintsOf(server, FACEKI)), ['3:13 SELFIE_LIVENESS_FAILED', '4:13 FACE_TOO_SMALL', '8:16 Not Found']);
  });

  it('errorCodes.inlayHints.enabled: false turns them all off', async () => {
    server.settings.inlayHints = { enabled: false, httpStatuses: true };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await hintsOf(server, FACEKI), []);
    assert.deepEqual(await hintsOf(server, RISET), []);
    delete server.settings.inlayHints;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(brief(await hintsOf(server, RISET)), ['2:17 Face not detected']);
  });

  it('answers null for a document it does not hold, and InvalidParams for a request without a range', async () => {
    assert.equal(await hintsOf(server, 'file:///ws/not-open.ts'), null);
    await assert.rejects(server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: FACEKI } }), (e: { code: number }) => e.code === -32602);
  });
});

describe('protocol: inlay hints in clients like Neovim 0.7 and eglot 1.9 (no inlay hints of their own, no refresh)', () => {
  it('initializationOptions settings apply, the tooltip follows a plain-text hover format, and no refresh is asked for', async () => {
    const server = await startServer({
      configuration: false,
      initializationOptions: { settings: { errorCodes: { inlayHints: { httpStatuses: true } } } },
      patchCapabilities: (c) => (c.textDocument!.hover = { contentFormat: ['plaintext'] }),
    });
    try {
      await open(server, FACEKI, 'ts', FACEKI_TEXT);
      const hints = await hintsOf(server, FACEKI);
      assert.deepEqual(brief(hints), ['3:13 SELFIE_LIVENESS_FAILED', '4:13 FACE_TOO_SMALL', '8:16 Not Found']);
      const tooltip = hints![0].tooltip as MarkupContent;
      assert.equal(tooltip.kind, 'plaintext');
      assert.doesNotMatch(tooltip.value, /\*\*|`/);
      // didChangeConfiguration with the section replaces the settings; with {} (lspconfig) it keeps them.
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.equal((await hintsOf(server, FACEKI))!.length, 3);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { errorCodes: { inlayHints: { enabled: false } } } });
      assert.deepEqual(await hintsOf(server, FACEKI), []);
      assert.equal(server.received.filter((r) => r.method === 'workspace/inlayHint/refresh').length, 0);
    } finally {
      await server.stop();
    }
  });
});

describe('protocol: one terminal line (errorCodes/lineCodes)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  const codes = async (line: string) => ((await server.connection.sendRequest(LineCodesRequest.method, { line })) as { codes: LineCode[] }).codes;

  it("reads status=604 beside a Riset key as Riset's; latency=412ms and a bare number stay silent", async () => {
    const line = '2026-11-02T10:00:02Z WARN kyc facegallery_id=g-7 status=604 latency=412ms 200';
    const found = await codes(line);
    assert.deepEqual(found.map((c) => [line.slice(c.start, c.end), c.vendor, c.tooltip]), [['604', 'riset-face', '604 · Riset.ai Face API: Timeout While Waiting For Response']]);
    assert.deepEqual(await codes('INFO worker pid=5004 elapsed=490ms 412'), []);
  });

  it('honours the settings of the resource it names (a vendor turned off)', async () => {
    server.settings.vendors = { faceki: false };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await codes('{"code": 5004}'), []);
    delete server.settings.vendors;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await codes('{"code": 5004}')).map((c) => c.code), ['5004']);
  });

  it('refuses a line that is not a string, and keeps answering', async () => {
    await assert.rejects(server.connection.sendRequest(LineCodesRequest.method, { line: 42 }), (e: { code: number }) => e.code === -32602);
    assert.equal((await codes('status=404')).length, 1);
  });
});
