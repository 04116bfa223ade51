/**
 * Context groups stored by column, like the occurrences: a log has a group for every line that names a vendor hint
 * key, hundreds of thousands in a big one, and an object plus an array for each was most of the scanner's garbage.
 * A group's hint keys are a linked list through two arrays, so adding a key to an older group (a JSON object whose
 * keys arrive between its children's) allocates nothing.
 */
import { grown, StringIds } from './occurrences';
import type { GroupKind, SwitchShape } from './occurrenceTypes';

const KINDS: readonly GroupKind[] = ['block', 'object', 'switch', 'line'];
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]));

const NO_SWITCHES: ReadonlyMap<number, SwitchShape> = new Map();

export class Groups {
  length = 0;
  private kinds: Uint8Array;
  private parents: Int32Array;
  /** Per group: its most recently added hint entry, or -1. */
  private lastHint: Int32Array;
  /** Per hint entry: the key's id, and the group's previous entry (or -1). */
  private hintKey: Int32Array;
  private previousHint: Int32Array;
  private hints = 0;
  /** Hint keys. Shared with the tables `concat` derives from this one. */
  private readonly keys: StringIds;
  /** Where each closed `switch` group's parts are; few per file, so a map rather than columns. */
  private switches?: Map<number, SwitchShape>;

  constructor(capacity = 16, keys = new StringIds()) {
    this.kinds = new Uint8Array(capacity);
    this.parents = new Int32Array(capacity);
    this.lastHint = new Int32Array(capacity);
    this.hintKey = new Int32Array(capacity);
    this.previousHint = new Int32Array(capacity);
    this.keys = keys;
  }

  /** A new group; returns its id. */
  add(kind: GroupKind, parent: number): number {
    const g = this.length;
    if (g === this.kinds.length) {
      const capacity = Math.max(16, g * 2);
      this.kinds = grown(this.kinds, capacity);
      this.parents = grown(this.parents, capacity);
      this.lastHint = grown(this.lastHint, capacity);
    }
    this.kinds[g] = KIND_INDEX.get(kind)!;
    this.parents[g] = parent;
    this.lastHint[g] = -1;
    this.length = g + 1;
    return g;
  }

  addHintKey(group: number, key: string): void {
    this.addHintKeyId(group, this.keys.id(key));
  }

  /** The id `addHintKeyId` takes for a key: a scanner that meets the same key often asks once. */
  hintKeyId(key: string): number {
    return this.keys.id(key);
  }

  addHintKeyId(group: number, keyId: number): void {
    const h = this.hints;
    if (h === this.hintKey.length) {
      this.hintKey = grown(this.hintKey, Math.max(16, h * 2));
      this.previousHint = grown(this.previousHint, Math.max(16, h * 2));
    }
    this.hintKey[h] = keyId;
    this.previousHint[h] = this.lastHint[group];
    this.lastHint[group] = h;
    this.hints = h + 1;
  }

  setSwitch(group: number, shape: SwitchShape): void {
    (this.switches ??= new Map()).set(group, shape);
  }

  /** The shape of a `switch` group whose body was closed, by group id. */
  switchShapes(): ReadonlyMap<number, SwitchShape> {
    return this.switches ?? NO_SWITCHES;
  }

  kind(group: number): GroupKind {
    return KINDS[this.kinds[group]];
  }

  parent(group: number): number {
    return this.parents[group];
  }

  /** The group's hint keys, in the order they were added. */
  hintKeys(group: number): string[] {
    const out: string[] = [];
    for (let h = this.lastHint[group]; h >= 0; h = this.previousHint[h]) out.push(this.keys.strings[this.hintKey[h]]);
    return out.reverse();
  }

  /**
   * These groups followed by `other`'s from `from` on (their ids move up by this.length - from; parents below `from`
   * are shared, like the block every log line belongs to). A new table; this one must not be used afterwards.
   */
  concat(other: Groups, from: number): Groups {
    const shift = this.length - from;
    const out = new Groups(Math.max(16, this.length + other.length - from), this.keys);
    out.kinds.set(this.kinds.subarray(0, this.length));
    out.parents.set(this.parents.subarray(0, this.length));
    out.lastHint.set(this.lastHint.subarray(0, this.length));
    out.hintKey = grown(this.hintKey, Math.max(16, this.hints + other.hints));
    out.previousHint = grown(this.previousHint, Math.max(16, this.hints + other.hints));
    out.hints = this.hints;
    out.length = this.length;
    for (let g = from; g < other.length; g++) {
      const parent = other.parents[g];
      const id = out.add(other.kind(g), parent >= from ? parent + shift : parent);
      for (const key of other.hintKeys(g)) out.addHintKey(id, key);
    }
    // Only logs are concatenated, and they have no switches; carried anyway so no table loses them.
    for (const [g, shape] of this.switches ?? []) out.setSwitch(g, shape);
    for (const [g, shape] of other.switches ?? []) if (g >= from) out.setSwitch(g + shift, shape);
    return out;
  }
}
