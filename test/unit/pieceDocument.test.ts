/**
 * The server's PieceDocument against a model: after every random edit (line breaks of all three kinds, ranges across
 * pieces, reversed and out-of-range positions, full replacements), its text, line count and every position/offset
 * conversion must equal those of the library's TextDocument created fresh from the model's text. Seeded; the seed is
 * printed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceDocument } from '../../server/src/utils/pieceDocument';

const FRAGMENTS = ['', 'a', 'status=412', '\n', '\r', '\r\n', 'x\ny', '\r\r\n\n', 'ERROR_NO_FACE', ' ', '😀', '\ud800'];

function check(ours: PieceDocument, theirs: TextDocument, label: string): void {
  const text = theirs.getText();
  assert.equal(ours.lineCount, theirs.lineCount, `${label}: line count`);
  assert.equal(ours.getText(), text, `${label}: text`);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${label}: positionAt(${offset})`);
  }
  for (let line = -1; line <= theirs.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${label}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${label}: getEOLCharacters(${line})`);
    for (const character of [-1, 0, 1, 2, 5, 40]) {
      assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `${label}: offsetAt(${line}:${character})`);
    }
  }
}

describe('PieceDocument', () => {
  it('equals a fresh library document of the same text after every one of 3,000 random edits', () => {
    const seed = Number(process.env.ORACLE_SEED ?? Date.now() % 2 ** 31);
    console.log(`piece document oracle: seed ${seed} (reproduce with ORACLE_SEED=${seed})`);
    const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 30 }) });
    const change = fc.oneof(
      { weight: 20, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 3 }).map((p) => p.join('')) }) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((p) => ({ text: p.join('') })) },
    );
    const steps = fc.sample(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 3000, maxLength: 3000 }), { seed, numRuns: 1 })[0];
    const initial = 'status=412\r\nline two\rthree\n\nfour';
    let ours = PieceDocument.create('file:///a.log', 'log', 1, initial);
    // The model: a plain string edited at the offsets a fresh library document gives for each range.
    let model = initial;
    steps.forEach((changes: TextDocumentContentChangeEvent[], k) => {
      ours = PieceDocument.update(ours, changes, k + 2);
      for (const change of changes) {
        if (!('range' in change)) {
          model = change.text;
          continue;
        }
        const fresh = TextDocument.create('file:///m', 'log', 1, model);
        const a = fresh.offsetAt(change.range.start);
        const b = fresh.offsetAt(change.range.end);
        model = model.slice(0, Math.min(a, b)) + change.text + model.slice(Math.max(a, b));
      }
      // Conversions are compared while the pieces are still apart on odd steps, after a join on even ones.
      if (k % 2 === 0) ours.getText();
      check(ours, TextDocument.create('file:///m', 'log', k + 2, model), `step ${k} (seed ${seed})`);
    });
  });

  it('applies edits without joining the text, and joins it when read', () => {
    const doc = PieceDocument.create('file:///big.log', 'log', 1, 'a\n'.repeat(1000));
    for (let v = 2; v < 100; v++) {
      doc.update([{ range: { start: { line: v, character: 0 }, end: { line: v, character: 1 } }, text: 'bb' }], v);
    }
    // Still in pieces: the conversions answer from the line offsets and the pieces.
    assert.deepEqual(doc.positionAt(5), { line: 2, character: 1 });
    assert.equal(doc.offsetAt({ line: 3, character: 2 }), 2 * 2 + 3 + 2);
    assert.equal(doc.getText({ start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }), 'bb\nbb\n');
    assert.equal(doc.getText().length, 2000 + 98);
  });

  it('reports the edits since an earlier version, and nothing it cannot vouch for', () => {
    const doc = PieceDocument.create('file:///a.log', 'log', 1, 'status=412\nstatus=500\n');
    doc.update([{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } }, text: '5004' }], 2);
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x ' }], 3);
    assert.deepEqual(doc.editsSince(1), [
      { start: 18, end: 21, length: 4 },
      { start: 0, end: 0, length: 2 },
    ]);
    assert.deepEqual(doc.editsSince(2), [{ start: 0, end: 0, length: 2 }]);
    assert.deepEqual(doc.editsSince(3), []);
    assert.equal(doc.editsSince(0), undefined);
    doc.update([{ text: 'replaced' }], 4);
    assert.equal(doc.editsSince(3), undefined);
    for (let v = 5; v < 1200; v++) doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y' }], v);
    assert.equal(doc.editsSince(5), undefined, 'older than the remembered edits');
    assert.equal(doc.editsSince(1198)?.length, 1);
    assert.equal(doc.editsSince(1199)?.length, 0);
  });
});
