import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { ImportPageRequest, RegistryRequest, WorkspaceRegistriesNotification, type ImportPageResult, type RegistryResult } from '../../server/src/protocol';
import { open, startServer, type TestServer } from '../lspClient';

const ACME = 'file:///ws/acme.errorcodes.json';
const acme = (title: string) =>
  JSON.stringify({
    vendor: { id: 'acme', displayName: 'Acme Pay', hints: { keys: ['acme_txn'] } },
    entries: [{ code: '1001', name: 'ACME_TOKEN_EXPIRED', title, description: 'The payment token expired.', category: 'Auth' }],
  });
const OVERRIDE = 'file:///ws/faceki.errorcodes.json';
const override = JSON.stringify({
  vendor: { id: 'faceki' },
  entries: [{ code: '5004', name: 'SELFIE_LIVENESS_FAILED', title: 'Liveness failed (our wording)', description: 'Ask for a new selfie.', category: 'Verification' }],
});

describe('protocol: workspace registries', () => {
  let server: TestServer;
  const TS = 'file:///ws/pay.ts';
  const hoverAt = async (line: number, character: number) =>
    ((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: TS }, position: { line, character } })) as Hover | null)?.contents as { value: string } | undefined;
  const send = async (files: { uri: string; text: string }[], notices: string[] = []) => {
    await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files, notices });
    await server.waitFor(
      'errorCodes/registryChanged',
      () => true,
      5000,
    );
    server.received.length = 0;
  };

  before(async () => {
    server = await startServer();
    await open(server, TS, 'typescript', "if (body.code === 1001) {}\nif (body.code === 5004) {}\nconst t = 'ACME_TOKEN_EXPIRED';");
  });
  after(() => server.stop());

  it('registryChanged carries params by name, as the typed handler of the client expects (not [null])', async () => {
    await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [], notices: [] });
    const params = await server.waitFor('errorCodes/registryChanged');
    // vscode-jsonrpc logs "[error] Notification … defines 0 params but received 1 arguments" for an array.
    assert.deepEqual(params, {});
    server.received.length = 0;
  });

  it('a new vendor from a workspace file hovers, marked as from the workspace, and shows in the tree', async () => {
    assert.equal(await hoverAt(0, 20), undefined);
    await send([{ uri: ACME, text: acme('Token expired') }]);
    const md = (await hoverAt(0, 20))!.value;
    assert.match(md, /^\*\*1001\*\* `ACME_TOKEN_EXPIRED` · Acme Pay \*\(workspace\)\*/);
    assert.match((await hoverAt(2, 15))!.value, /Acme Pay/);
    const tree = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    const v = tree.vendors.find((x) => x.id === 'acme')!;
    assert.equal(v.origin, 'workspace');
    assert.equal(v.entries.length, 1);
  });

  it('overrides a built-in code', async () => {
    await send([{ uri: ACME, text: acme('Token expired') }, { uri: OVERRIDE, text: override }]);
    assert.match((await hoverAt(1, 20))!.value, /Liveness failed \\\(our wording\\\)/);
    const tree = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    assert.equal(tree.vendors.find((x) => x.id === 'faceki')!.entries.length, 24);
  });

  it('a broken file keeps its last good version serving and says so', async () => {
    await send([{ uri: ACME, text: '{ "vendor": { "id": "acme" }, "entries": [ ' }, { uri: OVERRIDE, text: override }]);
    assert.match((await hoverAt(0, 20))!.value, /Acme Pay/);
    const tree = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    assert.match(tree.notices.join('\n'), /acme\.errorcodes\.json: JSON syntax.*its last good version is in use/);
  });

  it('a fixed file is picked up, a removed one goes', async () => {
    await send([{ uri: ACME, text: acme('Token has expired') }]);
    assert.match((await hoverAt(0, 20))!.value, /Token has expired/);
    assert.doesNotMatch((await hoverAt(1, 20))!.value, /our wording/);
    await send([], ['Restricted Mode: workspace registry files are ignored.']);
    assert.equal(await hoverAt(0, 20), undefined);
    const tree = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    assert.deepEqual(tree.notices, ['Restricted Mode: workspace registry files are ignored.']);
  });

  it('diagnostics inside a registry file as it is typed: schema, duplicates, overrides, with exact ranges', async () => {
    const uri = 'file:///ws/typing.errorcodes.json';
    const text = JSON.stringify(
      {
        vendor: { id: 'faceki' },
        entries: [
          { code: '5004', title: 'x', description: 'y', category: 'c' },
          { code: '9001', title: 'x', description: 'y', category: 'c' },
          { code: '9001', title: 'x', description: 'y', category: 'c' },
        ],
      },
      null,
      2,
    );
    await open(server, uri, 'json', text);
    const items = ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    assert.equal(items.length, 1);
    assert.match(items[0].message as string, /entries\[2\] \(code "9001"\), field "code": "9001" is already defined by entries\[1\]/);
    const lines = text.split('\n');
    assert.equal(lines[items[0].range.start.line].slice(items[0].range.start.character, items[0].range.end.character), '"code"');
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: text.replace(/"9001",\n(\s+)"title": "x",\n(\s+)"description": "y",\n(\s+)"category": "c"\n(\s+)}\n(\s+)]/, '"9002",\n$1"title": "x",\n$2"description": "y",\n$3"category": "c"\n$4}\n$5]') }],
    });
    await new Promise((r) => setTimeout(r, 200));
    const after = ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    assert.deepEqual(after.map((d) => d.message), ['5004 overrides the built-in Faceki entry.']);
    assert.equal(after[0].severity, 3);
  });
});

