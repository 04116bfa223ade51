import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinSources, Registry } from '../../server/src/registry';
import type { EntryData, RegistryFile } from '../../server/src/registryTypes';
import { analyze } from '../../server/src/service/analysis';
import { doValidation } from '../../server/src/service/diagnostics';
import {
  commentText,
  constantsBlock,
  constantsName,
  generatedBlocks,
  isJavaScriptDocument,
  memberNames,
  upperSnake,
  vendorConstants,
  type ConstantsEdit,
} from '../../server/src/service/typedConstants';
import { defaultSettings } from '../../server/src/settings';
import { registry, root } from '../helpers';
import * as path from 'node:path';

const entry = (code: string, title: string, extra: Partial<EntryData> = {}): EntryData => ({ code, title, description: `${title}.`, category: 'General', ...extra });
const file = (id: string, entries: EntryData[], vendor: Partial<RegistryFile['vendor']> = {}): RegistryFile => ({ vendor: { id, ...vendor }, entries });
const registryOf = (...files: RegistryFile[]) => new Registry(files.map((data, i) => ({ data, origin: 'workspace' as const, file: `f${i}.errorcodes.json` })));
/** The built-in vendors plus these, as a workspace would have them. */
const withBuiltins = (...files: RegistryFile[]) =>
  new Registry([...loadBuiltinSources(path.join(root, 'data', 'registry')), ...files.map((data, i) => ({ data, origin: 'workspace' as const, file: `f${i}.errorcodes.json` }))]);

function namesOf(reg: Registry, vendor: string): Record<string, string> {
  const v = reg.vendors.get(vendor)!;
  return Object.fromEntries([...memberNames(v)].map(([e, n]) => [e.code, n]));
}

function apply(text: string, result: ConstantsEdit): string {
  const doc = TextDocument.create('file:///x.ts', 'typescript', 1, text);
  return TextDocument.applyEdits(doc, [result.edit]);
}

