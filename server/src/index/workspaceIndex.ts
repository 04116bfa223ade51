/**
 * The workspace's places of every code, by file and by code. Files come and go whole (a file's new usage replaces its
 * old one), so every count is kept up to date by subtracting the old record and adding the new. Places are stored as
 * numbers (24 bytes each) with one interned id per `vendor\ncode`; no objects per place.
 */
import type { CodeUsage, VendorCoverage } from '../protocol';
import type { Location, SymbolInformation } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { StringIds } from '../service/occurrences';
import { locationsOf, PLACE_WIDTH, splitKey, usageKey, type FileUsage } from './usage';

interface FileRecord {
  /** Per place: global key id, start line, start character, end line, end character, handles (0/1). */
  places: Uint32Array;
}

interface KeyStats {
  places: number;
  /** Places that handle the code (source code, not tests; not a comment or a constant's definition). */
  handled: number;
  /** Files with places of this key, and how many each. */
  files: Map<string, number>;
}



export type { CodeUsage, VendorCoverage };

/** At most this many symbols answer one workspace-symbol query. */
export const MAX_SYMBOLS = 500;

export class WorkspaceIndex {
  private readonly files = new Map<string, FileRecord>();
  /** `vendor\ncode` keys by id. */
  private keys = new StringIds();
  private readonly stats: (KeyStats | undefined)[] = [];
  private placeCount = 0;

  /** Replaces a file's places. */
  set(usage: FileUsage): void {
    this.delete(usage.uri);
    const places = usage.places.slice();
    const local = usage.keys.map((k) => this.keys.id(k));
    for (let p = 0; p < places.length; p += PLACE_WIDTH) {
      const id = (places[p] = local[places[p]]);
      const s = (this.stats[id] ??= { places: 0, handled: 0, files: new Map() });
      s.places++;
      if (places[p + 5]) s.handled++;
      s.files.set(usage.uri, (s.files.get(usage.uri) ?? 0) + 1);
    }
    this.placeCount += places.length / PLACE_WIDTH;
    this.files.set(usage.uri, { places });
  }

  delete(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    for (let p = 0; p < old.places.length; p += PLACE_WIDTH) {
      const s = this.stats[old.places[p]]!;
      s.places--;
      if (old.places[p + 5]) s.handled--;
      s.files.delete(uri);
    }
    this.placeCount -= old.places.length / PLACE_WIDTH;
    this.files.delete(uri);
    return true;
  }

  /** Removes every file at or under a URI (a deleted folder); returns how many. */
  deleteUnder(uri: string): number {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    let n = 0;
    for (const file of [...this.files.keys()]) if (file === uri || file.startsWith(prefix)) n += this.delete(file) ? 1 : 0;
    return n;
  }

