// The pure parts of serving other editors: language ids and the extension fallback, the settings section in each
// client's shape, the client's text format, and plain-text entries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Registry } from '../../server/src/registry';
import { doHover, preferredFormat } from '../../server/src/service/hover';
import { ignoredReason, languageKind } from '../../server/src/service/languages';
import { errorCodesSection } from '../../server/src/settings';
import { analysisOf, settings, withCaret } from '../helpers';

describe('language ids and the file extension', () => {
  it("VS Code's ids and other editors' aliases", () => {
    for (const id of ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'ts', 'tsx', 'js', 'jsx', 'javascript.jsx', 'typescript.tsx', 'js2', 'rjsx', 'js-ts', 'tsx-ts', 'TypeScript']) {
      assert.equal(languageKind(id), 'ts', id);
    }
    for (const id of ['json', 'jsonc', 'json5', 'json-ts']) assert.equal(languageKind(id), 'json', id);
    assert.equal(languageKind('log'), 'log');
  });
  it('an unknown id falls back on the extension; a known one does not', () => {
    assert.equal(languageKind('text', 'file:///a/gateway.log'), 'log');
    assert.equal(languageKind('fundamental', 'file:///a/b.LOG?x=1#y'), 'log');
    assert.equal(languageKind('', 'file:///a/b.mjs'), 'ts');
    assert.equal(languageKind('plaintext', 'file:///a/b.json5'), 'json');
    assert.equal(languageKind('json', 'file:///a/b.log'), 'json');
    assert.equal(languageKind('python', 'file:///a/b.log'), 'python', 'as the README says: an id the server reads wins');
    assert.equal(languageKind('ruby', 'file:///a/app.rb'), undefined);
    assert.equal(languageKind('text', 'file:///a/.log'), undefined, 'a dot file has no extension');
    assert.equal(languageKind('toString'), undefined, 'no prototype keys');
    assert.equal(languageKind('constructor', 'file:///a/constructor'), undefined);
  });
  it('says why a document is ignored', () => {
    assert.match(ignoredReason('ruby', 'file:///a/app.rb'), /^language id "ruby" is not one this server reads \(.*\) and the extension "\.rb" does not name one either \(.*\.log.*\)$/);
    assert.match(ignoredReason('text', 'file:///a/README'), /the file name has no extension that does not name one/);
  });
});

describe('the errorCodes section in what a client sends', () => {
  const section = { unknownCodeSeverity: 'error' };
  it('accepts every documented shape', () => {
    assert.deepEqual(errorCodesSection({ settings: { errorCodes: section } }), section);
    assert.deepEqual(errorCodesSection({ errorCodes: section }), section);
    assert.deepEqual(errorCodesSection({ settings: section }), section);
    assert.deepEqual(errorCodesSection({ ...section, diagnosticsDelayMs: 0 }), { ...section, diagnosticsDelayMs: 0 });
  });
  it('finds none in {}, null, other servers\' settings or options that are not settings', () => {
    for (const raw of [{}, null, undefined, [], 'x', { settings: {} }, { typescript: { format: {} } }, { diagnosticsDelayMs: 0 }, { workspaceRegistries: 'client' }, { errorCodes: [] }]) {
      assert.equal(errorCodesSection(raw), undefined, JSON.stringify(raw));
    }
  });
});

describe("the client's text format", () => {
  it('the first supported format of the preference list; markdown when none is named', () => {
    assert.equal(preferredFormat(undefined), 'markdown');
    assert.equal(preferredFormat([]), 'markdown');
    assert.equal(preferredFormat(['plaintext']), 'plaintext');
    assert.equal(preferredFormat(['plaintext', 'markdown']), 'plaintext');
    assert.equal(preferredFormat(['markdown', 'plaintext']), 'markdown');
    assert.equal(preferredFormat(['asciidoc', 'plaintext']), 'plaintext');
  });
  it('plain text carries registry text as it is, bounded, with links only for http(s) URLs', () => {
    const evil = new Registry([
      {
        origin: 'workspace',
        file: 'evil.errorcodes.json',
        data: {
          vendor: { id: 'evil', displayName: 'Evil *Corp*', docsUrl: 'javascript:alert(1)' },
          entries: [{ code: 'EVIL_CODE', title: 'Title_with_underscores', description: 'Use `user_id` [x](command:quit)\u0007 ' + 'y'.repeat(5000), category: 'A_B' }],
        },
      },
    ]);
    const { doc, offset } = withCaret("'EVIL_C|ODE'", 'ts');
    const value = (doHover(doc, analysisOf(doc, settings(), evil), offset, evil, 'plaintext')!.contents as { kind: string; value: string }).value;
    assert.match(value, /^EVIL_CODE · Evil \*Corp\* \(workspace\)\n\nTitle_with_underscores — A_B\n\nUse `user_id` \[x\]\(command:quit\) y+…$/);
    assert.doesNotMatch(value, /\\|\u0007|javascript:/);
    assert.ok(value.length < 1200);
  });
});
