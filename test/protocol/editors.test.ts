// Regression tests for clients other than VS Code (issue 15): byte-column echoes, no workspace/configuration, `{}`
// settings, registry files on disk, editors' language ids, plaintext hovers.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionList, Diagnostic, Hover, Range, TextEdit } from 'vscode-languageserver-protocol';
import { RegistrySourcesNotification, WorkspaceRegistriesNotification } from '../../server/src/protocol';
import { eventually, open, startServer, type StartOptions, type TestServer } from '../lspClient';

const hoverOf = async (server: TestServer, uri: string, line: number, character: number) =>
  (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
const hoverText = (h: Hover | null) => (h ? (h.contents as { value: string }).value : '');
const pull = async (server: TestServer, uri: string) =>
  ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;

/** A range in UTF-8 byte columns, as Neovim 0.7 echoes a diagnostic back. */
function toBytes(text: string, range: Range): Range {
  const lines = text.split('\n');
  const col = (line: number, c: number) => Buffer.byteLength(lines[line].slice(0, c), 'utf8');
  return { start: { line: range.start.line, character: col(range.start.line, range.start.character) }, end: { line: range.end.line, character: col(range.end.line, range.end.character) } };
}

function apply(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit!.changes![uri] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 1, text), edits);
}

describe('protocol: quick fixes never trust the range a client sends back', () => {
  const uri = 'file:///ws/unicode.ts';
  const text = [
    "const label = 'Ünïcödé 😀'; if (r.reason === 'SELFIE_LIVENESS_FAILD') {}",
    "const a = '😀😀'; const b = 'ERROR_BLURY_FACE'; const c = 'Ü'; const d = 'ERROR_NO_FACE_IN_FILEE';",
  ].join('\n');
  let server: TestServer;
  let diagnostics: Diagnostic[];
  before(async () => {
    server = await startServer();
    await open(server, uri, 'typescript', text);
    diagnostics = await pull(server, uri);
  });
  after(() => server.stop());

  const fixFor = async (diagnostic: Diagnostic, range = diagnostic.range) =>
    (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } })) as CodeAction[];

  it('a diagnostic echoed with byte columns (Neovim 0.7) is fixed at the right characters', async () => {
    const typo = diagnostics.find((d) => d.range.start.line === 0)!;
    const echoed = { ...typo, range: toBytes(text, typo.range) };
    assert.notDeepEqual(echoed.range, typo.range, 'the line has multi-byte characters before the typo');
    const [fix] = await fixFor(echoed, echoed.range);
    assert.equal(fix.title, 'Replace with SELFIE_LIVENESS_FAILED (Faceki: code 5004)');
    assert.deepEqual(fix.diagnostics, [echoed], 'the action names the diagnostic as the client knows it');
    assert.equal(apply(text, fix, uri).split('\n')[0], "const label = 'Ünïcödé 😀'; if (r.reason === 'SELFIE_LIVENESS_FAILED') {}");
  });

  it('of two typos on one line, the byte-column echo of the second fixes the second', async () => {
    const second = diagnostics.filter((d) => d.range.start.line === 1).sort((a, b) => a.range.start.character - b.range.start.character)[1];
    const [fix] = await fixFor({ ...second, range: toBytes(text, second.range) });
    assert.equal(apply(text, fix, uri).split('\n')[1], "const a = '😀😀'; const b = 'ERROR_BLURY_FACE'; const c = 'Ü'; const d = 'ERROR_NO_FACE_IN_FILE';");
  });

  it('a correct client gets the same edit, at its own range', async () => {
    const typo = diagnostics.find((d) => d.range.start.line === 0)!;
    const [fix] = await fixFor(typo);
    assert.deepEqual(fix.edit!.changes![uri], [{ range: typo.range, newText: 'SELFIE_LIVENESS_FAILED' }]);
  });

  it('a request without diagnostics (cursor only) offers the fix under the cursor, in any column unit', async () => {
    const typo = diagnostics.find((d) => d.range.start.line === 0)!;
    const cursor = toBytes(text, { start: typo.range.start, end: typo.range.start });
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['quickfix', 'quickfix.ignore']);
    assert.equal(apply(text, actions[0], uri).split('\n')[0], "const label = 'Ünïcödé 😀'; if (r.reason === 'SELFIE_LIVENESS_FAILED') {}");
  });

  it('a stale diagnostic that no longer matches the text gets no edit', async () => {
    const typo = diagnostics.find((d) => d.range.start.line === 0)!;
    const actions = await fixFor({ ...typo, message: 'something else', code: 'did-you-mean', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } });
    // Only one did-you-mean on the line: it is the one meant, and the edit is at its own range, not 0..3.
    assert.deepEqual(actions[0]?.edit?.changes?.[uri]?.[0]?.range, typo.range);
    const none = await fixFor({ ...typo, code: 'unknown-code' });
    assert.deepEqual(none, []);
  });
});

