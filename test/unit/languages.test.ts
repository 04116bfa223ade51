/** The language table (server/src/service/languages.ts) against every place that must agree with it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGES as CLIENT_LANGUAGES } from '../../client/src/languages';
import { EXTENSION_LANGUAGES, LANGUAGE_TABLE, languageKind, VSCODE_LANGUAGES } from '../../server/src/service/languages';
import { root } from '../helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { activationEvents: string[] };

describe('the language table', () => {
  it('the client selects documents by exactly the table’s VS Code ids', () => {
    assert.deepEqual([...CLIENT_LANGUAGES].sort(), [...VSCODE_LANGUAGES].sort());
  });
  it('package.json activates on exactly the table’s VS Code ids', () => {
    const onLanguage = manifest.activationEvents.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
    assert.deepEqual(onLanguage.sort(), [...VSCODE_LANGUAGES].sort());
  });
  it('every row is scanned one way: a scanner of its own, or a tokenizer with the engine’s facts', () => {
    for (const row of LANGUAGE_TABLE) {
      assert.ok(!!row.scan !== !!row.tokenize, row.kind);
      assert.equal(!!row.tokenize, !!row.engine, row.kind);
      if (row.cases) assert.ok(row.lineComment, `${row.kind}: the switch action writes comments`);
    }
  });
  it('every id, alias and extension leads back to its row', () => {
    for (const row of LANGUAGE_TABLE) {
      for (const id of [...row.vscodeIds, ...row.aliases]) assert.equal(languageKind(id), row.kind, id);
      for (const [ext, id] of Object.entries(row.extensions)) {
        assert.equal(EXTENSION_LANGUAGES[ext], id, ext);
        assert.equal(languageKind('', `file:///x/a${ext}`), row.kind, ext);
      }
    }
  });
  it('ids are unique across rows', () => {
    const ids = LANGUAGE_TABLE.flatMap((r) => [...r.vscodeIds, ...r.aliases]);
    assert.equal(new Set(ids).size, ids.length);
  });
});
