import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { CodeReferencesRequest, CoverageRequest, IndexStatusRequest, UsageAtRequest, type CoverageResult, type IndexStatus, type UsageAtResult } from '../../server/src/protocol';
import { eventually, open, startServer, type TestServer } from '../lspClient';

/** A small workspace with Faceki, Riset and HTTP code, a test, a log, and files that must not be indexed. */
const FILES: Record<string, string> = {
  '.gitignore': 'generated/\n',
  'src/kyc.ts': [
    "// Faceki KYC client",
    "import axios from 'axios';",
    "const FACEKI_URL = 'https://sdk.faceki.com/kycverify/api/kycverify/kyc-verification';",
    'export async function verify(form: FormData): Promise<string> {',
    '  const { data } = await axios.post(FACEKI_URL, form);',
    '  switch (data.code) {',
    '    case 5004:',
    "      return 'Take the selfie again';",
    '    case 8006:',
    "      return 'No face in the photo';",
    '    case 400:',
    "      return 'Bad request';",
    '    default:',
    "      return 'Verification failed';",
    '  }',
    '}',
  ].join('\n'),
  'src/faces.ts': [
    '// Riset.ai face gallery',
    'export async function enroll(api: any, facegallery_id: string) {',
    "  const r = await api.post('/enroll', { facegallery_id, trx_id: 't1' });",
    '  if (r.status === 412) return null;',
    '  return r;',
    '}',
  ].join('\n'),
  'src/routes.ts': ['export function handler(req: any, res: any) {', "  res.status(400).json({ message: 'missing field' });", '}'].join('\n'),
  'test/kyc.test.ts': ["// faceki", "import { verify } from '../src/kyc';", 'expect(result.code).toBe(5005);'].join('\n'),
  'generated/kyc.ts': 'switch (data.code) { case 5004: break; } // faceki',
  'node_modules/faceki-sdk/index.js': 'if (data.code === 5004) {} // faceki',
  'build/kyc.js': 'if (data.code === 5004) {} // faceki',
  'dist/kyc.js': 'if (data.code === 5004) {} // faceki',
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

describe('protocol: workspace index', () => {
  let root: string;
  let server: TestServer;
  const uri = (rel: string) => pathToFileURL(path.join(root, rel)).href;
  const status = () => server.connection.sendRequest(IndexStatusRequest.method, {}) as Promise<IndexStatus>;
  const references = (vendor: string, code: string) => server.connection.sendRequest(CodeReferencesRequest.method, { vendor, code }) as Promise<Location[]>;
  const where = (locations: Location[]) => locations.map((l) => `${path.relative(root, new URL(l.uri).pathname)}:${l.range.start.line + 1}:${l.range.start.character + 1}`).sort();
  const watched = (changes: { uri: string; type: 1 | 2 | 3 }[]) => server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  const ready = () => eventually(async () => ((await status()).state === 'ready' ? true : undefined), 'the index to be ready', 20000);

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codes-index-'));
    writeTree(root, FILES);
    server = await startServer({
      rootUri: pathToFileURL(root).href,
      // The editor's excludes: files.exclude hides build/, search.exclude hides dist/.
      sections: { 'files.exclude': { '**/build': true }, 'search.exclude': { 'dist/**': true } },
      patchCapabilities: (c) => {
        c.workspace!.didChangeWatchedFiles = { dynamicRegistration: true };
        c.window = { workDoneProgress: true };
      },
    });
    await ready();
  });
  after(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads the supported files, honouring .gitignore, node_modules, files.exclude and search.exclude', async () => {
    const s = await status();
    assert.equal(s.files, 4, 'src/kyc.ts, src/faces.ts, src/routes.ts, test/kyc.test.ts');
    assert.equal(s.indexedFiles, 4);
    assert.ok(s.occurrences >= 6, `${s.occurrences} places`);
    assert.deepEqual(where(await references('faceki', '5004')), ['src/kyc.ts:7:10']);
  });

  it('registers watchers for the index: every supported extension, and deletes of anything', () => {
    const registrations = server.received.filter((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeWatchedFiles'));
    const watchers = registrations.flatMap((r) => (r.params as { registrations: { registerOptions: { watchers: { globPattern: string; kind?: number }[] } }[] }).registrations.flatMap((x) => x.registerOptions.watchers));
    const index = watchers.find((w) => w.globPattern.startsWith('**/*.{'));
    assert.ok(index, JSON.stringify(watchers));
    for (const ext of ['ts', 'tsx', 'js', 'py', 'php', 'json', 'yaml', 'yml', 'log']) assert.match(index.globPattern, new RegExp(`[{,]${ext}[,}]`), ext);
    assert.ok(watchers.some((w) => w.globPattern === '**/*' && w.kind === 4));
  });

  it('reports work-done progress: begin, then end', () => {
    const progress = server.received.filter((r) => r.method === '$/progress').map((r) => (r.params as { value: { kind: string; title?: string } }).value);
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress[0]?.title, 'Indexing error codes');
    assert.equal(progress.at(-1)?.kind, 'end');
  });

  it("lists references across files, each place with its own vendor: Faceki's 400 is not HTTP's", async () => {
    assert.deepEqual(where(await references('faceki', '400')), ['src/kyc.ts:11:10']);
    assert.deepEqual(where(await references('http', '400')), ['src/routes.ts:2:14']);
    assert.deepEqual(where(await references('riset-face', '412')), ['src/faces.ts:4:20']);
    assert.deepEqual(where(await references('faceki', '5005')), ['test/kyc.test.ts:3:26']);
  });

  it('answers textDocument/references at a code, with the vendor resolved there', async () => {
    await open(server, uri('src/routes.ts'), 'typescript', FILES['src/routes.ts']);
    const refs = (await server.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('src/routes.ts') },
      position: { line: 1, character: 15 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(where(refs), ['src/routes.ts:2:14']);
    const none = await server.connection.sendRequest('textDocument/references', { textDocument: { uri: uri('src/routes.ts') }, position: { line: 0, character: 2 }, context: { includeDeclaration: true } });
    assert.equal(none, null);
  });

  it('counts coverage: handled N of M per vendor, places per code; tests do not handle', async () => {
    const coverage = (await server.connection.sendRequest(CoverageRequest.method, {})) as CoverageResult;
    const faceki = coverage.vendors.find((v) => v.vendor === 'faceki')!;
    assert.deepEqual(faceki, { vendor: 'faceki', handled: 3, total: 24 });
    const c5005 = coverage.codes.find((c) => c.vendor === 'faceki' && c.code === '5005')!;
    assert.deepEqual({ places: c5005.places, handled: c5005.handledPlaces }, { places: 1, handled: 0 });
    assert.equal(coverage.vendors.find((v) => v.vendor === 'http')!.handled, 1);
  });

  it('finds workspace symbols by number, name and description words', async () => {
    const byNumber = (await server.connection.sendRequest('workspace/symbol', { query: '8006' })) as SymbolInformation[];
    const label = (s: SymbolInformation) => s.name.replace(/ — .*/, '');
    assert.deepEqual(byNumber.map((s) => [label(s), s.containerName]), [['8006 FACE_NOT_FOUND', 'Faceki']]);
    const byName = (await server.connection.sendRequest('workspace/symbol', { query: 'selfie liveness' })) as SymbolInformation[];
    assert.deepEqual(byName.map(label), ['5004 SELFIE_LIVENESS_FAILED']);
    const byDescription = (await server.connection.sendRequest('workspace/symbol', { query: 'verification failed' })) as SymbolInformation[];
    assert.deepEqual(byDescription.map((s) => s.name), ['5004 SELFIE_LIVENESS_FAILED — Selfie liveness verification failed.']);
    const byWords = (await server.connection.sendRequest('workspace/symbol', { query: 'detected' })) as SymbolInformation[];
    assert.deepEqual(byWords.map((s) => s.name), ['412 · Face not detected']);
    assert.deepEqual(await server.connection.sendRequest('workspace/symbol', { query: 'zzzz' }), []);
  });

  it('says in the hover how many places use the code', async () => {
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('src/routes.ts') }, position: { line: 1, character: 15 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /Used in \*\*1\*\* place in the workspace/);
    const usage = (await server.connection.sendRequest(UsageAtRequest.method, { uri: uri('src/routes.ts'), position: { line: 1, character: 15 } })) as UsageAtResult;
    assert.deepEqual(usage, { vendor: 'http', code: '400', places: 1, partial: false });
  });

  it('follows an open document’s unsaved text, and the disk again when it closes', async () => {
    const edited = FILES['src/routes.ts'].replace('res.status(400)', 'res.status(404)');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('src/routes.ts'), version: 2 }, contentChanges: [{ text: edited }] });
    await eventually(async () => ((await references('http', '404')).length === 1 ? true : undefined), 'the edit in the index');
    assert.deepEqual(await references('http', '400'), []);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('src/routes.ts') } });
    await eventually(async () => ((await references('http', '400')).length === 1 ? true : undefined), 'the file on disk back in the index');
    assert.deepEqual(await references('http', '404'), []);
  });

  it('follows file events: create, change, delete, a deleted folder; ignored paths stay out', async () => {
    writeTree(root, { 'src/new.py': "# faceki\nif resp['code'] == 8008:\n    pass\n" });
    await watched([{ uri: uri('src/new.py'), type: 1 }]);
    await eventually(async () => (where(await references('faceki', '8008')).join() === 'src/new.py:2:20' ? true : undefined), 'the created file');

    writeTree(root, { 'src/new.py': "# faceki\nif resp['code'] == 8009:\n    pass\n" });
    await watched([{ uri: uri('src/new.py'), type: 2 }]);
    await eventually(async () => ((await references('faceki', '8009')).length === 1 ? true : undefined), 'the changed file');
    assert.deepEqual(await references('faceki', '8008'), []);

    fs.rmSync(path.join(root, 'src/new.py'));
    await watched([{ uri: uri('src/new.py'), type: 3 }]);
    await eventually(async () => ((await references('faceki', '8009')).length === 0 ? true : undefined), 'the deleted file gone');

    writeTree(root, { 'lib/a/one.ts': '// faceki\nif (data.code === 5010) {}', 'lib/a/two.ts': '// faceki\nif (data.code === 5010) {}' });
    await watched([
      { uri: uri('lib/a/one.ts'), type: 1 },
      { uri: uri('lib/a/two.ts'), type: 1 },
    ]);
    await eventually(async () => ((await references('faceki', '5010')).length === 2 ? true : undefined), 'two created files');
    fs.rmSync(path.join(root, 'lib'), { recursive: true });
    await watched([{ uri: uri('lib'), type: 3 }]);
    await eventually(async () => ((await references('faceki', '5010')).length === 0 ? true : undefined), 'the deleted folder gone');

    // Events for ignored and excluded paths do not bring them in.
    writeTree(root, { 'generated/more.ts': '// faceki\nif (data.code === 5011) {}', 'build/more.js': '// faceki\nif (data.code === 5011) {}', 'node_modules/x/more.js': '// faceki\nif (data.code === 5011) {}' });
    await watched(['generated/more.ts', 'build/more.js', 'node_modules/x/more.js'].map((rel) => ({ uri: uri(rel), type: 1 as const })));
    // A file event after them is read after them (one worker queue, in order): when it is in, they were refused.
    writeTree(root, { 'src/marker.ts': '// faceki\nif (data.code === 5013) {}' });
    await watched([{ uri: uri('src/marker.ts'), type: 1 }]);
    await eventually(async () => ((await references('faceki', '5013')).length === 1 ? true : undefined), 'the marker file');
    assert.deepEqual(await references('faceki', '5011'), []);
  });

  it('a settings change that cannot change the index (severity) does not rebuild it', async () => {
    const before = (await status()).builds;
    server.settings.unknownCodeSeverity = 'error';
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await eventually(async () => {
      const s = await status();
      return s.state === 'ready' ? s : undefined;
    }, 'the index settled');
    assert.equal(after.builds, before);
    delete server.settings.unknownCodeSeverity;
  });

  it('rebuilds when the settings change (a vendor turned off leaves the coverage)', async () => {
    server.settings.vendors = { faceki: false };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await eventually(async () => {
      const coverage = (await server.connection.sendRequest(CoverageRequest.method, {})) as CoverageResult;
      return coverage.status.state === 'ready' && !coverage.vendors.some((v) => v.vendor === 'faceki') ? coverage : undefined;
    }, 'the rebuilt index without Faceki');
    assert.deepEqual(await references('faceki', '5004'), []);
    server.settings.vendors = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await eventually(async () => ((await references('faceki', '5004')).length === 1 ? true : undefined), 'Faceki back');
  });

  it('follows workspace folders added and removed', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codes-index-other-'));
    try {
      writeTree(other, { 'pay.ts': '// faceki\nif (data.code === 5014) {}' });
      const folder = { uri: pathToFileURL(other).href, name: 'other' };
      await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
      await eventually(async () => ((await references('faceki', '5014')).length === 1 ? true : undefined), 'the added folder indexed');
      assert.equal((await references('faceki', '5004')).length, 1, 'the first folder still indexed');
      await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
      await eventually(async () => ((await references('faceki', '5014')).length === 0 ? true : undefined), 'the removed folder gone');
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses ill-shaped params at the boundary', async () => {
    await assert.rejects(server.connection.sendRequest(CodeReferencesRequest.method, { vendor: 1 }), /params\.vendor must be a string/);
    await assert.rejects(server.connection.sendRequest('workspace/symbol', { query: null }), /params\.query must be a string/);
    await watched([{ uri: 7 as unknown as string, type: 1 }]);
    assert.equal((await status()).state, 'ready');
  });
});

