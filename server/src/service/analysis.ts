/**
 * One analysis per document version: scan once, then resolve each occurrence to ranked registry entries. Hover,
 * completion, diagnostics and code actions all read this value.
 */
import { lineEndOf, lineStartOf, nextLineStart, previousLineStart } from '../utils/lineBreaks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { vendorEnabled, type Settings } from '../settings';
import { constantNames, entriesNamed, nameKey } from './constants';
import { generatedBlocks } from './typedConstants';
import { CodeKeys } from './keys';
import { Occurrences } from './occurrences';
import { Groups } from './groups';
import type { OffsetEdit, RawOccurrence, ScanContext, ScanResult } from './scanTypes';

export { languageKind, type LanguageKind } from './languages';
import { findCodes } from './engine/walker';
import { logLayout, scanLog } from './scanLog';
import { languageKind, languageRow, type LanguageKind } from './languages';

/** How an occurrence resolves: candidate entries best first, and the vendors its context points to. */
export interface Resolution {
  /** Entries of enabled vendors that define the code, best first. */
  candidates: Entry[];
  /** Vendor that the occurrence's own context (sibling keys, its switch, an HTTP call) points to. */
  localVendor?: string;
  /** localVendor, or else the document's best vendor. */
  resolvedVendor?: string;
}

export type ResolvedOccurrence = RawOccurrence & Resolution;

export interface Analysis {
  uri: string;
  version: number;
  kind: LanguageKind;
  /** Every occurrence, in text order. Resolution is computed on demand (see resolve). */
  occurrences: Occurrences;
  /** Vendors the document points to, best first, with their evidence scores. */
  documentVendors: { vendor: string; score: number }[];
  groups: Groups;
  /** Occurrence i with its resolution; computed on first use and remembered. */
  resolve(index: number): ResolvedOccurrence;
  /** Occurrence i's best entry, without building its resolved object (the workspace index reads every one). */
  best(index: number): Entry | undefined;
  /** The text and scan this analysis was made from, so a log's next version can rescan only its edited lines. */
  scanned: { text: string; result: ScanResult };
}

/** Hint strings are looked for in the whole of small documents and in the head and tail of big ones. */
const HINT_WINDOW_HEAD = 1024 * 1024;
const HINT_WINDOW_TAIL = 256 * 1024;

/** Tokens defined by exactly one enabled vendor (token → vendor), per registry and vendor selection. */
const uniqueVendors = new WeakMap<Registry, Map<string, Map<string, string>>>();
export function uniqueVendorOf(registry: Registry, settings: Settings): Map<string, string> {
  let bySelection = uniqueVendors.get(registry);
  if (!bySelection) uniqueVendors.set(registry, (bySelection = new Map()));
  const id = JSON.stringify(settings.vendors);
  let map = bySelection.get(id);
  if (!map) {
    map = new Map();
    for (const token of [...registry.numericTokens, ...registry.symbolicTokens]) {
      const vendors = registry.lookup(token).filter((e) => vendorEnabled(settings, e.vendor));
      if (vendors.length === 1) map.set(token, vendors[0].vendor);
    }
    if (bySelection.size > 8) bySelection.clear();
    bySelection.set(id, map);
  }
  return map;
}

/** Per-registry, per-settings scan context; rebuilt only when either changes. */
const contexts = new WeakMap<Registry, Map<string, ScanContext>>();

export function scanContext(registry: Registry, settings: Settings): ScanContext {
  let byKeys = contexts.get(registry);
  if (!byKeys) contexts.set(registry, (byKeys = new Map()));
  const id = settings.codeKeys.join('\n');
  let ctx = byKeys.get(id);
  if (!ctx) {
    ctx = { codeKeys: new CodeKeys(settings.codeKeys), isSymbolic: (t) => registry.has(t), hintKeys: registry.hintKeys, names: constantNames(registry) };
    if (byKeys.size > 8) byKeys.clear();
    byKeys.set(id, ctx);
  }
  return ctx;
}

/** Scans a document by its language's row: a scanner of its own, or its tokenizer and the code-position engine. */
export function scan(kind: LanguageKind, text: string, ctx: ScanContext): ScanResult {
  const row = languageRow(kind);
  if (!row.scan) return findCodes(text, row.tokenize!(text), ctx, row);
  return row.scan(text, ctx, (source) => {
    const ts = languageRow('ts');
    return findCodes(source, ts.tokenize!(source), ctx, ts);
  });
}

