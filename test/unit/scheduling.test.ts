/**
 * The diagnostics scheduler (server/src/scheduling.ts) on Node's mock timers: the debounce coalesces a burst of
 * changes into one push of the last version, open is immediate, close and shutdown cancel what is pending, a version
 * superseded while it was computed is not sent, pull requests wait for quiet and honour cancellation.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_DELAY_MS, DiagnosticsScheduler } from '../../server/src/scheduling';

/** Lets promise callbacks run (setImmediate is not mocked). */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Harness {
  scheduler: DiagnosticsScheduler;
  versions: Map<string, number>;
  /** What was computed and what was published, in order. */
  computed: string[];
  /** When each computation started (the timer's time). */
  computedAt: number[];
  published: { uri: string; version: number | undefined; count: number; at: number }[];
  refreshes: number;
  errors: string[];
  /** Set to hold the computation of a URI until released. */
  hold?: (uri: string) => Promise<Diagnostic[]> | undefined;
}

function harness(pull = false): Harness {
  const h: Harness = { versions: new Map(), computed: [], computedAt: [], published: [], refreshes: 0, errors: [] } as unknown as Harness;
  const diagnostic = (uri: string): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: `${uri}@${h.versions.get(uri)}` });
  h.scheduler = new DiagnosticsScheduler({
    version: (uri) => h.versions.get(uri),
    compute: (uri) => {
      h.computed.push(`${uri}@${h.versions.get(uri)}`);
      h.computedAt.push(Date.now());
      return h.hold?.(uri) ?? Promise.resolve([diagnostic(uri)]);
    },
    publish: (uri, version, diagnostics) => h.published.push({ uri, version, count: diagnostics.length, at: Date.now() }),
    refreshPull: () => void h.refreshes++,
    log: (m) => h.errors.push(m),
  });
  h.scheduler.pull = pull;
  return h;
}

/** Opens a document at version 1 (the open's own change event included, as TextDocuments fires it). */
function open(h: Harness, uri: string): void {
  h.versions.set(uri, 1);
  h.scheduler.opened(uri, 1);
  assert.equal(h.scheduler.changed(uri, 1), false, 'the open is no edit');
}

function edit(h: Harness, uri: string): boolean {
  const version = (h.versions.get(uri) ?? 0) + 1;
  h.versions.set(uri, version);
  return h.scheduler.changed(uri, version);
}

async function advance(ms: number): Promise<void> {
  mock.timers.tick(ms);
  await flush();
}

