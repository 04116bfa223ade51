import './vscodeStub';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { VendorConstantsRequest, type RegistryResult, type VendorConstantsResult } from '../../server/src/protocol';
import type { VendorNode } from '../../client/src/treeModel';
import { calls, reset, state } from './vscodeStub';

// The few editor classes this command uses beyond the shared stub.
class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}
const vscode = require('vscode') as Record<string, unknown>;
Object.assign(vscode, { Range, Selection: Range, Position, TextEditorRevealType: { AtTop: 3 } });
// Loaded after the classes are in place: the compiled import copies the module's keys when it runs.
const { insertConstants } = require('../../client/src/typedConstants') as typeof import('../../client/src/typedConstants');

const faceki: RegistryResult['vendors'][number] = {
  id: 'faceki',
  displayName: 'Faceki',
  origin: 'builtin',
  enabled: true,
  entries: [{ code: '5004', name: 'SELFIE_LIVENESS_FAILED', title: 'SELFIE_LIVENESS_FAILED', category: 'Verification', origin: 'builtin', tooltip: '' }],
};
const node: VendorNode = { kind: 'vendor', id: 'faceki', vendor: faceki, categories: [] };

function editor(languageId: string) {
  const doc = { languageId, uri: { toString: () => `file:///ws/a.${languageId === 'javascript' ? 'js' : 'ts'}` }, version: 3, offsetAt: () => 0, positionAt: (o: number) => new Position(0, o) };
  const replaced: { range: Range; text: string }[] = [];
  return {
    replaced,
    revealed: [] as Range[],
    document: doc,
    selection: { active: new Position(4, 2) },
    edit: async (cb: (b: { replace: (r: Range, t: string) => void }) => void) => {
      cb({ replace: (range, text) => replaced.push({ range, text }) });
      return true;
    },
    revealRange(r: Range) {
      this.revealed.push(r);
    },
  };
}

function client(result: VendorConstantsResult | null, onSend?: () => void) {
  const sent: { method: string; params: unknown }[] = [];
  return {
    sent,
    sendRequest: async <P, R>(type: { method: string }, params: P): Promise<R> => {
      sent.push({ method: type.method, params });
      onSend?.();
      return result as R;
    },
  };
}

const result: VendorConstantsResult = {
  edit: { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '\n// #region API Error Codes: faceki …' },
  replaced: false,
  members: 24,
};

describe('client: Insert Constants for Vendor…', () => {
  beforeEach(() => reset());

  it('from a vendor in the tree: asks for the style, sends the cursor, applies the edit, says what it did', async () => {
    const e = editor('typescript');
    state.activeTextEditor = e;
    state.pick = 1; // Enum
    const c = client(result);
    assert.equal(await insertConstants(c, node), result);
    assert.deepEqual(calls.quickPickItems.map((items) => items.map((i) => i.label)), [['Object (as const)', 'Enum']]);
    assert.deepEqual(c.sent, [{ method: VendorConstantsRequest.method, params: { uri: 'file:///ws/a.ts', vendor: 'faceki', style: 'enum', position: { line: 4, character: 2 } } }]);
    assert.equal(e.replaced.length, 1);
    assert.deepEqual(e.replaced[0].range, new Range(4, 0, 4, 0));
    assert.equal(e.replaced[0].text, result.edit.newText);
    assert.deepEqual(calls.statusMessages, ['Inserted 24 Faceki constants']);
    assert.equal(e.revealed.length, 1);
  });

  it('a JavaScript editor gets the object without a style question; a replaced block says Updated', async () => {
    const e = editor('javascript');
    state.activeTextEditor = e;
    const c = client({ ...result, replaced: true });
    await insertConstants(c, node);
    assert.equal(calls.quickPickItems.length, 0);
    assert.equal((c.sent[0].params as { style: string }).style, 'object');
    assert.deepEqual(calls.statusMessages, ['Updated 24 Faceki constants']);
  });

  it('a document that changed while waiting is not edited', async () => {
    const e = editor('typescript');
    state.activeTextEditor = e;
    state.pick = 0;
    const c = client(result, () => (e.document.version = 4));
    assert.equal(await insertConstants(c, node), undefined);
    assert.equal(e.replaced.length, 0);
    assert.match(calls.warnings[0], /changed/);
  });

  it('arguments that are not vendor nodes fall back to the vendor quick pick (cancelled here)', async () => {
    state.activeTextEditor = editor('typescript');
    const registry: RegistryResult = { notices: [], vendors: [faceki, { ...faceki, id: 'off', displayName: 'Off', enabled: false }] };
    const c = client(registry as unknown as VendorConstantsResult);
    assert.equal(await insertConstants(c, { kind: 'code' }), undefined);
    assert.deepEqual(calls.quickPickItems[0].map((i) => [i.label, i.description]), [['Faceki', '1 code']]);
  });
});