/**
 * A server on a workspace of its own: `files` written under `base/sub` (sub may be empty), the server started on that
 * folder, then `body`; both removed afterwards.
 */
async function withWorkspace(
  files: Record<string, string>,
  options: { sub?: string; env?: Record<string, string> },
  body: (server: TestServer, root: string) => Promise<void>,
): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codes-ws-'));
  const root = path.join(base, options.sub ?? '');
  writeTree(root, files);
  const server = await startServer({ rootUri: pathToFileURL(root).href, env: options.env });
  try {
    await body(server, root);
  } finally {
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

/** The index's status once a build is complete. */
const readyStatus = (server: TestServer) =>
  eventually(async () => {
    const s = (await server.connection.sendRequest(IndexStatusRequest.method, {})) as IndexStatus;
    return s.state === 'ready' ? s : undefined;
  }, 'the index ready');

describe('protocol: workspace index off', () => {
  it('errorCodes.workspaceIndex false: no index, no hover line', async () => {
    await withWorkspace({ 'a.ts': "res.status(404).send('x');" }, {}, async (server, root) => {
      server.settings.workspaceIndex = false;
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await eventually(async () => (((await server.connection.sendRequest(IndexStatusRequest.method, {})) as IndexStatus).state === 'off' ? true : undefined), 'the index off');
      const a = pathToFileURL(path.join(root, 'a.ts')).href;
      await open(server, a, 'typescript', "res.status(404).send('x');");
      const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 0, character: 12 } })) as Hover;
      assert.doesNotMatch((hover.contents as { value: string }).value, /Used in/);
    });
  });
});

