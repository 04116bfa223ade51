/**
 * Names that mirror codes: a vendor's symbolic names (Faceki `FACE_TOO_SMALL` ⇄ 8008), names derived from the titles
 * of vendors without symbolic names (Riset's "Face too small" ⇄ 413, HTTP's "Not Found" ⇄ 404), and the spellings of
 * HTTP constant libraries (`HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`, `status.HTTP_404_NOT_FOUND`). Names are
 * compared by their letters and digits only, so `FACE_TOO_SMALL`, `FaceTooSmall` and `faceTooSmall` are one name.
 */
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { HTTP_CONSTANTS, HTTP_PHRASE_ALIASES, type HttpConstantRow } from './idioms';
import { memberNames } from './typedConstants';

/** `FACE_TOO_SMALL`, `FaceTooSmall` → `FACETOOSMALL`. */
export function nameKey(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

/** Titles longer than this are sentences, not names. */
const MAX_TITLE_WORDS = 6;
/** `HTTP_404_NOT_FOUND`, `HTTP_404`: the number is in the name. */
const NUMBERED = /^HTTP_?(\d{3})(?:_|$)/;
/** Prefixes HTTP constants put before the reason phrase (`HTTP_NOT_FOUND`, `STATUS_NOT_FOUND`, `SC_NOT_FOUND`). */
const HTTP_PREFIXES = ['HTTP_STATUS_', 'HTTP_', 'STATUS_', 'SC_'];

export interface ConstantNames {
  /** Name key → the entries it names, over every vendor. */
  byName: Map<string, Entry[]>;
  /** Reason-phrase key → HTTP status code. */
  httpPhrases: Map<string, string>;
  /** The HTTP statuses the registry has (`HTTP_404_…` names one of these or nothing). */
  httpCodes: Set<string>;
  /** Qualifier → its row of HTTP_CONSTANTS. */
  qualifiers: Map<string, HttpConstantRow>;
}

const cache = new WeakMap<Registry, ConstantNames>();

export function constantNames(registry: Registry): ConstantNames {
  let names = cache.get(registry);
  if (names) return names;
  const byName = new Map<string, Entry[]>();
  const add = (name: string, entry: Entry) => {
    const key = nameKey(name);
    if (key.length < 2) return;
    const list = byName.get(key);
    if (!list) byName.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  const httpPhrases = new Map<string, string>();
  for (const vendor of registry.vendors.values()) {
    const hasNames = vendor.entries.some((e) => e.name && e.name !== e.code);
    // The names "Insert Constants for Vendor…" gives (derived from long titles, `_413` on collisions) are the entries' too.
    const generated = memberNames(vendor);
    for (const e of vendor.entries) {
      if (!/^\d+$/.test(e.code)) continue; // string codes are their own names
      if (e.name && e.name !== e.code) add(e.name, e);
      else if (!hasNames && e.title.split(/\s+/).length <= MAX_TITLE_WORDS) add(e.title, e);
      const g = generated.get(e);
      if (g) add(g, e);
      if (vendor.id === 'http') httpPhrases.set(nameKey(e.title), e.code);
    }
  }
  const http = registry.vendors.get('http');
  for (const [alias, code] of Object.entries(HTTP_PHRASE_ALIASES)) {
    const key = nameKey(alias);
    if (!httpPhrases.has(key)) httpPhrases.set(key, String(code));
    const entry = http?.entries.find((e) => e.code === String(code));
    if (entry) add(alias, entry);
  }
  names = { byName, httpPhrases, httpCodes: new Set(httpPhrases.values()), qualifiers: new Map(HTTP_CONSTANTS.map((r) => [r.qualifier, r])) };
  cache.set(registry, names);
  return names;
}

/** The entries a constant's name stands for: `FACE_TOO_SMALL` (Faceki 8008, Riset 413), `HTTP_NOT_FOUND` (HTTP 404). */
export function entriesNamed(names: ConstantNames, name: string): Entry[] {
  const direct = names.byName.get(nameKey(name));
  if (direct) return direct;
  const upper = name.toUpperCase();
  const numbered = NUMBERED.exec(upper);
  if (numbered) {
    const entries = names.byName.get(nameKey(upper.slice(numbered[0].length)));
    return entries?.filter((e) => e.vendor === 'http' && e.code === numbered[1]) ?? [];
  }
  for (const prefix of HTTP_PREFIXES) {
    if (upper.startsWith(prefix) && upper.length > prefix.length) {
      const entries = names.byName.get(nameKey(upper.slice(prefix.length)))?.filter((e) => e.vendor === 'http');
      if (entries?.length) return entries;
    }
  }
  return [];
}

/** The HTTP status a name carrying both its number and its reason names (`HTTP_404_NOT_FOUND` → 404), or undefined. */
export function numberedHttpConstant(names: ConstantNames, name: string): string | undefined {
  const numbered = NUMBERED.exec(name);
  if (!numbered || numbered[0].length === name.length) return undefined;
  return entriesNamed(names, name).length ? numbered[1] : undefined;
}

/** The HTTP status a qualified constant names (`HttpStatus.NOT_FOUND` → 404), or undefined. */
export function httpConstant(names: ConstantNames, qualifier: string, member: string): string | undefined {
  const row = names.qualifiers.get(qualifier);
  if (!row) return undefined;
  const numbered = NUMBERED.exec(member);
  if (numbered) return names.httpCodes.has(numbered[1]) ? numbered[1] : undefined;
  if (row.numberedOnly) return undefined;
  let phrase = member;
  if (row.prefix) {
    if (!member.startsWith(row.prefix)) return undefined;
    phrase = member.slice(row.prefix.length);
  }
  return names.httpPhrases.get(nameKey(phrase));
}
