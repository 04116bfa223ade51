/**
 * Python and PHP documents that are broken the ways files are while being typed (unterminated strings, heredocs and
 * f-string fields, unbalanced brackets, runaway indentation, no closing `?>`), against the built server over stdio.
 * Pass criterion: every request is answered, nothing is reported outside a code, and the server then still hovers a
 * code in the same language. Timing is printed, not asserted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { open, startServer, type TestServer } from '../lspClient';

let server: TestServer;
before(async () => {
  server = await startServer({ initializationOptions: { diagnosticsDelayMs: 0 } });
});
after(() => server.stop());

const pull = async (uri: string) => ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
const hover = (uri: string, line: number, character: number) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;

const BROKEN: [string, string, string][] = [
  ['python', 'an unterminated triple-quoted string', 'x = """' + 'abort(404)\n'.repeat(20000)],
  ['python', 'nested unterminated f-string fields', 'x = ' + 'f"{'.repeat(50000)],
  ['python', '200,000 open parentheses', '('.repeat(200000) + '\nabort(404)\n'],
  ['python', '3,000 ever-deeper blocks', Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'if status == 404:').join('\n')],
  ['python', 'backslash continuations only', '\\\n'.repeat(100000)],
  ['php', 'a heredoc never closed', '<?php $x = <<<EOT\n' + 'abort(404);\n'.repeat(20000)],
  ['php', 'nested unterminated interpolations', '<?php $s = ' + '"{$a["'.repeat(30000)],
  ['php', 'an unclosed comment', '<?php ' + '/* abort(404); '.repeat(20000)],
  ['php', 'open tags and nothing else', '<?'.repeat(100000) + '<?php'],
  ['php', '200,000 open parentheses', '<?php ' + '('.repeat(200000) + ' abort(404);'],
];

describe('robustness: broken Python and PHP', () => {
  for (const [lang, name, text] of BROKEN) {
    it(`${lang}: ${name}`, async () => {
      const uri = `file:///broken/${name.replace(/\W+/g, '-')}.${lang === 'python' ? 'py' : 'php'}`;
      const s = performance.now();
      await open(server, uri, lang, text);
      const items = await pull(uri);
      await hover(uri, 0, 3);
      console.log(`${lang} ${name} (${(text.length / 1024).toFixed(0)} KB): answered in ${(performance.now() - s).toFixed(0)} ms, ${items.length} diagnostics`);
      for (const d of items) assert.match(d.message as string, /^\d+ is not|^Unknown error code|^Showing the first/, `unexpected ${d.message}`);
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  }
  it('afterwards the server still hovers codes in both languages', async () => {
    await open(server, 'file:///broken/after.py', 'python', 'if r.status_code == 404:\n    pass\n');
    assert.match(((await hover('file:///broken/after.py', 0, 21))?.contents as { value: string }).value, /^\*\*404\*\* · HTTP/);
    await open(server, 'file:///broken/after.php', 'php', '<?php\nhttp_response_code(404);\n');
    assert.match(((await hover('file:///broken/after.php', 1, 20))?.contents as { value: string }).value, /^\*\*404\*\* · HTTP/);
  });
});
