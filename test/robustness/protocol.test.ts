/**
 * Malformed and out-of-order messages. Pass criterion for each: the server answers the next valid request, or exits
 * with a non-zero code so the client restarts it — never alive but deaf.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frame, hoverParams, initialize, openHoverDoc, ready, startRaw, type RawServer } from './raw';

/** Answers the next hover, or has exited non-zero: anything but deaf. */
async function answersOrExits(server: RawServer, id: number): Promise<'answered' | 'exited'> {
  server.send({ id, method: 'textDocument/hover', params: hoverParams });
  const outcome = await Promise.race([
    server.response(id, 8000).then((r) => (r ? ('answered' as const) : ('deaf' as const))),
    server.exited.then((code) => (code !== 0 && code !== null ? ('exited' as const) : ('exited-zero' as const))),
  ]);
  assert.ok(outcome === 'answered' || outcome === 'exited', `server was ${outcome}; stderr: ${server.stderr()}`);
  return outcome;
}


describe('robustness: malformed messages', () => {
  it('a malformed JSON body is skipped and the next request is answered', async () => {
    const server = await ready();
    server.write(frame('{"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {'));
    assert.equal(await answersOrExits(server, 8), 'answered');
    assert.match(server.stderr(), /Skipped a malformed message/);
    server.kill();
  });

  it('a frame without Content-Length ends the process with code 1 (the client restarts it)', async () => {
    const server = await ready();
    server.write('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{}}');
    assert.equal(await answersOrExits(server, 6), 'exited');
    assert.equal(await server.exited, 1);
    assert.match(server.stderr(), /message stream is broken/);
  });

  it('a truncated frame followed by a valid one: answered, or exit 1', async () => {
    const server = await ready();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'textDocument/hover', params: hoverParams });
    server.write(`Content-Length: ${body.length + 40}\r\n\r\n${body}`);
    const outcome = await answersOrExits(server, 6);
    if (outcome === 'exited') assert.equal(await server.exited, 1);
    server.kill();
  });

  it('a non-numeric Content-Length ends the process with code 1', async () => {
    const server = await ready();
    server.write('Content-Length: twelve\r\n\r\n{}');
    assert.equal(await answersOrExits(server, 6), 'exited');
  });

  it('an unknown request gets MethodNotFound; an unknown notification is ignored', async () => {
    const server = await ready();
    const r = await server.request(2, 'errorCodes/unknown', {});
    assert.equal(r.error?.code, -32601);
    server.send({ method: 'errorCodes/unknownNotification', params: {} });
    server.send({ method: '$/somethingOptional', params: {} });
    assert.equal(await answersOrExits(server, 3), 'answered');
    server.kill();
  });

  it('a request before initialize gets ServerNotInitialized (-32002)', async () => {
    const server = startRaw();
    const r = await server.request(1, 'textDocument/hover', hoverParams);
    assert.equal(r.error?.code, -32002);
    await initialize(server, 2);
    openHoverDoc(server);
    assert.equal(await answersOrExits(server, 3), 'answered');
    server.kill();
  });

  it('requests after shutdown are refused (-32600); exit then ends with code 0', async () => {
    const server = await ready();
    const down = await server.request(2, 'shutdown');
    assert.equal(down.error, undefined);
    const after = await server.request(3, 'textDocument/hover', hoverParams);
    assert.equal(after.error?.code, -32600);
    server.send({ method: 'exit' });
    assert.equal(await server.exited, 0);
  });
});

describe('robustness: bad positions', () => {
  it('negative, past-the-end and unopened positions answer null or [] and log nothing', async () => {
    const server = await ready();
    let id = 10;
    const positions = [
      { line: -1, character: -5 },
      { line: 0, character: 10_000 },
      { line: 10_000, character: 0 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    for (const position of positions) {
      for (const method of ['textDocument/hover', 'textDocument/completion']) {
        const r = await server.request(id++, method, { textDocument: { uri: 'file:///r/a.ts' }, position });
        assert.equal(r.error, undefined, `${method} at ${JSON.stringify(position)}: ${r.error?.message}`);
        assert.ok(r.result === null || (Array.isArray(r.result) && r.result.length === 0), `${method} ${JSON.stringify(r.result)}`);
      }
    }
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      const r = await server.request(id++, method, { textDocument: { uri: 'file:///never-opened.ts' }, position: { line: 0, character: 0 } });
      assert.equal(r.result, null);
    }
    const diag = await server.request(id++, 'textDocument/diagnostic', { textDocument: { uri: 'file:///never-opened.ts' } });
    assert.deepEqual(diag.result, { kind: 'full', items: [] });
    const actions = await server.request(id++, 'textDocument/codeAction', {
      textDocument: { uri: 'file:///never-opened.ts' },
      range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'error-codes', data: { suggestions: 'not an array' } }] },
    });
    assert.deepEqual(actions.result, []);
    assert.equal(server.stderr(), '', 'nothing logged');
    server.kill();
  });
});
