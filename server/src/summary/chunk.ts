/**
 * One chunk of whole lines: decode, scan with the editor's log scanner, and fold the occurrences into buckets whose
 * vendor can be decided later, once the whole file's document evidence is known (see Bucket). Runs in a worker.
 */
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { groupEvidence, scanContext, uniqueVendorOf } from '../service/analysis';
import { HTTP, NUMERIC } from '../service/occurrences';
import { scanLog } from '../service/scanLog';
import { lineTimestamp } from './timestamps';
import { MAX_SAMPLES, SAMPLE_CHARS, type Bucket, type ChunkResult } from './types';

/** Distinct minutes recorded per bucket and chunk; a chunk of a few MB spans far fewer in any real log. */
const MAX_MINUTES_PER_BUCKET = 4096;

export interface ChunkEnv {
  registry: Registry;
  settings: Settings;
  /** Year for syslog timestamps, which carry none. */
  syslogYear: number;
}

/** Lone CRs end lines as LF does (same length, so offsets stay); the scanner itself splits on LF. */
export function normalizeLineBreaks(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r(?!\n)/g, '\n');
}

/**
 * Summarizes chunk `index`: UTF-8 bytes of whole lines (the last one may lack its line break). `searchHints: false`
 * when the chunk lies outside the hint-string window (the reader knows from its position in the file).
 */
