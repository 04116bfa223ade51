/** The CLI's pure parts: the embedded registry, the extension table, settings files, terminal rendering, exit codes. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { EMBEDDED_REGISTRY, loadBuiltinRegistry } from '../../server/src/registry';
import { EXTENSION_LANGUAGES, languageOfPath } from '../../server/src/languageIds';
import { languageKind } from '../../server/src/service/analysis';
import { VSCODE_LANGUAGES } from '../../server/src/service/languages';
import { entryMarkdown } from '../../server/src/service/hover';
import { exitCode } from '../../server/src/cli/check';
import { emptyCounts, plain, textBlock } from '../../server/src/cli/report';
import { markdownToTerminal } from '../../server/src/cli/terminal';
import { Registry } from '../../server/src/registry';
import { root } from '../helpers';

describe('cli units', () => {
  it('the embedded registry is exactly data/registry/*.json', () => {
    const dir = path.join(root, 'data', 'registry');
    const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    assert.deepEqual(Object.keys(EMBEDDED_REGISTRY).sort(), names, 'a registry file is not imported in server/src/registry.ts');
    for (const n of names) assert.deepEqual(EMBEDDED_REGISTRY[n], JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8')), n);
    const embedded = loadBuiltinRegistry();
    const fromDisk = loadBuiltinRegistry(dir);
    assert.deepEqual([...embedded.vendors.keys()], [...fromDisk.vendors.keys()]);
    assert.equal(embedded.entryCount, fromDisk.entryCount);
  });

  it('a path is supported exactly when the service knows its language id', () => {
    for (const [ext, id] of Object.entries(EXTENSION_LANGUAGES)) {
      assert.equal(languageOfPath(`/src/file${ext}`), languageKind(id) ? id : undefined, ext);
    }
    // Every language the service scans is reachable from some extension.
    for (const id of VSCODE_LANGUAGES) assert.ok(Object.values(EXTENSION_LANGUAGES).includes(id), id);
    assert.equal(languageOfPath('/src/App.TSX'), 'typescriptreact');
    assert.equal(languageOfPath('/src/Makefile'), undefined);
    assert.equal(languageOfPath('/a.b/noext'), undefined);
  });

  it('the hover in a terminal: escapes undone, registry text stays text', () => {
    const reg = new Registry([
      {
        data: { vendor: { id: 'acme', displayName: 'Acme_Pay' }, entries: [{ code: 'ACME_*BAD*', title: 'Has [a](command:x) link', description: 'Use `user_id` <b>now</b>', category: 'C' }] },
        origin: 'workspace',
        file: 'x',
      },
    ]);
    const out = markdownToTerminal(entryMarkdown(reg.lookup('ACME_*BAD*')[0], reg), false);
    assert.equal(out, 'ACME_*BAD* · Acme_Pay (workspace)\n\nHas [a](command:x) link — C\n\nUse user_id <b>now</b>\n');
    assert.match(markdownToTerminal('**a** `b`', true), /\u001b\[1ma\u001b\[22m \u001b\[36mb\u001b\[39m/);
  });

  it('text output carries no terminal control codes from registry text or file names', () => {
    const finding = { line: 1, column: 2, endLine: 1, endColumn: 5, severity: 'warning' as const, rule: 'unknown-code', message: '5099 is not a \u001b[2J\u001b]8;;x\u0007Evil\u009b code.' };
    const out = textBlock({ file: '/ws/a\u001b[31m.ts', findings: [finding] }, '/ws', plain);
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(out, /^a \[31m\.ts:1:2 {2}warning {2}unknown-code {2}5099 is not a/);
  });

  it('exit codes: I/O errors beat findings; --fail-on sets the threshold; hints never fail', () => {
    const c = emptyCounts();
    assert.equal(exitCode(c, 'warning'), 0);
    c.hint = 3;
    assert.equal(exitCode(c, 'info'), 0);
    c.info = 1;
    assert.equal(exitCode(c, 'warning'), 0);
    assert.equal(exitCode(c, 'info'), 1);
    c.warning = 1;
    assert.equal(exitCode(c, 'error'), 0);
    assert.equal(exitCode(c, 'warning'), 1);
    c.failed = 1;
    assert.equal(exitCode(c, 'error'), 2);
  });
});