describe('diagnostics scheduling (server/src/scheduling.ts)', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 }));
  afterEach(() => mock.timers.reset());

  it('pushes on open at once, and after a burst of edits once, for the last version, delayMs after the last edit', async () => {
    const h = harness();
    open(h, 'a');
    await advance(0);
    assert.deepEqual(h.published, [{ uri: 'a', version: 1, count: 1, at: 0 }]);
    for (let i = 0; i < 5; i++) {
      assert.equal(edit(h, 'a'), true);
      await advance(100);
    }
    // Last edit at 400: nothing yet at 500, the push of version 6 at 550.
    assert.equal(h.published.length, 1);
    await advance(DEFAULT_DELAY_MS - 100 - 1);
    assert.equal(h.published.length, 1, 'not before the document has been quiet for delayMs');
    await advance(1);
    assert.deepEqual(h.published.slice(1), [{ uri: 'a', version: 6, count: 1, at: 550 }]);
    assert.deepEqual(h.computed, ['a@1', 'a@6'], 'the versions in between were never computed');
  });

  it('keeps documents apart: each has its own debounce, and they are pushed in the order they went quiet', async () => {
    const h = harness();
    open(h, 'a');
    open(h, 'b');
    await advance(0);
    // A millisecond at a time, so each timer runs at its own time (one tick runs all it passes at its end time).
    const until = async (t: number) => {
      while (Date.now() < t) await advance(1);
    };
    edit(h, 'a');
    await until(100);
    edit(h, 'b');
    await until(200);
    edit(h, 'b'); // b's timer restarts; a's ran at 150
    await until(600);
    assert.deepEqual(h.computed.slice(2), ['a@2', 'b@3']);
    assert.deepEqual(h.computedAt.slice(2), [150, 350]);
    assert.deepEqual(h.published.slice(2).map((p) => [p.uri, p.version]), [['a', 2], ['b', 3]]);
  });

  it('does not send a version that was superseded while it was being computed; the newer one follows', async () => {
    const h = harness();
    const pending: ((d: Diagnostic[]) => void)[] = [];
    open(h, 'a');
    h.hold = () => new Promise<Diagnostic[]>((resolve) => pending.push(resolve));
    await advance(0);
    assert.equal(pending.length, 1, 'the open is being computed');
    edit(h, 'a');
    pending[0]([]);
    await flush();
    assert.equal(h.published.length, 0, 'version 1 is stale once version 2 exists');
    h.hold = undefined;
    await advance(DEFAULT_DELAY_MS);
    assert.deepEqual(h.published.map((p) => p.version), [2]);
  });

  it('close cancels the pending push and clears the push client’s problems', async () => {
    const h = harness();
    open(h, 'a');
    await advance(0);
    edit(h, 'a');
    h.versions.delete('a');
    h.scheduler.closed('a');
    assert.deepEqual(h.published.at(-1), { uri: 'a', version: undefined, count: 0, at: 0 });
    await advance(1000);
    assert.deepEqual(h.computed, ['a@1'], 'the edit before the close was never computed');
    assert.equal(h.published.length, 2);
    assert.equal(edit(h, 'a'), false, 'a closed document has nothing scheduled');
  });

  it('refresh pushes every open document now; dispose (shutdown) stops what is pending', async () => {
    const h = harness();
    open(h, 'a');
    open(h, 'b');
    await advance(0);
    h.scheduler.refresh(['a', 'b']);
    await advance(0);
    assert.deepEqual(h.published.slice(2).map((p) => p.uri), ['a', 'b']);
    edit(h, 'a');
    h.scheduler.dispose();
    await advance(1000);
    assert.equal(h.published.length, 4);
    assert.equal(h.refreshes, 0, 'a push client is never asked to pull');
  });

  it('a failed computation is logged and nothing is sent', async () => {
    const h = harness();
    h.hold = () => Promise.reject(new Error('boom'));
    open(h, 'a');
    await advance(0);
    assert.deepEqual(h.published, []);
    assert.match(h.errors[0], /Error while computing diagnostics for a: Error: boom/);
  });

  describe('pull clients', () => {
    it('nothing is pushed; refresh asks the client to pull again', async () => {
      const h = harness(true);
      open(h, 'a');
      edit(h, 'a');
      h.scheduler.refresh(['a']);
      h.scheduler.closed('a');
      await advance(1000);
      assert.deepEqual(h.published, []);
      assert.deepEqual(h.computed, []);
      assert.equal(h.refreshes, 1);
    });

    const token = (cancelled = false) => ({ isCancellationRequested: cancelled, onCancellationRequested: () => ({ dispose: () => undefined }) });

    it('a request waits until the document has been quiet for delayMs, and longer when edits keep coming', async () => {
      const h = harness(true);
      open(h, 'a');
      let answered: boolean | undefined;
      void h.scheduler.quiet('a', token()).then((r) => (answered = r));
      await flush();
      assert.equal(answered, true, 'the opened version is answered at once');

      answered = undefined;
      edit(h, 'a');
      void h.scheduler.quiet('a', token()).then((r) => (answered = r));
      await advance(100);
      edit(h, 'a');
      await advance(50);
      assert.equal(answered, undefined, 'an edit during the wait extends it');
      await advance(99);
      assert.equal(answered, undefined);
      await advance(1);
      assert.equal(answered, true);
      assert.equal(Date.now(), 250);
    });

    it('a request cancelled while waiting answers false; one for a document not open does not wait', async () => {
      const h = harness(true);
      open(h, 'a');
      edit(h, 'a');
      const t = token();
      let answered: boolean | undefined;
      void h.scheduler.quiet('a', t).then((r) => (answered = r));
      t.isCancellationRequested = true;
      await advance(DEFAULT_DELAY_MS);
      assert.equal(answered, false);
      assert.equal(await h.scheduler.quiet('never-opened', token()), true);
    });
  });

  it('diagnosticsDelayMs: 0 to 1000 is taken, anything else leaves the default', async () => {
    const h = harness();
    for (const bad of [undefined, 'x', -1, 1001, NaN, Infinity]) {
      h.scheduler.setDelay(bad);
      assert.equal(h.scheduler.delayMs, DEFAULT_DELAY_MS, String(bad));
    }
    h.scheduler.setDelay(0);
    assert.equal(h.scheduler.delayMs, 0);
    open(h, 'a');
    edit(h, 'a');
    await advance(0);
    assert.deepEqual(h.published.map((p) => p.version), [2], 'with no delay the edit is pushed at once (and the open, superseded, is not)');
  });
});
