import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAtRequest, RegistryRequest, VendorConstantsRequest, type RegistryResult, type VendorConstantsResult } from '../../server/src/protocol';
import { open, startServer, type TestServer } from '../lspClient';

const root = path.resolve(__dirname, '..', '..', '..');
const STYLES = ['object', 'enum'] as const;

function apply(text: string, result: VendorConstantsResult): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.ts', 'typescript', 1, text), [result.edit]);
}

/** Members as written: `  NAME: 8008,` / `  NAME = 'CODE',`, with the position of their value. */
function members(text: string): { name: string; code: string; line: number; character: number }[] {
  const out: { name: string; code: string; line: number; character: number }[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^ {2}([A-Za-z_$][\w$]*)(: | = )(\d+|'[^']*'),$/.exec(line);
    if (!m) return;
    const value = m[3];
    // Inside the value: after a string's opening quote.
    out.push({ name: m[1], code: value.startsWith("'") ? value.slice(1, -1) : value, line: i, character: 2 + m[1].length + m[2].length + 1 });
  });
  return out;
}

describe('protocol: errorCodes/vendorConstants', () => {
  let server: TestServer;
  let vendors: RegistryResult['vendors'];
  let dir: string;
  const generated = new Map<string, string>();
  before(async () => {
    server = await startServer();
    vendors = ((await server.connection.sendRequest(RegistryRequest.type.method, {})) as RegistryResult).vendors;
    dir = mkdtempSync(path.join(tmpdir(), 'error-codes-consts-'));
    for (const v of vendors) {
      for (const style of STYLES) {
        const r = (await server.connection.sendRequest(VendorConstantsRequest.type.method, { vendor: v.id, style })) as VendorConstantsResult;
        generated.set(`${v.id}-${style}`, apply('', r));
      }
    }
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every built-in vendor in both styles, one member per code (HTTP’s unofficial tier left out)', () => {
    assert.deepEqual(vendors.map((v) => v.id).sort(), ['ailabtools', 'faceki', 'http', 'riset-face']);
    for (const v of vendors) {
      const own = v.entries.filter((e) => !e.unofficial);
      for (const style of STYLES) {
        const text = generated.get(`${v.id}-${style}`)!;
        assert.deepEqual(members(text).map((m) => m.code).sort(), own.map((e) => e.code).sort(), `${v.id} ${style}`);
      }
    }
    assert.doesNotMatch(generated.get('http-object')!, /: 521,$/m);
    assert.match(generated.get('faceki-object')!, /^ {2}FACE_TOO_SMALL: 8008,$/m);
    assert.match(generated.get('faceki-enum')!, /^ {2}FACE_TOO_SMALL = 8008,$/m);
    assert.match(generated.get('ailabtools-object')!, /^ {2}ERROR_NO_FACE_IN_FILE: 'ERROR_NO_FACE_IN_FILE',$/m);
  });

  it('the output type-checks with tsc --strict, and its type refuses other values', () => {
    const files: string[] = [];
    for (const [name, text] of generated) {
      const file = path.join(dir, `${name}.ts`);
      writeFileSync(file, text);
      files.push(file);
    }
    // A use of each: the type of the values takes a member and refuses a number that is no code.
    const use = path.join(dir, 'use.ts');
    writeFileSync(
      use,
      [
        "import { FacekiErrorCode } from './faceki-object';",
        "import { FacekiErrorCode as FacekiEnum } from './faceki-enum';",
        'export const ok: FacekiErrorCode = FacekiErrorCode.FACE_TOO_SMALL;',
        'export const literal: FacekiErrorCode = 5004;',
        '// @ts-expect-error 1234 is no Faceki code',
        'export const wrong: FacekiErrorCode = 1234;',
        'export const member: FacekiEnum = FacekiEnum.SELFIE_LIVENESS_FAILED;',
        '',
      ].join('\n'),
    );
    files.push(use);
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--target', 'ES2022', '--module', 'ES2022', '--moduleResolution', 'bundler', ...files], {
      cwd: dir, // outside the repository: no @types of ours
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `tsc: ${r.stdout}${r.stderr}`);
  });

  it('opened in the server, every member resolves to the same vendor and code', async () => {
    for (const v of vendors) {
      for (const style of STYLES) {
        const text = generated.get(`${v.id}-${style}`)!;
        const uri = pathToFileURL(path.join(dir, `${v.id}-${style}.ts`)).href;
        await open(server, uri, 'typescript', text);
        const wrong: string[] = [];
        for (const m of members(text)) {
          const at = (await server.connection.sendRequest(CodeAtRequest.type.method, { uri, position: { line: m.line, character: m.character } })) as { vendor: string; code: string } | null;
          if (at?.vendor !== v.id || at.code !== m.code) wrong.push(`${m.name} (${m.code}) → ${at ? `${at.vendor} ${at.code}` : 'nothing'}`);
        }
        assert.deepEqual(wrong, [], `${v.id} ${style}`);
      }
    }
    // The hover is the same entry's: Faceki's BAD_REQUEST, not HTTP's Bad Request.
    const text = generated.get('faceki-object')!;
    const bad = members(text).find((m) => m.name === 'BAD_REQUEST')!;
    const uri = pathToFileURL(path.join(dir, 'faceki-object.ts')).href;
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: bad.line, character: bad.character } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^\*\*400\*\* `BAD_REQUEST` · Faceki/);
  });

  it('re-running on the edited document replaces its block in place; text around it stays', async () => {
    const uri = 'file:///ws/codes.ts';
    const head = "import { api } from './api';\n\n";
    const tail = '\n\nexport function explain(code: number) {\n  return api(code);\n}\n';
    await open(server, uri, 'typescript', head + tail);
    const first = (await server.connection.sendRequest(VendorConstantsRequest.type.method, { uri, vendor: 'faceki', style: 'object', position: { line: 2, character: 0 } })) as VendorConstantsResult;
    assert.equal(first.replaced, false);
    assert.equal(first.members, 24);
    const once = apply(head + tail, first);
    assert.ok(once.startsWith(head + '// #region API Error Codes: faceki'));
    assert.ok(once.endsWith('// #endregion\n' + tail));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: once }] });
    const second = (await server.connection.sendRequest(VendorConstantsRequest.type.method, { uri, vendor: 'faceki', style: 'enum', position: { line: 0, character: 0 } })) as VendorConstantsResult;
    assert.equal(second.replaced, true);
    const twice = apply(once, second);
    assert.equal(twice.match(/#region API Error Codes: faceki/g)?.length, 1);
    assert.equal(twice.match(/#endregion/g)?.length, 1);
    assert.ok(twice.startsWith(head + '// #region API Error Codes: faceki'));
    assert.ok(twice.endsWith('// #endregion\n' + tail));
    assert.match(twice, /export enum FacekiErrorCode \{/);
  });

  it('a JavaScript document gets a frozen object; unknown vendors are null; bad params are refused', async () => {
    const uri = 'file:///ws/codes.js';
    await open(server, uri, 'javascript', '');
    const js = (await server.connection.sendRequest(VendorConstantsRequest.type.method, { uri, vendor: 'faceki', style: 'enum' })) as VendorConstantsResult;
    assert.match(js.edit.newText, /export const FacekiErrorCode = Object\.freeze\(\{/);
    assert.doesNotMatch(js.edit.newText, /enum|as const|export type/);
    assert.equal(await server.connection.sendRequest(VendorConstantsRequest.type.method, { vendor: 'nope', style: 'object' }), null);
    await assert.rejects(server.connection.sendRequest(VendorConstantsRequest.type.method, { vendor: 'faceki', style: 'class' }), (e: { code?: number }) => e.code === -32602);
    await assert.rejects(server.connection.sendRequest(VendorConstantsRequest.type.method, { vendor: 'faceki', style: 'object', position: { line: 'x' } }), (e: { code?: number }) => e.code === -32602);
  });
});
