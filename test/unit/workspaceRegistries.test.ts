import './vscodeStub';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { syncWorkspaceRegistries } from '../../client/src/workspaceRegistries';
import { WorkspaceRegistries } from '../../server/src/workspaceRegistries';
import { loadBuiltinSources } from '../../server/src/registry';
import { WorkspaceRegistriesNotification } from '../../server/src/protocol';
import { root } from '../helpers';
import * as path from 'node:path';
import { reset, state } from './vscodeStub';

type Sent = { files: { uri: string; text: string }[]; notices: string[] };

async function syncOnce(): Promise<Sent> {
  const sent: Sent[] = [];
  const client = { sendNotification: async (type: { method: string }, params: unknown) => void (type.method === WorkspaceRegistriesNotification.method && sent.push(params as Sent)) } as never;
  await syncWorkspaceRegistries(client, [])();
  return sent[0];
}

describe('client: which registry files are sent (Workspace Trust)', () => {
  beforeEach(() => {
    reset();
    state.files.set('/ws/acme.errorcodes.json', '{"vendor":{"id":"acme"},"entries":[]}');
    state.files.set('/ws/extra/more.json', '{"vendor":{"id":"more"},"entries":[]}');
    state.files.set('/home/me/mine.json', '{"vendor":{"id":"mine"},"entries":[]}');
  });

  it('trusted: workspace files and registryFiles from user and workspace settings', async () => {
    state.registryFiles = { globalValue: ['/home/me/mine.json'], workspaceValue: ['extra/more.json'] };
    const sent = await syncOnce();
    assert.deepEqual(sent.files.map((f) => f.uri).sort(), ['file:///home/me/mine.json', 'file:///ws/acme.errorcodes.json', 'file:///ws/extra/more.json']);
    assert.deepEqual(sent.notices, []);
  });

  it('Restricted Mode: no workspace files, no workspace-level registryFiles; user settings still apply; says why', async () => {
    state.isTrusted = false;
    state.registryFiles = { globalValue: ['/home/me/mine.json'], workspaceValue: ['extra/more.json'] };
    const sent = await syncOnce();
    assert.equal(state.findFilesCalls, 0, 'the workspace is not searched');
    assert.deepEqual(sent.files.map((f) => f.uri), ['file:///home/me/mine.json']);
    assert.match(sent.notices[0], /^Restricted Mode: /);
  });

  it('a missing registry file is reported, not fatal', async () => {
    state.registryFiles = { globalValue: ['/nowhere/x.json'], workspaceValue: undefined };
    const sent = await syncOnce();
    assert.equal(sent.files.length, 1);
    assert.match(sent.notices[0], /\/nowhere\/x\.json could not be read/);
  });
});

describe('server: workspace registries', () => {
  const builtin = loadBuiltinSources(path.join(root, 'data', 'registry'));
  const file = (entries: unknown[], vendor: object = { id: 'acme', displayName: 'Acme' }) => JSON.stringify({ vendor, entries });
  const entry = (code: string, title = 't') => ({ code, title, description: 'd', category: 'c' });

  it('merges, keeps the last good version of a broken file, and forgets removed files', () => {
    const ws = new WorkspaceRegistries(builtin);
    assert.equal(ws.update([{ uri: 'file:///a.errorcodes.json', text: file([entry('1001', 'first')]) }], []), true);
    assert.equal(ws.registry.entry('acme', '1001')!.title, 'first');
    assert.equal(ws.update([{ uri: 'file:///a.errorcodes.json', text: '{ broken' }], []), false);
    assert.equal(ws.registry.entry('acme', '1001')!.title, 'first');
    assert.match(ws.notices()[0], /a\.errorcodes\.json: JSON syntax.*last good version is in use/);
    assert.equal(ws.update([], []), true);
    assert.equal(ws.registry.entry('acme', '1001'), undefined);
    assert.equal(ws.registry.vendors.size, 4);
  });

  it('says what a schema cannot: overrides of built-in codes and new vendors without a display name', () => {
    const ws = new WorkspaceRegistries(builtin);
    const text = file([entry('5004'), entry('9999')], { id: 'faceki' });
    const problems = ws.check('file:///f.errorcodes.json', text);
    assert.deepEqual(problems.map((p) => [p.message, p.severity]), [['5004 overrides the built-in Faceki entry.', 'information']]);
    assert.equal(text.slice(problems[0].offset, problems[0].offset + problems[0].length), '"5004"');
    const unnamed = ws.check('file:///n.errorcodes.json', file([entry('1')], { id: 'newco' }));
    assert.match(unnamed[0].message, /"newco" is a new vendor: add a displayName/);
  });
});

describe('workspace registries: atomic updates (issue 19, fault 6)', () => {
  const VALID = { uri: 'file:///ws/acme.errorcodes.json', text: JSON.stringify({ vendor: { id: 'acme', displayName: 'Acme' }, entries: [{ code: '1001', title: 'T', description: 'D', category: 'C' }] }) };

  it('an update that fails part-way changes nothing, and the next correct one loads the vendor', () => {
    const ws = new WorkspaceRegistries(loadBuiltinSources());
    const before = ws.registry;
    assert.throws(() => ws.update([VALID, 5 as never], ['kept?']));
    assert.equal(ws.registry, before, 'registry unchanged');
    assert.deepEqual(ws.notices(), [], 'notices unchanged');
    assert.equal(ws.update([VALID], []), true, 'the correct update is a change');
    assert.ok(ws.registry.vendors.has('acme'), 'the vendor is loaded');
  });

  it('notices that fail part-way leave the old notices, so later reads still work', () => {
    const ws = new WorkspaceRegistries(loadBuiltinSources());
    ws.update([VALID], ['first']);
    assert.throws(() => ws.update([VALID, { uri: 'file:///ws/b.errorcodes.json', text: null as never }], ['second']));
    assert.deepEqual(ws.notices(), ['first']);
    assert.ok(ws.registry.vendors.has('acme'));
  });
});
