/**
 * OpenAPI / Swagger `responses` maps, shared by the JSON and YAML scanners, hover, diagnostics and completion: which
 * maps are responses maps, which of their keys name statuses, and what a range (`5XX`) or `default` means.
 */
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { codeSpan, escapeMarkdown, prose } from './markdown';
import type { RawOccurrence } from './scanTypes';

/** The `key` of an occurrence that is a key of a responses map (no code key of ours is called that). */
export const RESPONSES_KEY = 'responses';

/** Keys of a responses map that are meant as statuses: numbers, three characters starting with a digit, `default`. */
const STATUS_LIKE = /^(?:\d{1,9}|\d[0-9A-Za-z]{2}|default)$/;
/** The ranges OpenAPI allows: `1XX` … `5XX`, upper-case X only. */
const RANGE = /^([1-5])XX$/;

/** Top-level keys that make a document an OpenAPI (3.x: `openapi`) or Swagger (2.0: `swagger`) description. */
export function isOpenApiRootKey(key: string): boolean {
  return key === 'openapi' || key === 'swagger';
}

/**
 * Is the map held by `holderKey` a responses map of an operation? `responses` under the document root (Swagger 2's
 * reusable responses) and under `components` (OpenAPI 3's) map names, not statuses.
 */
export function isResponsesMap(holderKey: string | undefined, holderIsRoot: boolean, holderParentKey: string | undefined): boolean {
  return holderKey === RESPONSES_KEY && !holderIsRoot && holderParentKey !== 'components';
}

/** The occurrence for a key of a responses map, or undefined for keys that are no status (`x-extension`, names). */
export function responseKeyOccurrence(key: string, start: number, group: number): RawOccurrence | undefined {
  if (!STATUS_LIKE.test(key)) return undefined;
  return { start, end: start + key.length, code: key, numeric: /^\d+$/.test(key), via: 'key', key: RESPONSES_KEY, exactKey: true, http: true, wholeString: true, group };
}

/** Is this occurrence a key of a responses map? */
export function isResponseKey(occ: Pick<RawOccurrence, 'key' | 'via' | 'http'>): boolean {
  return occ.via === 'key' && occ.http && occ.key === RESPONSES_KEY;
}

/** HTTP registry entries of a status class (`5` → 500–599), in code order. */
function classEntries(registry: Registry, digit: string): Entry[] {
  return (registry.vendors.get('http')?.entries ?? []).filter((e) => /^\d{3}$/.test(e.code) && e.code[0] === digit);
}

/** Why a responses key is wrong, or undefined when it is a status the HTTP registry knows, a range or `default`. */
export function responseKeyProblem(code: string, registry: Registry): string | undefined {
  if (code === 'default' || RANGE.test(code)) return undefined;
  if (registry.entry('http', code)) return undefined;
  if (/^[1-5]xx$/.test(code)) return `${code} is not an HTTP status range: OpenAPI ranges are written with upper-case X (${code[0]}XX).`;
  return `${code} is not an HTTP status code or range (1XX–5XX, default).`;
}

/** Hover markdown for `5XX` and `default`, from the HTTP registry's entries; undefined for other keys. */
export function rangeHoverMarkdown(code: string, registry: Registry): string | undefined {
  const http = escapeMarkdown(registry.displayName('http'), 200);
  if (code === 'default') {
    return `**default** · ${http}\n\nThe response for every status this responses map does not list.`;
  }
  const m = RANGE.exec(code);
  if (!m) return undefined;
  const entries = classEntries(registry, m[1]);
  const category = entries[0]?.category ?? `${m[1]}xx`;
  const lines = [`**${escapeMarkdown(code, 10)}** · ${http}`, '', `Any ${prose(category, 200)} status (${m[1]}00–${m[1]}99).`];
  if (entries.length) {
    lines.push('', `${entries.length} registered: ` + entries.slice(0, 8).map((e) => `${codeSpan(e.code)} ${prose(e.title, 80)}`).join(', ') + (entries.length > 8 ? ', …' : ''));
  }
  return lines.join('\n');
}

/** Status keys offered inside a responses map: the HTTP registry's codes, the five ranges and `default`. */
export function statusKeyChoices(registry: Registry): { key: string; title: string; entry?: Entry }[] {
  const out: { key: string; title: string; entry?: Entry }[] = [];
  for (const e of registry.vendors.get('http')?.entries ?? []) if (/^\d{3}$/.test(e.code)) out.push({ key: e.code, title: e.title, entry: e });
  for (const d of ['1', '2', '3', '4', '5']) {
    const category = classEntries(registry, d)[0]?.category;
    out.push({ key: `${d}XX`, title: `any ${category ?? `${d}xx`} status` });
  }
  out.push({ key: 'default', title: 'any status not listed' });
  return out;
}

/** Does the text declare an OpenAPI/Swagger document (a top-level `openapi:`/`swagger:` key, JSON or YAML)? */
export function looksLikeOpenApi(text: string): boolean {
  return /^["']?(?:openapi|swagger)["']?\s*:/m.test(text) || /^\s*\{\s*"(?:openapi|swagger)"\s*:/.test(text) || /"(?:openapi|swagger)"\s*:\s*"\d/.test(text.slice(0, 65536));
}

/** The keys of one responses map, kept until the document says whether it is an OpenAPI description. */
export interface ResponsesMap {
  keys: RawOccurrence[];
  /** Keys that are no status, range or `default` (`x-amazon-apigateway-…`, a name). */
  other: number;
}

/**
 * Which responses keys are statuses: every one of an OpenAPI/Swagger document's; elsewhere — OpenAPI embedded in a
 * SAM/CloudFormation template, an API gateway extension, a collection — those of a map whose keys are all statuses,
 * ranges or `default`, one of them at least a registered status.
 */
export function keptResponseKeys(maps: readonly ResponsesMap[], openApi: boolean, isStatus: (code: string) => boolean): RawOccurrence[] {
  const kept: RawOccurrence[] = [];
  for (const map of maps) {
    if (openApi || (map.other === 0 && map.keys.some((k) => k.numeric && isStatus(k.code)))) kept.push(...map.keys);
  }
  return kept;
}
