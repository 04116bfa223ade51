/**
 * Occurrences stored by column. A big log holds hundreds of thousands of them: as objects they cost about 100 bytes
 * each and most of the scanner's garbage-collection time; as typed arrays they cost 21 bytes each, and moving the
 * ones after an edit is a loop over one array. `at(i)` builds the object form for callers that want one.
 */
import type { RawOccurrence, Via } from './occurrenceTypes';

/** Bits of the flags column; `via` is stored above them (see viaFlags). */
export const NUMERIC = 1;
export const EXACT_KEY = 2;
export const HTTP = 4;
export const WHOLE_STRING = 8;
const VIA_SHIFT = 4;
const VIAS: readonly Via[] = ['key', 'compare', 'call', 'case', 'access-log', 'symbolic', 'assert', 'list', 'constant', 'comment'];
const VIA_INDEX = new Map(VIAS.map((v, i) => [v, i]));
const VIA_SYMBOLIC = VIA_INDEX.get('symbolic')!;
const VIA_COMMENT = VIA_INDEX.get('comment')!;

export function viaFlags(via: Via): number {
  return VIA_INDEX.get(via)! << VIA_SHIFT;
}

/** The flags column's value for an occurrence. */
export function occurrenceFlags(numeric: boolean, via: Via, exactKey: boolean, http: boolean, wholeString: boolean): number {
  return (numeric ? NUMERIC : 0) | (exactKey ? EXACT_KEY : 0) | (http ? HTTP : 0) | (wholeString ? WHOLE_STRING : 0) | viaFlags(via);
}

/**
 * Strings by id, each distinct one once: the codes and keys of an occurrence table, the hint keys of a group table.
 * A table derived from another (an incremental rescan's) shares its ids, so ids stay valid across them.
 */
export class StringIds {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The id of a string seen before, without adding it. */
  find(s: string): number | undefined {
    return this.ids.get(s);
  }
}

export class Occurrences implements Iterable<RawOccurrence> {
  length = 0;
  starts: Int32Array;
  ends: Int32Array;
  /** Index into `strings`; -1 for no key. */
  codes: Int32Array;
  keys: Int32Array;
  groups: Int32Array;
  flags: Uint8Array;
  /** Codes and keys. Shared with the tables an incremental rescan derives from this one. */
  readonly ids: StringIds;