describe('protocol: settings without workspace/configuration', () => {
  const uri = 'file:///ws/switch.ts';
  const text = 'switch (err.error_code) {\n  case 5004: break;\n  case 5099: break;\n}';
  const severityAfter = async (server: TestServer) => (await pull(server, uri)).map((d) => d.severity);

  for (const [shape, initializationOptions] of [
    ['{ settings: { errorCodes: {...} } }', { settings: { errorCodes: { unknownCodeSeverity: 'error' } } }],
    ['{ errorCodes: {...} }', { errorCodes: { unknownCodeSeverity: 'error' } }],
    ['bare {...}', { unknownCodeSeverity: 'error', diagnosticsDelayMs: 0 }],
    ['{ settings: {...} } (bare under settings)', { settings: { unknownCodeSeverity: 'error' } }],
  ] as const) {
    it(`initializationOptions ${shape} applies`, async () => {
      const server = await startServer({ configuration: false, initializationOptions });
      try {
        await open(server, uri, 'typescript', text);
        assert.deepEqual(await severityAfter(server), [1]);
      } finally {
        await server.stop();
      }
    });
  }

  it('a client with workspace/configuration but no value for errorCodes gets the initializationOptions settings', async () => {
    const server = await startServer({ initializationOptions: { errorCodes: { unknownCodeSeverity: 'error' } } });
    try {
      // This client answers null for every section, as eglot or Helix do when nothing is configured.
      server.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      await open(server, uri, 'typescript', text);
      assert.deepEqual(await severityAfter(server), [1]);
    } finally {
      await server.stop();
    }
  });

  it('didChangeConfiguration with {} (lspconfig) keeps the settings; one with errorCodes replaces them', async () => {
    const server = await startServer({ configuration: false, initializationOptions: { errorCodes: { unknownCodeSeverity: 'error' } } });
    try {
      await open(server, uri, 'typescript', text);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(await severityAfter(server), [1]);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { errorCodes: { unknownCodeSeverity: 'hint' } } });
      assert.deepEqual(await severityAfter(server), [4]);
    } finally {
      await server.stop();
    }
  });
});

describe('protocol: language ids of other editors, and the file extension', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());
  const CODE = 'if (resp.status === 404) {}';
  for (const [languageId, file] of [
    ['js', 'a.js'],
    ['javascript.jsx', 'b.jsx'],
    ['typescript.tsx', 'c.tsx'],
    ['ts', 'd.ts'],
    ['text', 'e.ts'],
    ['', 'f.mjs'],
  ] as const) {
    it(`"${languageId}" (${file}) is read as TS/JS`, async () => {
      const uri = `file:///ws/${file}`;
      await open(server, uri, languageId, CODE);
      assert.match(hoverText(await hoverOf(server, uri, 0, 21)), /404/);
    });
  }
  it('"jsonc" and "json5" are read as JSON', async () => {
    for (const id of ['jsonc', 'json5']) {
      const uri = `file:///ws/x.${id}`;
      await open(server, uri, id, '{"status": 404}');
      assert.match(hoverText(await hoverOf(server, uri, 0, 12)), /404/, id);
    }
  });
  it('"text" or "plaintext" with a .log extension is read as a log (Neovim has no log filetype)', async () => {
    for (const id of ['text', 'plaintext', '']) {
      const uri = `file:///ws/gw-${id || 'none'}.log`;
      await open(server, uri, id, 'GET /v1 status=502 upstream');
      assert.match(hoverText(await hoverOf(server, uri, 0, 16)), /502/, id);
    }
  });
  it('an unknown language is ignored and says why, once', async () => {
    const uri = 'file:///ws/app.rb';
    await open(server, uri, 'ruby', 'status = 404');
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await open(server, uri, 'ruby', 'status = 404');
    assert.equal(await hoverOf(server, uri, 0, 10), null);
    const message = (await server.waitFor('window/logMessage', (p) => String((p as { message: string }).message).includes('app.rb'))) as { message: string };
    assert.match(message.message, /^Ignoring file:\/\/\/ws\/app\.rb: language id "ruby" is not one this server reads .* the extension "\.rb" does not name one either/);
    // A request after both opens has been answered, so both logs (if two) have arrived.
    await hoverOf(server, uri, 0, 0);
    assert.equal(server.received.filter((r) => r.method === 'window/logMessage' && String((r.params as { message: string }).message).includes('app.rb')).length, 1);
  });
});

