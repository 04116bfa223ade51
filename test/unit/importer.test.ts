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
