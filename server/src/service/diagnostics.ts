/** Diagnostics: unknown numeric codes in code positions, and code-shaped strings one typo away from a real code. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import { vendorEnabled, type Settings, type Severity } from '../settings';
import { vendorDefines, type Analysis } from './analysis';
import { editDistance, typoBudget } from './editDistance';

export const DIAGNOSTIC_SOURCE = 'error-codes';
/** Where each rule is explained; `codeDescription.href` points at the README anchor of the rule. */
export const RULES_URL = 'https://github.com/api-error-codes/vscode-api-error-codes/blob/main/README.md#rule-';

/** Stable diagnostic codes, one per rule. */
export const Rule = {
  UnknownCode: 'unknown-code',
  NotVendorCode: 'not-vendor-code',
  DidYouMean: 'did-you-mean',
  TooMany: 'too-many-diagnostics',
} as const;

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
    .filter((e) => /^\d+$/.test(e.code) && e.code.length === code.length && editDistance(code, e.code, 1) === 1)
    .sort((a, b) => Math.abs(Number(a.code) - Number(code)) - Math.abs(Number(b.code) - Number(code)))
    .slice(0, 3)
    .map((e) => ({ code: e.code, vendor, title: e.title }));
}

/** The problem with one occurrence, if it has one. */
function check(index: number, analysis: Analysis, registry: Registry, settings: Settings): { rule: string; message: string; data?: DiagnosticData } | undefined {
  const raw = analysis.occurrences;
  if (raw.numeric(index)) {
    if (raw.symbolic(index)) return undefined;
    // Logs record what happened: a number there is worth explaining (hover) but not questioning.
    if (analysis.kind === 'log') return undefined;
    const occ = analysis.resolve(index);
    const n = Number(occ.code);
    const others = occ.candidates.map((e) => e.vendor);
    // Only a configured key (not a compound like `upstream_status`), a status call or a code switch is certainly a
    // code of the vendor its context names.
    const local = occ.exactKey ? occ.localVendor : undefined;
    if (local && !vendorDefines(registry, local, occ.code)) {
      const alsoIn = others.filter((v) => v !== local);
      const tail = alsoIn.length ? `; ${alsoIn.map((v) => registry.displayName(v)).join(', ')} ${alsoIn.length > 1 ? 'define' : 'defines'} it` : '';
      const suggestions = nearestNumeric(registry, local, occ.code);
      return {
        rule: alsoIn.length ? Rule.NotVendorCode : Rule.UnknownCode,
        message: `${occ.code} is not ${aCodeOf(registry, local)}${tail}.`,
        data: suggestions.length ? { suggestions } : undefined,
      };
    }
    if (others.length) return undefined;
    // No enabled vendor defines it: flag only certain code positions, and only values that look like codes.
    if (!occ.exactKey || n === 0) return undefined;
    const vendor = occ.resolvedVendor;
    if (!vendor && (n < 100 || n > 599)) return undefined;
    const suggestions = vendor ? nearestNumeric(registry, vendor, occ.code) : [];
    return {
      rule: Rule.UnknownCode,
      message: vendor ? `${occ.code} is not ${aCodeOf(registry, vendor)}.` : `${occ.code} is not a code of any enabled vendor.`,
      data: suggestions.length ? { suggestions } : undefined,
    };
  }
  if (registry.has(raw.code(index))) return undefined;
  if (!raw.wholeString(index) && raw.symbolic(index)) return undefined;
  const occ = analysis.resolve(index);
  const suggestions = nearestSymbolic(registry, settings, occ.code, occ.resolvedVendor);
  if (!suggestions.length) return undefined;
  const first = suggestions[0];
  return {
    rule: Rule.DidYouMean,
    message: `Unknown error code ${occ.code}. Did you mean ${first.code} (${registry.displayName(first.vendor)})?`,
    data: { suggestions },
  };
}

export function doValidation(document: TextDocument, analysis: Analysis, registry: Registry, settings: Settings): Diagnostic[] {
  if (settings.unknownCodeSeverity === 'off' || !settings.enable) return [];
  const severity = SEVERITY[settings.unknownCodeSeverity];
  const max = settings.maxDiagnostics;
  const out: Diagnostic[] = [];
  let total = 0;
  const { starts, ends } = analysis.occurrences;
  let firstOmitted = -1;
  for (let i = 0; i < analysis.occurrences.length; i++) {
    const problem = check(i, analysis, registry, settings);
    if (!problem) continue;
    total++;
    if (out.length >= max) {
      if (firstOmitted < 0) firstOmitted = i;
      continue;
    }
    out.push({
      range: { start: document.positionAt(starts[i]), end: document.positionAt(ends[i]) },
      severity,
      source: DIAGNOSTIC_SOURCE,
      code: problem.rule,
      codeDescription: { href: RULES_URL + problem.rule },
      message: problem.message,
      ...(problem.data ? { data: problem.data } : {}),
    });
  }
  if (firstOmitted >= 0) {
    out.push({
      range: { start: document.positionAt(starts[firstOmitted]), end: document.positionAt(ends[firstOmitted]) },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: Rule.TooMany,
      codeDescription: { href: RULES_URL + Rule.TooMany },
      message: `Showing the first ${max} of ${total} error-code problems in this file (errorCodes.maxDiagnostics).`,
    });
  }
  return out;
}
