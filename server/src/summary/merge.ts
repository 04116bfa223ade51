/**
 * Chunk results, merged in file order, become the summary. The vendor of each bucket is decided at the end with the
 * whole file's document evidence — hint keys anywhere, hint strings in the first 1 MB and last 256 KB (all of a small
 * file), the first 200 single-vendor codes that count as evidence — exactly as the editor resolves the same text (see analysis.ts).
 */
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { documentEvidence, HINT_WINDOW, rankEntries } from '../service/analysis';
import { MAX_SAMPLES, type Bucket, type ChunkResult, type LogSummary, type SummaryCode, type SummaryHistogram, type SummaryVendor } from './types';

/** Distinct minutes kept for the histogram (about 70 days at one per minute). */
const MAX_MINUTES = 100_000;
/** Codes drawn as their own series in the histogram; the rest are in the total. */
const TOP_SERIES = 8;

interface Merged extends Omit<Bucket, 'minutes'> {
  minutes: Map<number, number>;
}

export class SummaryBuilder {
  private lines = 0;
  private chars = 0;
  private occurrences = 0;
  private readonly buckets = new Map<string, Merged>();
  private readonly hintKeys = new Map<string, number>();
  private readonly distinct: { code: string; numeric: boolean }[] = [];
  private readonly distinctSeen = new Set<string>();
  /** Per hint string: its first start and last start, in characters from the start of the file. */
  private readonly hintStrings = new Map<string, [number, number]>();
  private minutesTruncated = false;
  private next = 0;
  private readonly waiting = new Map<number, ChunkResult>();

  constructor(private readonly registry: Registry, private readonly settings: Settings) {}

  /** Adds a chunk's result; results may arrive in any order and are merged in chunk order. */
  add(result: ChunkResult): void {
    this.waiting.set(result.index, result);
    for (let r = this.waiting.get(this.next); r; r = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.merge(r);
      this.next++;
    }
  }

  /** Chunks merged so far (all chunks before this index). */
  get merged(): number {
    return this.next;
  }

  private merge(r: ChunkResult): void {
    const lineBase = this.lines;
    for (const b of r.buckets) {
      let m = this.buckets.get(b.key);
      if (!m) {
        m = { ...b, firstLine: b.firstLine + lineBase, lastLine: b.lastLine + lineBase, samples: b.samples.map((s) => ({ line: s.line + lineBase, text: s.text })), minutes: new Map() };
        this.buckets.set(b.key, m);
      } else {
        m.count += b.count;
        m.firstLine = Math.min(m.firstLine, b.firstLine + lineBase);
        m.lastLine = Math.max(m.lastLine, b.lastLine + lineBase);
        for (const s of b.samples) if (m.samples.length < MAX_SAMPLES) m.samples.push({ line: s.line + lineBase, text: s.text });
        if (b.minTime !== null && (m.minTime === null || b.minTime < m.minTime)) m.minTime = b.minTime;
        if (b.maxTime !== null && (m.maxTime === null || b.maxTime > m.maxTime)) m.maxTime = b.maxTime;
      }
      for (const [minute, n] of b.minutes) {
        const had = m.minutes.get(minute);
        if (had !== undefined) m.minutes.set(minute, had + n);
        else if (m.minutes.size < MAX_MINUTES) m.minutes.set(minute, n);
        else this.minutesTruncated = true;
      }
    }
    for (const [key, n] of r.hintKeys) this.hintKeys.set(key, (this.hintKeys.get(key) ?? 0) + n);
    for (const d of r.distinct) {
      if (this.distinctSeen.has(d.code)) continue;
      this.distinctSeen.add(d.code);
      this.distinct.push(d);
    }
    for (const [needle, first, last] of r.hintStrings) {
      const had = this.hintStrings.get(needle);
      if (had) had[1] = last + this.chars;
      else this.hintStrings.set(needle, [first + this.chars, last + this.chars]);
    }
    this.lines += r.lines;
    this.chars += r.chars;
    this.occurrences += r.occurrences;
  }