describe('protocol: hover and completion in the client\'s format', () => {
  const uri = 'file:///ws/kyc.ts';
  const text = "switch (err.error_code) {\n  case 5004: break;\n  case 80\n}\nconst e = 'ERROR_NO_FACE_IN_FILE';";
  let plain: TestServer;
  let markdown: TestServer;
  before(async () => {
    plain = await startServer({
      patchCapabilities: (c) => {
        c.textDocument!.hover = { contentFormat: ['plaintext'] };
        c.textDocument!.completion = { completionItem: { documentationFormat: ['plaintext', 'markdown'] } };
      },
    });
    markdown = await startServer();
    await open(plain, uri, 'typescript', text);
    await open(markdown, uri, 'typescript', text);
  });
  after(async () => {
    await plain.stop();
    await markdown.stop();
  });

  it('a plaintext client gets readable text without markdown', async () => {
    const hover = (await hoverOf(plain, uri, 4, 15))!;
    const { kind, value } = hover.contents as { kind: string; value: string };
    assert.equal(kind, 'plaintext');
    assert.match(value, /^ERROR_NO_FACE_IN_FILE · /);
    assert.doesNotMatch(value, /\\|\*\*|`|\]\(/, 'no escapes, emphasis, code spans or links');
    const faceki = hoverText(await hoverOf(plain, uri, 1, 10));
    assert.match(faceki, /^5004 SELFIE_LIVENESS_FAILED · Faceki\n/);
    assert.match(faceki, /Faceki documentation: https:\/\/docs\.faceki\.com/);
  });

  it('a markdown client still gets markdown', async () => {
    const hover = (await hoverOf(markdown, uri, 1, 10))!;
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.match(hoverText(hover), /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki/);
  });

  it('completion documentation follows documentationFormat', async () => {
    const list = (await plain.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 9 } })) as CompletionList;
    const item = list.items.find((i) => i.label === '8004')!;
    const doc = item.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'plaintext');
    assert.doesNotMatch(doc.value, /\\|\*\*|`/);
    const md = (await markdown.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 9 } })) as CompletionList;
    assert.equal((md.items.find((i) => i.label === '8004')!.documentation as { kind: string }).kind, 'markdown');
  });
});

