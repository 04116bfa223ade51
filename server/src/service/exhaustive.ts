/**
 * "Add cases for the 5 unhandled Faceki codes": for the innermost switch over a code key around the requested range,
 * whose cases resolve to one vendor, an edit that adds a case for every code of that vendor it does not handle, in the
 * registry's order. What the switch does today for any code must not change, so the new labels share one body placed
 * where it keeps that behaviour: stacked right before `default:` (they fall through into it); before Python's
 * `case _:` as one or-pattern case with a copy of the wildcard's body (`match` has no fall-through); with no
 * catch-all, at the end with an empty body (`break;` / `pass`), as the switch did nothing for them before either.
 * Every body it writes is a stub that coverage does not count as handling (see handling.ts and its STUB_MARK).
 */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Entry } from '../registryTypes';
import { lineEndOf, lineStartOf, nextLineStart } from '../utils/lineBreaks';
import type { Analysis, ResolvedOccurrence } from './analysis';
import { STUB_MARK } from './handling';
import { languageRow, type CaseSyntax, type LanguageKind } from './languages';
import type { SwitchShape } from './scanTypes';

/** Codes an edit may write as a literal; a workspace registry's other spellings are left out rather than escaped. */
const WRITABLE_CODE = /^(?:\d{1,9}|[A-Z][A-Z0-9_]*)$/;
/** A case's comment is cut to this many characters. */
const MAX_COMMENT = 160;
/**
 * A switch over an HTTP status handles the few statuses its API answers with; all 62 registered ones would be noise.
 * (A vendor's own codes under 100, Faceki's `1`, are listed: the vendor answers with them.)
 */
const NOT_EXHAUSTIVE = new Set(['http']);

/** How the switch action writes in a language: its row's case syntax and line comment (languages.ts). */
function syntaxOf(kind: LanguageKind): (CaseSyntax & { comment: string }) | undefined {
  const row = languageRow(kind);
  return row.cases && row.lineComment ? { ...row.cases, comment: row.lineComment } : undefined;
}

/**
 * Registry text as one line of a line comment: control and format characters (line breaks, U+2028/9, bidi
 * overrides) become spaces, and what could end a comment early in any of our languages (`*\/`, PHP's `?>`) is broken.
 */
export function commentText(text: string, max = MAX_COMMENT): string {
  const one = text
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\*\//g, '* /')
    .replace(/\?>/g, '? >')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...one];
  return chars.length <= max ? one : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

/** The code's name, title and description, each once: `SELFIE_LIVENESS_FAILED — Selfie liveness verification failed.` */
export function caseComment(entry: Entry): string {
  const norm = (s: string) => s.toLowerCase().replace(/[.\s]+$/, '');
  const parts: string[] = [];
  for (const part of [entry.name !== entry.code ? entry.name : undefined, entry.title, entry.description]) {
    const line = part ? commentText(part, Number.MAX_SAFE_INTEGER) : '';
    if (line && !parts.some((p) => norm(p) === norm(line))) parts.push(line);
  }
  return commentText(parts.join(' — '));
}

/** Leading whitespace of the line holding `offset`, and whether nothing else stands before `offset` on it. */
function indentAt(text: string, offset: number): { indent: string; first: boolean } {
  const start = lineStartOf(text, offset);
  const indent = /^[ \t]*/.exec(text.slice(start, lineEndOf(text, start)))![0];
  return { indent, first: start + indent.length === offset };
}

/** The line break the switch's own line ends with (`\n` when it has none). */
function lineBreakAt(text: string, offset: number): string {
  const end = lineEndOf(text, offset);
  return end >= text.length ? '\n' : text.slice(end, nextLineStart(text, end));
}

/** The innermost switch over a code key whose statement holds [from, to]. */
function switchAround(analysis: Analysis, from: number, to: number): { group: number; shape: SwitchShape } | undefined {
  let best: { group: number; shape: SwitchShape } | undefined;
  for (const [group, shape] of analysis.groups.switchShapes()) {
    if (shape.key === undefined || shape.start > from || to > shape.end) continue;
    if (!best || shape.start > best.shape.start) best = { group, shape };
  }
  return best;
}

