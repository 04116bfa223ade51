/**
 * Quick fixes: replace a mistyped or unknown code with a suggestion. Each edit is built from the server's own analysis
 * of the lines asked about, never from a range the client sends back: Neovim 0.7 echoes diagnostics with byte columns,
 * and an edit at those columns on a line with `'Ünïcödé 😀'` overwrote the wrong characters.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import type { Analysis } from './analysis';
import { DIAGNOSTIC_SOURCE, doValidation, type DiagnosticData } from './diagnostics';
import { switchActions } from './exhaustive';
import { lineCommentOf } from './suppressions';

const MAX_ACTIONS_PER_DIAGNOSTIC = 3;
/**
 * "Ignore … on this line" is a quick fix of its own sub-kind: editors list it with the other quick fixes, and the
 * CLI's `--fix`, which applies plain quick fixes only, never writes a suppression.
 */
export const IGNORE_ACTION_KIND = `${CodeActionKind.QuickFix}.ignore`;

/** A UTF-16 column of a line in the units a client may mean: UTF-16 (LSP's default), UTF-8 bytes, code points. */
function columnsOf(line: string, utf16: number): number[] {
  const before = line.slice(0, utf16);
  return [utf16, Buffer.byteLength(before, 'utf8'), [...before].length];
}

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** Our diagnostics for occurrences that start on lines first..last, computed now from the cached analysis. */
function serverDiagnostics(document: TextDocument, analysis: Analysis, registry: Registry, settings: Settings, first: number, last: number): Diagnostic[] {
  const start = document.offsetAt({ line: first, character: 0 });
  const end = document.offsetAt({ line: last + 1, character: 0 });
  return doValidation(document, analysis, registry, settings, { start, end });
}

/** Whether a server diagnostic starts where the client's does, in any unit the client may count columns in. */
function sameStart(document: TextDocument, server: Diagnostic, client: Range): boolean {
  if (server.range.start.line !== client.start.line) return false;
  return columnsOf(lineText(document, server.range.start.line), server.range.start.character).includes(client.start.character);
}

/** Whether a server diagnostic's range meets the requested one, in any unit the client may count columns in. */
function meets(document: TextDocument, server: Diagnostic, requested: Range): boolean {
  const { start, end } = server.range;
  if (end.line < requested.start.line || start.line > requested.end.line) return false;
  if (start.line !== end.line || requested.start.line !== requested.end.line || start.line !== requested.start.line) return true;
  const text = lineText(document, start.line);
  const from = columnsOf(text, start.character);
  const to = columnsOf(text, end.character);
  return from.some((f, unit) => f <= requested.end.character && to[unit] >= requested.start.character);
}

/** The server's diagnostic that a client's echoed diagnostic stands for: same rule and line, the start in any unit. */
function matchServer(document: TextDocument, client: Diagnostic, candidates: Diagnostic[]): Diagnostic | undefined {
  const sameRule = candidates.filter((d) => d.code === client.code && d.range.start.line === client.range.start.line);
  const sameMessage = sameRule.filter((d) => d.message === client.message);
  const pool = sameMessage.length ? sameMessage : sameRule;
  return pool.find((d) => sameStart(document, d, client.range)) ?? (pool.length === 1 ? pool[0] : undefined);
}

function fixes(uri: string, server: Diagnostic, shown: Diagnostic, registry: Registry): CodeAction[] {
  const data = server.data as DiagnosticData | undefined;
  const actions: CodeAction[] = [];
  if (!data?.suggestions?.length) return actions;
  data.suggestions.slice(0, MAX_ACTIONS_PER_DIAGNOSTIC).forEach((s, i) => {
    if (typeof s?.code !== 'string' || !/^(?:\d{1,9}|[A-Z][A-Z0-9_]*)$/.test(s.code)) return;
    const vendor = registry.displayName(String(s.vendor));
    actions.push({
      title: `Replace with ${s.code} (${vendor}: ${String(s.title).slice(0, 80)})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [shown],
      isPreferred: i === 0,
      edit: { changes: { [uri]: [{ range: server.range, newText: s.code }] } },
    });
  });
  return actions;
}

/** Inserts `<comment> error-codes-disable-next-line <rule>` above the diagnostic's line, indented as that line. */
function ignoreAction(document: TextDocument, analysis: Analysis, server: Diagnostic, shown: Diagnostic): CodeAction | undefined {
  const comment = lineCommentOf(analysis.kind);
  if (!comment) return undefined;
  const line = server.range.start.line;
  const indent = /^[ \t]*/.exec(lineText(document, line))![0];
  const text = document.getText();
  const newline = text.indexOf('\n');
  const eol = newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return {
    title: `Ignore ${String(server.code)} on this line`,
    kind: IGNORE_ACTION_KIND,
    diagnostics: [shown],
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${indent}${comment} error-codes-disable-next-line ${String(server.code)}${eol}` }] } },
  };
}

/**
 * Quick fixes for the client's diagnostics of ours in the request (matched to the server's own by rule, line and
 * start column), or, when it sends none, for our diagnostics whose range meets the requested range; then "Ignore
 * <rule> on this line" for them where the language has comments; then the refactorings of the requested range
 * (exhaustive.ts: the unhandled cases of a vendor's switch).
 */
export function doCodeActions(
  document: TextDocument,
  analysis: Analysis,
  registry: Registry,
  settings: Settings,
  range: Range,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const ours = diagnostics.filter((d) => d?.source === DIAGNOSTIC_SOURCE && d.range);
  const lines = [range.start.line, range.end.line, ...ours.flatMap((d) => [d.range.start.line, d.range.end.line])].filter(
    (n) => Number.isInteger(n) && n >= 0,
  );
  if (!lines.length) return [];
  const candidates = serverDiagnostics(document, analysis, registry, settings, Math.min(...lines), Math.max(...lines));
  const actions: CodeAction[] = [];
  const ignoring: CodeAction[] = [];
  const ignored = new Set<string>();
  const add = (server: Diagnostic, shown: Diagnostic) => {
    actions.push(...fixes(document.uri, server, shown, registry));
    // One "Ignore" per rule and line: the directive covers every finding of the rule there.
    const key = `${server.range.start.line}:${String(server.code)}`;
    const ignore = ignored.has(key) ? undefined : ignoreAction(document, analysis, server, shown);
    if (ignore) {
      ignoring.push(ignore);
      ignored.add(key);
    }
  };
  if (ours.length) {
    const used = new Set<Diagnostic>();
    for (const client of ours) {
      const server = matchServer(document, client, candidates.filter((d) => !used.has(d)));
      if (!server) continue;
      used.add(server);
      add(server, client);
    }
  } else for (const server of candidates) if (meets(document, server, range)) add(server, server);
  return [...actions, ...ignoring, ...switchActions(document, analysis, registry, range)];
}
