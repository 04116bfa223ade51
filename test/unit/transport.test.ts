/**
 * The server's framed message reader, fed through a stream in arbitrary pieces: every message comes out whole and in
 * order however the bytes are split; a malformed body is reported and skipped; a broken frame is reported as such and
 * nothing after it is delivered.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { FramedMessageReader } from '../../server/src/utils/transport';

function frame(body: string, headers = ''): Buffer {
  return Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n${headers}\r\n${body}`);
}

/** Feeds the bytes in pieces of the given sizes (cycled) and collects what the reader reports. */
function feed(bytes: Buffer, sizes: number[]): { messages: Message[]; errors: Error[] } {
  const input = new PassThrough();
  const reader = new FramedMessageReader(input);
  const messages: Message[] = [];
  const errors: Error[] = [];
  reader.onError((e) => errors.push(e));
  reader.listen((m) => messages.push(m));
  // Calling the data listeners directly keeps this synchronous; the reader only listens to 'data'.
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const n = Math.max(1, sizes[k % sizes.length]);
    input.emit('data', bytes.subarray(at, at + n));
    at += n;
  }
  return { messages, errors };
}

const message = fc.record({
  jsonrpc: fc.constant('2.0'),
  method: fc.constantFrom('textDocument/didOpen', 'textDocument/hover', '$/cancelRequest'),
  params: fc.record({ text: fc.string({ unit: 'binary', maxLength: 300 }), n: fc.integer() }),
});

describe('framed message reader', () => {
  it('delivers every message whole and in order, however the bytes are split', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 10 }), fc.boolean(), (list, sizes, withType) => {
        const bytes = Buffer.concat(list.map((m) => frame(JSON.stringify(m), withType ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '')));
        const { messages, errors } = feed(bytes, sizes);
        assert.deepEqual(errors, []);
        assert.deepEqual(messages, JSON.parse(JSON.stringify(list)));
      }),
    );
  });

  it('one byte at a time, and a 5 MB body in one piece', () => {
    const small = { jsonrpc: '2.0', method: 'a', params: { text: 'é😀\n' } };
    assert.deepEqual(feed(Buffer.concat([frame(JSON.stringify(small)), frame(JSON.stringify(small))]), [1]).messages, [small, small]);
    const big = { jsonrpc: '2.0', method: 'b', params: { text: 'status=412\n'.repeat(500_000) } };
    assert.deepEqual(feed(frame(JSON.stringify(big)), [1 << 30]).messages, [big]);
  });

  it('reports a malformed body and goes on with the next message', () => {
    const ok = { jsonrpc: '2.0', method: 'ok' };
    const { messages, errors } = feed(Buffer.concat([frame('{"jsonrpc": "2.0", "method": '), frame(''), frame(JSON.stringify(ok))]), [7]);
    assert.equal(errors.length, 2);
    assert.ok(errors.every((e) => e.constructor.name !== 'BrokenStream'));
    assert.deepEqual(messages, [ok]);
  });

  for (const [label, bytes] of [
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a non-numeric Content-Length', 'Content-Length: twelve\r\n\r\n{}'],
    ['a header line without a colon', 'Content-Length 2\r\n\r\n{}'],
    ['a header longer than 8 KB', `X-Filler: ${'x'.repeat(9000)}`],
    ['a body that runs into the next frame', `Content-Length: 40\r\n\r\n{"jsonrpc":"2.0","method":"a"}${frame('{"jsonrpc":"2.0","method":"b"}').toString()}`],
  ] as const) {
    it(`ends on ${label}: reported as a broken stream, nothing after it delivered`, () => {
      const { messages, errors } = feed(Buffer.concat([Buffer.from(bytes), frame('{"jsonrpc":"2.0","method":"after"}')]), [64]);
      // A body that swallowed part of the next header may first fail as JSON; the stream breaks at that header.
      assert.ok(errors.length >= 1 && errors.length <= 2, errors.map((e) => e.message).join('; '));
      assert.equal(errors[errors.length - 1].constructor.name, 'BrokenStream', errors[errors.length - 1].message);
      assert.deepEqual(messages, []);
    });
  }
});