function add(map: Map<string, number>, vendor: string, score: number): void {
  map.set(vendor, (map.get(vendor) ?? 0) + score);
}

/** The best-scoring vendor; ties go to the smaller id, so the answer does not depend on the order evidence came in. */
function top(map: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const [v, s] of map ?? []) {
    if (s > bestScore || (s === bestScore && best !== undefined && v < best)) {
      best = v;
      bestScore = s;
    }
  }
  return best;
}

/** Vendors that publish string codes only (AILabTools) still answer with HTTP statuses; those count as theirs. */
const statusSets = new WeakMap<Registry, Map<string, Set<string>>>();
export function vendorStatuses(registry: Registry, vendor: string): Set<string> {
  let byVendor = statusSets.get(registry);
  if (!byVendor) statusSets.set(registry, (byVendor = new Map()));
  let set = byVendor.get(vendor);
  if (!set) {
    set = new Set();
    const entries = registry.vendors.get(vendor)?.entries ?? [];
    if (!entries.some((e) => /^\d+$/.test(e.code))) {
      for (const e of entries) if (e.httpStatus !== undefined) set.add(String(e.httpStatus));
    }
    byVendor.set(vendor, set);
  }
  return set;
}

/** Does the vendor define this code, directly or as one of the HTTP statuses it answers with? */
export function vendorDefines(registry: Registry, vendor: string, code: string): boolean {
  return !!registry.entry(vendor, code) || (/^\d+$/.test(code) && vendorStatuses(registry, vendor).has(code));
}

export function analyze(document: TextDocument, registry: Registry, settings: Settings): Analysis | undefined {
  const kind = languageKind(document.languageId, document.uri);
  if (!kind) return undefined;
  const base = { uri: document.uri, version: document.version, kind };
  if (!settings.enable) {
    const empty: ScanResult = { occurrences: new Occurrences(0), groups: new Groups(0), docHintKeys: new Map() };
    return { ...base, occurrences: empty.occurrences, documentVendors: [], groups: empty.groups, resolve: (i) => ({ ...empty.occurrences.at(i), candidates: [] }), best: () => undefined, scanned: { text: '', result: empty } };
  }
  const text = document.getText();
  const result = scan(kind, text, scanContext(registry, settings));
  return resolveScan(base, text, result, registry, settings);
}

/** Per-vendor evidence scores. */
export type Evidence = Map<string, number>;

/** A context group's evidence: vendor hint keys in it (and its parent object's), codes only one vendor defines in it. */
export interface GroupEvidence {
  hints: Evidence;
  unique: Evidence;
}

/** At most this many distinct single-vendor codes count as document evidence. */
export const MAX_UNIQUE_CODES = 200;

/** Sizes of the hint-string window (characters): documents up to head + tail are searched whole. */
export const HINT_WINDOW = { head: HINT_WINDOW_HEAD, tail: HINT_WINDOW_TAIL };

/**
 * Is a single-vendor code evidence of its vendor? A vendor code under 100 (Faceki's 1) is too common a number, and a
 * name that is also an HTTP reason phrase (Faceki's BAD_REQUEST) too common a name.
 */
function isEvidence(registry: Registry, code: string, numeric: boolean): boolean {
  return !(numeric && code.length < 3) && !constantNames(registry).httpPhrases.has(nameKey(code));
}

/** The text a document's hint strings are looked for in: all of a small one, the head and tail of a big one. */
export function hintWindow(text: string): string {
  return text.length <= HINT_WINDOW_HEAD + HINT_WINDOW_TAIL ? text : text.slice(0, HINT_WINDOW_HEAD) + '\n' + text.slice(text.length - HINT_WINDOW_TAIL);
}

/**
 * Document-level evidence from its parts: hint-key counts, whether a hint string occurs (in the searched window), and
 * the document's distinct codes in order of first appearance (with whether that first one is numeric).
 */
