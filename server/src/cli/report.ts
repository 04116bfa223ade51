/** What `check` prints: text lines per file, a JSON report and a SARIF 2.1.0 log, from the same results. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES_URL, Rule } from '../service/diagnostics';
import type { FileResult, FindingSeverity } from './checkFile';

export const TOOL_NAME = 'api-error-codes';
export const TOOL_URL = 'https://github.com/api-error-codes/vscode-api-error-codes';
/** The rule the CLI adds for problems inside `*.errorcodes.json` files (the server reports them the same way). */
export const REGISTRY_RULE = 'registry-file';

/** One line per rule for SARIF viewers; a rule without a line here still gets its id and help link. */
const DESCRIPTIONS: Record<string, string> = {
  [Rule.UnknownCode]: 'A number in a code position that the vendor named by its context (or any enabled vendor) does not define.',
  [Rule.NotVendorCode]: 'A number in a code position that the vendor named by its context does not define, but another vendor does.',
  [Rule.DidYouMean]: 'A code-shaped string that is no known code but is a small edit away from one.',
  [REGISTRY_RULE]: 'A problem inside a *.errorcodes.json registry file: syntax, schema, duplicates, overrides.',
  [Rule.TooMany]: 'A file had more error-code problems than errorCodes.maxDiagnostics; the rest are not listed.',
};

/** Every rule a finding can carry: the service's rules (so a new one appears by itself) and the registry-file rule. */
export const RULES: readonly { id: string; description: string }[] = [...new Set<string>([...Object.values(Rule), REGISTRY_RULE])].map((id) => ({
  id,
  description: DESCRIPTIONS[id] ?? `The ${id} rule; see ${RULES_URL}${id}.`,
}));

export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  filesWithFindings: number;
  filesChecked: number;
  fixes: number;
  /** Files that could not be read or checked (I/O errors: exit 2). */
  failed: number;
  /** Files skipped on purpose (binary, too big, unsupported). */
  skipped: number;
}

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, info: 0, hint: 0, filesWithFindings: 0, filesChecked: 0, fixes: 0, failed: 0, skipped: 0 };
}

export function count(counts: Counts, r: FileResult): void {
  if (r.problem?.severity === 'error') counts.failed++;
  else if (r.problem) counts.skipped++;
  if (!r.problem || r.findings.length) counts.filesChecked++;
  if (r.findings.length) counts.filesWithFindings++;
  for (const f of r.findings) counts[f.severity]++;
  counts.fixes += r.fixes?.length ?? 0;
}

/** The path as printed: relative to the working directory when inside it, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

const COLOURS: Record<FindingSeverity | 'dim' | 'bold' | 'green', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  hint: [90, 39],
  dim: [2, 22],
  bold: [1, 22],
  green: [32, 39],
};

export type Paint = (style: keyof typeof COLOURS, text: string) => string;
export const plain: Paint = (_s, text) => text;
export const ansi: Paint = (s, text) => `\u001b[${COLOURS[s][0]}m${text}\u001b[${COLOURS[s][1]}m`;

/** Registry text (a workspace vendor's display name in a message) and file names are data: no terminal control codes. */
export const terminalSafe = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

/** One file's block for `--format text` ('' when there is nothing to say). */
export function textBlock(r: FileResult, cwd: string, paint: Paint): string {
  const file = terminalSafe(displayPath(r.file, cwd));
  const lines: string[] = [];
  if (r.problem) lines.push(`${paint('bold', file)}  ${paint(r.problem.severity, r.problem.severity)}  ${terminalSafe(r.problem.message)}`);
  for (const f of r.fixes ?? []) lines.push(`${paint('bold', `${file}:${f.line}:${f.column}`)}  ${paint('green', 'fixed')}  ${terminalSafe(f.from)} → ${terminalSafe(f.to)}  ${paint('dim', f.rule)}`);
  for (const f of r.findings) {
    lines.push(`${paint('bold', `${file}:${f.line}:${f.column}`)}  ${paint(f.severity, f.severity)}  ${paint('dim', f.rule)}  ${terminalSafe(f.message)}`);
  }
  return lines.length ? lines.join('\n') + '\n\n' : '';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The closing lines of `--format text`. */
export function textSummary(c: Counts, paint: Paint): string {
  const total = c.error + c.warning + c.info + c.hint;
  const parts = [`${plural(c.filesChecked, 'file')} checked`];
  if (c.fixes) parts.push(`${plural(c.fixes, 'fix', 'fixes')} applied`);
  if (c.failed) parts.push(paint('error', `${plural(c.failed, 'file')} could not be read or checked`));
  if (c.skipped) parts.push(`${plural(c.skipped, 'file')} skipped`);
  const head = total
    ? `${plural(total, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info, ${plural(c.hint, 'hint')}) in ${plural(c.filesWithFindings, 'file')}`
    : paint('green', 'no problems');
  return `${head}; ${parts.join('; ')}\n`;
}

/** The `--format json` document. */
export function jsonReport(results: FileResult[], counts: Counts, cwd: string): unknown {
  return {
    tool: TOOL_NAME,
    summary: counts,
    files: results.map((r) => ({ ...r, file: displayPath(r.file, cwd) })),
  };
}

const SARIF_LEVEL: Record<FindingSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file).href };
}

/** The `--format sarif` log (SARIF 2.1.0), for code-scanning uploads. */
export function sarifReport(results: FileResult[], counts: Counts, cwd: string, version: string): unknown {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.rule,
      ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(r.file, cwd),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      ...(f.suggestions?.length ? { properties: { suggestions: f.suggestions } } : {}),
    })),
  );
  const notifications = results
    .filter((r) => r.problem)
    .map((r) => ({
      level: r.problem!.severity,
      message: { text: r.problem!.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(r.file, cwd) } }],
    }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            informationUri: TOOL_URL,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              helpUri: RULES_URL + r.id,
              help: { text: `${r.description} See ${RULES_URL + r.id}` },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: counts.failed === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
}
