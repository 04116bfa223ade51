/**
 * The exhaustive-switch action through the built server: a Faceki client module's switch over `response.data.code`,
 * `textDocument/codeAction` at the switch, the edit applied, the result type-checked with the project's TypeScript.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { loadBuiltinRegistry } from '../../server/src/registry';
import { open, startServer, type TestServer } from '../lspClient';

const URI = 'file:///ws/src/faceki/errors.ts';
const TEXT = [
  "/** Faceki KYC client: turns the API's error codes into messages for the verification screen. */",
  "const FACEKI_BASE_URL = 'https://sdk.faceki.com';",
  '',
  'export interface FacekiResponse {',
  '  data: { code: number; message?: string; result?: unknown };',
  '}',
  '',
  'export async function verify(token: string, selfie: Blob): Promise<FacekiResponse> {',
  '  const body = new FormData();',
  "  body.append('selfie_image', selfie);",
  "  const res = await fetch(`${FACEKI_BASE_URL}/kycverify/api/kycverify/kyc-verify`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body });",
  '  return { data: (await res.json()) as FacekiResponse["data"] };',
  '}',
  '',
  'export function messageFor(response: FacekiResponse): string {',
  '  switch (response.data.code) {', // 15
  '    case 5004:',
  "      return 'We could not confirm a live selfie. Please try again in good light.';",
  '    case 5005:',
  "      return 'The selfie does not match the photo on your document.';",
  '    case 8008: {', // 20
  '      const hint = "Move closer to the camera.";',
  '      return `Your face is too small in the picture. ${hint}`;',
  '    }',
  '    case 5010:',
  "      return 'Your document has expired.';", // 25
  '    default:',
  '      return `Verification failed (code ${response.data.code}).`;',
  '  }',
  '}',
  '',
].join('\n');

/** Type errors of a TS module, with the project's own compiler and the strict options of its tsconfig. */
function typeErrors(source: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exhaustive-'));
  try {
    const file = path.join(dir, 'errors.ts');
    fs.writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noUnusedLocals: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('protocol: exhaustive switch action', () => {
  let server: TestServer;
  const faceki = loadBuiltinRegistry().vendors.get('faceki')!.entries.map((e) => e.code);
  const codeActionsAt = (line: number, character: number) =>
    server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: [] },
    }) as Promise<CodeAction[]>;

  before(async () => {
    server = await startServer();
    await open(server, URI, 'typescript', TEXT);
  });
  after(() => server.stop());

  it('the module type-checks before the edit', () => {
    assert.deepEqual(typeErrors(TEXT), []);
  });

  it('offers the action at the switch, and its edit completes the switch without touching the old cases', async () => {
    assert.deepEqual(await codeActionsAt(10, 4), [], 'nothing outside the switch');
    const actions = await codeActionsAt(15, 4);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, `Add cases for the ${faceki.length - 4} unhandled Faceki codes`);
    assert.equal(actions[0].kind, 'refactor.rewrite');
    const edits = actions[0].edit!.changes![URI];
    assert.equal(edits.length, 1);
    const text = TextDocument.applyEdits(TextDocument.create(URI, 'typescript', 1, TEXT), edits);
    for (const code of faceki) assert.equal(text.split(new RegExp(`\\bcase ${code}\\b`)).length - 1, 1, `case ${code} once`);
    // One insertion of whole label lines right before `default:`: the old lines are all there, in order, unchanged.
    const inserted = edits[0].newText;
    assert.equal(text.replace(inserted, ''), TEXT);
    assert.deepEqual(edits[0].range.start, { line: 26, character: 4 });
    assert.ok(inserted.split('\n').slice(0, -1).every((l, i) => /^ *case \d+: \/\/ [A-Z_/ ]+ — [^\n]+$/.test(l) && (i === 0 || l.startsWith('    case'))), inserted);
    assert.deepEqual(typeErrors(text), []);

    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text }] });
    assert.deepEqual(await codeActionsAt(15, 4), [], 'every code handled: no action');
  });
});
