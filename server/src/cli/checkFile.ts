/**
 * One file through the same pure service as the language server: read, analyse, validate, and with `fix` apply the
 * quick fixes that have a single suggestion, built by the server's own code-action function. Never throws: whatever
 * goes wrong is the file's `problem`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { analyze, type Analysis } from '../service/analysis';
import { doCodeActions } from '../service/codeActions';
import { doValidation, type DiagnosticData } from '../service/diagnostics';
import { errorText, looksBinary } from '../files/walk';

export type FindingSeverity = 'error' | 'warning' | 'info' | 'hint';

/** A diagnostic as the CLI reports it: 1-based line and column (UTF-16 code units, as LSP and SARIF count). */
export interface Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: FindingSeverity;
  rule: string;
  message: string;
  /** Codes the quick fix would offer. */
  suggestions?: string[];
  /** The same finding in the next run has the same value (see withFingerprints). */
  fingerprint?: string;
}

/** A quick fix applied by `--fix`. */
export interface AppliedFix {
  line: number;
  column: number;
  from: string;
  to: string;
  rule: string;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  fixes?: AppliedFix[];
  /** Why the file was not checked (or not fully): unreadable, binary, too big, an internal error. */
  problem?: { message: string; severity: 'error' | 'warning' };
}

/** Files over this size are skipped with a note (the server itself is tested up to a 49 MB log). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const SEVERITY_NAMES: Record<number, FindingSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Converts the service's diagnostics to findings. */
export function toFindings(document: TextDocument, diagnostics: Diagnostic[]): Finding[] {
  return withFingerprints(
    document,
    diagnostics.map((d) => {
      const suggestions = (d.data as DiagnosticData | undefined)?.suggestions?.map((s) => s.code);
      return {
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Warning] ?? 'warning',
        rule: String(d.code ?? ''),
        message: typeof d.message === 'string' ? d.message : d.message.value,
        ...(suggestions?.length ? { suggestions } : {}),
      };
    }),
  );
}

/**
 * Gives each finding a fingerprint that survives unrelated edits, so code scanning keeps one alert per problem across
 * runs: a hash of the rule, the text the finding is about and its line's text without indentation — not the line
 * number, which every edit above it changes — with `:n` telling apart the same finding repeated in a file.
 */
export function withFingerprints(document: TextDocument, findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const start = { line: f.line - 1, character: f.column - 1 };
    const subject = document.getText({ start, end: { line: f.endLine - 1, character: f.endColumn - 1 } });
    const lineText = document.getText({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }).trim();
    const hash = createHash('sha256').update(`${f.rule}\u0000${subject}\u0000${lineText}`).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    f.fingerprint = `${hash}:${n}`;
  }
  return findings;
}

/** The edits of the unambiguous quick fixes: diagnostics with one suggestion, turned into edits by doCodeActions. */
export function unambiguousFixEdits(
  document: TextDocument,
  analysis: Analysis,
  diagnostics: Diagnostic[],
  registry: Registry,
  settings: Settings,
): { diagnostic: Diagnostic; edit: TextEdit }[] {
  const out: { diagnostic: Diagnostic; edit: TextEdit }[] = [];
  const uri = document.uri;
  for (const diagnostic of diagnostics) {
    if ((diagnostic.data as DiagnosticData | undefined)?.suggestions?.length !== 1) continue;
    const actions = doCodeActions(document, analysis, registry, settings, diagnostic.range, [diagnostic]).filter((a) => a.kind === CodeActionKind.QuickFix);
    const edits = actions.length === 1 ? actions[0].edit?.changes?.[uri] : undefined;
    if (edits?.length === 1) out.push({ diagnostic, edit: edits[0] });
  }
  return out;
}

/**
 * What `fix` does: `true` rewrites the file with the unambiguous quick fixes; `'plan'` only reports them (the MCP
 * server returns fixes and never writes).
 */
export type FixMode = boolean | 'plan';

/** Checks one file; with `fix`, rewrites it with the unambiguous quick fixes and reports what is left. */
export function checkFile(file: string, languageId: string, registry: Registry, settings: Settings, fix: FixMode): FileResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { file, findings: [], problem: { message: `cannot read: ${errorText(e)}`, severity: 'error' } };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { file, findings: [], problem: { message: `skipped: ${(bytes.length / 1048576).toFixed(0)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit`, severity: 'warning' } };
  }
  if (looksBinary(bytes)) return { file, findings: [], problem: { message: 'skipped: binary file', severity: 'warning' } };
  const raw = bytes.toString('utf8');
  // Editors hand the server the text after the byte-order mark; so do we, and keep the mark when writing.
  const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = bom ? raw.slice(1) : raw;
  const uri = pathToFileURL(file).href;
  try {
    let document = TextDocument.create(uri, languageId, 1, text);
    let { analysis, diagnostics } = validate(document, registry, settings);
    const fixes: AppliedFix[] = [];
    if (fix && analysis) {
      const planned = unambiguousFixEdits(document, analysis, diagnostics, registry, settings);
      if (planned.length) {
        const edits = planned.map((p) => p.edit);
        const fixed = TextDocument.applyEdits(document, edits);
        if (fix !== 'plan') {
          try {
            fs.writeFileSync(file, bom + fixed);
          } catch (e) {
            return { file, findings: toFindings(document, diagnostics), problem: { message: `cannot write the fixes: ${errorText(e)}`, severity: 'error' } };
          }
        }
        for (const { diagnostic, edit } of planned) {
          fixes.push({
            line: edit.range.start.line + 1,
            column: edit.range.start.character + 1,
            from: document.getText(edit.range),
            to: edit.newText,
            rule: String(diagnostic.code ?? ''),
          });
        }
        // Planned fixes leave the file as it is, and so its findings.
        if (fix !== 'plan') {
          document = TextDocument.create(uri, languageId, 2, fixed);
          ({ analysis, diagnostics } = validate(document, registry, settings));
        }
      }
    }
    return { file, findings: toFindings(document, diagnostics), ...(fix ? { fixes } : {}) };
  } catch (e) {
    return { file, findings: [], problem: { message: `internal error while checking: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' } };
  }
}

function validate(document: TextDocument, registry: Registry, settings: Settings): { analysis?: Analysis; diagnostics: Diagnostic[] } {
  const analysis = analyze(document, registry, settings);
  return { analysis, diagnostics: analysis ? doValidation(document, analysis, registry, settings) : [] };
}
