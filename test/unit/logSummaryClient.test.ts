import './vscodeStub';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { registerLogSummary } from '../../client/src/logSummary';
import type { LogSummary } from '../../server/src/protocol';
import { calls, reset } from './vscodeStub';

/** A summary as the server answers it: Faceki's 5004, whose registry title is only its name. */
const saved: LogSummary = {
  file: '/logs/big-gateway.log',
  size: 64 * 1048576,
  mtimeMs: 0,
  gzip: false,
  bytes: 64 * 1048576,
  lines: 1_234_567,
  occurrences: 94_286,
  vendors: [
    {
      id: 'faceki',
      displayName: 'Faceki',
      count: 94_286,
      codes: [
        { code: '5004', vendor: 'faceki', title: 'SELFIE_LIVENESS_FAILED', name: 'SELFIE_LIVENESS_FAILED', description: 'Selfie liveness verification failed.', count: 94_286, firstLine: 1233, lastLine: 99_999, samples: [{ line: 1233, text: 'code=5004' }] },
      ],
    },
  ],
  histogram: { minutes: [], total: [], series: [], truncated: false, untimed: [] },
  documentVendors: ['faceki'],
  elapsedMs: 1,
};

type Provider = { getChildren(n?: unknown): unknown[]; getTreeItem(n: unknown): { label: string; description?: string } };

function register(stored: Map<string, unknown>) {
  const memento = { get: (k: string) => stored.get(k), update: async (k: string, v: unknown) => void stored.set(k, v), keys: () => [...stored.keys()] };
  registerLogSummary({} as never, [], memento as never);
  const tree = calls.treeViews.find((t) => t.id === 'errorCodes.logSummary')!;
  const samples = calls.contentProviders.find((p) => p.scheme === 'error-codes-summary')!.provider as { provideTextDocumentContent(uri: { query: string }): string };
  return { provider: tree.provider as Provider, view: tree.view, samples };
}

describe('log summary view (client)', () => {
  beforeEach(() => reset());

  it('a window reload keeps the summary: the workspace state holds it and the view shows it again', () => {
    const { provider, view } = register(new Map([['errorCodes.logSummary', saved]]));
    assert.equal(provider.getChildren().length, 1);
    assert.equal(view.description, 'big-gateway.log · 1,234,567 lines · 64 MB');
  });

  it('no summary saved: an empty view', () => {
    assert.deepEqual(register(new Map()).provider.getChildren(), []);
  });

  it('rows: counts with thousands separators, the meaning (not the name again); samples name the vendor', () => {
    const { provider, samples } = register(new Map([['errorCodes.logSummary', saved]]));
    const [vendor] = provider.getChildren();
    assert.equal(provider.getTreeItem(vendor).description, '94,286');
    const [code] = provider.getChildren(vendor);
    const item = provider.getTreeItem(code);
    assert.equal(item.label, '5004 SELFIE_LIVENESS_FAILED');
    assert.equal(item.description, '94,286 · Selfie liveness verification failed.');
    const text = samples.provideTextDocumentContent({ query: encodeURIComponent(JSON.stringify(['faceki', '5004'])) });
    assert.match(text, /^5004 \(Faceki\) in \/logs\/big-gateway\.log: 94,286 times, lines 1,234–100,000\n/);
  });
});
