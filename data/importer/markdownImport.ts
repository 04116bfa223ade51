/**
 * Turns a vendor's error-code page (markdown or plain text) into registry entries.
 *
 * The page is parsed with markdown-it (CommonMark + GFM tables); recognisers then look at whole blocks, never at raw
 * lines, so a code inside a paragraph of prose or a JSON example is not mistaken for a definition. Every block that
 * looks like it might hold codes but was not used is reported, so a user importing their own vendor's page sees what
 * was left out instead of a silent guess.
 */
import MarkdownIt from 'markdown-it';
import { NUMERIC_CODE, SYMBOLIC_CODE } from '../../server/src/codeShapes';
// markdown-it's own plugin for definition lists (`TERM` / `: definition`), a common shape of error pages.
const deflist = require('markdown-it-deflist') as (md: InstanceType<typeof MarkdownIt>) => void;

/** An entry as found on a page, before vendor-level fixes (categories, errata) are applied. */
export interface ImportedEntry {
  code: string;
  name?: string;
  title: string;
  description: string;
  category?: string;
  httpStatus?: number;
  /** 1-based line of the row or heading in the page. */
  line: number;
  notes?: string[];
}

export type Shape = 'code-table' | 'status-value-table' | 'code-heading' | 'code-first-heading' | 'definition-term';

export interface ImportReport {
  entries: ImportedEntry[];
  /** Blocks the importer used, with the shape it recognised and how many codes each gave. */
  recognized: { line: number; shape: Shape; count: number }[];
  /** Blocks that mention code-like tokens but were not used, and why. */
  skipped: { line: number; block: string; reason: string }[];
}

const NUMERIC = NUMERIC_CODE;
const SYMBOLIC = SYMBOLIC_CODE;
const CODE_LIKE = /\b(?:\d{3,9}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/;
/** `NAME` (Code: N): Faceki's heading, with or without backticks and heading markup. */
const NAME_THEN_CODE = /^`?([A-Z][A-Z0-9_]*(?:[/ ][A-Z0-9_]+)*)`?\s*\(\s*(?:error\s+)?code\s*:?\s*(\d{1,9})\s*\)\s*:?$/i;
/** 1001 — INVALID_TOKEN, `1001` INVALID_TOKEN, 1001: Invalid token: code first, name or title after. */
const CODE_THEN_NAME = /^`?(\d{1,9}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`?(?:\s*[-–—:|.]\s*|\s+)`?([^`]+?)`?\s*$/;

const md = new MarkdownIt('commonmark', { html: true }).enable('table').use(deflist);
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

interface InlineText {
  text: string;
  /** Raw HTML fragments that were dropped (e.g. a stray `<br>`). */
  droppedHtml: string[];
}

/** Inline tokens to text: code spans keep their backticks, links keep their text, HTML is dropped and reported. */
function inlineText(token: Token | undefined): InlineText {
  const droppedHtml: string[] = [];
  let text = '';
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text':
        text += child.content;
        break;
      case 'code_inline':
        text += '`' + child.content + '`';
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'html_inline':
        droppedHtml.push(child.content);
        break;
      default:
        break; // strong/em/link open-close: their text children carry the words
    }
  }
  return { text: text.replace(/\s+/g, ' ').trim(), droppedHtml };
}

/** A table cell's value with emphasis and code-span markup removed: "**`200`**" → "200". */
function bare(text: string): string {
  return text.replace(/`/g, '').trim();
}

function htmlNote(dropped: string[]): string[] | undefined {
  return dropped.length ? [`Markup removed from the source text: ${dropped.join(' ')}`] : undefined;
}

interface Table {
  line: number;
  headers: string[];
  rows: { line: number; cells: InlineText[] }[];
}

function readTable(tokens: Token[], start: number): { table: Table; end: number } {
  const table: Table = { line: (tokens[start].map?.[0] ?? 0) + 1, headers: [], rows: [] };
  let i = start + 1;
  let row: { line: number; cells: InlineText[] } | undefined;
  let inHead = false;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open' && !inHead) row = { line: (t.map?.[0] ?? 0) + 1, cells: [] };
    else if (t.type === 'tr_close' && row) {
      table.rows.push(row);
      row = undefined;
    } else if (t.type === 'inline') {
      if (inHead) table.headers.push(inlineText(t).text.toLowerCase());
      else row?.cells.push(inlineText(t));
    }
  }
  return { table, end: i };
}

type Role = 'code' | 'name' | 'title' | 'description' | 'category' | 'details' | 'http';

