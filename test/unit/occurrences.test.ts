/**
 * The column-stored occurrence and group tables against plain arrays of objects: what goes in comes out, sorting is
 * stable, lookups by offset agree with a linear search, and splice and concat equal the array operations they stand
 * for.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Groups } from '../../server/src/service/groups';
import { Occurrences } from '../../server/src/service/occurrences';
import type { RawOccurrence, Via } from '../../server/src/service/scanTypes';

const VIAS: Via[] = ['key', 'compare', 'call', 'case', 'access-log', 'symbolic'];

const occurrence = fc.record({
  start: fc.nat(5000),
  length: fc.integer({ min: 1, max: 12 }),
  code: fc.constantFrom('412', '5004', 'ERROR_NO_FACE', 'SELFIE_X', '0'),
  numeric: fc.boolean(),
  via: fc.constantFrom(...VIAS),
  key: fc.option(fc.constantFrom('status', 'error_code', 'upstream_status'), { nil: undefined }),
  exactKey: fc.boolean(),
  http: fc.boolean(),
  wholeString: fc.boolean(),
  group: fc.nat(50),
}).map(({ length, key, ...o }): RawOccurrence => ({ ...o, end: o.start + length, ...(key === undefined ? {} : { key }) }));

function tableOf(list: RawOccurrence[]): Occurrences {
  const table = new Occurrences(1);
  for (const o of list) table.push(o);
  return table;
}

describe('occurrence table', () => {
  it('gives back what was pushed, through growth', () => {
    fc.assert(
      fc.property(fc.array(occurrence, { maxLength: 200 }), (list) => {
        assert.deepEqual(tableOf(list).toArray(), list);
      }),
    );
  });

  it('sorts by start, keeping the order of equal starts', () => {
    fc.assert(
      fc.property(fc.array(occurrence, { maxLength: 200 }), (list) => {
        const table = tableOf(list);
        table.sortByStart();
        assert.deepEqual(table.toArray(), [...list].sort((a, b) => a.start - b.start));
      }),
    );
  });

  it('finds by offset what a linear search finds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 6 })), { maxLength: 60 }), fc.nat(400), (gaps, offset) => {
        // Disjoint ranges in text order, as scanners produce them.
        const list: RawOccurrence[] = [];
        let at = 0;
        for (const [gap, length] of gaps) {
          at += gap + 1;
          list.push({ start: at, end: at + length, code: 'x', numeric: false, via: 'symbolic', exactKey: false, http: false, wholeString: false, group: 0 });
          at += length;
        }
        const table = tableOf(list);
        const containing = list.findIndex((o) => o.start <= offset && offset <= o.end);
        const index = table.indexAt(offset);
        if (containing < 0) assert.equal(index, -1);
        else assert.ok(list[index].start <= offset && offset <= list[index].end);
        const lower = list.findIndex((o) => o.start >= offset);
        assert.equal(table.lowerBound(offset), lower < 0 ? list.length : lower);
      }),
    );
  });

  it('splices like arrays do, moving later occurrences and renumbering new groups', () => {
    fc.assert(
      fc.property(fc.array(occurrence, { maxLength: 80 }), fc.array(occurrence, { maxLength: 20 }), fc.nat(100), fc.nat(100), fc.integer({ min: -50, max: 50 }), fc.nat(30), (list, added, a, b, delta, groupOffset) => {
        const lo = Math.min(a, b, list.length);
        const hi = Math.min(Math.max(a, b), list.length);
        const expected = [
          ...list.slice(0, lo),
          ...added.map((o) => ({ ...o, group: o.group > 0 ? o.group + groupOffset : 0 })),
          ...list.slice(hi).map((o) => ({ ...o, start: o.start + delta, end: o.end + delta })),
        ];
        assert.deepEqual(tableOf(list).splice(lo, hi, tableOf(added), delta, groupOffset).toArray(), expected);
      }),
    );
  });
});

describe('group table', () => {
  // A model: plain objects, hint keys in the order they were added.
  const op = fc.oneof(
    fc.record({ add: fc.constantFrom('object', 'switch', 'line' as const), parent: fc.nat(40) }),
    fc.record({ hint: fc.nat(40), key: fc.constantFrom('trx_id', 'log_id', 'facegallery_id') }),
  );
  type Model = { kind: string; parent: number; hintKeys: string[] }[];
  function build(ops: ({ add: string; parent: number } | { hint: number; key: string })[]) {
    const groups = new Groups(1);
    groups.add('block', -1);
    const model: Model = [{ kind: 'block', parent: -1, hintKeys: [] }];
    for (const o of ops) {
      if ('add' in o) {
        const parent = o.parent % model.length;
        assert.equal(groups.add(o.add as 'object', parent), model.length);
        model.push({ kind: o.add, parent, hintKeys: [] });
      } else {
        const g = o.hint % model.length;
        groups.addHintKey(g, o.key);
        model[g].hintKeys.push(o.key);
      }
    }
    return { groups, model };
  }
  const view = (groups: Groups): Model => Array.from({ length: groups.length }, (_, g) => ({ kind: groups.kind(g), parent: groups.parent(g), hintKeys: groups.hintKeys(g) }));

  it('keeps kinds, parents and hint keys in order, through growth', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const { groups, model } = build(ops);
        assert.deepEqual(view(groups), model);
      }),
    );
  });

  it('concatenates another table from a group on, moving its ids and keeping shared parents', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.array(op, { maxLength: 60 }), (a, b) => {
        const first = build(a);
        const second = build(b);
        const shift = first.model.length - 1;
        const expected = [...first.model, ...second.model.slice(1).map((g) => ({ ...g, parent: g.parent >= 1 ? g.parent + shift : g.parent }))];
        const joined = first.groups.concat(second.groups, 1);
        assert.deepEqual(view(joined), expected);
        // The joined table is still growable: a key added afterwards lands on its group only.
        joined.addHintKey(joined.length - 1, 'log_id');
        assert.deepEqual(joined.hintKeys(joined.length - 1), [...expected[expected.length - 1].hintKeys, 'log_id']);
      }),
    );
  });
});
