/**
 * Issue 19, faults 1 and 2 and the text-sync violations: one message must never kill the server or poison a document.
 * Raw stdio, so the exact bytes a broken client could send are what the server sees. Pass criterion for each: bad
 * params get InvalidParams (-32602) or are ignored, and the server still answers the next request correctly.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { hoverParams, HOVER_DOC, ready, type RawServer } from './raw';


/** The server is alive and a hover is still answered with content. */
async function stillAnswers(server: RawServer, id: number): Promise<void> {
  const r = await Promise.race([
    server.request(id, 'textDocument/hover', hoverParams),
    server.exited.then((code) => ({ id, exited: code })),
  ]);
  assert.ok(!('exited' in r), `the server exited (${JSON.stringify(r)}); stderr: ${server.stderr()}`);
  assert.ok((r as { result?: unknown }).result, `hover after the fault: ${JSON.stringify(r)}; stderr: ${server.stderr()}`);
}

const CUSTOM = [
  'errorCodes/registry',
  'errorCodes/codeAt',
  'errorCodes/documentVendors',
  'errorCodes/documentState',
  'errorCodes/importPage',
  'errorCodes/summarizeLog',
  'errorCodes/references',
  'errorCodes/usageAt',
  'errorCodes/coverage',
  'errorCodes/indexStatus',
  'errorCodes/vendorConstants',
  'errorCodes/lineCodes',
];
const LSP = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/diagnostic', 'textDocument/references', 'workspace/symbol', 'textDocument/inlayHint'];
/** Requests whose params are an optional `uri` (any object without one is valid), or nothing at all (`{}`). */
const OPTIONAL_URI = new Set(['errorCodes/registry', 'errorCodes/coverage']);
const NO_PARAMS = new Set(['errorCodes/indexStatus']);
const BY_POSITION: unknown[] = [[], [{}, null], [{ uri: HOVER_DOC }, 'not a token'], [null]];
const BAD_SHAPES: unknown[] = [null, 5, 'text', true, { uri: 5 }, { textDocument: 'x' }];
const BAD_POSITION = { uri: HOVER_DOC, textDocument: { uri: HOVER_DOC }, position: { line: '0', character: 0 } };

describe('robustness: params at the boundary (issue 19, fault 1)', () => {
  it('by-position params to every custom request answer InvalidParams and the server stays up', async () => {
    const server = await ready();
    let id = 100;
    for (const method of CUSTOM) {
      for (const params of BY_POSITION) {
        const r = await server.request(id++, method, params);
        assert.equal(r.error?.code, -32602, `${method} ${JSON.stringify(params)} → ${JSON.stringify(r).slice(0, 300)}`);
      }
    }
    await stillAnswers(server, id);
    assert.doesNotMatch(server.stderr(), /Unhandled|TypeError/);
    server.kill();
  });

  it('params of the wrong shape answer InvalidParams, for custom and LSP requests alike', async () => {
    const server = await ready();
    let id = 200;
    for (const method of [...CUSTOM, ...LSP]) {
      for (const params of BAD_SHAPES) {
        // Registry params are all optional: an object without uri is valid there.
        const isObject = typeof params === 'object' && params !== null;
        if ((OPTIONAL_URI.has(method) && isObject && !('uri' in params)) || (NO_PARAMS.has(method) && isObject)) continue;
        const r = await server.request(id++, method, params);
        assert.equal(r.error?.code, -32602, `${method} ${JSON.stringify(params)} → ${JSON.stringify(r).slice(0, 300)}`);
        assert.ok(r.error?.message.includes('params'), r.error?.message);
      }
    }
    for (const method of ['textDocument/hover', 'textDocument/completion', 'errorCodes/codeAt']) {
      const r = await server.request(id++, method, BAD_POSITION);
      assert.match(r.error?.message ?? '', /params\.position\.line must be an integer/, `${method} → ${JSON.stringify(r).slice(0, 300)}`);
    }
    const missingField = await server.request(id++, 'errorCodes/codeAt', { uri: HOVER_DOC });
    assert.match(missingField.error?.message ?? '', /params\.position must be an object/);
    await stillAnswers(server, id);
    server.kill();
  });

  it('junk params to notifications are logged and ignored', async () => {
    const server = await ready();
    for (const method of ['errorCodes/workspaceRegistries', 'errorCodes/registrySources', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', 'textDocument/didClose', 'textDocument/didOpen']) {
      for (const params of [null, [], [{}, null], 7, { textDocument: null }]) server.send({ method, params });
    }
    await stillAnswers(server, 300);
    server.kill();
  });
});

describe('robustness: $/cancelRequest without an id (issue 19, fault 2)', () => {
  it('params {}, null, [], a missing params or an object id: the server stays up and answers', async () => {
    const server = await ready();
    for (const params of [{}, null, [], undefined, { id: {} }, { id: null }, 'x']) server.send({ method: '$/cancelRequest', params });
    await stillAnswers(server, 400);
    server.kill();
  });
});

describe('robustness: text-sync protocol violations (issue 19)', () => {
  const state = async (server: RawServer, id: number) => (await server.request(id, 'errorCodes/documentState', { uri: HOVER_DOC })).result as { version: number; sha1: string };
  const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

  it('a didChange whose text is not a string is refused whole and the document is untouched', async () => {
    const server = await ready();
    const before = await state(server, 500);
    assert.equal(before.sha1, sha1('res.status(404);'));
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const bad = [{ text: 5 }, { text: null }, { range, text: { a: 1 } }, { range: { start: 'x' }, text: 'a' }];
    let version = 2;
    for (const change of bad) {
      server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: HOVER_DOC, version: version++ }, contentChanges: [{ range, text: 'foo' }, change] } });
    }
    server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: HOVER_DOC, version: null }, contentChanges: [{ text: 'x' }] } });
    const after = await state(server, 501);
    assert.deepEqual(after, before, 'neither text nor version changed');
    await stillAnswers(server, 502);
    assert.match(server.logs(), /Ignored textDocument\/didChange: params\.contentChanges\[1\]/);
    server.kill();
  });

  it('a second didOpen of an open URI with the same version replaces the text and the analysis', async () => {
    const server = await ready();
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: HOVER_DOC, languageId: 'typescript', version: 1, text: '\n\nres.status(299);' } } });
    const s = await state(server, 600);
    assert.equal(s.sha1, sha1('\n\nres.status(299);'));
    const diagnostics = (await server.request(601, 'textDocument/diagnostic', { textDocument: { uri: HOVER_DOC } })).result as { items: { range: { start: { line: number } } }[] };
    assert.deepEqual(diagnostics.items.map((d) => d.range.start.line), [2], 'the new text is analysed (299 unknown on line 2)');
    const oldHover = await server.request(602, 'textDocument/hover', hoverParams);
    assert.equal(oldHover.result, null, 'no hover from the old analysis at the old position');
    server.kill();
  });
});
