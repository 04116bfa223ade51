/** Deeply nested documents (issue 19, fault 5) against the built server: every request answers, nothing is logged. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { open, startServer, type TestServer } from '../lspClient';

const DEPTH = 10000;

describe('robustness: 10,000-deep documents', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  const request = <T>(method: string, uri: string, position?: { line: number; character: number }) =>
    server.connection.sendRequest(method, { textDocument: { uri }, ...(position ? { position } : {}) }) as Promise<T>;

  for (const [lang, open_, close, inner] of [
    ['json', '{"a":', '}', '{"status": 404, "code": }'],
    ['yaml', '{a: ', '}', '{status: 404, code: }'],
  ] as const) {
    it(`${lang}: hover, completion and diagnostics answer`, async () => {
      const uri = `file:///deep/doc.${lang}`;
      const text = open_.repeat(DEPTH) + inner + close.repeat(DEPTH);
      await open(server, uri, lang, text);
      const at = text.indexOf('404') + 1;
      const hover = await request<Hover | null>('textDocument/hover', uri, { line: 0, character: at });
      assert.match((hover?.contents as { value: string } | undefined)?.value ?? '', /^\*\*404\*\*/);
      const codeAt = text.indexOf('code') + (lang === 'json' ? 7 : 6);
      const list = await request<CompletionList | null>('textDocument/completion', uri, { line: 0, character: codeAt });
      assert.ok(list?.items.some((i) => i.label === '5004'), 'completion after code: at depth');
      const report = await request<{ items: Diagnostic[] }>('textDocument/diagnostic', uri);
      assert.ok(Array.isArray(report.items));
      assert.doesNotMatch(server.stderr(), /Maximum call stack/);
    });
  }
});
