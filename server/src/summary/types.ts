/** The log summary's data: what a chunk's scan reports (worker → reader), and the finished summary (server → client). */
import type { RawOccurrence } from '../service/scanTypes';

/** A line of the log: 0-based line number and its text (cut to SAMPLE_CHARS). */
export interface SummarySample {
  line: number;
  text: string;
}

/** At most this many sample lines per code, each cut to this many characters. */
export const MAX_SAMPLES = 3;
export const SAMPLE_CHARS = 300;

/**
 * Occurrences of one code whose resolution inputs are equal: the code, its flags (numeric, HTTP position, how it was
 * found) and its line's evidence. The vendor is decided
 * once the whole file's document evidence is known.
 */
export interface Bucket {
  code: string;
  numeric: boolean;
  http: boolean;
  /** How the place was found (`key`, `access-log`, `symbolic`). */
  via: RawOccurrence['via'];
  /** The line's evidence, as [vendor, score] pairs. */
  hints: [string, number][];
  unique: [string, number][];
  /** `code`, `http` and the evidence, as one string: buckets of different chunks with equal keys merge. */
  key: string;
  count: number;
  firstLine: number;
  lastLine: number;
  /** Earliest and latest timestamp of its lines (epoch ms), or null when none carried one. */
  minTime: number | null;
  maxTime: number | null;
  samples: SummarySample[];
  /** [epoch minute, count] pairs. */
  minutes: [number, number][];
}

/** What scanning one chunk of whole lines found; line numbers are relative to the chunk. */
export interface ChunkResult {
  index: number;
  /** Line breaks in the chunk. */
  lines: number;
  /** Characters of the decoded chunk (the editor's offsets). */
  chars: number;
  occurrences: number;
  buckets: Bucket[];
  /** Vendor hint keys with their counts. */
  hintKeys: [string, number][];
  /** Codes only one vendor defines, in order of first appearance. */
  distinct: { code: string; numeric: boolean }[];
  /** Per hint string: first start and last start in the chunk's (lower-cased) text. */
  hintStrings: [string, number, number][];
}

export interface SummaryCode {
  code: string;
  vendor: string;
  /** The registry's title for the code, or undefined when no enabled vendor defines it. */
  title?: string;
  name?: string;
  /** The registry's description (plain text; the view shows it where the title only repeats the name). */
  description?: string;
  count: number;
  firstLine: number;
  lastLine: number;
  /** ISO-8601, when the lines carry timestamps. */
  firstTime?: string;
  lastTime?: string;
  samples: SummarySample[];
}

export interface SummaryVendor {
  /** Vendor id, or `unknown` for codes no enabled vendor defines. */
  id: string;
  displayName: string;
  count: number;
  codes: SummaryCode[];
}

/** Occurrences per minute: `minutes` (epoch ms, ascending) with the total and, for the top codes, each code's counts. */
export interface SummaryHistogram {
  minutes: number[];
  total: number[];
  series: { vendor: string; code: string; counts: number[] }[];
  /** Minutes beyond the cap were not recorded. */
  truncated: boolean;
  /** Per code, the occurrences not in `minutes` (their lines carry no timestamp we read), most first. */
  untimed: { vendor: string; code: string; count: number }[];
}

export interface LogSummary {
  file: string;
  /** Bytes on disk, and the file's modification time when the summary started. */
  size: number;
  mtimeMs: number;
  gzip: boolean;
  /** Bytes of log text scanned (after decompression). */
  bytes: number;
  lines: number;
  occurrences: number;
  vendors: SummaryVendor[];
  histogram: SummaryHistogram;
  /** Vendors the whole file points to, best first (the editor's document-level evidence). */
  documentVendors: string[];
  elapsedMs: number;
  /** Set when the file changed (size, modification time, identity) while it was read: the summary covers what was read. */
  changed?: string;
  /** Set when the file could be read only in part (a truncated gzip stream): why; the summary covers what was read. */
  incomplete?: string;
  /** Set when this is the summary of an earlier run over the same unchanged file. */
  cached?: boolean;
}

/** Progress of a running summary. */
export interface SummaryProgress {
  /** Bytes of the file on disk read and scanned so far, and the file's size. */
  done: number;
  total: number;
  elapsedMs: number;
}