describe('protocol: the hover says how a code is used only where an index exists and says "so far" only while it builds', () => {
  const hoverText = async (server: TestServer, uri: string) =>
    ((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } })) as Hover).contents as { value: string };
  const TEXT = "res.status(404).send('x');";

  it('no workspace folder: no usage line, even at once after start and after a settings change', async () => {
    const server = await startServer();
    try {
      await open(server, 'file:///nowhere/a.ts', 'typescript', TEXT);
      assert.doesNotMatch((await hoverText(server, 'file:///nowhere/a.ts')).value, /Used in|Not used/);
      assert.equal(await server.connection.sendRequest(UsageAtRequest.method, { uri: 'file:///nowhere/a.ts', position: { line: 0, character: 12 } }), null);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.doesNotMatch((await hoverText(server, 'file:///nowhere/a.ts')).value, /Used in|Not used/);
    } finally {
      await server.stop();
    }
  });

  it('errorCodes.workspaceIndex false from the start: no usage line before the index is known to be off', async () => {
    await withWorkspace({ 'a.ts': TEXT }, {}, async (server, root) => {
      server.settings.workspaceIndex = false;
      const a = pathToFileURL(path.join(root, 'a.ts')).href;
      await open(server, a, 'typescript', TEXT);
      assert.doesNotMatch((await hoverText(server, a)).value, /Used in|Not used/);
    });
  });

  it('a settings change on a built index: the count stays, without "so far"', async () => {
    await withWorkspace({ 'a.ts': TEXT }, {}, async (server, root) => {
      await readyStatus(server);
      const a = pathToFileURL(path.join(root, 'a.ts')).href;
      await open(server, a, 'typescript', TEXT);
      server.settings.severity = 'information';
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const md = (await hoverText(server, a)).value;
      assert.match(md, /Used in \*\*1\*\* place in the workspace \(/);
      assert.doesNotMatch(md, /so far/);
    });
  });
});

