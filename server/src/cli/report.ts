/** What `check` prints: text lines per file, a JSON report and a SARIF 2.1.0 log, from the same results. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { prose } from '../service/markdown';
import { Rule, RULES, RULES_URL } from '../service/rules';
import type { FileResult, FindingSeverity } from './checkFile';

export const TOOL_NAME = 'api-error-codes';
export const TOOL_URL = 'https://github.com/api-error-codes/vscode-api-error-codes';
/** The rule of problems inside `*.errorcodes.json` files (the server reports them the same way). */
export const REGISTRY_RULE = Rule.RegistryFile;

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
const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** What GitHub code scanning accepts of one upload: results per run, and the size of the gzipped file. */
export const GITHUB_LIMITS = { results: 25_000, gzipBytes: 10_000_000 };
/** The `partialFingerprints` key of our fingerprints (a new algorithm gets a new version). */
export const FINGERPRINT_KEY = 'errorCodesFinding/v1';

function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, file);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file).href };
}

/** SARIF plain-text messages read `[text](n)` as a link to a related location; registry text must not make one. */
const sarifText = (text: string): string => text.replace(/[[\]]/g, '\\$&');

/** The rules as SARIF's reportingDescriptors: GitHub requires `fullDescription` and shows `help` beside each alert. */
function sarifRules(): unknown[] {
  return RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    helpUri: RULES_URL + r.id,
    help: {
      text: `${r.full}\n\n${r.fix}\n\n${RULES_URL + r.id}`,
      markdown: `${prose(r.full)}\n\n**What to do:** ${prose(r.fix)}\n\n[The ${r.id} rule](${RULES_URL + r.id})`,
    },
    defaultConfiguration: { level: r.id === Rule.TooMany ? 'note' : 'warning' },
    properties: { tags: ['correctness', 'api-error-codes'] },
  }));
}

/**
 * The `--format sarif` log (SARIF 2.1.0) as written, for code-scanning uploads. Over GitHub's limits (`limits`) it
 * keeps the most severe results (errors first, then in walk order) and says how many it left out in a tool notification.
 */
export function sarifReport(results: FileResult[], counts: Counts, cwd: string, version: string, limits = GITHUB_LIMITS, category = TOOL_NAME): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id as string, i]));
  const all = results.flatMap((r) =>
    r.findings.map((f) => ({
      severity: f.severity,
      result: {
        ruleId: f.rule,
        ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: sarifText(f.message) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(r.file, cwd),
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        ...(f.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint } } : {}),
        ...(f.suggestions?.length ? { properties: { suggestions: f.suggestions } } : {}),
      },
    })),
  );
  const problems = results
    .filter((r) => r.problem)
    .map((r) => ({
      level: r.problem!.severity,
      message: { text: sarifText(r.problem!.message) },
      locations: [{ physicalLocation: { artifactLocation: artifact(r.file, cwd) } }],
    }));
  // Most severe first, walk order within a severity: the ones kept when a run is over the limits.
  const byRank = all.map((_, i) => i).sort((a, b) => RANK[all[a].severity] - RANK[all[b].severity] || a - b);
  const build = (kept: number) => {
    const keep = new Set(byRank.slice(0, kept));
    const notifications = [...problems];
    if (kept < all.length) {
      notifications.push({
        level: 'warning',
        message: {
          text:
            `${all.length - kept} of ${all.length} results were left out: GitHub code scanning accepts at most ` +
            `${limits.results.toLocaleString('en-US')} results per run and ${limits.gzipBytes / 1e6} MB gzipped. ` +
            'Errors are kept first; --format json or text lists every result.',
        },
        locations: [],
      });
    }
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: TOOL_NAME, version, semanticVersion: version, informationUri: TOOL_URL, rules: sarifRules() } },
          // Code scanning keeps one set of alerts per category; upload-sarif's `category` input fills this in only
          // when it is missing, so the CLI's --sarif-category is the way to tell two runs apart.
          automationDetails: { id: `${category}/` },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
          columnKind: 'utf16CodeUnits',
          invocations: [{ executionSuccessful: counts.failed === 0, toolExecutionNotifications: notifications.map(({ locations, ...n }) => (locations.length ? { ...n, locations } : n)) }],
          results: all.filter((_, i) => keep.has(i)).map((x) => x.result),
        },
      ],
    };
    return JSON.stringify(log, null, 2) + '\n';
  };
  let kept = Math.min(all.length, limits.results);
  let text = build(kept);
  // Only a log bigger than the limit uncompressed can be over it gzipped; shrink in proportion until it fits.
  for (let size = Buffer.byteLength(text) > limits.gzipBytes ? gzipSync(text).length : 0; size > limits.gzipBytes && kept > 0; ) {
    kept = Math.floor((kept * limits.gzipBytes * 0.95) / size);
    text = build(kept);
    size = gzipSync(text).length;
  }
  return text;
}
