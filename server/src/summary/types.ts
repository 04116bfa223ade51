/** The log summary's data: what a chunk's scan reports (worker → reader), and the finished summary (server → client). */
import type { LogSummary, SummaryCode, SummaryHistogram, SummaryProgress, SummarySample, SummaryVendor } from '../protocol';
import type { RawOccurrence } from '../service/scanTypes';

export type { LogSummary, SummaryCode, SummaryHistogram, SummaryProgress, SummarySample, SummaryVendor };

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

