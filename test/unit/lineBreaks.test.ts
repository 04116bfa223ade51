/**
 * One line-break definition (issue 19, fault 8): `\r`, `\n` and `\r\n` end a line for the log scanner, the incremental
 * rescan and completion alike, so a text's answers do not depend on which breaks it uses.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { occurrenceAt } from '../../server/src/service/analysis';
import { doValidation } from '../../server/src/service/diagnostics';
import { doHover } from '../../server/src/service/hover';
import { defaultSettings } from '../../server/src/settings';
import { LineEnds, lineEndOf, lineStartOf, nextLineStart, previousLineStart } from '../../server/src/utils/lineBreaks';
import { analysisOf, completionsAt, registry, root } from '../helpers';

const BREAKS = ['\n', '\r\n', '\r'];
const withBreaks = (text: string, eol: string) => text.replace(/\r\n|\r|\n/g, eol);

/** Every answer about a text, positions as (line, character) so texts with different breaks compare equal. */
function answers(text: string, languageId: string) {
  const doc = TextDocument.create('file:///x', languageId, 1, text);
  const analysis = analysisOf(doc);
  const occurrences = analysis.occurrences.toArray().map((o, i) => {
    const r = analysis.resolve(i);
    return { at: doc.positionAt(o.start), code: o.code, vendor: r.candidates[0]?.vendor, resolved: r.resolvedVendor };
  });
  const hovers = analysis.occurrences.toArray().map((o) => (doHover(doc, analysis, o.start, registry)?.contents as { value: string } | undefined)?.value);
  return { occurrences, hovers, vendors: analysis.documentVendors, diagnostics: doValidation(doc, analysis, registry, defaultSettings) };
}

describe('line breaks: one definition (issue 19, fault 8)', () => {
  it('the helpers agree with the piece of LSP they implement', () => {
    const t = 'a\r\nb\rc\nd';
    const ends = new LineEnds(t);
    assert.deepEqual([0, 3, 5, 7].map((p) => ends.next(p)), [1, 4, 6, 8]);
    assert.deepEqual([0, 3, 5, 7, 8].map((p) => lineStartOf(t, p)), [0, 3, 5, 7, 7]);
    assert.deepEqual([1, 4, 6].map((p) => nextLineStart(t, p)), [3, 5, 7]);
    assert.deepEqual([0, 3, 5, 7].map((p) => previousLineStart(t, p)), [0, 0, 3, 5]);
  });

  it('the helpers equal a character-by-character reading of the text (property)', () => {
    const isBreak = (t: string, i: number) => t[i] === '\r' || t[i] === '\n';
    const naiveEnd = (t: string, p: number, limit: number) => {
      for (let i = p; i < limit; i++) if (isBreak(t, i)) return i;
      return limit;
    };
    const naiveStart = (t: string, p: number, floor: number) => {
      for (let i = p - 1; i >= floor; i--) if (isBreak(t, i)) return i + 1;
      return floor;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\r', '\n', '\r\n'), { maxLength: 30 }).map((p) => p.join('')), fc.nat(), fc.nat(), fc.nat(), (t, x, y, z) => {
        const limit = y % (t.length + 1);
        const ends = new LineEnds(t, limit);
        // Increasing starts, as a scan asks.
        for (let p = 0; p < limit; p += 1 + (x % 3)) assert.equal(ends.next(p), naiveEnd(t, p, limit), `next(${p}) of ${JSON.stringify(t)} to ${limit}`);
        const p = x % (t.length + 1);
        const floor = z % (p + 1);
        assert.equal(lineStartOf(t, p, floor), naiveStart(t, p, floor), `lineStartOf(${p}, ${floor}) of ${JSON.stringify(t)}`);
        assert.equal(lineEndOf(t, p), naiveEnd(t, p, t.length), `lineEndOf(${p}) of ${JSON.stringify(t)}`);
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  it('completion: `status=` then a CR-only break offers nothing on the next line', () => {
    for (const eol of BREAKS) assert.equal(completionsAt(`status=${eol}|`, 'log'), null, JSON.stringify(eol));
    assert.ok(completionsAt('x\rstatus=4|', 'log')!.items.length > 0, 'a code key on a CR-separated line still completes');
  });

  it('a log: vendors, occurrences, hovers and diagnostics are the same with LF, CRLF and CR breaks', () => {
    const log = fs.readFileSync(path.join(root, 'test', 'e2e', 'workspace', 'gateway.log'), 'utf8');
    const mixed = 'facegallery_id=g1 status=412\nts=1 status=5004\ntrx_id=t1 code=5004\nERROR_NO_FACE_IN_FILE status=404\n';
    for (const text of [log, mixed]) {
      const expected = answers(withBreaks(text, '\n'), 'log');
      assert.ok(expected.occurrences.length > 0);
      for (const eol of ['\r\n', '\r']) assert.deepEqual(answers(withBreaks(text, eol), 'log'), expected, `with ${JSON.stringify(eol)}`);
    }
  });

  it('a hint key on another CR-separated line does not decide a line’s vendor', () => {
    // The Riset hint key is on line 0; the code on line 1 must resolve as it does with LF between them.
    const lf = answers('facegallery_id=g1\nstatus=412', 'log');
    const cr = answers('facegallery_id=g1\rstatus=412', 'log');
    assert.deepEqual(cr.occurrences, lf.occurrences);
    const doc = TextDocument.create('file:///x', 'log', 1, 'facegallery_id=g1\rstatus=412');
    assert.equal(occurrenceAt(analysisOf(doc), doc.offsetAt({ line: 1, character: 8 }))?.code, '412');
  });
});

describe('line breaks: found by the fuzzer', () => {
  it('TS: an unterminated regex literal ends at its line break, whichever it is (the next line is still read)', () => {
    // Seed 1 of the fuzzer, shrunk: `*/` at the start makes `/if …` a regex literal that never closes.
    const text = '*/if (x.code === 5004) {}\nswitch (e.code) { case 5004: case 5098: }';
    const lines = (t: string) => diagnosticsOfText(t).map((d) => [d.range.start.line, d.message]);
    const expected = lines(text);
    assert.deepEqual(expected, [[1, '5098 is not a Faceki code.']]);
    for (const eol of ['\r\n', '\r']) assert.deepEqual(lines(text.replace(/\n/g, eol)), expected, JSON.stringify(eol));
  });
});

function diagnosticsOfText(text: string) {
  const doc = TextDocument.create('file:///x.ts', 'typescript', 1, text);
  return doValidation(doc, analysisOf(doc), registry, defaultSettings);
}