export function documentEvidence(
  docHintKeys: ReadonlyMap<string, number>,
  hasHintString: (needle: string) => boolean,
  distinctCodes: Iterable<{ code: string; numeric: boolean }>,
  registry: Registry,
  settings: Settings,
): Evidence {
  const unique = uniqueVendorOf(registry, settings);
  const doc: Evidence = new Map();
  for (const [key, count] of docHintKeys) {
    for (const v of registry.hintKeys.get(key) ?? []) add(doc, v, 3 + Math.min(count, 5));
  }
  for (const { needle, vendor } of registry.hintStrings) if (hasHintString(needle)) add(doc, vendor, 3);
  let uniqueSeen = 0;
  for (const { code, numeric } of distinctCodes) {
    if (uniqueSeen >= MAX_UNIQUE_CODES) break;
    const v = unique.get(code);
    if (v && isEvidence(registry, code, numeric)) {
      uniqueSeen++;
      add(doc, v, numeric ? 1 : 2);
    }
  }
  for (const v of [...doc.keys()]) if (!vendorEnabled(settings, v)) doc.delete(v);
  return doc;
}

/** Evidence of group `id` of a scan, given the codes of its occurrences. */
export function groupEvidence(groups: Groups, id: number, members: Iterable<{ code: string; numeric: boolean }>, registry: Registry, settings: Settings): GroupEvidence {
  const enabled = (vendor: string) => vendorEnabled(settings, vendor);
  const ev: GroupEvidence = { hints: new Map(), unique: new Map() };
  if (id <= 0 || id >= groups.length) return ev;
  for (const key of groups.hintKeys(id)) for (const v of registry.hintKeys.get(key) ?? []) if (enabled(v)) add(ev.hints, v, 10);
  // An object nested under a hint key (`error_detail: { code: … }`) also counts its parent's keys.
  const parent = groups.parent(id);
  if (groups.kind(id) === 'object' && parent >= 0) {
    for (const key of groups.hintKeys(parent)) for (const v of registry.hintKeys.get(key) ?? []) if (enabled(v)) add(ev.hints, v, 5);
  }
  const unique = uniqueVendorOf(registry, settings);
  for (const { code, numeric } of members) {
    const v = unique.get(code);
    if (v && isEvidence(registry, code, numeric)) add(ev.unique, v, 1);
  }
  return ev;
}

/** What ranking reads of an occurrence besides its evidence. */
export interface RankedOccurrence {
  code: string;
  numeric: boolean;
  http: boolean;
  via: RawOccurrence['via'];
  key?: string;
  /** Its group is a `switch`. */
  inSwitch: boolean;
  /** The vendor of the generated constants block ("Insert Constants for Vendor…") it is in. */
  blockVendor?: string;
}

/** How one occurrence resolves, from its code, its own context's evidence and the document's. */
export function rankEntries(occ: RankedOccurrence, ev: GroupEvidence, doc: Evidence, registry: Registry, settings: Settings): Resolution {
  const enabled = (vendor: string) => vendorEnabled(settings, vendor);
  const names = constantNames(registry);
  const { hints, unique: groupUnique } = ev;
  /** A constant's name decides its vendor when it names this code for one vendor only (`FACE_TOO_SMALL: '413'` is Riset's). */
  const constantVendor = (name: string | undefined, code: string): string | undefined => {
    if (!name) return undefined;
    const vendors = new Set(entriesNamed(names, name).filter((e) => e.code === code && enabled(e.vendor)).map((e) => e.vendor));
    return vendors.size === 1 ? [...vendors][0] : undefined;
  };
  // A generated block names its vendor, which decides codes it defines (Faceki's BAD_REQUEST: 400 is not HTTP's there).
  const blockVendor = occ.blockVendor && registry.entry(occ.blockVendor, occ.code) ? occ.blockVendor : undefined;
  let localVendor = blockVendor ?? (occ.http ? 'http' : occ.via === 'constant' ? constantVendor(occ.key, occ.code) : top(hints));
  if (!localVendor && occ.inSwitch) localVendor = top(groupUnique);
  if (localVendor && !enabled(localVendor)) localVendor = undefined;
  let entries = registry.lookup(occ.code).filter((e) => enabled(e.vendor));
  // A vendor's name that is also an HTTP reason phrase (Faceki's BAD_REQUEST) may be HTTP's: evidence decides.
  const phrase = occ.numeric ? undefined : names.httpPhrases.get(nameKey(occ.code));
  const httpEntry = phrase && enabled('http') && !entries.some((e) => e.vendor === 'http') ? registry.entry('http', phrase) : undefined;
  if (httpEntry) entries = [...entries, httpEntry];
  // An HTTP context (a status call, `statusCode`) is HTTP's or nothing: `.code(1)` is no Faceki code (other vendors
  // are still listed after HTTP's entry when it has one). A vendor code
  // under 100 needs evidence of its vendor: a bare `code === 1` is not Faceki's 1.
  if (occ.http && localVendor === 'http' && !entries.some((e) => e.vendor === 'http')) entries = [];
  else if (occ.numeric && occ.code.length < 3) {
    entries = entries.filter((e) => e.vendor === localVendor || (hints.get(e.vendor) ?? 0) > 0 || (groupUnique.get(e.vendor) ?? 0) > 0 || (doc.get(e.vendor) ?? 0) > 0);
  }
  let candidates = entries;
  if (entries.length > 1) {
    const score = (e: Entry) =>
      (e.vendor === localVendor ? 1000 : 0) +
      100 * (hints.get(e.vendor) ?? 0) +
      20 * (groupUnique.get(e.vendor) ?? 0) +
      10 * (doc.get(e.vendor) ?? 0) +
      (e.vendor === 'http' ? 1 : 0);
    candidates = [...entries].sort((a, b) => score(b) - score(a));
  }
  return { candidates, localVendor, resolvedVendor: localVendor ?? top(doc) };
}