/** Decides what each column of a table means, or why the table holds no codes. */
function tableRoles(table: Table): { roles: (Role | undefined)[]; shape: Shape } | string {
  const cols = table.headers.length;
  const columnValues = (c: number) => table.rows.map((r) => bare(r.cells[c]?.text ?? ''));
  const mostly = (c: number, re: RegExp) => {
    const values = columnValues(c).filter((v) => v !== '');
    // Most, not all: a footnote or "n/a" row must not hide a column of codes.
    return values.length > 0 && values.filter((v) => re.test(v)).length >= Math.ceil(values.length * 0.6);
  };
  const numeric: number[] = [];
  const symbolic: number[] = [];
  for (let c = 0; c < cols; c++) {
    if (mostly(c, NUMERIC)) numeric.push(c);
    else if (mostly(c, SYMBOLIC)) symbolic.push(c);
  }
  const roles: (Role | undefined)[] = new Array(cols).fill(undefined);
  const httpCol = numeric.find((c) => /http/.test(table.headers[c]));
  // A numeric column other than the HTTP status that is headed as a code: the code, with any symbolic column as
  // its name (`Error Code | Name | HTTP | Message`). Otherwise symbolic values with an HTTP column are AILabTools'
  // shape (`HTTP Status | Value | Description`).
  const numericCode = numeric.find((c) => c !== httpCol && /code|error|id/.test(table.headers[c]));
  let shape: Shape = 'code-table';
  if (symbolic.length && httpCol !== undefined && numericCode === undefined) {
    roles[symbolic[0]] = 'code';
    roles[httpCol] = 'http';
    shape = 'status-value-table';
  } else if (numeric.length) {
    const codeCol = numericCode ?? numeric.find((c) => /code|status|error|value|id/.test(table.headers[c])) ?? numeric[0];
    roles[codeCol] = 'code';
    if (symbolic.length) roles[symbolic[0]] = 'name';
    const other = numeric.find((c) => c !== codeCol && /http/.test(table.headers[c]));
    if (other !== undefined) roles[other] = 'http';
  } else if (symbolic.length) {
    roles[symbolic[0]] = 'code';
  } else {
    return `no column of codes (columns: ${table.headers.join(', ')})`;
  }
  for (let c = 0; c < cols; c++) {
    if (roles[c]) continue;
    const h = table.headers[c];
    if (/desc|meaning|explanation/.test(h)) roles[c] = 'description';
    else if (/detail|note|remark|comment/.test(h)) roles[c] = 'details';
    else if (/type|categor|class|group|kind/.test(h)) roles[c] = 'category';
    else if (/message|title|summary|reason|name|text/.test(h)) roles[c] = 'title';
  }
  if (!roles.includes('description') && !roles.includes('title')) {
    return `no description or message column (columns: ${table.headers.join(', ')})`;
  }
  return { roles, shape };
}

function cleanHeading(text: string): string {
  return bare(text).replace(/\s+/g, ' ').trim();
}