describe('protocol: Find All References while the index is being built', () => {
  it('answers at once from the files read so far and the open editor, and says more may come', async () => {
    // Enough files that the first build is still under way when the request comes right after the open.
    const files: Record<string, string> = { 'src/kyc.ts': '// faceki\nif (data.code === 5004) retry();\n' };
    for (let k = 0; k < 1500; k++) files[`lib/m${k}.ts`] = `// faceki\nif (data.code === 5004) log(${k});\n`;
    await withWorkspace(files, {}, async (server, root) => {
      const kyc = pathToFileURL(path.join(root, 'src/kyc.ts')).href;
      await open(server, kyc, 'typescript', files['src/kyc.ts']);
      const refs = (await server.connection.sendRequest('textDocument/references', {
        textDocument: { uri: kyc },
        position: { line: 1, character: 18 },
        context: { includeDeclaration: true },
      })) as Location[];
      const message = (await server.waitFor('window/showMessage', (p) => /still being built/.test((p as { message: string }).message))) as { message: string };
      assert.match(message.message, /references of 5004 come from the files read so far and this editor/);
      assert.ok(refs.some((l) => l.uri === kyc && l.range.start.line === 1), 'the open editor\'s own place');
      assert.ok(refs.length < 1501, `${refs.length} places: not the whole workspace yet`);
      // Once built, the whole workspace, and no message.
      await readyStatus(server);
      server.received.length = 0;
      const all = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri: kyc }, position: { line: 1, character: 18 }, context: { includeDeclaration: true } })) as Location[];
      assert.equal(all.length, 1501);
      assert.ok(!server.received.some((r) => r.method === 'window/showMessage'));
    });
  });
});

