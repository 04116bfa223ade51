/**
 * Coverage's one rule: whether a place in source code handles its code. The README's "Coverage" table says it in
 * words; the index, the tree's "handled N of M", "N places" and "unhandled only" all read this module.
 *
 * | place                                                                                   | handles |
 * | a case with statements of its own; stacked labels sharing such a body                  | yes     |
 * | a case whose body is only `break` / `pass`, falls into `default:`, or is a stub          | no      |
 * | a comparison, a membership test, a status argument, a code key's value (a table entry)  | yes     |
 * | a comment, a prose string, a constant's definition, an assertion, a log line            | no      |
 *
 * It reads only what an occurrence already carries (`via`, its range, its switch group's shape) and the text; the
 * engine is not asked for anything else.
 */
import type { Analysis } from './analysis';
import { languageRow } from './languages';

/** What the switch action writes into the bodies it adds, so a stub stays recognisable as one. */
export const STUB_MARK = 'TODO: handle';

type Kind = Analysis['kind'];

/** Whether occurrence `i` of an analysed source file handles its code (the test-file rule is the caller's). */
export function handlesPlace(analysis: Analysis, i: number, text: string): boolean {
  const occurrences = analysis.occurrences;
  switch (occurrences.via(i)) {
    case 'comment':
    case 'assert':
    case 'access-log':
      return false;
    case 'constant':
      return !definesConstant(analysis, i, text);
    case 'symbolic':
      return occurrences.wholeString(i) || !insideString(text, occurrences.starts[i]);
    case 'case': {
      const shape = analysis.groups.switchShapes().get(occurrences.groups[i]);
      const close = shape ? shape.close : text.length;
      // Indentation-bodied cases (Python's `match`, whose `case` has no fall-through and no braces) are read by lines.
      return languageRow(analysis.kind).engine?.orPatterns ? indentedCaseHandles(text, occurrences.ends[i], close, analysis.kind) : braceCaseHandles(text, occurrences.ends[i], close, analysis.kind);
    }
    default:
      return true;
  }
}

/**
 * A constant's definition (`const FACE_TOO_SMALL = 8008`, `FACE_TOO_SMALL: 8008` in the generated constants): both its
 * name and its value are places of the code, neither handles it; a use of the constant (`case FACE_TOO_SMALL:`) does.
 */