/** Type-checks files in memory with the project's TypeScript (strict); returns the diagnostics' messages. */
function typeCheck(files: Record<string, string>, options: ts.CompilerOptions = {}): string[] {
  const compilerOptions: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, lib: ['lib.es2022.d.ts'], types: [], ...options };
  const host = ts.createCompilerHost(compilerOptions);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (f in files ? files[f] : read(f));
  host.fileExists = (f) => f in files || exists(f);
  host.getSourceFile = (f, v) => (f in files ? ts.createSourceFile(f, files[f], v, true) : getSourceFile(f, v));
  const program = ts.createProgram(Object.keys(files), compilerOptions, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Each member of the generated object or enum with its JSDoc as TypeScript reads it. */
function membersOf(text: string): { name: string; value: string; comment: string; tags: string[] }[] {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
  const out: { name: string; value: string; comment: string; tags: string[] }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isPropertyAssignment(node) || ts.isEnumMember(node)) && node.initializer) {
      const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
      out.push({
        name: node.name.getText(sf),
        value: node.initializer.getText(sf),
        comment: docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n'),
        // The tag as written (TypeScript reads `https` of a `@see` URL as a name reference, the rest as its comment).
        tags: docs.flatMap((d) => (d.tags ?? []).map((t) => t.getText(sf).replace(/\s*\*?\s*$/, ''))),
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('typed constants: member names', () => {
  it('uses the vendor’s symbolic names, and derives usable ones otherwise', () => {
    const faceki = namesOf(registry, 'faceki');
    assert.equal(faceki['8008'], 'FACE_TOO_SMALL');
    assert.equal(faceki['5004'], 'SELFIE_LIVENESS_FAILED');
    assert.equal(faceki['1'], 'UNAUTHORIZED_INVALID_URL'); // the name `UNAUTHORIZED/INVALID URL` is no identifier
    const riset = namesOf(registry, 'riset-face');
    assert.equal(riset['413'], 'FACE_TOO_SMALL');
    assert.equal(riset['415'], 'USER_ID_NOT_FOUND');
    assert.equal(riset['606'], 'NIK_HAVENT_BEEN_ENROLLED_AT_PEDULILINDUNGI');
    assert.equal(namesOf(registry, 'http')['418'], 'IM_A_TEAPOT');
    assert.equal(namesOf(registry, 'ailabtools').ERROR_NO_FACE_IN_FILE, 'ERROR_NO_FACE_IN_FILE');
  });

  it('every name is an identifier, unique within its vendor', () => {
    for (const vendor of registry.vendors.values()) {
      const names = [...memberNames(vendor).values()];
      assert.equal(new Set(names).size, names.length, vendor.id);
      for (const n of names) assert.match(n, /^[A-Za-z_$][A-Za-z0-9_$]*$/, `${vendor.id}: ${n}`);
    }
  });

  it('collisions: every entry wanting a name gets its code appended, whatever the order', () => {
    const entries = [entry('430', 'Slow down'), entry('429', 'Slow down'), entry('7', 'Slow down 429'), entry('8', 'Other')];
    const names = namesOf(registryOf(file('acme', entries)), 'acme');
    // SLOW_DOWN_429 is also entry 7's own name: the entries are numbered in code order.
    assert.deepEqual(names, { '430': 'SLOW_DOWN_430', '429': 'SLOW_DOWN_429_2', '7': 'SLOW_DOWN_429', '8': 'OTHER' });
    assert.deepEqual(namesOf(registryOf(file('acme', [...entries].reverse())), 'acme'), names);
    // Stable across runs: a new registry from the same data gives the same names.
    assert.deepEqual(namesOf(registryOf(file('acme', entries)), 'acme'), names);
  });

  it('unusable names and codes are derived from, and a leading digit keeps its digits', () => {
    const reg = registryOf(
      file('odd', [
        entry('1', 'Proto', { name: '__proto__' }),
        entry('2', 'Not a number', { name: 'NaN' }),
        entry('3', 'Ünïcödé façade error'),
        entry('4', '404 upstream'),
        entry('5', '*/ --- !!!'),
        entry('invalid-request', 'Invalid request'),
        entry('ok_code', 'Fine'),
      ]),
    );
    assert.deepEqual(namesOf(reg, 'odd'), {
      '1': 'PROTO',
      '2': 'NA_N',
      '3': 'UNICODE_FACADE_ERROR',
      '4': '_404_UPSTREAM',
      '5': 'CODE_5',
      'invalid-request': 'INVALID_REQUEST',
      ok_code: 'ok_code',
    });
  });

  it('upperSnake splits camel case and cuts long titles at a word', () => {
    assert.equal(upperSnake('FaceTooSmall'), 'FACE_TOO_SMALL');
    const long = upperSnake('The face in the image is too close to the border of the image for verification to work at all');
    assert.ok(long.length <= 60 && /^[A-Z_]+[A-Z]$/.test(long), long);
  });

  it('object names from vendor ids', () => {
    assert.equal(constantsName('faceki'), 'FacekiErrorCode');
    assert.equal(constantsName('riset-face'), 'RisetFaceErrorCode');
    assert.equal(constantsName('2fa'), 'Vendor2faErrorCode');
  });
});

describe('typed constants: the block', () => {
  it('object style: as const, a type of its values, JSDoc with description and docs link, numbers as numbers', () => {
    const block = constantsBlock(registry.vendors.get('faceki')!, 'object');
    assert.match(block, /^\/\/ #region API Error Codes: faceki \(generated; re-run "Insert Constants for Vendor…" to update\)\n/);
    assert.match(block, /\n\/\/ #endregion$/);
    assert.match(block, /\nexport const FacekiErrorCode = \{\n/);
    assert.match(block, /\n\} as const;\n/);
    assert.match(block, /\nexport type FacekiErrorCode = \(typeof FacekiErrorCode\)\[keyof typeof FacekiErrorCode\];\n/);
    const members = membersOf(block);
    assert.equal(members.length, 24);
    const small = members.find((m) => m.name === 'FACE_TOO_SMALL')!;
    assert.equal(small.value, '8008');
    assert.match(small.comment, /^The size of the face in the image is too small for verification\./);
    assert.deepEqual(small.tags, ['@see https://docs.faceki.com/data-fields/error-codes']);
    // Numeric order.
    assert.deepEqual(members.slice(0, 4).map((m) => m.value), ['1', '400', '500', '5001']);
  });

  it('enum style, and string codes as strings', () => {
    const block = constantsBlock(registry.vendors.get('ailabtools')!, 'enum');
    assert.match(block, /\nexport enum AilabtoolsErrorCode \{\n/);
    assert.doesNotMatch(block, /as const|export type/);
    const members = membersOf(block);
    assert.equal(members.length, 126);
    assert.deepEqual(members.find((m) => m.name === 'ERROR_NO_FACE_IN_FILE')?.value, "'ERROR_NO_FACE_IN_FILE'");
    const riset = membersOf(constantsBlock(registry.vendors.get('riset-face')!, 'enum'));
    assert.deepEqual(riset[0], { name: 'SUCCESS_MESSAGES', value: '200', comment: 'Success messages', tags: [] });
  });

  it('codes with leading zeros or beyond exact doubles stay strings', () => {
    const members = membersOf(constantsBlock(registryOf(file('z', [entry('007', 'Bond'), entry('12345678901234567890', 'Huge'), entry('0', 'Zero')])).vendors.get('z')!, 'object'));
    assert.deepEqual(
      members.map((m) => [m.name, m.value]),
      [['ZERO', '0'], ['BOND', "'007'"], ['HUGE', "'12345678901234567890'"]],
    );
  });

  it('registry text cannot end the comment, add lines, start JSDoc tags or links, or break the string', () => {
    const evil = registryOf(
      file(
        'evil',
        [
          entry('1', 'Title */ export const pwned = 1; /*', { description: 'line one\nexport const injected = 2;\r\n@deprecated now\u2028{@link javascript:alert(1)} mail a@b.c' }),
          entry("x'\\\n*/", 'String code'),
        ],
        { displayName: 'Evil */ Co\n@internal', docsUrl: 'javascript:alert(1)' },
      ),
    );
    const block = constantsBlock(evil.vendors.get('evil')!, 'object');
    // Nothing but the object and its type: no statement came out of a comment.
    const statements = ts.createSourceFile('evil.ts', block, ts.ScriptTarget.ES2022, true).statements.map((st) => (ts.isVariableStatement(st) ? 'const' : ts.isTypeAliasDeclaration(st) ? 'type' : ts.SyntaxKind[st.kind]));
    assert.deepEqual(statements, ['const', 'type']);
    assert.doesNotMatch(block, /javascript:alert\(1\)(?!\})/); // the link scheme is never a link: only text inside the escaped {\@link}
    const members = membersOf(block);
    assert.deepEqual(
      members.map((m) => m.tags),
      [[], []],
      'no JSDoc tags from registry text (and no @see for a javascript: docs link)',
    );
    assert.match(members[0].comment, /Title \*\\\/ export const pwned = 1; \/\*/);
    assert.match(members[0].comment, /line one export const injected = 2; \\@deprecated now \{\\@link javascript:alert\(1\)\} mail a@b\.c/);
    assert.equal(members[1].value, "'x\\'\\\\\\u000a*/'");
    assert.deepEqual(typeCheck({ '/evil.ts': block }), []);
    // The string code's value, evaluated, is the code.
    assert.equal(eval(members[1].value), "x'\\\n*/");
  });

  it('commentText keeps ordinary text', () => {
    assert.equal(commentText('The face in `image` is too small.'), 'The face in `image` is too small.');
    assert.equal(commentText('  a\n\n  b  '), 'a b');
  });

  it('every built-in vendor type-checks in both styles and in JavaScript', () => {
    const files: Record<string, string> = {};
    for (const v of registry.vendors.values()) {
      files[`/${v.id}-object.ts`] = constantsBlock(v, 'object') + '\n';
      files[`/${v.id}-enum.ts`] = constantsBlock(v, 'enum') + '\n';
    }
    assert.deepEqual(typeCheck(files), []);
    const js = constantsBlock(registry.vendors.get('faceki')!, 'object', '\n', true);
    assert.match(js, /export const FacekiErrorCode = Object\.freeze\(\{/);
    const use = "import { FacekiErrorCode } from './faceki.js';\n/** @type {FacekiErrorCode} */\nexport const a = FacekiErrorCode.FACE_TOO_SMALL;\n/** @type {FacekiErrorCode} */\n// @ts-expect-error 1234 is no Faceki code\nexport const b = 1234;\n";
    assert.deepEqual(typeCheck({ '/faceki.js': js + '\n', '/use.js': use }, { allowJs: true, checkJs: true }), []);
  });
});

describe('typed constants: the edit', () => {
  it('inserts at the cursor line, set apart by blank lines, or at the end', () => {
    const text = 'import x from "y";\nconst a = 1;\n';
    const r = vendorConstants(registry, 'faceki', { style: 'object', text, position: { line: 1, character: 5 } })!;
    assert.equal(r.replaced, false);
    assert.equal(r.members, 24);
    assert.deepEqual(r.edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    const out = apply(text, r);
    assert.ok(out.startsWith('import x from "y";\n\n// #region API Error Codes: faceki'), out.slice(0, 80));
    assert.ok(out.endsWith('// #endregion\n\nconst a = 1;\n'));
    const end = apply('const a = 1;', vendorConstants(registry, 'faceki', { style: 'object', text: 'const a = 1;' })!);
    assert.ok(end.startsWith('const a = 1;\n\n// #region') && end.endsWith('// #endregion\n'));
    const empty = vendorConstants(registry, 'faceki', { style: 'enum' })!;
    assert.ok(empty.edit.newText.startsWith('// #region') && empty.edit.newText.endsWith('// #endregion\n'));
  });

  it('re-running replaces the vendor’s block in place and keeps everything around it', () => {
    const before = 'const a = 1;\r\n\r\n';
    const after = '\r\nexport function f() {}\r\n';
    const first = apply(before + after, vendorConstants(registry, 'faceki', { style: 'object', text: before + after, position: { line: 2, character: 0 } })!);
    assert.ok(first.includes('// #endregion\r\n') && !/[^\r]\n/.test(first), 'the document’s CRLF line ends');
    const http = apply(first, vendorConstants(registry, 'http', { style: 'enum', text: first })!);
    const again = vendorConstants(registry, 'faceki', { style: 'enum', text: http })!;
    assert.equal(again.replaced, true);
    const second = apply(http, again);
    assert.equal(generatedBlocks(second).length, 2);
    assert.equal(second.match(/API Error Codes: faceki/g)!.length, 1);
    assert.ok(second.startsWith('const a = 1;\r\n\r\n// #region API Error Codes: faceki'));
    assert.match(second, /export enum FacekiErrorCode \{/);
    assert.doesNotMatch(second, /export const FacekiErrorCode/);
    assert.ok(second.includes('// #endregion\r\n\r\nexport function f() {}\r\n'));
    assert.match(second, /export enum HttpErrorCode \{/); // the other vendor's block is untouched
    // Idempotent: the same run again changes nothing.
    assert.equal(apply(second, vendorConstants(registry, 'faceki', { style: 'enum', text: second })!), second);
  });

  it('a begin marker without its end is no block, so nothing outside a block is replaced', () => {
    const text = '// #region API Error Codes: faceki (generated)\nconst mine = 1;\n';
    assert.deepEqual(generatedBlocks(text), []);
    const r = vendorConstants(registry, 'faceki', { style: 'object', text })!;
    assert.equal(r.replaced, false);
    const out = apply(text, r);
    assert.ok(out.startsWith(text));
    // The next run finds the complete block, not the broken marker's.
    const next = vendorConstants(registry, 'faceki', { style: 'object', text: out })!;
    assert.equal(next.replaced, true);
    assert.ok(apply(out, next).startsWith(text));
    // `faceki-v2` is not `faceki`.
    assert.deepEqual(generatedBlocks('// #region API Error Codes: faceki-v2 (generated)\n// #endregion').map((b) => b.vendor), ['faceki-v2']);
  });

  it('an unknown vendor is no edit', () => {
    assert.equal(vendorConstants(registry, 'nope', { style: 'object' }), undefined);
  });

  it('JavaScript documents by language id or file extension', () => {
    assert.equal(isJavaScriptDocument('javascript', 'file:///a.ts'), true);
    assert.equal(isJavaScriptDocument('typescriptreact', 'file:///a.js'), false);
    assert.equal(isJavaScriptDocument('plaintext', 'file:///a.mjs'), true);
  });
});

describe('typed constants: the analysis reads them back', () => {
  /** Each member's value resolves to the vendor's entry of the same code (hover's first candidate). */
  function roundTrip(reg: Registry, vendor: string, prefix = ''): string[] {
    const text = apply(prefix, vendorConstants(reg, vendor, { style: 'object', text: prefix })!);
    const doc = TextDocument.create('file:///c.ts', 'typescript', 1, text);
    const analysis = analyze(doc, reg, defaultSettings)!;
    const wrong: string[] = [];
    const block = generatedBlocks(text).find((b) => b.vendor === vendor)!;
    for (const [e, name] of memberNames(reg.vendors.get(vendor)!)) {
      const at = text.indexOf(`\n  ${name}: `, block.start) + name.length + 6; // inside the value (a string's starts after its quote)
      const index = analysis.occurrences.indexAt(at);
      const best = index < 0 ? undefined : analysis.resolve(index).candidates[0];
      if (best?.vendor !== vendor || best.code !== e.code) wrong.push(`${name}: ${e.code} → ${best ? `${best.vendor} ${best.code}` : 'nothing'}`);
    }
    assert.deepEqual(doValidation(doc, analysis, reg, defaultSettings), []);
    return wrong;
  }

  it('built-in vendors, also among other vendors’ evidence', () => {
    const busy = "res.status(404);\nconst r = { facegallery_id: 'g', status_message: 'ok' }; // riset.ai\n";
    for (const vendor of registry.vendors.keys()) {
      assert.deepEqual(roundTrip(registry, vendor), [], vendor);
      assert.deepEqual(roundTrip(registry, vendor, busy), [], `${vendor} in a busy file`);
    }
  });

  it('a workspace vendor’s derived names and codes it shares with HTTP', () => {
    const acme = file('acme', [
      entry('400', 'Bad Request'), // HTTP's name and code too: the block decides
      entry('404', 'The thing you asked for could not be found anywhere at all'), // a sentence, not a name
      entry('429', 'Slow down'),
      entry('430', 'Slow down'),
    ]);
    const partlyNamed = file('named-co', [entry('7001', 'Alpha failed', { name: 'ALPHA_FAILED' }), entry('7002', 'Beta is broken today')]);
    const reg = withBuiltins(acme, partlyNamed);
    assert.deepEqual(roundTrip(reg, 'acme'), []);
    assert.deepEqual(roundTrip(reg, 'named-co'), []);
    // Outside its block the same member is HTTP's, as before.
    const doc = TextDocument.create('file:///d.ts', 'typescript', 1, 'const E = { BAD_REQUEST: 400 };\n');
    const analysis = analyze(doc, reg, defaultSettings)!;
    assert.equal(analysis.resolve(analysis.occurrences.indexAt(26)).candidates[0].vendor, 'http');
  });
});