/** The "add the unhandled cases" action for the switch around `range`, or none. */
export function switchActions(document: TextDocument, analysis: Analysis, registry: Registry, range: Range): CodeAction[] {
  const syntax = syntaxOf(analysis.kind);
  if (!syntax) return [];
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const found = switchAround(analysis, Math.min(from, to), Math.max(from, to));
  if (!found) return [];
  const { group, shape } = found;
  const occurrences = analysis.occurrences;
  const cases: ResolvedOccurrence[] = [];
  for (let i = occurrences.lowerBound(shape.open); i < occurrences.length && occurrences.starts[i] < shape.end; i++) {
    if (occurrences.groups[i] === group && occurrences.via(i) === 'case') cases.push(analysis.resolve(i));
  }
  const vendors = new Set(cases.map((c) => c.resolvedVendor));
  const vendor = vendors.size === 1 ? cases[0].resolvedVendor : undefined;
  if (!vendor || NOT_EXHAUSTIVE.has(vendor)) return [];
  const handled = new Set<string>();
  for (const c of cases) {
    const entry = registry.entry(vendor, c.code);
    if (entry) handled.add(entry.code);
  }
  // A switch whose cases are mostly some other codes (Node's `ERR_*`) is not this vendor's.
  if (handled.size === 0 || cases.filter((c) => registry.entry(vendor, c.code)).length * 2 < cases.length) return [];
  const missing = (registry.vendors.get(vendor)?.entries ?? []).filter((e) => !handled.has(e.code) && WRITABLE_CODE.test(e.code));
  if (!missing.length) return [];

  const text = document.getText();
  const edit = syntax.fallThrough ? stackedCases(text, shape, cases, missing, syntax) : patternCase(text, shape, cases, missing, syntax);
  const position = document.positionAt(edit.at);
  const name = commentText(registry.displayName(vendor), 60);
  const title = missing.length === 1 ? `Add a case for the 1 unhandled ${name} code` : `Add cases for the ${missing.length} unhandled ${name} codes`;
  return [
    {
      title,
      kind: CodeActionKind.RefactorRewrite,
      edit: { changes: { [document.uri]: [{ range: { start: position, end: position }, newText: edit.newText }] } },
    },
  ];
}

interface Layout {
  eol: string;
  switchIndent: string;
  caseIndent: string;
  bodyIndent: string;
  /** A code as the existing cases write theirs: a number, or a string in their quotes. */
  literal(code: string): string;
}

/** Indentation, line break and literal style, read from the switch's own cases. */
function layoutOf(text: string, shape: SwitchShape, cases: { start: number; wholeString: boolean }[], syntax: CaseSyntax & { comment: string }): Layout {
  const eol = lineBreakAt(text, shape.start);
  const switchIndent = indentAt(text, shape.start).indent;
  // The first case's label line, when `case` starts it (the occurrence is the literal after `case`).
  const first = cases[0];
  const firstLine = lineStartOf(text, first.start);
  const firstIndent = indentAt(text, firstLine).indent;
  const labelled = text.startsWith('case', firstLine + firstIndent.length);
  const wildcard = shape.wildcard && indentAt(text, shape.wildcard.start);
  const caseIndent = wildcard?.first ? wildcard.indent : labelled ? firstIndent : switchIndent + syntax.unit;
  // A body line below the first label tells how deep bodies go; else one unit deeper than the cases.
  let bodyIndent: string | undefined;
  for (let line = nextLineStart(text, lineEndOf(text, first.start)), n = 0; line < shape.close && n < 200 && !bodyIndent; line = nextLineStart(text, lineEndOf(text, line)), n++) {
    const { indent } = indentAt(text, line);
    if (indent.length > caseIndent.length && indent.startsWith(caseIndent) && !/^\s*$/.test(text.slice(line, lineEndOf(text, line)))) bodyIndent = indent;
  }
  const unit = caseIndent.length > switchIndent.length && caseIndent.startsWith(switchIndent) ? caseIndent.slice(switchIndent.length) : caseIndent.includes('\t') ? '\t' : syntax.unit;
  bodyIndent ??= caseIndent + unit;
  const quote = first.wholeString ? text[first.start - 1] : syntax.quote;
  const literal = (code: string) => (first.wholeString || !/^\d+$/.test(code) ? quote + code + quote : code);
  return { eol, switchIndent, caseIndent, bodyIndent, literal };
}