describe('protocol: importing a vendor page', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('turns the Faceki seed page into a registry file with a report', async () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'data', 'sources', '002_e62e93a1c4bdfb77.md'), 'utf8');
    const r = (await server.connection.sendRequest(ImportPageRequest.method, { text, vendorId: 'faceki-copy', displayName: 'Faceki copy', source: 'error-codes.md' })) as ImportPageResult;
    assert.equal(r.codes, 24);
    const file = JSON.parse(r.text);
    assert.equal(file.vendor.id, 'faceki-copy');
    assert.equal(file.entries.find((e: { code: string }) => e.code === '5004').name, 'SELFIE_LIVENESS_FAILED');
    assert.ok(r.recognized.length > 0);
  });

  it('reports skipped blocks and imports other shapes', async () => {
    const text = '# Errors\n\n| Error Code | Name | HTTP | Message |\n| --- | --- | --- | --- |\n| 1001 | `TOKEN_EXPIRED` | 401 | Expired. |\n\n```json\n{"code": 1001}\n```\n';
    const r = (await server.connection.sendRequest(ImportPageRequest.method, { text, vendorId: 'acme', displayName: 'Acme', source: 'x.md' })) as ImportPageResult;
    assert.equal(r.codes, 1);
    assert.deepEqual(r.skipped.map((s) => s.block), ['code block']);
    assert.equal(JSON.parse(r.text).entries[0].httpStatus, 401);
  });

  it('a Name column that repeats a name: the file it returns loads (the repeat dropped and listed in skipped)', async () => {
    const text =
      '| Error Code | Name | Message |\n| --- | --- | --- |\n| 1001 | `ACME_X` | First. |\n| 1002 | `ACME_X` | Second. |\n| 1001 | `ACME_Y` | Again. |\n';
    const r = (await server.connection.sendRequest(ImportPageRequest.method, { text, vendorId: 'acme', displayName: 'Acme', source: 'x.md' })) as ImportPageResult;
    // The server loads what it returned: no problems, both codes hover.
    await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [{ uri: 'file:///ws/acme.errorcodes.json', text: r.text }], notices: [] });
    await server.waitFor('errorCodes/registryChanged');
    const tree = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    assert.deepEqual(tree.notices, []);
    assert.deepEqual(
      tree.vendors.find((v) => v.id === 'acme')!.entries.map((e) => [e.code, e.name]),
      [['1001', 'ACME_X'], ['1002', undefined]],
    );
    assert.equal(r.codes, 2);
    assert.deepEqual(r.skipped.map((s) => s.line), [4, 5]);
    assert.match(r.skipped[0].reason, /ACME_X/);
  });
});

describe('protocol: malformed workspaceRegistries notifications change nothing (issue 19, fault 6)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());
  const vendorIds = async () => ((await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult).vendors.map((v) => v.id);

  it('{files: [VALID, 5]} is refused whole; a correct {files: [VALID]} then loads the vendor', async () => {
    await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [{ uri: ACME, text: acme('Token expired') }, 5], notices: [] });
    assert.ok(!(await vendorIds()).includes('acme'), 'nothing loaded from the refused notification');
    await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [{ uri: ACME, text: acme('Token expired') }], notices: [] });
    await server.waitFor('errorCodes/registryChanged');
    assert.ok((await vendorIds()).includes('acme'), 'the vendor is loaded');
  });

  it('notices: 5 is refused; later registry requests still answer with the previous notices', async () => {
    await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [{ uri: ACME, text: acme('Token expired') }], notices: 5 });
    const r = (await server.connection.sendRequest(RegistryRequest.method, {})) as RegistryResult;
    assert.ok(Array.isArray(r.notices));
    assert.ok(r.vendors.some((v) => v.id === 'acme'));
    assert.ok(r.vendors.length > 1, 'not the fallback answer');
  });
});