describe('protocol: workspace index cap', () => {
  it('stops after the cap of files, says so in the status and the log', async () => {
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n) => [`${n}.ts`, `res.status(40${'abcde'.indexOf(n)});`]));
    await withWorkspace(files, { env: { ERROR_CODES_INDEX_MAX_FILES: '3' } }, async (server) => {
      const status = await readyStatus(server);
      assert.deepEqual({ files: status.files, capped: status.capped }, { files: 3, capped: true });
      const logged = server.received.filter((r) => r.method === 'window/logMessage').map((r) => (r.params as { message: string }).message);
      assert.ok(logged.some((m) => m.includes('stopped after 3 files')), logged.join('\n'));
    });
  });
});

describe('protocol: workspace index in a folder under tests/', () => {
  it("counts the folder's source files as handling (the test-file rule reads paths inside the folder)", async () => {
    const files = { 'src/routes.ts': "res.status(404).json({ message: 'none' });", 'src/routes.test.ts': 'expect(res.status).toBe(500);' };
    await withWorkspace(files, { sub: path.join('tests', 'app') }, async (server) => {
      await readyStatus(server);
      const coverage = (await server.connection.sendRequest(CoverageRequest.method, {})) as CoverageResult;
      const http = coverage.codes.filter((c) => c.vendor === 'http').map((c) => [c.code, c.handledPlaces]);
      assert.deepEqual(http.sort(), [
        ['404', 1],
        ['500', 0],
      ]);
    });
  });
});