/** The distinct codes of a scan in order of first appearance; lazy, so a caller that stops early pays for no more. */
function* distinctCodes(occurrences: Occurrences): Generator<{ code: string; numeric: boolean }> {
  const seen = new Uint8Array(occurrences.strings.length);
  for (let i = 0; i < occurrences.length; i++) {
    const id = occurrences.codes[i];
    if (seen[id]) continue;
    seen[id] = 1;
    yield { code: occurrences.strings[id], numeric: occurrences.numeric(i) };
  }
}

/** Document-level evidence and lazy resolution over a scan result. */
export function resolveScan(
  base: { uri: string; version: number; kind: LanguageKind },
  text: string,
  result: ScanResult,
  registry: Registry,
  settings: Settings,
): Analysis {
  const occurrences = result.occurrences;
  // Document evidence on first use: a file with no occurrence is often never asked (the CLI, the workspace index),
  // and looking for hint strings lower-cases up to 1.25 MB of its text.
  let doc: Evidence | undefined;
  const docEvidence = (): Evidence => {
    if (doc) return doc;
    let lower: string | undefined;
    doc = documentEvidence(result.docHintKeys, (needle) => (lower ??= hintWindow(text).toLowerCase()).includes(needle), distinctCodes(occurrences), registry, settings);
    return doc;
  };

  // Group evidence, computed per group when an occurrence in it is first resolved.
  let members: Map<number, number[]> | undefined;
  const evidence = new Map<number, GroupEvidence>();
  const evidenceOf = (id: number) => {
    let ev = evidence.get(id);
    if (ev) return ev;
    if (id > 0 && id < result.groups.length && !members) {
      members = new Map();
      for (let i = 0; i < occurrences.length; i++) {
        const list = members.get(occurrences.groups[i]);
        if (list) list.push(i);
        else members.set(occurrences.groups[i], [i]);
      }
    }
    ev = groupEvidence(result.groups, id, (members?.get(id) ?? []).map((i) => ({ code: occurrences.code(i), numeric: occurrences.numeric(i) })), registry, settings);
    evidence.set(id, ev);
    return ev;
  };

  const blocks = base.kind === 'ts' ? generatedBlocks(text) : [];
  const blockVendorAt = (offset: number) => blocks.find((b) => b.start <= offset && offset <= b.end)?.vendor;

  // Read straight from the columns: the workspace index ranks every occurrence of every file, and building the
  // object form first (or caching by context, which almost never hits: each switch or object is its own group) cost
  // more than the ranking.
  const rankOf = (index: number): Resolution => {
    const group = occurrences.groups[index];
    return rankEntries(
      {
        code: occurrences.code(index),
        numeric: occurrences.numeric(index),
        http: occurrences.http(index),
        via: occurrences.via(index),
        key: occurrences.key(index),
        inSwitch: group < result.groups.length && result.groups.kind(group) === 'switch',
        blockVendor: blocks.length ? blockVendorAt(occurrences.starts[index]) : undefined,
      },
      evidenceOf(group),
      docEvidence(),
      registry,
      settings,
    );
  };
  const memo = new Map<number, ResolvedOccurrence>();
  const resolve = (index: number): ResolvedOccurrence => {
    let r = memo.get(index);
    if (r) return r;
    r = { ...occurrences.at(index), ...rankOf(index) };
    memo.set(index, r);
    return r;
  };
  const best = (index: number): Entry | undefined => rankOf(index).candidates[0];

  let documentVendors: Analysis['documentVendors'] | undefined;
  return {
    ...base,
    occurrences,
    get documentVendors() {
      return (documentVendors ??= [...docEvidence().entries()]
        .filter(([, s]) => s > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([vendor, score]) => ({ vendor, score })));
    },
    groups: result.groups,
    resolve,
    best,
    scanned: { text, result },
  };
}

