import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importMarkdown } from '../../data/importer/markdownImport';

describe('importer: page shapes beyond the seeds', () => {
  it('a table `Error Code | HTTP | Message` with a symbolic name column', () => {
    const page = [
      '# Errors',
      '',
      '| Error Code | Name | HTTP | Message |',
      '| --- | --- | --- | --- |',
      '| 1001 | `TOKEN_EXPIRED` | 401 | The access token has expired. |',
      '| 1002 | `TOKEN_INVALID` | 401 | The access token is invalid. |',
      '| n/a | | | footnote row |',
    ].join('\n');
    const r = importMarkdown(page);
    assert.deepEqual(
      r.entries.map((e) => [e.code, e.name, e.httpStatus, e.title]),
      [
        ['1001', 'TOKEN_EXPIRED', 401, 'The access token has expired.'],
        ['1002', 'TOKEN_INVALID', 401, 'The access token is invalid.'],
      ],
    );
    assert.deepEqual(r.recognized, [{ line: 3, shape: 'code-table', count: 2 }]);
    assert.equal(r.skipped.length, 1);
    assert.match(r.skipped[0].reason, /"n\/a" is not a code/);
  });

  it('headings with the code first and the name after, the description in the next paragraph', () => {
    const page = ['## Authentication', '', '### 2001 – SESSION_EXPIRED', '', 'The session timed out; sign in again.', '', '### 2002: SESSION_REVOKED', '', 'An administrator revoked the session.'].join('\n');
    const r = importMarkdown(page);
    assert.deepEqual(
      r.entries.map((e) => [e.code, e.name, e.description, e.category]),
      [
        ['2001', 'SESSION_EXPIRED', 'The session timed out; sign in again.', 'Authentication'],
        ['2002', 'SESSION_REVOKED', 'An administrator revoked the session.', 'Authentication'],
      ],
    );
    assert.ok(r.recognized.every((x) => x.shape === 'code-first-heading'));
  });

  it('definition lists: the term is the code (and name), the definition its description', () => {
    const page = ['## Payments', '', '`CARD_DECLINED`', ':   The issuer declined the card.', '', '4021 — LIMIT_EXCEEDED', ':   The daily limit is exceeded.', '    Try again tomorrow.'].join('\n');
    const r = importMarkdown(page);
    assert.deepEqual(
      r.entries.map((e) => [e.code, e.name, e.description, e.category]),
      [
        ['CARD_DECLINED', undefined, 'The issuer declined the card.', 'Payments'],
        ['4021', 'LIMIT_EXCEEDED', 'The daily limit is exceeded. Try again tomorrow.', 'Payments'],
      ],
    );
    assert.ok(r.recognized.every((x) => x.shape === 'definition-term'));
  });

  it('reports what it skipped: tables without codes, code examples, prose with codes', () => {
    const page = ['| Field | Type |', '| --- | --- |', '| id | string |', '', '```json', '{"code": 5004}', '```', '', 'Retry on 503 after a minute.'].join('\n');
    const r = importMarkdown(page);
    assert.equal(r.entries.length, 0);
    assert.deepEqual(r.skipped.map((s) => s.block), ['table', 'code block', 'paragraph']);
  });

  it('keeps code spans, drops HTML and notes it', () => {
    const r = importMarkdown('#### `BAD_THING` (Code: 7)\n\n* **Description**: Uses `user_id` wrongly.<br>\n');
    assert.equal(r.entries[0].description, 'Uses `user_id` wrongly.');
    assert.deepEqual(r.entries[0].notes, ['Markup removed from the source text: <br>']);
  });
});

describe('importer: imported files always load (issue 19, fault 3)', () => {
  const { registryFileOf, LIMITS } = require('../../data/importer/registryFile') as typeof import('../../data/importer/registryFile');
  const { parseRegistryText } = require('../../server/src/registry') as typeof import('../../server/src/registry');

  it('more bullets than a registry entry holds: notes cut to the schema maxItems, the cut reported, the file loads', () => {
    const bullets = Array.from({ length: 25 }, (_, i) => `* Note number ${i}`).join('\n');
    const page = `#### \`BAD_THING\` (Code: 7)\n\n${bullets}\n`;
    const report = importMarkdown(page);
    assert.equal(report.entries[0].notes?.length, 25, 'the importer keeps what the page says');
    const file = registryFileOf(report, 'acme', 'Acme', 'page.md');
    const parsed = parseRegistryText(file.text, 'acme.errorcodes.json');
    assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
    assert.ok(parsed.data, 'the file loads');
    assert.equal(parsed.data!.entries[0].notes?.length, LIMITS.notes);
    assert.equal(LIMITS.notes, 20);
    assert.match(file.skipped.at(-1)!.reason, /5 notes of 7 beyond the 20/);
  });

  it('a name, title and display name over the schema limits are cut so the file loads', () => {
    const longName = 'A' + '_B'.repeat(300);
    const page = `#### \`${longName}\` (Code: 7)\n\n* **Description**: ${'x'.repeat(20_000)}\n`;
    const report = importMarkdown(page);
    assert.ok(report.entries[0].name!.length > LIMITS.name);
    const file = registryFileOf(report, 'acme', 'D'.repeat(500), undefined);
    const parsed = parseRegistryText(file.text, 'acme.errorcodes.json');
    assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
    assert.equal(parsed.data!.entries[0].name!.length, LIMITS.name);
  });

  it('a name given twice, or a code given twice: the file loads, each repeat reported in skipped', () => {
    const page = '| Error Code | Name | Message |\n| --- | --- | --- |\n| 1001 | `ACME_X` | A. |\n| 1002 | `ACME_X` | B. |\n| 1002 | `ACME_Z` | C. |\n';
    const file = registryFileOf(importMarkdown(page), 'acme', 'Acme', 'page.md');
    const parsed = parseRegistryText(file.text, 'acme.errorcodes.json');
    assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error').map((p) => p.message), []);
    assert.deepEqual(parsed.data!.entries.map((e) => [e.code, e.name]), [['1001', 'ACME_X'], ['1002', undefined]]);
    assert.deepEqual(file.skipped.map((s) => s.line), [4, 5]);
  });

  it('40,000 bullets under one heading: every one read (the notes are appended, not re-copied per bullet)', () => {
    const n = 40_000;
    const page = `#### \`BAD_THING\` (Code: 7)\n\n${Array.from({ length: n }, (_, i) => `* n${i}`).join('\n')}\n`;
    const report = importMarkdown(page);
    assert.equal(report.entries[0].notes?.length, n);
    assert.equal(report.entries[0].notes?.[n - 1], `n${n - 1}`);
  });
});
