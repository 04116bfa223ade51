import './vscodeStub';
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { forwardRegistrySources, registrySources } from '../../client/src/registrySources';
import { WorkspaceRegistries } from '../../server/src/workspaceRegistries';
import { loadBuiltinSources } from '../../server/src/registry';
import { RegistrySourcesNotification, type RegistrySources } from '../../server/src/protocol';
import { root } from '../helpers';
import * as path from 'node:path';
import { events, reset, state } from './vscodeStub';

describe('client: what the server may read (Workspace Trust)', () => {
  beforeEach(() => {
    reset();
    state.registryFiles = { globalValue: ['/home/me/mine.json', 'user-relative.json'], workspaceValue: ['extra/more.json'], workspaceFolderValue: { '/api': ['api.json'] } };
  });

  it('trusted: the workspace is searched; registryFiles of every level, relative ones made absolute against their folder', () => {
    state.folders = [
      { scheme: 'file', path: '/ws' },
      { scheme: 'file', path: '/api' },
    ];
    assert.deepEqual(registrySources(), { trusted: true, registryFiles: ['/home/me/mine.json', '/ws/user-relative.json', '/ws/extra/more.json', '/api/api.json'] });
  });

  it('Restricted Mode: no workspace search, no workspace- or folder-level registryFiles; user settings still apply', () => {
    state.isTrusted = false;
    state.folders = [
      { scheme: 'file', path: '/ws' },
      { scheme: 'file', path: '/api' },
    ];
    assert.deepEqual(registrySources(), { trusted: false, registryFiles: ['/home/me/mine.json', '/ws/user-relative.json'] });
  });

  it('values of the wrong type are read as the settings reader reads them; a virtual folder gives relative paths no base', () => {
    state.registryFiles = { globalValue: ['/a.json', 7, null, ''], workspaceValue: 'not-a-list', workspaceFolderValue: {} };
    state.folders = [{ scheme: 'vscode-vfs', path: '/github/repo' }];
    state.registryFiles.workspaceFolderValue['/github/repo'] = ['r.json'];
    assert.deepEqual(registrySources().registryFiles, ['/a.json']);
  });

  it('sends them again when trust is granted, the folders change or errorCodes.registryFiles changes, not for other settings', async () => {
    const sent: RegistrySources[] = [];
    forwardRegistrySources({ sendNotification: async (type: { method: string }, params: unknown) => void (type.method === RegistrySourcesNotification.method && sent.push(params as RegistrySources)) }, []);
    state.isTrusted = false;
    for (const fire of events.configurationChanged) fire({ affectsConfiguration: (s) => s === 'errorCodes' || s === 'errorCodes.enable' });
    assert.equal(sent.length, 0);
    state.isTrusted = true;
    for (const fire of events.grantTrust) fire();
    for (const fire of events.foldersChanged) fire();
    for (const fire of events.configurationChanged) fire({ affectsConfiguration: (s) => s === 'errorCodes' || s === 'errorCodes.registryFiles' });
    assert.deepEqual(
      sent.map((s) => s.trusted),
      [true, true, true],
    );
    assert.deepEqual(sent[0].registryFiles, ['/home/me/mine.json', '/ws/user-relative.json', '/ws/extra/more.json']);
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