function definesConstant(analysis: Analysis, i: number, text: string): boolean {
  const occurrences = analysis.occurrences;
  const occ = occurrences.at(i);
  if (occ.key === undefined || text.slice(occ.start, occ.end) !== occ.key) return true; // the value of a definition
  if (i + 1 < occurrences.length && occurrences.via(i + 1) === 'constant') {
    const next = occurrences.at(i + 1);
    if (next.key === occ.key && /^\s*[:=]\s*['"`]?$/.test(text.slice(occ.end, next.start))) return true;
  }
  return false;
}

/** Whether `offset` sits inside a quoted string on its line (a name in prose: `'retry on FACE_TOO_SMALL'`). */
function insideString(text: string, offset: number): boolean {
  let quote = '';
  for (let p = text.lastIndexOf('\n', offset - 1) + 1; p < offset; p++) {
    const c = text[p];
    if (quote) {
      if (c === '\\') p++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
  }
  return quote !== '';
}

/** The significant text of a stretch of code (comments out) and whether a comment marks it as a stub. */
interface Body {
  significant: string;
  stub: boolean;
}

/**
 * TS / PHP: the body under the label that ends after `from`. Labels with no statement of their own share the next
 * label's body; a body reached by falling into `default:` or the switch's end handles nothing.
 */
function braceCaseHandles(text: string, from: number, close: number, kind: Kind): boolean {
  let p = labelEnd(text, from, close, kind);
  for (let guard = 0; p >= 0 && p < close && guard < 10_000; guard++) {
    const { body, end, next } = braceBody(text, p, close, kind);
    if (body.stub) return false;
    const s = body.significant;
    if (s) return !/^[{\s]*break\s*;?[\s}]*$/.test(s);
    if (next !== 'case') return false; // falls into `default:` or off the end
    // Without fall-through (Go) an empty case does nothing; it does not reach the next label's body.
    if (!languageRow(kind).cases?.fallThrough) return false;
    p = labelEnd(text, end + 4, close, kind);
  }
  return false;
}

/** Whether the language has `#` line comments (Python's, PHP's). */
function hashComments(kind: Kind): boolean {
  return !!languageRow(kind).directiveComments?.includes('#');
}

/** After the `:` that ends a label starting before `from`, or -1. */
function labelEnd(text: string, from: number, close: number, kind: Kind): number {
  let depth = 0;
  const hash = hashComments(kind);
  const semicolon = !!languageRow(kind).cases?.semicolonLabel;
  for (let p = from; p < close; p++) {
    const c = text[p];
    if (c === '"' || c === "'" || c === '`') p = stringEnd(text, p, close);
    else if (c === '#' && hash) p = lineEnd(text, p);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === ':' || (c === ';' && semicolon)) && depth <= 0 && text[p + 1] !== ':' && text[p - 1] !== ':') return p + 1;
  }
  return -1;
}

function stringEnd(text: string, p: number, limit: number): number {
  const quote = text[p];
  for (let q = p + 1; q < limit; q++) {
    if (text[q] === '\\') q++;
    else if (text[q] === quote || (quote !== '`' && text[q] === '\n')) return q;
  }
  return limit;
}

/** From `p` to the next label at the switch's own depth (`case`, `default`) or its closing `}`. */
function braceBody(text: string, p: number, close: number, kind: Kind): { body: Body; end: number; next: 'case' | 'default' | 'end' } {
  let significant = '';
  let stub = false;
  let depth = 0;
  const hash = hashComments(kind);
  for (; p < close; p++) {
    const c = text[p];
    if (c === '/' && text[p + 1] === '/') {
      const e = lineEnd(text, p);
      stub ||= text.slice(p, e).includes(STUB_MARK);
      p = e - 1;
    } else if (c === '#' && hash && text[p + 1] !== '[') {
      const e = lineEnd(text, p);
      stub ||= text.slice(p, e).includes(STUB_MARK);
      p = e - 1;
    } else if (c === '/' && text[p + 1] === '*') {
      const e = text.indexOf('*/', p + 2);
      const end = e < 0 ? close : e + 2;
      stub ||= text.slice(p, end).includes(STUB_MARK);
      p = end - 1;
    } else if (c === '"' || c === "'" || c === '`') {
      const e = stringEnd(text, p, close);
      significant += text.slice(p, e + 1);
      p = e;
    } else if (depth === 0 && /[cd]/.test(c) && !/[\w$]/.test(text[p - 1] ?? '')) {
      const word = /^(case|default)\b/.exec(text.slice(p, p + 8));
      if (word) return { body: { significant: significant.trim(), stub }, end: p, next: word[1] as 'case' | 'default' };
      significant += c;
    } else {
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      if (depth < 0) break;
      if (!/\s/.test(c) || !/\s$/.test(significant)) significant += /\s/.test(c) ? ' ' : c;
    }
  }
  return { body: { significant: significant.trim(), stub }, end: p, next: 'end' };
}

function lineEnd(text: string, p: number): number {
  const n = text.indexOf('\n', p);
  return n < 0 ? text.length : n;
}

/**
 * Python: the block under the `case` header around `from` — the rest of the header's line and the lines indented
 * deeper than `case`. `match` has no fall-through: each case has its own body.
 */
function indentedCaseHandles(text: string, from: number, close: number, kind: Kind): boolean {
  // The header's indentation: the line where its `case` keyword stands.
  let lineStart = text.lastIndexOf('\n', from - 1) + 1;
  for (let n = 0; n < 200 && !/^[ \t]*case\b/.test(text.slice(lineStart, lineStart + 200)) && lineStart > 0; n++) lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const caseIndent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  const colon = labelEnd(text, from, Math.max(close, text.length), kind);
  if (colon < 0) return false;
  let significant = '';
  let stub = false;
  const take = (line: string) => {
    const hash = commentStart(line);
    if (hash >= 0) stub ||= line.slice(hash).includes(STUB_MARK);
    significant += ' ' + (hash >= 0 ? line.slice(0, hash) : line).trim();
  };
  let e = lineEnd(text, colon);
  take(text.slice(colon, e));
  for (let p = e + 1; p < text.length; p = e + 1) {
    e = lineEnd(text, p);
    const line = text.slice(p, e).replace(/\r$/, '');
    if (/^[ \t]*(#.*)?$/.test(line)) {
      if (line.includes(STUB_MARK)) stub = true;
      continue;
    }
    if (/^[ \t]*/.exec(line)![0].length <= caseIndent) break;
    take(line);
  }
  const s = significant.trim();
  return !stub && s !== '' && !/^(?:pass|\.\.\.)$/.test(s);
}

/** Where a `#` comment starts on a Python line (not inside a string), or -1. */
function commentStart(line: string): number {
  for (let p = 0; p < line.length; p++) {
    const c = line[p];
    if (c === '"' || c === "'") p = stringEnd(line, p, line.length);
    else if (c === '#') return p;
  }
  return -1;
}
