/**
 * Names that mirror codes: a vendor's symbolic names (Faceki `FACE_TOO_SMALL` ⇄ 8008), names derived from the titles
 * of vendors without symbolic names (Riset's "Face too small" ⇄ 413, HTTP's "Not Found" ⇄ 404), and the spellings of
 * HTTP constant libraries (`HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`, `status.HTTP_404_NOT_FOUND`). Names are
 * compared by their letters and digits only, so `FACE_TOO_SMALL`, `FaceTooSmall` and `faceTooSmall` are one name.
 */
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { HTTP_CONSTANTS, HTTP_PHRASE_ALIASES, type HttpConstantRow } from './idioms';
import { nameWords } from './keys';
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
  /** HTTP status → its entry. */
  httpEntries: Map<string, Entry>;
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
      // An unofficial status's title (nginx's "No Response") is no constant any library names.
      if (e.unofficial) continue;
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
  const httpEntries = new Map((http?.entries ?? []).map((e) => [e.code, e] as [string, Entry]));
  names = { byName, httpPhrases, httpCodes: new Set(httpPhrases.values()), httpEntries, qualifiers: new Map(HTTP_CONSTANTS.map((r) => [r.qualifier, r])) };
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
    // `HTTP_404` alone names its number.
    if (numbered[0].length === upper.length) {
      const entry = names.httpEntries.get(numbered[1]);
      return entry ? [entry] : [];
    }
    const rest = upper.slice(numbered[0].length);
    const entries = names.byName.get(nameKey(rest))?.filter((e) => e.vendor === 'http' && e.code === numbered[1]);
    if (entries?.length) return entries;
    const unofficial = names.httpEntries.get(numbered[1]);
    return unofficial?.unofficial && unofficialReason(unofficial, rest) ? [unofficial] : [];
  }
  for (const prefix of HTTP_PREFIXES) {
    if (upper.startsWith(prefix) && upper.length > prefix.length) {
      const entries = names.byName.get(nameKey(upper.slice(prefix.length)))?.filter((e) => e.vendor === 'http');
      if (entries?.length) return entries;
    }
  }
  return [];
}

/** An upper-case name of several words: `NOT_FOUND`, `METHOD_NOT_ALLOWED` (`OK` and `FOUND` are any enum's words). */
export const MULTI_WORD_CONSTANT = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/** A module named for HTTP in one lower-case word: Radicale's `httputils`, Python 2's `httplib`. */
const HTTP_MODULE_NAME = /^http[a-z]+$/;

/** Does a qualifier (of name words `words`) say HTTP: `http` among its words, or a module named `http…`? */
function saysHttp(qualifier: string, words: readonly string[]): boolean {
  return words.includes('http') || HTTP_MODULE_NAME.test(qualifier);
}

/**
 * A namespace no row names whose name says it holds statuses (`StatusCode.NOT_FOUND`, `HttpCodes.OK`,
 * `HttpResponseCode::NOT_FOUND`): with `http` in its name any reason phrase, with `status` only one of several words
 * (`Status.OK` may be anything's).
 */
function generalQualifier(qualifier: string, member: string): HttpConstantRow | undefined {
  const words = nameWords(qualifier);
  if (saysHttp(qualifier, words)) return { qualifier };
  // A plural says the namespace is a collection of statuses (`STATUSES.NOT_FOUND`, `exports.STATUSES.OK`).
  if (words.includes('statuses')) return { qualifier };
  const memberWords = member.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split('_').filter(Boolean).length;
  if (words.includes('status') && words.length > 1 && /[a-z_]/i.test(member) && memberWords > 1) return { qualifier };
  // A bare `codes` namespace (httpx's `codes.SEE_OTHER`) holds statuses when its member is an upper-case phrase of
  // several words; gRPC's `codes.NotFound` and `codes.OK` are not HTTP's.
  if (words.length === 1 && words[0] === 'codes' && MULTI_WORD_CONSTANT.test(member)) return { qualifier };
  // requests' `codes.ok`, `requests.codes.not_found`: lower-case reason names (gRPC's members are capitalised).
  if (words.length === 1 && words[0] === 'codes' && /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(member)) return { qualifier };
  return undefined;
}

/** Does a namespace's name say it holds statuses (`STATUSES`, `HttpStatus`, `statusCodes`)? */
export function isStatusNamespace(qualifier: string): boolean {
  const words = nameWords(qualifier);
  return words.includes('statuses') || saysHttp(qualifier, words) || (words.includes('status') && words.length > 1);
}