describe('protocol: registry files on disk, found and watched by the server', () => {
  const acme = (title: string) =>
    JSON.stringify({ vendor: { id: 'acme', displayName: 'Acme Pay' }, entries: [{ code: '7001', name: 'ACME_CARD_DECLINED', title, description: 'Declined.', category: 'Payments' }] });
  let dir: string;
  const TS_TEXT = "const e = 'ACME_CARD_DECLINED';";
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errorcodes-ws-'));
    fs.mkdirSync(path.join(dir, 'registries'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'ignored.errorcodes.json'), '{');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const acmeHover = async (server: TestServer, uri: string, pattern: RegExp) =>
    eventually(async () => (pattern.test(hoverText(await hoverOf(server, uri, 0, 15))) ? true : undefined), `a hover matching ${pattern}`);

  it('finds *.errorcodes.json under rootUri and reloads it on change with its own fs.watch', async () => {
    const file = path.join(dir, 'registries', 'acme.errorcodes.json');
    fs.writeFileSync(file, acme('Card declined'));
    const server = await startServer({ rootUri: pathToFileURL(dir).toString() });
    try {
      const uri = pathToFileURL(path.join(dir, 'pay.ts')).toString();
      await open(server, uri, 'typescript', TS_TEXT);
      await acmeHover(server, uri, /Acme Pay \*\(workspace\)\*[\s\S]*Card declined/);
      assert.ok(!server.received.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('didChangeWatchedFiles')));
      fs.writeFileSync(file, acme('Card refused by the issuer'));
      await acmeHover(server, uri, /Card refused by the issuer/);
      fs.rmSync(file);
      await acmeHover(server, uri, /^$/);
    } finally {
      await server.stop();
    }
  });

  it('registryFiles relative to the workspace folder, from initializationOptions', async () => {
    fs.writeFileSync(path.join(dir, 'registries', 'acme.json'), acme('From registryFiles'));
    const server = await startServer({ rootUri: pathToFileURL(dir).toString(), configuration: false, initializationOptions: { errorCodes: { registryFiles: ['registries/acme.json'] } } });
    try {
      const uri = pathToFileURL(path.join(dir, 'pay.ts')).toString();
      await open(server, uri, 'typescript', TS_TEXT);
      await acmeHover(server, uri, /From registryFiles/);
    } finally {
      await server.stop();
      fs.rmSync(path.join(dir, 'registries', 'acme.json'));
    }
  });

  /** A server on the workspace with acme.errorcodes.json saying `title` and pay.ts open; the file goes afterwards. */
  const withWorkspace = async (title: string, options: StartOptions, body: (server: TestServer, uri: string, file: string) => Promise<void>) => {
    const file = path.join(dir, 'registries', 'acme.errorcodes.json');
    fs.writeFileSync(file, acme(title));
    const server = await startServer({ rootUri: pathToFileURL(dir).toString(), ...options });
    try {
      const uri = pathToFileURL(path.join(dir, 'pay.ts')).toString();
      await open(server, uri, 'typescript', TS_TEXT);
      await body(server, uri, file);
    } finally {
      await server.stop();
      fs.rmSync(file);
    }
  };
  /** Hovers stay empty for a second: long enough for a watch event or a scan to have landed (200 ms debounce). */
  const staysEmpty = async (server: TestServer, uri: string) => {
    const deadline = Date.now() + 1000;
    while (Date.now() < deadline) {
      assert.equal(hoverText(await hoverOf(server, uri, 0, 15)), '');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('registers workspace/didChangeWatchedFiles where the client can, and rereads on its notification', () =>
    withWorkspace('Before', { patchCapabilities: (c) => void (c.workspace!.didChangeWatchedFiles = { dynamicRegistration: true }) }, async (server, uri, file) => {
      const registration = (await server.waitFor('client/registerCapability', (p) => JSON.stringify(p).includes('workspace/didChangeWatchedFiles'))) as {
        registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[];
      };
      const watched = registration.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
      assert.deepEqual(watched.registerOptions.watchers, [{ globPattern: '**/*.errorcodes.json' }]);
      await acmeHover(server, uri, /Before/);
      fs.writeFileSync(file, acme('After'));
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
      await acmeHover(server, uri, /After/);
    }));

  it("the VS Code client's notification wins over the server's own discovery", () =>
    withWorkspace('On disk', {}, async (server, uri, file) => {
      await acmeHover(server, uri, /On disk/);
      await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [], notices: [] });
      await acmeHover(server, uri, /^$/);
      fs.writeFileSync(file, acme('Changed on disk'));
      await staysEmpty(server, uri);
    }));

  it("the VS Code client's Restricted Mode (registrySources): no workspace file, its registryFiles still load, the tree says why; trust granted, the workspace's load", () => {
    const userFile = path.join(dir, 'registries', 'user.json');
    fs.writeFileSync(userFile, acme('From user settings'));
    return withWorkspace('On disk', { initializationOptions: { registrySources: { trusted: false, registryFiles: [userFile] } } }, async (server, uri, file) => {
      try {
        await acmeHover(server, uri, /From user settings/);
        const tree = (await server.connection.sendRequest('errorCodes/registry', {})) as { notices: string[] };
        assert.deepEqual(tree.notices, ['Restricted Mode: *.errorcodes.json files and registryFiles from workspace settings are ignored until you trust this workspace.']);
        await server.connection.sendNotification(RegistrySourcesNotification.method, { trusted: true, registryFiles: [] });
        await acmeHover(server, uri, /On disk/);
        fs.writeFileSync(file, acme('Changed on disk'));
        await acmeHover(server, uri, /Changed on disk/);
      } finally {
        fs.rmSync(userFile);
      }
    });
  });

  it('registrySources that are not well formed read nothing of the workspace, and say so', () =>
    withWorkspace('On disk', { initializationOptions: { registrySources: { trusted: 'yes' } } }, async (server, uri) => {
      await staysEmpty(server, uri);
      assert.ok(server.received.some((r) => r.method === 'window/logMessage' && /registrySources\.trusted must be a boolean.*reading no workspace registry file/.test(JSON.stringify(r.params))));
    }));

  it('the VS Code client says it sends the files (initializationOptions.workspaceRegistries): the server reads none', () =>
    withWorkspace('On disk', { initializationOptions: { workspaceRegistries: 'client' } }, async (server, uri, file) => {
      await staysEmpty(server, uri);
      await server.connection.sendNotification(WorkspaceRegistriesNotification.method, { files: [{ uri: pathToFileURL(file).toString(), text: acme('From the client') }], notices: [] });
      await acmeHover(server, uri, /From the client/);
    }));
});
