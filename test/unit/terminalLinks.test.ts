/** Issue 30: the VS Code client's terminal links — the server reads the line, the client only maps its answer. */
import './vscodeStub';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { revealCode } from '../../client/src/commands';
import { terminalLinkProvider, type LineReader } from '../../client/src/terminalLinks';
import { ErrorCodesTree } from '../../client/src/tree';
import type { Node } from '../../client/src/treeModel';
import { LineCodesRequest, MAX_TERMINAL_LINE, type LineCode, type RegistryResult } from '../../server/src/protocol';
import { calls, reset } from './vscodeStub';

const CODE: LineCode = { start: 40, end: 43, vendor: 'riset-face', code: '604', label: 'Timeout While Waiting For…', tooltip: '604 · Riset.ai Face API: Timeout While Waiting For Response' };
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) } as never;

function client(answer: () => Promise<{ codes: LineCode[] }>, running = true): LineReader & { sent: { method: string; params: unknown }[] } {
  const sent: { method: string; params: unknown }[] = [];
  return {
    sent,
    isRunning: () => running,
    sendRequest: async <P, R>(type: { method: string }, params: P) => (sent.push({ method: type.method, params }), (await answer()) as R),
  };
}

const context = (line: string) => ({ line, terminal: {} }) as never;

beforeEach(() => reset());

describe('terminal links', () => {
  it("turns the server's codes of a line into links with its tooltip", async () => {
    const c = client(async () => ({ codes: [CODE] }));
    const links = await terminalLinkProvider(c, async () => undefined, () => true).provideTerminalLinks(context('2026 WARN kyc facegallery_id=g-7 status=604'), token);
    assert.deepEqual(links, [{ startIndex: 40, length: 3, tooltip: CODE.tooltip, vendor: 'riset-face', code: '604' }]);
    assert.equal(c.sent[0].method, LineCodesRequest.method);
    assert.deepEqual(c.sent[0].params, { line: '2026 WARN kyc facegallery_id=g-7 status=604', uri: 'file:///ws' });
  });

  it(`sends at most ${MAX_TERMINAL_LINE} characters of a line`, async () => {
    const c = client(async () => ({ codes: [] }));
    await terminalLinkProvider(c, async () => undefined, () => true).provideTerminalLinks(context('x'.repeat(MAX_TERMINAL_LINE * 3)), token);
    assert.equal((c.sent[0].params as { line: string }).line.length, MAX_TERMINAL_LINE);
  });

  it('gives no links, and does not throw, while the server is not running or when it fails; nothing when turned off', async () => {
    const stopped = client(async () => ({ codes: [CODE] }), false);
    assert.deepEqual(await terminalLinkProvider(stopped, async () => undefined, () => true).provideTerminalLinks(context('status=604'), token), []);
    assert.equal(stopped.sent.length, 0);
    const failing = client(async () => Promise.reject(new Error('Connection got disposed.')));
    assert.deepEqual(await terminalLinkProvider(failing, async () => undefined, () => true).provideTerminalLinks(context('status=604'), token), []);
    const off = client(async () => ({ codes: [CODE] }));
    assert.deepEqual(await terminalLinkProvider(off, async () => undefined, () => false).provideTerminalLinks(context('status=604'), token), []);
    // errorCodes.terminalLinks.enabled read from the configuration (its default: on).
    const configured = client(async () => ({ codes: [CODE] }));
    assert.equal((await terminalLinkProvider(configured, async () => undefined).provideTerminalLinks(context('status=604'), token))!.length, 1);
  });

  it('activating a link reveals its code in the sidebar and shows its entry', async () => {
    const answer: RegistryResult = {
      notices: [],
      vendors: [
        {
          id: 'riset-face',
          displayName: 'Riset.ai Face API',
          origin: 'builtin',
          enabled: true,
          entries: [{ code: '604', title: 'Timeout While Waiting For Response', category: 'PeduliLindungi', origin: 'builtin', tooltip: '**604**' }],
        },
      ],
    };
    const tree = new ErrorCodesTree(async () => answer);
    const revealed: Node[] = [];
    const view = { reveal: async (node: Node) => void revealed.push(node) } as never;
    const provider = terminalLinkProvider(client(async () => ({ codes: [CODE] })), (vendor, code) => revealCode(tree, view, vendor, code), () => true);
    const [link] = (await provider.provideTerminalLinks(context('status=604'), token))!;
    await provider.handleTerminalLink(link);
    assert.equal(revealed.length, 1);
    assert.equal((revealed[0] as { entry: { code: string } }).entry.code, '604');
    assert.match(calls.info[0], /^604 · Riset\.ai Face API: Timeout While Waiting For Response/);
    // A code the tree does not hold says so.
    await revealCode(tree, view, 'faceki', '5004');
    assert.equal(revealed.length, 1);
    assert.match(calls.info[1], /5004 is not in the Error Codes tree/);
  });
});