  clear(): void {
    this.files.clear();
    this.stats.length = 0;
    this.keys = new StringIds();
    this.placeCount = 0;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  get fileCount(): number {
    return this.files.size;
  }

  get occurrences(): number {
    return this.placeCount;
  }

  /** Bytes held by the places' columns (the per-file and per-code maps come on top). */
  get placeBytes(): number {
    let bytes = 0;
    for (const f of this.files.values()) bytes += f.places.byteLength;
    return bytes;
  }

  private statsOf(vendor: string, code: string): KeyStats | undefined {
    const id = this.keys.find(usageKey(vendor, code));
    return id === undefined ? undefined : this.stats[id];
  }

  usage(vendor: string, code: string): CodeUsage {
    const s = this.statsOf(vendor, code);
    return { vendor, code, places: s?.places ?? 0, handledPlaces: s?.handled ?? 0, files: s?.files.size ?? 0 };
  }

  /** Every place of a vendor's code, in file then text order. */
  references(vendor: string, code: string): Location[] {
    const id = this.keys.find(usageKey(vendor, code));
    const files = id === undefined ? undefined : this.stats[id]?.files;
    if (id === undefined || !files) return [];
    return [...files.keys()].sort().flatMap((uri) => locationsOf(uri, this.files.get(uri)!.places, id));
  }

  /** Per vendor: how many of its codes have at least one handling place. */
  coverage(registry: Registry, vendors: Iterable<string>): VendorCoverage[] {
    return [...vendors].map((vendor) => {
      const entries = registry.vendors.get(vendor)?.entries ?? [];
      const handled = entries.filter((e) => (this.statsOf(vendor, e.code)?.handled ?? 0) > 0).length;
      return { vendor, handled, total: entries.length };
    });
  }

  /** Every code with places, for the tree's per-code counts. */
  codes(): CodeUsage[] {
    const out: CodeUsage[] = [];
    this.stats.forEach((s, id) => {
      if (!s || s.places <= 0) return;
      out.push({ ...splitKey(this.keys.strings[id]), places: s.places, handledPlaces: s.handled, files: s.files.size });
    });
    return out;
  }

  /**
   * Workspace symbols: the places of codes whose number, name, title or description words match the query (every
   * word of it, as a prefix of a word or of the code), best matches first.
   */
  symbols(query: string, registry: Registry, enabled: (vendor: string) => boolean): SymbolInformation[] {
    const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    const matches: { entry: Entry; score: number }[] = [];
    this.stats.forEach((s, id) => {
      if (!s || s.places <= 0) return;
      const { vendor, code } = splitKey(this.keys.strings[id]);
      const entry = registry.entry(vendor, code);
      if (!entry || !enabled(vendor)) return;
      const score = matchScore(entry, words);
      if (score > 0) matches.push({ entry, score });
    });
    matches.sort((a, b) => b.score - a.score || (a.entry.vendor < b.entry.vendor ? -1 : a.entry.vendor > b.entry.vendor ? 1 : 0) || compareCodes(a.entry.code, b.entry.code));
    const out: SymbolInformation[] = [];
    for (const { entry } of matches) {
      const vendorName = registry.displayName(entry.vendor);
      const label = symbolLabel(entry);
      for (const location of this.references(entry.vendor, entry.code)) {
        if (out.length >= MAX_SYMBOLS) return out;
        out.push({ name: label, kind: /^\d+$/.test(entry.code) ? SymbolKind.Number : SymbolKind.EnumMember, location, containerName: vendorName });
      }
    }
    return out;
  }
}

/** Longest description shown in a symbol's label. */
const LABEL_DESCRIPTION = 90;

/**
 * A code's symbol label: code, name, title and the start of the description, so that an editor which filters the
 * server's answer by the label (VS Code does) keeps the codes found by words of their description. Plain text.
 */
export function symbolLabel(entry: Entry): string {
  const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
  const parts = [entry.code];
  if (entry.name && entry.name !== entry.code) parts.push(` ${oneLine(entry.name)}`);
  const title = oneLine(entry.title);
  if (title && title !== entry.name && title !== entry.code) parts.push(` · ${title}`);
  let description = oneLine(entry.description ?? '');
  if (description && description.replace(/[.\s]+$/, '') !== title.replace(/[.\s]+$/, '')) {
    if (description.length > LABEL_DESCRIPTION) {
      const cut = description.lastIndexOf(' ', LABEL_DESCRIPTION);
      description = `${description.slice(0, cut > LABEL_DESCRIPTION / 2 ? cut : LABEL_DESCRIPTION)}…`;
    }
    parts.push(` — ${description}`);
  }
  return parts.join('');
}

function compareCodes(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How well an entry matches all query words: code > name > title > description; 0 when a word matches nothing. */
export function matchScore(entry: Entry, words: string[]): number {
  if (!words.length) return 1;
  const code = entry.code.toLowerCase();
  const fields: [string[], number][] = [
    [[code], 8],
    [(entry.name ?? '').toLowerCase().split(/[^a-z0-9]+/), 4],
    [entry.title.toLowerCase().split(/[^a-z0-9]+/), 2],
    [(entry.description ?? '').toLowerCase().split(/[^a-z0-9]+/), 1],
  ];
  let total = 0;
  for (const word of words) {
    let best = 0;
    if (code === word) best = 16;
    else if (word.length > 1 && (entry.name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '') === word) best = 12;
    for (const [tokens, weight] of fields) if (weight > best && tokens.some((t) => t.startsWith(word))) best = weight;
    if (!best) return 0;
    total += best;
  }
  return total;
}
