/**
 * Logs by inference (issue 26): which unnamed field of a file's lines holds statuses, learnt from the file itself.
 * Code keys (`status=`, `"status":`) and the known line shapes (the status after an access log's request line,
 * uWSGI, HAProxy) are rules of scanLog.ts; this module covers every other format whose lines carry a status column —
 * ALB/ELB, CloudFront, IIS W3C, CouchDB, nginx-proxy-manager and formats nobody listed — and never a number in another
 * column. It reads a sample of the file's lines, splits each into fields (quoted and bracketed fields are one field;
 * tab-separated files by tabs), and takes a field position as a status column when, over the sample:
 * - it holds a registered status on at least MIN_HITS lines and on at least HIT_SHARE of the lines that reach it;
 * - the values are not a counter (strictly increasing over most lines: Traefik's request count after the user agent);
 * - they are not mostly 1xx (a column of 100s is a time or a size: Envoy's upstream service time);
 * - the existing line-shape rules do not already find it (an access log's status after its request line).
 * A W3C `#Fields:` header names the column (`sc-status`) instead. What is inferred is compiled into one line pattern
 * per file, which the key-first scan runs beside its own (and which the terminal links, one line at a time, do not
 * use: they keep to keys and the known line shapes).
 */

/** Lines sampled from the head of the file (and as many from its middle when it is longer). */
export const SAMPLE_LINES = 2000;
/** Characters sampled at most, per part. */
const SAMPLE_CHARS = 512 * 1024;
/** A status column holds registered statuses on at least this many sampled lines… */
export const MIN_HITS = 3;
/** …and on at least this share of the sampled lines long enough to have the field. */
export const HIT_SHARE = 0.6;
/**
 * A column whose values rise by one from line to line this often, or (over five lines or more) rise at all this often,
 * is a counter.
 */
const COUNTER_SHARE = 0.9;
/** A column whose statuses are 1xx this often is no status column. */
const INFORMATIONAL_SHARE = 0.5;
/** Fields looked at per line. */
const MAX_FIELDS = 48;

export interface LogLayout {
  /** Field separator: spaces (quoted and bracketed fields kept whole) or tabs. */
  separator: 'space' | 'tab';
  /** 0-based field positions that hold statuses. */
  columns: number[];
  /** Where the layout came from: a W3C `#Fields:` header, or the values of the sample. */
  source: 'w3c' | 'values';
}

/** Field bounds of one line, [start, end) pairs relative to `from`; quotes of a quoted field are inside its bounds. */
export function splitFields(text: string, from: number, to: number, separator: 'space' | 'tab', out: number[] = []): number[] {
  out.length = 0;
  let i = from;
  if (separator === 'tab') {
    while (i <= to && out.length < MAX_FIELDS * 2) {
      let j = i;
      while (j < to && text.charCodeAt(j) !== 9) j++;
      out.push(i, j);
      i = j + 1;
    }
    return out;
  }
  while (i < to && out.length < MAX_FIELDS * 2) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    const start = i;
    if (c === 34 /* " */ || c === 91 /* [ */) {
      const close = c === 34 ? 34 : 93;
      i++;
      while (i < to && (c = text.charCodeAt(i)) !== close) i += c === 92 ? 2 : 1;
      i = Math.min(to, i + 1);
    }
    while (i < to && (c = text.charCodeAt(i)) !== 32 && c !== 9) i++;
    out.push(start, i);
  }
  return out;
}

