/** Diagnostics: unknown numeric codes in code positions, and code-shaped strings one typo away from a real code. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import { vendorEnabled, type Settings, type Severity } from '../settings';
import { vendorDefines, type Analysis } from './analysis';
import { constantNames, entriesNamed } from './constants';
import { editDistance, typoBudget } from './editDistance';
import { isTestPath } from './languages';
import { isResponseKey, RESPONSES_KEY, responseKeyProblem } from './openapi';
import { Rule, RULES_URL } from './rules';
import { Suppressions } from './suppressions';

export const DIAGNOSTIC_SOURCE = 'error-codes';
export { Rule, RULES_URL } from './rules';

/**
 * Test files (`*.test.ts`, `*.spec.js`, `__tests__/`, `test_*.py`, `*Test.php`: each language's row in languages.ts)
 * use invalid statuses on purpose (`res.status(700)` in a test that expects a throw): number diagnostics stay out of
 * them; typos of names do not.
 */
export function isTestFile(uri: string): boolean {
  return isTestPath(decodeURIComponent(uri.replace(/[?#].*$/, '')));
}

/** Platform error names that look like vendor codes but are not (Node's `ERR_INVALID_URL`, errno's `EAI_AGAIN`). */
const PLATFORM_CODE = /^(?:ERR|EAI|UV|SQLITE|WSA)_/;

/** What a quick fix needs, carried on the diagnostic. */
export interface DiagnosticData {
  suggestions: { code: string; vendor: string; title: string }[];
}

const SEVERITY: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

/** "a Faceki code", "an HTTP status code". */
function aCodeOf(registry: Registry, id: string): string {
  return id === 'http' ? 'an HTTP status code' : `a ${registry.displayName(id)} code`;
}

type Suggestion = { code: string; vendor: string; title: string };

/** Did-you-mean answers per registry, vendor selection and token: a typo repeated 300,000 times is computed once. */
const nearestCache = new WeakMap<Registry, Map<string, Suggestion[]>>();

/** Nearest symbolic codes of enabled vendors, preferring the resolved vendor. */
export function nearestSymbolic(registry: Registry, settings: Settings, token: string, prefer?: string): Suggestion[] {
  let cache = nearestCache.get(registry);
  if (!cache) nearestCache.set(registry, (cache = new Map()));
  const key = `${JSON.stringify(settings.vendors)}\u0000${prefer ?? ''}\u0000${token}`;
  let found = cache.get(key);
  if (!found) {
    found = computeNearest(registry, settings, token, prefer);
    if (cache.size > 5000) cache.clear();
    cache.set(key, found);
  }
  return found;
}

function computeNearest(registry: Registry, settings: Settings, token: string, prefer?: string): Suggestion[] {
  const budget = typoBudget(token.length);
  const found: { code: string; vendor: string; title: string; d: number }[] = [];
  for (const known of registry.symbolicTokens) {
    const d = editDistance(token, known, budget);
    if (d > budget || d === 0) continue;
    for (const e of registry.lookup(known)) {
      // Faceki's titles are its names: say which numeric code the name stands for instead.
      const title = e.title === known && e.code !== known ? `code ${e.code}` : e.title;
      if (vendorEnabled(settings, e.vendor)) found.push({ code: known, vendor: e.vendor, title, d });
    }
  }
  found.sort((a, b) => a.d - b.d || Number(b.vendor === prefer) - Number(a.vendor === prefer) || a.code.localeCompare(b.code));
  return found.slice(0, 3).map(({ code, vendor, title }) => ({ code, vendor, title }));
}

/** Numeric codes of one vendor one edit away (5099 → 5009), closest in value first. */
function nearestNumeric(registry: Registry, vendor: string, code: string) {
  const entries = registry.vendors.get(vendor)?.entries ?? [];
  return entries
    // An unofficial status (nginx's 499) is explained where it is written, never proposed as a fix.
    .filter((e) => !e.unofficial && /^\d+$/.test(e.code) && e.code.length === code.length && editDistance(code, e.code, 1) === 1)
    .sort((a, b) => Math.abs(Number(a.code) - Number(code)) - Math.abs(Number(b.code) - Number(code)))
    .slice(0, 3)
    .map((e) => ({ code: e.code, vendor, title: e.title }));
}

/** A constant whose name says another code: `FACE_TOO_SMALL = 8009` → "Faceki's FACE_TOO_SMALL is 8008". */
function constantMismatch(index: number, analysis: Analysis, registry: Registry, settings: Settings): Problem | undefined {
  const occ = analysis.occurrences.at(index);
  if (occ.http || !occ.key) return undefined;
  const entries = entriesNamed(constantNames(registry), occ.key).filter((e) => vendorEnabled(settings, e.vendor));
  if (!entries.length || entries.some((e) => e.code === occ.code)) return undefined;
  // A value that is an HTTP status (official or not), and no code of the vendors the name belongs to: the name is the
  // status's own (Cloudflare's `UNKNOWN_ERROR: 520` is no mistyped Riset 600; Riset's `FACE_NOT_DETECTED: '413'` is).
  if (registry.entry('http', occ.code) && !entries.some((e) => e.vendor === 'http' || registry.entry(e.vendor, occ.code))) return undefined;
  const ranked = [...entries].sort(
    (a, b) => Number(b.code.length === occ.code.length) - Number(a.code.length === occ.code.length) || Math.abs(Number(a.code) - Number(occ.code)) - Math.abs(Number(b.code) - Number(occ.code)),
  );
  const says = (e: (typeof entries)[number]) => `${registry.displayName(e.vendor)}'s is ${e.code}`;
  const [first, ...others] = ranked;
  const tail = others.length ? ` (${others.slice(0, 2).map(says).join('; ')})` : '';
  return {
    rule: Rule.ConstantMismatch,
    message: `${registry.displayName(first.vendor)}'s ${occ.key} is ${first.code}, not ${occ.code}${tail}.`,
    data: { suggestions: ranked.slice(0, 3).map((e) => ({ code: e.code, vendor: e.vendor, title: e.title })) },
  };
}

type Problem = { rule: string; message: string; data?: DiagnosticData };

/** Does the vendor publish numeric codes at all? AILabTools publishes string codes only. */
function hasNumericCodes(registry: Registry, vendor: string): boolean {
  return (registry.vendors.get(vendor)?.entries ?? []).some((e) => /^\d+$/.test(e.code));
}

/** The problem with one occurrence, if it has one. */
function check(index: number, analysis: Analysis, registry: Registry, settings: Settings, testFile: boolean): Problem | undefined {
  const raw = analysis.occurrences;
  if (raw.via(index) === 'constant') return analysis.kind === 'log' ? undefined : constantMismatch(index, analysis, registry, settings);
  const key = raw.keys[index];
  if (key >= 0 && raw.strings[key] === RESPONSES_KEY && isResponseKey(raw.at(index))) {
    const code = raw.code(index);
    const message = responseKeyProblem(code, registry);
    if (!message) return undefined;
    const suggestions = nearestNumeric(registry, 'http', code);
    return { rule: Rule.UnknownCode, message, data: suggestions.length ? { suggestions } : undefined };
  }
  if (raw.numeric(index)) {
    if (raw.symbolic(index)) return undefined;
    // Logs record what happened: a number there is worth explaining (hover) but not questioning. Tests use invalid
    // statuses on purpose.
    if (analysis.kind === 'log' || testFile) return undefined;
    const occ = analysis.resolve(index);
    // Only a configured key (not a compound like `upstream_status`), a status call or a code switch is certainly a
    // code, and only its own context (not the rest of the file) names the vendor it must belong to.
    const local = occ.exactKey ? occ.localVendor : undefined;
    if (!local || !hasNumericCodes(registry, local) || Number(occ.code) === 0) return undefined;
    if (vendorDefines(registry, local, occ.code)) return undefined;
    const alsoIn = occ.candidates.map((e) => e.vendor).filter((v) => v !== local);
    const tail = alsoIn.length ? `; ${alsoIn.map((v) => registry.displayName(v)).join(', ')} ${alsoIn.length > 1 ? 'define' : 'defines'} it` : '';
    const suggestions = nearestNumeric(registry, local, occ.code);
    return {
      rule: alsoIn.length ? Rule.NotVendorCode : Rule.UnknownCode,
      message: `${occ.code} is not ${aCodeOf(registry, local)}${tail}.`,
      data: suggestions.length ? { suggestions } : undefined,
    };
  }
  const code = raw.code(index);
  if (registry.has(code) || PLATFORM_CODE.test(code)) return undefined;
  if (!raw.wholeString(index) && raw.symbolic(index)) return undefined;
  const occ = analysis.resolve(index);
  // A suggestion needs its vendor in the file, a code position, or a near-certain typo (one edit in a long name).
  const present = new Set(analysis.documentVendors.map((d) => d.vendor));
  const suggestions = nearestSymbolic(registry, settings, occ.code, occ.resolvedVendor).filter(
    (s) => present.has(s.vendor) || s.vendor === occ.localVendor || (occ.via !== 'symbolic' && occ.via !== 'comment') || (occ.code.length >= 12 && editDistance(occ.code, s.code, 1) <= 1),
  );
  if (!suggestions.length) return undefined;
  const first = suggestions[0];
  return {
    rule: Rule.DidYouMean,
    message: `Unknown error code ${occ.code}. Did you mean ${first.code} (${registry.displayName(first.vendor)})?`,
    data: { suggestions },
  };
}

/**
 * The document's diagnostics, or with `within` only those of occurrences starting in that offset range (what a quick
 * fix needs: no cap and no note there).
 */
export function doValidation(
  document: TextDocument,
  analysis: Analysis,
  registry: Registry,
  settings: Settings,
  within?: { start: number; end: number },
): Diagnostic[] {
  if (settings.unknownCodeSeverity === 'off' || !settings.enable) return [];
  const severity = SEVERITY[settings.unknownCodeSeverity];
  const max = within ? Infinity : settings.maxDiagnostics;
  const out: Diagnostic[] = [];
  let total = 0;
  const { starts, ends } = analysis.occurrences;
  let firstOmitted = -1;
  const testFile = isTestFile(document.uri);
  const suppressions = Suppressions.of(document, analysis.kind, settings.ignore);
  const first = within ? analysis.occurrences.lowerBound(within.start) : 0;
  for (let i = first; i < analysis.occurrences.length; i++) {
    if (within && starts[i] > within.end) break;
    const problem = check(i, analysis, registry, settings, testFile);
    if (!problem) continue;
    const start = document.positionAt(starts[i]);
    if (suppressions.covers(start.line, start.character, problem.rule, analysis.occurrences.code(i))) continue;
    total++;
    if (out.length >= max) {
      if (firstOmitted < 0) firstOmitted = i;
      continue;
    }
    out.push({
      range: { start, end: document.positionAt(ends[i]) },
      severity,
      source: DIAGNOSTIC_SOURCE,
      code: problem.rule,
      codeDescription: { href: RULES_URL + problem.rule },
      message: problem.message,
      ...(problem.data ? { data: problem.data } : {}),
    });
  }
  const omitted = firstOmitted >= 0 ? document.positionAt(starts[firstOmitted]) : undefined;
  if (omitted && !suppressions.covers(omitted.line, omitted.character, Rule.TooMany)) {
    out.push({
      range: { start: omitted, end: document.positionAt(ends[firstOmitted]) },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: Rule.TooMany,
      codeDescription: { href: RULES_URL + Rule.TooMany },
      message: `Showing the first ${max} of ${total} error-code problems in this file (errorCodes.maxDiagnostics).`,
    });
  }
  return out;
}
