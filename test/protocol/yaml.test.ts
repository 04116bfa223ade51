/** A YAML OpenAPI document through the built server over stdio: hover, pulled diagnostics, completion. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { open, startServer, type TestServer } from '../lspClient';

const URI = 'file:///ws/openapi.yaml';
const TEXT = [
  'openapi: 3.0.3', // 0
  'paths:',
  '  /faces:',
  '    post:',
  '      responses:',
  "        '412':", // 5
  '          description: no face',
  '          content:',
  '            application/json:',
  '              example: {status: 412, status_message: no face, trx_id: t-1}',
  "        '4O4':", // 10
  '          description: typo',
  "        '5XX':",
  '          description: server',
  '        ',
].join('\n');

const hoverAt = (server: TestServer, line: number, character: number) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line, character } }) as Promise<Hover | null>;
const md = (h: Hover | null) => (h ? (h.contents as { value: string }).value : '');

describe('protocol: YAML', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
    await open(server, URI, 'yaml', TEXT);
  });
  after(() => server.stop());

  it('hovers a responses key as HTTP, with its range', async () => {
    const h = await hoverAt(server, 5, 10);
    assert.match(md(h), /^\*\*412\*\* · HTTP/);
    assert.deepEqual(h!.range, { start: { line: 5, character: 9 }, end: { line: 5, character: 12 } });
  });

  it("hovers status: 412 in an example as Riset's (its sibling keys)", async () => {
    const line = TEXT.split('\n')[9];
    assert.match(md(await hoverAt(server, 9, line.indexOf('412') + 1)), /^\*\*412\*\* · Riset\.ai Face API/);
  });

  it('hovers a range', async () => assert.match(md(await hoverAt(server, 12, 10)), /^\*\*5XX\*\* · HTTP/));

  it('pulls one diagnostic: the key that is no status', async () => {
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } })) as { items: Diagnostic[] };
    assert.deepEqual(report.items.map((d) => [d.range.start.line, d.code, d.message]), [[10, 'unknown-code', '4O4 is not an HTTP status code or range (1XX–5XX, default).']]);
  });

  it('completes status keys under responses', async () => {
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: 14, character: 8 } })) as CompletionList;
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('201') && labels.includes('default') && labels.includes('4XX'), labels.slice(0, 10).join(','));
  });
});