/** Imports one page. Pure: text in, entries and a report out. */
export function importMarkdown(text: string): ImportReport {
  const report: ImportReport = { entries: [], recognized: [], skipped: [] };
  const tokens = md.parse(text, {});
  let heading: string | undefined;
  /** The entry whose description may follow (after a code heading). */
  let pending: ImportedEntry | undefined;
  let pendingBlock: { line: number; shape: Shape } | undefined;

  const flushPending = () => {
    if (pending && pendingBlock) {
      if (!pending.description) pending.description = pending.title;
      report.entries.push(pending);
      report.recognized.push({ ...pendingBlock, count: 1 });
    }
    pending = undefined;
    pendingBlock = undefined;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const line = (t.map?.[0] ?? 0) + 1;
    if (t.type === 'table_open') {
      flushPending();
      const { table, end } = readTable(tokens, i);
      i = end;
      const decided = tableRoles(table);
      if (typeof decided === 'string') {
        report.skipped.push({ line: table.line, block: 'table', reason: decided });
        continue;
      }
      let count = 0;
      for (const row of table.rows) {
        const cell = (role: Role) => {
          const c = decided.roles.indexOf(role);
          return c >= 0 ? row.cells[c] : undefined;
        };
        const code = bare(cell('code')?.text ?? '');
        if (!NUMERIC.test(code) && !SYMBOLIC.test(code)) {
          report.skipped.push({ line: row.line, block: 'table row', reason: `"${code}" is not a code` });
          continue;
        }
        const titleCell = cell('title');
        const descCell = cell('description');
        const details = cell('details');
        const title = bare(titleCell?.text ?? '') || descCell?.text || code;
        let description = descCell?.text ?? titleCell?.text ?? '';
        if (details?.text) description = description ? `${description} ${details.text}` : details.text;
        const http = cell('http') ? Number(bare(cell('http')!.text)) : undefined;
        const name = cell('name') ? bare(cell('name')!.text) : undefined;
        const category = cell('category') ? bare(cell('category')!.text) : heading;
        const dropped = [titleCell, descCell, details].flatMap((c) => c?.droppedHtml ?? []);
        report.entries.push({
          code,
          ...(name ? { name } : {}),
          title,
          description,
          ...(category ? { category } : {}),
          ...(http !== undefined && Number.isInteger(http) ? { httpStatus: http } : {}),
          line: row.line,
          ...(htmlNote(dropped) ? { notes: htmlNote(dropped) } : {}),
        });
        count++;
      }
      report.recognized.push({ line: table.line, shape: decided.shape, count });
      continue;
    }
    if (t.type === 'heading_open' || (t.type === 'paragraph_open' && !t.hidden)) {
      const inline = inlineText(tokens[i + 1]);
      const isHeading = t.type === 'heading_open';
      const m = NAME_THEN_CODE.exec(inline.text);
      if (m) {
        flushPending();
        pending = { code: m[2], name: m[1].trim(), title: m[1].trim(), description: '', line };
        if (heading) pending.category = heading;
        pendingBlock = { line, shape: 'code-heading' };
        i += 2;
        continue;
      }
      const c = isHeading ? CODE_THEN_NAME.exec(inline.text) : null;
      if (c && !/\s/.test(c[1]) && (NUMERIC.test(c[1]) || SYMBOLIC.test(c[1])) && c[2].length > 1) {
        flushPending();
        const second = bare(c[2]);
        const named = NUMERIC.test(c[1]) && SYMBOLIC.test(second);
        pending = { code: c[1], ...(named ? { name: second } : {}), title: second, description: '', line };
        if (heading) pending.category = heading;
        pendingBlock = { line, shape: 'code-first-heading' };
        i += 2;
        continue;
      }
      if (isHeading) {
        flushPending();
        heading = cleanHeading(inline.text) || heading;
        i += 2;
        continue;
      }
      if (pending) {
        const desc = inline.text.replace(/^description\s*:\s*/i, '');
        if (desc) {
          pending.description = pending.description ? `${pending.description} ${desc}` : desc;
          const note = htmlNote(inline.droppedHtml);
          if (note) (pending.notes ??= []).push(...note);
        }
        i += 2;
        continue;
      }
      if (CODE_LIKE.test(inline.text)) {
        report.skipped.push({ line, block: 'paragraph', reason: 'prose, not a code definition' });
      }
      i += 2;
      continue;
    }
    if (t.type === 'dt_open') {
      // A definition-list term: a code alone, or a code and its name (`1001 — TOKEN_EXPIRED`).
      const term = inlineText(tokens[i + 1]).text;
      const bareCode = bare(term);
      const c = CODE_THEN_NAME.exec(term);
      if (NUMERIC.test(bareCode) || SYMBOLIC.test(bareCode) || (c && (NUMERIC.test(c[1]) || SYMBOLIC.test(c[1])))) {
        flushPending();
        const code = NUMERIC.test(bareCode) || SYMBOLIC.test(bareCode) ? bareCode : c![1];
        const second = c && code === c[1] ? bare(c[2]) : undefined;
        const named = second && NUMERIC.test(code) && SYMBOLIC.test(second);
        pending = { code, ...(named ? { name: second } : {}), title: second ?? code, description: '', line };
        if (heading) pending.category = heading;
        pendingBlock = { line, shape: 'definition-term' };
      } else if (CODE_LIKE.test(term)) {
        report.skipped.push({ line, block: 'definition term', reason: `"${term.slice(0, 40)}" is not a code` });
      }
      i += 2;
      continue;
    }
    if (t.type === 'inline' && pending) {
      // A list item after a code heading: `* **Description**: …` (other labelled bullets are appended as notes).
      const inline = inlineText(t);
      const m = /^(\w[\w ]*?)\s*:\s*(.*)$/.exec(inline.text);
      if (pendingBlock?.shape === 'definition-term') {
        pending.description = pending.description ? `${pending.description} ${inline.text}` : inline.text;
      } else if (m && /^desc/i.test(m[1])) {
        pending.description = m[2];
      } else if (inline.text) {
        (pending.notes ??= []).push(inline.text);
      }
      const note = htmlNote(inline.droppedHtml);
      if (note) (pending.notes ??= []).push(...note);
      continue;
    }
    if (t.type === 'fence' || t.type === 'code_block') {
      if (CODE_LIKE.test(t.content)) report.skipped.push({ line, block: 'code block', reason: 'example, not a definition' });
      continue;
    }
    if (t.type === 'html_block' && CODE_LIKE.test(t.content)) {
      report.skipped.push({ line, block: 'HTML block', reason: 'raw HTML is not read' });
    }
    if (t.type === 'hr') flushPending();
  }
  flushPending();
  return report;
}