/** TS / PHP: one label per code, stacked before `default:` (falling through into it) or at the end over `break;`. */
function stackedCases(text: string, shape: SwitchShape, cases: { start: number; wholeString: boolean }[], missing: Entry[], syntax: CaseSyntax & { comment: string }): { at: number; newText: string } {
  const { eol, switchIndent, caseIndent, bodyIndent, literal } = layoutOf(text, shape, cases, syntax);
  const labels = missing.map((e) => `case ${literal(e.code)}: ${syntax.comment} ${caseComment(e)}`);
  if (shape.wildcard) {
    const { first } = indentAt(text, shape.wildcard.start);
    return { at: shape.wildcard.start, newText: (first ? '' : eol + caseIndent) + labels.map((l) => l + eol + caseIndent).join('') };
  }
  const body = `${bodyIndent}break; ${syntax.comment} ${STUB_MARK}`;
  // After the last statement's line (its trailing comment stays with it), unless the `}` or a block comment follows on it.
  const lineEnd = lineEndOf(text, shape.lastEnd);
  const closeOnLine = shape.close >= shape.lastEnd && shape.close < lineEnd;
  const atLastToken = closeOnLine || text.slice(shape.lastEnd, lineEnd).includes('/*');
  const newText = labels.map((l) => eol + caseIndent + l).join('') + eol + body + (atLastToken ? eol + (closeOnLine ? switchIndent : caseIndent) : '');
  return { at: atLastToken ? shape.lastEnd : lineEnd, newText };
}

/**
 * Python: one case whose or-pattern has a line per code, before `case _:` with a copy of its body (so these codes do
 * what they did), or after the last case with `pass`.
 */
function patternCase(text: string, shape: SwitchShape, cases: { start: number; wholeString: boolean }[], missing: Entry[], syntax: CaseSyntax & { comment: string }): { at: number; newText: string } {
  const { eol, caseIndent, bodyIndent, literal } = layoutOf(text, shape, cases, syntax);
  const c = syntax.comment;
  const last = missing.length - 1;
  // Python: `case (\n 400  # …\n | 404  # …\n):`; Go: `case 400, // …\n\t404: // …`.
  const header =
    missing.length === 1
      ? `case ${literal(missing[0].code)}:  ${c} ${caseComment(missing[0])}`
      : syntax.alternatives === ', '
        ? `case ${missing.map((e, i) => `${i ? bodyIndent : ''}${literal(e.code)}${i === last ? ':' : ','}  ${c} ${caseComment(e)}`).join(eol)}`
        : `case (${eol}${missing.map((e, i) => `${bodyIndent}${i ? '| ' : ''}${literal(e.code)}  ${c} ${caseComment(e)}`).join(eol)}${eol}${caseIndent}):`;
  if (shape.wildcard && shape.wildcard.end <= shape.lastEnd) {
    let body = text.slice(shape.wildcard.end, shape.lastEnd);
    // A body on the label's line (`case _: return x`) moves to its own line, out of reach of the header's comment.
    if (!/^[ \t]*[\r\n]/.test(body)) body = eol + bodyIndent + body.trimStart();
    // The copy is a stub: marked, so coverage does not count these codes as handled (service/handling.ts).
    const wildcard = text.slice(shape.wildcard.start, shape.wildcard.end).replace(/\s*:$/, '');
    return { at: shape.wildcard.start, newText: header + eol + `${bodyIndent}${c} ${STUB_MARK} (does what ${wildcard} does)` + body + eol + caseIndent };
  }
  // An empty case is a statement in Go; Python needs `pass`.
  const stub = syntax.alternatives === ', ' ? `${c} ${STUB_MARK}` : `pass  ${c} ${STUB_MARK}`;
  return { at: shape.lastEnd, newText: eol + caseIndent + header + eol + `${bodyIndent}${stub}` };
}