/** Does a name spell an entry's title (`BANDWIDTH_LIMIT_EXCEEDED` for "Bandwidth Limit Exceeded")? */
export function isTitleOf(entry: Entry, name: string): boolean {
  return nameKey(entry.title) === nameKey(name);
}

/** Prefixes of the HTTP status families recognised by shape alone, with the fewest words their phrase needs. */
const FAMILY_PREFIXES: readonly [string, number][] = [
  ['HTTP_STATUS_', 1],
  ['HTTP_', 1],
  // `STATUS_CREATED` may be any state machine's; `STATUS_NOT_FOUND` is HTTP's.
  ['STATUS_', 2],
];

/**
 * The reason after an unofficial status's number: its own title, or any reason of two words or more, since the users
 * of an unofficial status name it differently (nginx's 444 "No Response" is flask-api's and Symfony's
 * `HTTP_444_CONNECTION_CLOSED_WITHOUT_RESPONSE`).
 */
function unofficialReason(entry: Entry, rest: string): boolean {
  return isTitleOf(entry, rest) || rest.split('_').filter(Boolean).length >= 2;
}

/**
 * The HTTP status an upper-case name of a status family names by its shape alone, in any namespace or none:
 * `HTTP_404`, `HTTP_404_NOT_FOUND`, `falcon.HTTP_404`, `HTTP_NOT_FOUND`, `HTTP_STATUS_NOT_FOUND`, `STATUS_NOT_FOUND`.
 */
export function httpFamilyConstant(names: ConstantNames, name: string): string | undefined {
  if (name.length < 6 || name.charCodeAt(0) > 90 || !/^[A-Z][A-Z0-9_]+$/.test(name)) return undefined;
  const numbered = NUMBERED.exec(name);
  if (numbered) {
    const entry = names.httpEntries.get(numbered[1]);
    if (!entry) return undefined;
    if (numbered[0].length === name.length || entriesNamed(names, name).length) return numbered[1];
    // An unofficial status's own title (`HTTP_509_BANDWIDTH_LIMIT_EXCEEDED`): no library constant, but the name says it.
    return entry.unofficial && unofficialReason(entry, name.slice(numbered[0].length)) ? numbered[1] : undefined;
  }
  for (const [prefix, words] of FAMILY_PREFIXES) {
    if (!name.startsWith(prefix)) continue;
    const phrase = name.slice(prefix.length);
    if (phrase.split('_').filter(Boolean).length < words) return undefined;
    return names.httpPhrases.get(nameKey(phrase));
  }
  return undefined;
}

/** The HTTP status a qualified constant names (`HttpStatus.NOT_FOUND` → 404), or undefined. */
export function httpConstant(names: ConstantNames, qualifier: string, member: string, general = true): string | undefined {
  const row = names.qualifiers.get(qualifier) ?? (general ? generalQualifier(qualifier, member) : undefined);
  if (!row) return undefined;
  // A row's prefix is one language's spelling (Go's `http.StatusNotFound`); Python's `http.NOT_FOUND` (Twisted,
  // `http.client`) spells the reason alone under the same qualifier.
  if (row.prefix && !member.startsWith(row.prefix) && general) {
    const other = generalQualifier(qualifier, member);
    if (other && /^[A-Z][A-Z0-9_]*$/.test(member)) return names.httpPhrases.get(nameKey(member));
  }
  const numbered = NUMBERED.exec(member);
  if (numbered) return names.httpCodes.has(numbered[1]) ? numbered[1] : undefined;
  if (row.numberedOnly) return undefined;
  let phrase = member;
  if (row.prefix) {
    if (!member.startsWith(row.prefix)) return undefined;
    phrase = member.slice(row.prefix.length);
  }
  // A family's spelling under a namespace of statuses: `StatusCodeInterface::STATUS_OK`, `Codes.HTTP_OK`.
  const family = /^(?:HTTP_STATUS_|HTTP_|STATUS_)(?=[A-Z])/.exec(phrase);
  return names.httpPhrases.get(nameKey(phrase)) ?? (family ? names.httpPhrases.get(nameKey(phrase.slice(family[0].length))) : undefined);
}

/**
 * The status a class or constant is named for: `HTTPUnprocessableEntity` and `UnprocessableEntityError` → 422,
 * `HTTP_422` → 422, `NotFound` → 404; undefined for other names.
 */
export function statusNamedBy(names: ConstantNames, name: string): string | undefined {
  if (!/^[A-Z]/.test(name)) return undefined;
  return httpFamilyConstant(names, name) ?? names.httpPhrases.get(nameKey(name.replace(/^HTTP|^Http|(?:Error|Exception)$/g, '')));
}