  constructor(capacity = 16, ids = new StringIds()) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.codes = new Int32Array(capacity);
    this.keys = new Int32Array(capacity);
    this.groups = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.ids = ids;
  }

  /** The code or key string with this id. */
  get strings(): string[] {
    return this.ids.strings;
  }

  /** The id of a code or key string. */
  id(s: string): number {
    return this.ids.id(s);
  }

  add(start: number, end: number, code: number, key: number, flags: number, group: number): void {
    const i = this.length;
    if (i === this.starts.length) this.grow(Math.max(16, i * 2));
    this.starts[i] = start;
    this.ends[i] = end;
    this.codes[i] = code;
    this.keys[i] = key;
    this.flags[i] = flags;
    this.groups[i] = group;
    this.length = i + 1;
  }

  push(o: RawOccurrence): void {
    this.add(o.start, o.end, this.id(o.code), o.key === undefined ? -1 : this.id(o.key), occurrenceFlags(o.numeric, o.via, o.exactKey, o.http, o.wholeString), o.group);
  }

  code(i: number): string {
    return this.strings[this.codes[i]];
  }
  numeric(i: number): boolean {
    return (this.flags[i] & NUMERIC) !== 0;
  }
  via(i: number): Via {
    return VIAS[this.flags[i] >> VIA_SHIFT];
  }
  /** A symbolic code outside a code position, in a comment or not. */
  symbolic(i: number): boolean {
    const via = this.flags[i] >> VIA_SHIFT;
    return via === VIA_SYMBOLIC || via === VIA_COMMENT;
  }
  wholeString(i: number): boolean {
    return (this.flags[i] & WHOLE_STRING) !== 0;
  }
  http(i: number): boolean {
    return (this.flags[i] & HTTP) !== 0;
  }
  /** The code key or constant name of occurrence i, if it has one. */
  key(i: number): string | undefined {
    const key = this.keys[i];
    return key >= 0 ? this.strings[key] : undefined;
  }

  /** Occurrence i as an object (a fresh one each call). */
  at(i: number): RawOccurrence {
    const f = this.flags[i];
    const key = this.keys[i];
    return {
      start: this.starts[i],
      end: this.ends[i],
      code: this.strings[this.codes[i]],
      numeric: (f & NUMERIC) !== 0,
      via: VIAS[f >> VIA_SHIFT],
      ...(key >= 0 ? { key: this.strings[key] } : {}),
      exactKey: (f & EXACT_KEY) !== 0,
      http: (f & HTTP) !== 0,
      wholeString: (f & WHOLE_STRING) !== 0,
      group: this.groups[i],
    };
  }

  *[Symbol.iterator](): Iterator<RawOccurrence> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toArray(): RawOccurrence[] {
    return [...this];
  }

  /** The first index whose occurrence starts at or after the offset. */
  lowerBound(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the occurrence whose range holds the offset (its end included), or -1. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] < offset) lo = mid + 1;
      else if (this.starts[mid] > offset) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Puts the occurrences in text order (stable: equal starts keep their order). */
  sortByStart(): void {
    const n = this.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = this.starts[i - 1] <= this.starts[i];
    if (sorted) return;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.starts[a] - this.starts[b] || a - b);
    const permute = <T extends Int32Array | Uint8Array>(column: T): T => {
      const out = column.slice(0, n) as T;
      for (let i = 0; i < n; i++) out[i] = column[order[i]];
      return out;
    };
    this.starts = permute(this.starts);
    this.ends = permute(this.ends);
    this.codes = permute(this.codes);
    this.keys = permute(this.keys);
    this.groups = permute(this.groups);
    this.flags = permute(this.flags);
  }

  /**
   * This table with [lo, hi) replaced by `added` (whose groups above 0 move up by `groupOffset`), and the occurrences
   * from hi on moved by `delta`. A new table; this one shares its strings with it and must not be used afterwards.
   */
  splice(lo: number, hi: number, added: Occurrences, delta: number, groupOffset: number): Occurrences {
    const n = this.length - (hi - lo) + added.length;
    const out = new Occurrences(Math.max(16, n), this.ids);
    const mid = lo + added.length;
    const copy = (from: Int32Array | Uint8Array, to: Int32Array | Uint8Array) => {
      to.set(from.subarray(0, lo), 0);
      to.set(from.subarray(hi, this.length), mid);
    };
    copy(this.starts, out.starts);
    copy(this.ends, out.ends);
    copy(this.codes, out.codes);
    copy(this.keys, out.keys);
    copy(this.groups, out.groups);
    copy(this.flags, out.flags);
    if (delta) {
      for (let k = mid; k < n; k++) {
        out.starts[k] += delta;
        out.ends[k] += delta;
      }
    }
    for (let k = 0; k < added.length; k++) {
      const i = lo + k;
      out.starts[i] = added.starts[k];
      out.ends[i] = added.ends[k];
      out.codes[i] = out.id(added.strings[added.codes[k]]);
      out.keys[i] = added.keys[k] < 0 ? -1 : out.id(added.strings[added.keys[k]]);
      out.flags[i] = added.flags[k];
      out.groups[i] = added.groups[k] > 0 ? added.groups[k] + groupOffset : 0;
    }
    out.length = n;
    return out;
  }

  private grow(capacity: number): void {
    this.starts = grown(this.starts, capacity);
    this.ends = grown(this.ends, capacity);
    this.codes = grown(this.codes, capacity);
    this.keys = grown(this.keys, capacity);
    this.groups = grown(this.groups, capacity);
    this.flags = grown(this.flags, capacity);
  }
}

/** A copy of a typed array with room for `capacity` elements. */
export function grown<T extends Int32Array | Uint8Array>(column: T, capacity: number): T {
  const next = new (column.constructor as new (n: number) => T)(capacity);
  next.set(column.subarray(0, Math.min(column.length, capacity)));
  return next;
}