export function summarizeChunk(bytes: Uint8Array, index: number, env: ChunkEnv, searchHints = true): ChunkResult {
  const { registry, settings } = env;
  const text = normalizeLineBreaks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  const result = scanLog(text, scanContext(registry, settings));
  const occ = result.occurrences;
  const groups = result.groups;
  const strings = occ.strings;
  const unique = uniqueVendorOf(registry, settings);
  type ChunkBucket = Bucket & { minuteMap: Map<number, number> };
  const buckets: ChunkBucket[] = [];
  // Buckets by their inputs, in two levels with small-integer keys (evidence and flags, then the code's id): one key
  // made of all three is no small integer, and hashing it cost a heap number per occurrence.
  const byInputs = new Map<number, (ChunkBucket | undefined)[]>();
  let lastInputs = -1;
  let lastRow: (ChunkBucket | undefined)[] = [];
  const evidenceIds = new Map<string, number>();
  const evidenceOf: { hints: [string, number][]; unique: [string, number][]; key: string }[] = [{ hints: [], unique: [], key: '' }];

  let line = 0;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  let timeLine = -1;
  let time = NaN;
  // The current run of occurrences on one line group (a line's occurrences are contiguous: sorted by start).
  let runGroup = -1;
  let runEvidence = 0;
  for (let i = 0; i < occ.length; i++) {
    const start = occ.starts[i];
    while (nextBreak >= 0 && nextBreak < start) {
      line++;
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    const codeId = occ.codes[i];
    const flags = occ.flags[i];
    const http = (flags & HTTP) !== 0;
    const numeric = (flags & NUMERIC) !== 0;
    let evidence = 0;
    {
      const group = occ.groups[i];
      if (group > 0) {
        if (group !== runGroup) {
          runGroup = group;
          let begin = i;
          while (begin > 0 && occ.groups[begin - 1] === group) begin--;
          let end = i;
          while (end < occ.length && occ.groups[end] === group) end++;
          // A line's evidence depends only on its hint keys and the single-vendor codes on it: equal inputs share it.
          let inputs = groups.hintKeys(group).join(',') + '|';
          for (let k = begin; k < end; k++) {
            const v = unique.get(strings[occ.codes[k]]);
            if (v) inputs += v + ',';
          }
          let id = evidenceIds.get(inputs);
          if (id === undefined) {
            const members: { code: string; numeric: boolean }[] = [];
            for (let k = begin; k < end; k++) members.push({ code: strings[occ.codes[k]], numeric: (occ.flags[k] & NUMERIC) !== 0 });
            const ev = groupEvidence(groups, group, members, registry, settings);
            const hints = [...ev.hints].sort((a, b) => (a[0] < b[0] ? -1 : 1));
            const uniqueCounts = [...ev.unique].sort((a, b) => (a[0] < b[0] ? -1 : 1));
            id = evidenceOf.length;
            evidenceIds.set(inputs, id);
            evidenceOf.push({ hints, unique: uniqueCounts, key: JSON.stringify([hints, uniqueCounts]) });
          }
          runEvidence = id;
        }
        evidence = runEvidence;
      }
    }
    // Flags hold numeric, HTTP and how the place was found (ranking reads them all); 8 bits.
    const bucketInputs = evidence * 256 + flags;
    if (bucketInputs !== lastInputs) {
      lastInputs = bucketInputs;
      let row = byInputs.get(bucketInputs);
      if (!row) byInputs.set(bucketInputs, (row = []));
      lastRow = row;
    }
    if (line !== timeLine) {
      timeLine = line;
      time = lineTimestamp(text, lineStart, nextBreak < 0 ? text.length : nextBreak, env.syslogYear);
    }
    let b = lastRow[codeId];
    if (!b) {
      const code = strings[codeId];
      const ev = evidenceOf[evidence];
      const via = occ.at(i).via;
      b = { code, http, numeric, via, hints: ev.hints, unique: ev.unique, key: `${code}\u0000${flags}\u0000${ev.key}`, count: 0, firstLine: line, lastLine: line, minTime: null, maxTime: null, samples: [], minutes: [], minuteMap: new Map() };
      lastRow[codeId] = b;
      buckets.push(b);
    }
    b.count++;
    b.lastLine = line;
    if (b.samples.length < MAX_SAMPLES && (b.samples.length === 0 || b.samples[b.samples.length - 1].line !== line)) {
      const end = nextBreak < 0 ? text.length : nextBreak;
      b.samples.push({ line, text: text.slice(lineStart, Math.min(end, lineStart + SAMPLE_CHARS)).replace(/\r$/, '') });
    }
    if (!Number.isNaN(time)) {
      if (b.minTime === null || time < b.minTime) b.minTime = time;
      if (b.maxTime === null || time > b.maxTime) b.maxTime = time;
      const minute = Math.floor(time / 60000);
      const n = b.minuteMap.get(minute);
      if (n !== undefined) b.minuteMap.set(minute, n + 1);
      else if (b.minuteMap.size < MAX_MINUTES_PER_BUCKET) b.minuteMap.set(minute, 1);
    }
  }
  // The rest of the chunk's line breaks.
  while (nextBreak >= 0) {
    line++;
    nextBreak = text.indexOf('\n', nextBreak + 1);
  }

  const distinct = uniqueCodesInOrder(occ.codes, occ.length, strings, unique);
  let lower: string | undefined;
  const hintStrings: [string, number, number][] = [];
  for (const { needle } of searchHints ? registry.hintStrings : []) {
    lower ??= text.toLowerCase();
    const first = lower.indexOf(needle);
    if (first >= 0) hintStrings.push([needle, first, lower.lastIndexOf(needle)]);
  }
  return {
    index,
    lines: line,
    chars: text.length,
    occurrences: occ.length,
    buckets: buckets.map(({ minuteMap, ...b }) => ({ ...b, minutes: [...minuteMap] })),
    hintKeys: [...result.docHintKeys],
    distinct,
    hintStrings,
  };
}

/**
 * The distinct codes that exactly one enabled vendor defines, in order of first appearance (at most the registry's
 * tokens). Not cut at MAX_UNIQUE_CODES: the document's evidence counts only some of them (see analysis.ts).
 */
function uniqueCodesInOrder(codes: Int32Array, length: number, strings: string[], unique: ReadonlyMap<string, string>): { code: string; numeric: boolean }[] {
  const seen = new Uint8Array(strings.length);
  const out: { code: string; numeric: boolean }[] = [];
  for (let i = 0; i < length; i++) {
    const id = codes[i];
    if (seen[id]) continue;
    seen[id] = 1;
    const code = strings[id];
    if (unique.has(code)) out.push({ code, numeric: code.charCodeAt(0) >= 48 && code.charCodeAt(0) <= 57 });
  }
  return out;
}