  /** The summary of everything merged so far. `lines` counts a last line without a line break. */
  finish(meta: Pick<LogSummary, 'file' | 'size' | 'mtimeMs' | 'gzip' | 'bytes' | 'elapsedMs' | 'changed'>, lastLineOpen: boolean): LogSummary {
    const { registry, settings } = this;
    const total = this.chars;
    const hasHintString = (needle: string) => {
      const at = this.hintStrings.get(needle);
      if (!at) return false;
      if (total <= HINT_WINDOW.head + HINT_WINDOW.tail) return true;
      return at[0] + needle.length <= HINT_WINDOW.head || at[1] >= total - HINT_WINDOW.tail;
    };
    const doc = documentEvidence(this.hintKeys, hasHintString, this.distinct, registry, settings);
    const byCode = new Map<string, SummaryCode & { minuteMap: Map<number, number>; minTime: number | null; maxTime: number | null }>();
    for (const b of this.buckets.values()) {
      const resolution = rankEntries({ code: b.code, numeric: b.numeric, http: b.http, via: b.via, inSwitch: false }, { hints: new Map(b.hints), unique: new Map(b.unique) }, doc, registry, settings);
      const best = resolution.candidates[0];
      const vendor = best?.vendor ?? 'unknown';
      const id = `${vendor}\u0000${b.code}`;
      let c = byCode.get(id);
      if (!c) {
        c = { code: b.code, vendor, title: best?.title, name: best?.name && best.name !== b.code ? best.name : undefined, description: best?.description, count: 0, firstLine: b.firstLine, lastLine: b.lastLine, samples: [], minuteMap: new Map(), minTime: null, maxTime: null };
        byCode.set(id, c);
      }
      c.count += b.count;
      c.firstLine = Math.min(c.firstLine, b.firstLine);
      c.lastLine = Math.max(c.lastLine, b.lastLine);
      c.samples.push(...b.samples);
      if (b.minTime !== null && (c.minTime === null || b.minTime < c.minTime)) c.minTime = b.minTime;
      if (b.maxTime !== null && (c.maxTime === null || b.maxTime > c.maxTime)) c.maxTime = b.maxTime;
      for (const [minute, n] of b.minutes) c.minuteMap.set(minute, (c.minuteMap.get(minute) ?? 0) + n);
    }
    const vendors = new Map<string, SummaryVendor>();
    for (const c of byCode.values()) {
      let v = vendors.get(c.vendor);
      if (!v) vendors.set(c.vendor, (v = { id: c.vendor, displayName: c.vendor === 'unknown' ? 'Unknown codes' : registry.displayName(c.vendor), count: 0, codes: [] }));
      v.count += c.count;
      const seenLines = new Set<number>();
      const samples = c.samples.sort((a, b) => a.line - b.line).filter((s) => !seenLines.has(s.line) && (seenLines.add(s.line), true)).slice(0, MAX_SAMPLES);
      v.codes.push({
        code: c.code,
        vendor: c.vendor,
        title: c.title,
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        count: c.count,
        firstLine: c.firstLine,
        lastLine: c.lastLine,
        firstTime: c.minTime === null ? undefined : new Date(c.minTime).toISOString(),
        lastTime: c.maxTime === null ? undefined : new Date(c.maxTime).toISOString(),
        samples,
      });
    }
    const sortedVendors = [...vendors.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
    for (const v of sortedVendors) v.codes.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    const documentVendors = [...doc.entries()].filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
    return {
      ...meta,
      lines: this.lines + (lastLineOpen ? 1 : 0),
      occurrences: this.occurrences,
      vendors: sortedVendors,
      histogram: histogram([...byCode.values()], this.minutesTruncated),
      documentVendors,
    };
  }
}

function histogram(codes: { vendor: string; code: string; count: number; minuteMap: Map<number, number> }[], truncated: boolean): SummaryHistogram {
  const totals = new Map<number, number>();
  for (const c of codes) for (const [m, n] of c.minuteMap) totals.set(m, (totals.get(m) ?? 0) + n);
  const minuteList = [...totals.keys()].sort((a, b) => a - b);
  const index = new Map(minuteList.map((m, i) => [m, i]));
  const top = codes.filter((c) => c.minuteMap.size).sort((a, b) => b.count - a.count).slice(0, TOP_SERIES);
  return {
    minutes: minuteList.map((m) => m * 60000),
    total: minuteList.map((m) => totals.get(m)!),
    series: top.map((c) => {
      const counts = new Array<number>(minuteList.length).fill(0);
      for (const [m, n] of c.minuteMap) counts[index.get(m)!] = n;
      return { vendor: c.vendor, code: c.code, counts };
    }),
    truncated,
    untimed: codes
      .map((c) => {
        let timed = 0;
        for (const n of c.minuteMap.values()) timed += n;
        return { vendor: c.vendor, code: c.code, count: c.count - timed };
      })
      .filter((u) => u.count > 0)
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
  };
}
