/**
 * The edit storm: 1,000 edits at up to 100 a second on a 10 MB log, each followed by a diagnostics pull that is
 * cancelled by the next edit, as a fast typist's editor does. Pass: the server answers a request sent every 20 ms
 * throughout, every pull is answered or cancelled, and afterwards the server holds the same text and diagnostics as a
 * fresh open of it. How long the event loop waited is printed (the bench's to judge), not asserted: on a loaded
 * machine the numbers say more about the machine. Its own server process, so nothing else shares its heap.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver-protocol';
import { rng, vendorLog } from '../../bench/generate';
import { DocumentStateRequest, type DocumentStateResult } from '../../server/src/protocol';
import { open, startServer, type TestServer } from '../lspClient';
import { percentile } from '../stats';

let server: TestServer;
before(async () => {
  server = await startServer(); // the product's 150 ms typing debounce
});
after(() => server.stop());

const pull = async (uri: string, source?: CancellationTokenSource) => {
  const params = { textDocument: { uri } };
  const report = source
    ? await server.connection.sendRequest('textDocument/diagnostic', params, source.token)
    : await server.connection.sendRequest('textDocument/diagnostic', params);
  return (report as { items: Diagnostic[] }).items;
};

describe('robustness: edit storm', () => {
  it('1,000 edits at 100/s on a 10 MB log: the server keeps answering, and holds the right text and diagnostics after', async () => {
    const seed = Number(process.env.ORACLE_SEED ?? Date.now() % 2 ** 31);
    console.log(`edit storm: seed ${seed} (reproduce with ORACLE_SEED=${seed})`);
    const r = rng(seed);
    // The client's copy of the text is kept as lines, so its own bookkeeping stays cheap during the storm.
    const lines = vendorLog(10 * 1024 * 1024, 9).split('\n');
    const uri = 'file:///storm/gateway.log';
    let version = 1;
    await open(server, uri, 'log', lines.join('\n'), version);
    await pull(uri);

    const FRAGMENTS = ['x', '5', ' status=5004 ', 'ERROR_NO_FACE_IN_FILE ', '=', '\n', ' upstream_status=503'];
    let pending: CancellationTokenSource | undefined;
    const outcomes = { cancelled: 0, answered: 0, other: 0 };
    let edits = 0;
    const edit = () => {
      const line = Math.floor(r() * Math.min(lines.length - 1, 5000));
      const current = lines[line];
      const character = Math.floor(r() * (current.length + 1));
      const deleting = r() < 0.3 && character < current.length;
      const text = deleting ? '' : FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
      const end = deleting ? character + 1 : character;
      const changed = current.slice(0, character) + text + current.slice(end);
      lines.splice(line, 1, ...changed.split('\n'));
      void server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: end } }, text }],
      });
      edits++;
      pending?.cancel();
      const source = (pending = new CancellationTokenSource());
      pull(uri, source).then(
        () => outcomes.answered++,
        (e: { code?: number }) => (e.code === -32800 ? outcomes.cancelled++ : outcomes.other++),
      );
    };
    const EDITS = 1000;
    const timer = setInterval(() => {
      if (edits < EDITS) edit();
    }, 10);
    const delays: number[] = [];
    let pings = 0;
    let failed = 0;
    const started = performance.now();
    while (edits < EDITS) {
      const s = performance.now();
      // A request the server answers at once (-32601, MethodNotFound): how long it waits is how long its event loop
      // was busy. Any other error is a server that stopped answering.
      pings++;
      await server.connection.sendRequest('errorCodes/ping').catch((e: { code?: number }) => {
        if (e.code !== -32601) failed++;
      });
      delays.push(performance.now() - s);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    const p50 = percentile(delays, 0.5);
    const p99 = percentile(delays, 0.99);
    console.log(`edit storm: ${edits} edits in ${seconds.toFixed(1)} s, ${pings} pings, loop delay p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms; pulls ${JSON.stringify(outcomes)}`);
    assert.equal(failed, 0, 'every ping was answered');
    assert.ok(pings > 0);

    // The last pull settles before the counts are read: answered or cancelled, never failed.
    pending?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const text = lines.join('\n');
    const state = (await server.connection.sendRequest(DocumentStateRequest.method, { uri })) as DocumentStateResult;
    assert.equal(state.version, version);
    assert.equal(state.sha1, createHash('sha1').update(text).digest('hex'), "the server's text differs from the client's");
    assert.equal(outcomes.other, 0, 'every pull was answered or cancelled');
    const got = await pull(uri);
    await open(server, 'file:///storm/fresh.log', 'log', text, 1);
    const want = await pull('file:///storm/fresh.log');
    assert.ok(want.length > 0);
    assert.deepEqual(got, want, 'diagnostics after the storm differ from a fresh open of the same text');
  });
});