/** Line groups left behind by incremental rescans before a full scan is cheaper than carrying them. */
const MAX_ORPHAN_GROUPS = 20000;

/**
 * A log's analysis brought forward over edits: only the lines they touched (and one line either side) are rescanned;
 * occurrences after them move by the length difference. Returns undefined when a full analysis is the better choice.
 * `previous` must not be used afterwards (its occurrences are moved in place).
 */
export function reanalyzeLog(
  previous: Analysis,
  base: { uri: string; version: number; kind: LanguageKind },
  text: string,
  edits: readonly OffsetEdit[],
  registry: Registry,
  settings: Settings,
): Analysis | undefined {
  const { text: oldText, result: old } = previous.scanned;
  if (previous.kind !== 'log' || base.kind !== 'log' || !settings.enable || !edits.length) return undefined;
  if ((old.orphanGroups ?? 0) > MAX_ORPHAN_GROUPS) return undefined;
  // The edited region [from, to) in the new text's offsets; before it the texts agree, after it they agree shifted.
  let from = -1;
  let to = -1;
  let delta = 0;
  for (const e of edits) {
    const d = e.length - (e.end - e.start);
    if (from < 0) {
      from = e.start;
      to = e.start + e.length;
    } else {
      const map = (p: number, inside: number) => (p <= e.start ? p : p >= e.end ? p + d : inside);
      from = Math.min(map(from, e.start), e.start);
      to = Math.max(map(to, e.start + e.length), e.start + e.length);
    }
    delta += d;
  }
  if (text.length !== oldText.length + delta) return undefined; // the edits do not describe these two texts
  // An edit that changes which columns of the file hold statuses changes lines it did not touch: scan it all.
  const ctx = scanContext(registry, settings);
  const oldLayout = logLayout(oldText, ctx);
  const layout = logLayout(text, ctx);
  if (JSON.stringify(oldLayout) !== JSON.stringify(layout)) return undefined;
  // One line of margin on each side (CR, LF and CRLF break lines, as the scanner reads them).
  const start = previousLineStart(text, lineStartOf(text, from));
  const lineEnd = lineEndOf(text, to);
  const end = lineEnd >= text.length ? text.length : lineEndOf(text, nextLineStart(text, lineEnd));
  const oldEnd = end - delta;
  if (end - start > Math.max(65536, text.length / 4)) return undefined;

  const removed = scanLog(oldText, ctx, start, oldEnd, oldLayout);
  const added = scanLog(text, ctx, start, end, layout);
  const list = old.occurrences;
  // New line groups go after the old ones; the old region's groups stay, unused, until a full scan.
  const groups = old.groups.concat(added.groups, 1);
  const occurrences = list.splice(list.lowerBound(start), list.lowerBound(oldEnd), added.occurrences, delta, old.groups.length - 1);
  const docHintKeys = new Map(old.docHintKeys);
  for (const [key, count] of removed.docHintKeys) docHintKeys.set(key, (docHintKeys.get(key) ?? 0) - count);
  for (const [key, count] of added.docHintKeys) docHintKeys.set(key, (docHintKeys.get(key) ?? 0) + count);
  for (const [key, count] of docHintKeys) if (count <= 0) docHintKeys.delete(key);
  const result: ScanResult = { occurrences, groups, docHintKeys, orphanGroups: (old.orphanGroups ?? 0) + removed.groups.length - 1 };
  return resolveScan(base, text, result, registry, settings);
}

/** The occurrence whose range contains the offset (its end included, so a caret right after a code finds it). */
export function occurrenceAt(analysis: Analysis, offset: number): ResolvedOccurrence | undefined {
  const index = analysis.occurrences.indexAt(offset);
  return index < 0 ? undefined : analysis.resolve(index);
}