/** The 3-digit number a field is (`200`, or quoted `"200"`), or -1. */
function fieldNumber(text: string, s: number, e: number): number {
  if (e - s === 5 && text.charCodeAt(s) === 34 && text.charCodeAt(e - 1) === 34) {
    s++;
    e--;
  }
  if (e - s !== 3) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Is the field right before field `f` an access log's request line, whose status scanLog already finds? */
function afterRequestLine(text: string, fields: number[], f: number): boolean {
  if (f === 0) return false;
  const s = fields[2 * f - 2];
  const e = fields[2 * f - 1];
  return text.charCodeAt(e - 1) === 34 && /HTTP\/[0-9.]+"$|^"-"$/.test(text.slice(Math.max(s, e - 12), e));
}

/** The lines of the sample: the head, and the middle of a long file. */
function* sampleLines(text: string): Generator<[number, number]> {
  const parts = text.length > 2 * SAMPLE_CHARS ? [0, text.indexOf('\n', text.length >> 1) + 1] : [0];
  for (const part of parts) {
    if (part < 0) continue;
    let lines = 0;
    let i = part;
    const limit = Math.min(text.length, part + SAMPLE_CHARS);
    while (i < limit && lines < SAMPLE_LINES) {
      let e = text.indexOf('\n', i);
      if (e < 0) e = text.length;
      let end = e;
      if (end > i && text.charCodeAt(end - 1) === 13) end--;
      if (end > i) {
        lines++;
        yield [i, end];
      }
      i = e + 1;
    }
  }
}

/** Infers a log's status columns, or undefined when its lines have none beyond what the rules find. */
export function inferLogLayout(text: string, isStatus: (code: number) => boolean): LogLayout | undefined {
  let tabs = 0;
  let lines = 0;
  let w3c: string[] | undefined;
  for (const [s, e] of sampleLines(text)) {
    if (text.charCodeAt(s) === 35 /* # */) {
      if (text.startsWith('#Fields:', s)) w3c = text.slice(s + 8, e).trim().split(/\s+/);
      continue;
    }
    lines++;
    // Within the line only: an indexOf over the rest of a 10 MB text per sampled line cost more than the scan.
    for (let i = s; i < e; i++) {
      if (text.charCodeAt(i) === 9) {
        tabs++;
        break;
      }
    }
  }
  if (!lines) return undefined;
  const separator = tabs > lines / 2 ? 'tab' : 'space';
  if (w3c) {
    const columns = w3c.flatMap((name, i) => (name === 'sc-status' ? [i] : []));
    if (columns.length) return { separator, columns, source: 'w3c' };
  }
  const hits = new Int32Array(MAX_FIELDS);
  const reach = new Int32Array(MAX_FIELDS);
  const known = new Int32Array(MAX_FIELDS);
  const rises = new Int32Array(MAX_FIELDS);
  const steps = new Int32Array(MAX_FIELDS);
  const last = new Int32Array(MAX_FIELDS).fill(-1);
  const informational = new Int32Array(MAX_FIELDS);
  const fields: number[] = [];
  for (const [s, e] of sampleLines(text)) {
    if (text.charCodeAt(s) === 35) continue;
    splitFields(text, s, e, separator, fields);
    const count = fields.length / 2;
    for (let f = 0; f < count; f++) {
      reach[f]++;
      const v = fieldNumber(text, fields[2 * f], fields[2 * f + 1]);
      if (v < 0 || !isStatus(v)) continue;
      hits[f]++;
      if (v < 200) informational[f]++;
      if (last[f] >= 0 && v > last[f]) rises[f]++;
      if (last[f] >= 0 && v === last[f] + 1) steps[f]++;
      last[f] = v;
      if (afterRequestLine(text, fields, f)) known[f]++;
    }
  }
  const columns: number[] = [];
  for (let f = 0; f < MAX_FIELDS; f++) {
    if (hits[f] < MIN_HITS || hits[f] < HIT_SHARE * reach[f]) continue;
    const pairs = hits[f] - 1;
    if (steps[f] >= 2 && steps[f] >= COUNTER_SHARE * pairs) continue;
    if (hits[f] >= 5 && rises[f] >= COUNTER_SHARE * pairs) continue;
    if (known[f] >= 0.95 * hits[f]) continue;
    // Informational statuses are never most of what a server answers: a column of 100s is a time or a size
    // (Envoy's upstream service time after the duration).
    if (informational[f] >= INFORMATIONAL_SHARE * hits[f]) continue;
    columns.push(f);
  }
  return columns.length ? { separator, columns, source: 'values' } : undefined;
}
