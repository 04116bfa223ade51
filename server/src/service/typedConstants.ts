/**
 * "Insert Constants for Vendor…": a vendor's codes as a TypeScript `as const` object (with a type of its values) or an
 * `enum`, each member carrying the vendor's title, description and docs link as JSDoc, so TypeScript's own hover and
 * completion show them where this extension is not installed. The block sits between marker comments naming the
 * vendor; running the command again replaces that block instead of adding a second one.
 */
import type { Registry } from '../registry';
import type { Entry, Vendor } from '../registryTypes';

export type ConstantsStyle = 'object' | 'enum';

export interface ConstantsPosition {
  line: number;
  character: number;
}

export interface ConstantsEdit {
  edit: { range: { start: ConstantsPosition; end: ConstantsPosition }; newText: string };
  /** An earlier block for this vendor was replaced (not a new one inserted). */
  replaced: boolean;
  members: number;
}

export interface ConstantsOptions {
  style: ConstantsStyle;
  /** The document's text; none is an empty document. */
  text?: string;
  /** Where to insert a new block (at the start of this line); none is the end of the document. */
  position?: ConstantsPosition;
  /** A JavaScript document: a frozen object and a JSDoc `@typedef` instead of TypeScript-only syntax. */
  javascript?: boolean;
  /** A document whose language writes constants as a `const ( … )` block (Go; the style does not apply). */
  go?: boolean;
}

const MARKER = '// #region API Error Codes: ';
const MARKER_TAIL = ' (generated; re-run "Insert Constants for Vendor…" to update)';
const END_MARKER = '// #endregion';
/** JSDoc text lines are wrapped at this many characters (after the ` * `). */
const WRAP = 96;
/** Derived names longer than this are cut at a word boundary (collisions get a suffix anyway). */
const MAX_DERIVED = 60;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Identifiers that are not usable as members: `__proto__` sets an object literal's prototype; TypeScript refuses enum members named like numbers. */
const UNUSABLE = new Set(['__proto__', 'NaN', 'Infinity']);
/** Codes written as numbers: no leading zero (it would change the code) and exact as a double. */
const NUMBER_CODE = /^(?:0|[1-9]\d{0,14})$/;

/** The generated object's / enum's name: `faceki` → `FacekiErrorCode`, `riset-face` → `RisetFaceErrorCode`. */
export function constantsName(vendorId: string): string {
  const pascal = vendorId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return `${/^[A-Za-z]/.test(pascal) ? '' : 'Vendor'}${pascal}ErrorCode`;
}

function usable(name: string | undefined): name is string {
  return !!name && IDENTIFIER.test(name) && !UNUSABLE.has(name);
}

/** `UNAUTHORIZED/INVALID URL` → `UNAUTHORIZED_INVALID_URL`, `I'm a Teapot` → `IM_A_TEAPOT`, `FaceTooSmall` → `FACE_TOO_SMALL`. */
export function upperSnake(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '') // apostrophes join their word: HAVENT, not HAVEN_T
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
  let name = '';
  for (const w of words) {
    if (name && name.length + 1 + w.length > MAX_DERIVED) break;
    name = name ? `${name}_${w}` : w;
  }
  // A leading digit gets an underscore, which keeps the name's letters and digits (how constants are matched) intact.
  return /^\d/.test(name) ? `_${name}` : name;
}

/** The member name an entry asks for before collisions: its symbolic name, its string code, or one derived. */
function baseName(e: Entry): string {
  if (usable(e.name)) return e.name;
  if (!/^\d+$/.test(e.code) && usable(e.code)) return e.code;
  return upperSnake(e.name ?? '') || (/^\d+$/.test(e.code) ? '' : upperSnake(e.code)) || upperSnake(e.title) || `CODE_${upperSnake(e.code).replace(/^_/, '') || 'UNNAMED'}`;
}

const namesCache = new WeakMap<Vendor, Map<Entry, string>>();

/**
 * Each entry's member name, unique within the vendor and independent of the entries' order: names wanted by several
 * entries all get their code appended (`NAME_413`); what still collides gets `_2`, `_3` in the order of the codes.
 */
export function memberNames(vendor: Vendor): Map<Entry, string> {
  const cached = namesCache.get(vendor);
  if (cached) return cached;
  const wanted = new Map<string, Entry[]>();
  for (const e of members(vendor)) {
    const base = baseName(e);
    const list = wanted.get(base);
    if (list) list.push(e);
    else wanted.set(base, [e]);
  }
  const first = new Map<Entry, string>();
  for (const [base, list] of wanted) {
    for (const e of list) first.set(e, list.length === 1 ? base : `${base}_${upperSnake(e.code).replace(/^_/, '') || 'CODE'}`);
  }
  const byCode = members(vendor).sort((a, b) => compareCodes(a.code, b.code) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  const taken = new Set<string>();
  const names = new Map<Entry, string>();
  // Names no other entry wants keep them; the rest are numbered in code order.
  const counts = new Map<string, number>();
  for (const n of first.values()) counts.set(n, (counts.get(n) ?? 0) + 1);
  for (const e of byCode) {
    const n = first.get(e)!;
    if (counts.get(n) === 1) {
      names.set(e, n);
      taken.add(n);
    }
  }
  for (const e of byCode) {
    if (names.has(e)) continue;
    const n = first.get(e)!;
    let name = n;
    for (let i = 2; taken.has(name); i++) name = `${n}_${i}`;
    names.set(e, name);
    taken.add(name);
  }
  namesCache.set(vendor, names);
  return names;
}

function compareCodes(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Registry text made safe inside a JSDoc comment: one line (line breaks and other control characters become spaces),
 * no `*\/` to end the comment, and no `@` where JSDoc would start a tag or an inline `{@link}` — a backslash before it
 * keeps it text (and Markdown renders `\@` as `@`).
 */
export function commentText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\*\//g, '*\\/')
    .replace(/(^|[\s{])@/g, '$1\\@')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** An http(s) link, normalised, or undefined (registry text is data: no other scheme becomes a link). */
function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href.replace(/\*\//g, '*%2F');
  } catch {
    return undefined;
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (!word) continue;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function jsdoc(indent: string, paragraphs: string[], see?: string): string[] {
  const body: string[] = [];
  for (const p of paragraphs) {
    if (body.length) body.push('');
    body.push(...wrap(p, WRAP));
  }
  if (see) {
    if (body.length) body.push('');
    body.push(`@see ${see}`);
  }
  return [`${indent}/**`, ...body.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`];
}

/** A string literal in single quotes, every character that could end it or the line escaped. */
function stringLiteral(s: string): string {
  return `'${s.replace(/[\\'\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))}'`;
}

/**
 * The entries a constants block holds: the vendor's own. HTTP's unofficial tier (Cloudflare's 521, nginx's 499) is
 * explained where it is written but is no part of any API's constants.
 */
function members(vendor: Vendor): Entry[] {
  return vendor.entries.filter((e) => !e.unofficial);
}

/** The entries in the order they are written: numeric codes by number, then string codes in the vendor's order. */
function ordered(vendor: Vendor): Entry[] {
  const entries = members(vendor);
  const numeric = entries.filter((e) => NUMBER_CODE.test(e.code)).sort((a, b) => Number(a.code) - Number(b.code));
  return [...numeric, ...entries.filter((e) => !NUMBER_CODE.test(e.code))];
}

/** The generated block (marker lines included, no final line break). */
/** Go's form: a `const ( … )` block, each member with its doc comment, inside the same markers. */
function goConstantsBlock(vendor: Vendor, eol: string): string {
  const names = memberNames(vendor);
  const display = commentText(vendor.displayName) || vendor.id;
  const vendorLink = safeLink(vendor.docsUrl);
  const entries = ordered(vendor);
  const doc = (indent: string, paragraphs: string[], see?: string) =>
    [...paragraphs.flatMap((p) => wrap(p, WRAP)), ...(see ? [see] : [])].map((l) => `${indent}// ${l}`);
  const lines: string[] = [`${MARKER}${vendor.id}${MARKER_TAIL}`, ''];
  lines.push(...doc('', [`${display} error codes (${entries.length}), generated from the API Error Codes registry.`], vendorLink));
  lines.push('const (');
  for (const e of entries) {
    const title = commentText(e.title);
    const description = commentText(e.description);
    const paragraphs = description && description !== title ? [title && e.title !== e.name && e.title !== e.code ? `${title}: ${description}` : description] : [title || description || `${display} ${commentText(e.code)}`];
    lines.push(...doc('\t', paragraphs, safeLink(e.docsUrl) ?? vendorLink));
    // A string code in Go's own quotes: the registry's codes are UPPER_SNAKE (no quote or backslash to escape).
    lines.push(`\t${names.get(e)!} = ${NUMBER_CODE.test(e.code) ? e.code : JSON.stringify(e.code)}`);
  }
  lines.push(')');
  lines.push(END_MARKER);
  return lines.join(eol);
}

export function constantsBlock(vendor: Vendor, style: ConstantsStyle, eol = '\n', javascript = false): string {
  const names = memberNames(vendor);
  const id = constantsName(vendor.id);
  const display = commentText(vendor.displayName) || vendor.id;
  const vendorLink = safeLink(vendor.docsUrl);
  const entries = ordered(vendor);
  const enumStyle = style === 'enum' && !javascript;
  const lines: string[] = [`${MARKER}${vendor.id}${MARKER_TAIL}`];
  lines.push(...jsdoc('', [`${display} error codes (${entries.length}), generated from the API Error Codes registry.`], vendorLink));
  lines.push(enumStyle ? `export enum ${id} {` : javascript ? `export const ${id} = Object.freeze({` : `export const ${id} = {`);
  for (const e of entries) {
    const title = commentText(e.title);
    const description = commentText(e.description);
    const name = names.get(e)!;
    // A title that is the symbolic name (Faceki's `FACE_TOO_SMALL`) says nothing the member's name does not.
    const paragraphs: string[] = [];
    if (description && description !== title) {
      if (title && e.title !== e.name && e.title !== e.code) paragraphs.push(title);
      paragraphs.push(description);
    } else paragraphs.push(title || description || `${display} ${commentText(e.code)}`);
    lines.push(...jsdoc('  ', paragraphs, safeLink(e.docsUrl) ?? vendorLink));
    const value = NUMBER_CODE.test(e.code) ? e.code : stringLiteral(e.code);
    lines.push(`  ${name}${enumStyle ? ' = ' : ': '}${value},`);
  }
  if (enumStyle) lines.push('}');
  else if (javascript) {
    lines.push('});');
    lines.push(`/** @typedef {(typeof ${id})[keyof typeof ${id}]} ${id} A ${display} error code: one of the values of ${id}. */`);
  } else {
    lines.push('} as const;');
    lines.push(`/** A ${display} error code: one of the values of {@link ${id}}. */`);
    lines.push(`export type ${id} = (typeof ${id})[keyof typeof ${id}];`);
  }
  lines.push(END_MARKER);
  return lines.join(eol);
}

interface Line {
  start: number;
  /** End of its text (before the line break). */
  end: number;
}

function* linesOf(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    yield { start, end };
    if (end >= text.length) return;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
}

export interface GeneratedBlock {
  vendor: string;
  /** From the start of the begin marker's line to the end of the `// #endregion` line's text. */
  start: number;
  end: number;
}

const BEGIN_RE = /^[ \t]*\/\/ #region API Error Codes: ([a-z0-9][a-z0-9-]*)(?=[\s(]|$)/;
const END_RE = /^[ \t]*\/\/ #endregion\b/;

/**
 * The generated blocks in a text: a begin marker, then the first `// #endregion` before any other begin marker. A
 * begin marker without its end is no block (so nothing outside a block is ever replaced).
 */
export function generatedBlocks(text: string): GeneratedBlock[] {
  const blocks: GeneratedBlock[] = [];
  if (!text.includes(MARKER.trim())) return blocks;
  let open: { vendor: string; start: number } | undefined;
  for (const line of linesOf(text)) {
    const s = text.slice(line.start, line.end);
    const begin = BEGIN_RE.exec(s);
    if (begin) open = { vendor: begin[1], start: line.start };
    else if (open && END_RE.test(s)) {
      blocks.push({ vendor: open.vendor, start: open.start, end: line.end });
      open = undefined;
    }
  }
  return blocks;
}

function positionAt(text: string, offset: number): ConstantsPosition {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Offset of the start of line `line` (clamped to the text). */
function lineOffset(text: string, line: number): number {
  let n = 0;
  for (const l of linesOf(text)) if (n++ === line) return l.start;
  return text.length;
}

/**
 * The edit that writes a vendor's constants into a document: over its earlier block when there is one, else a new
 * block before the line of `position` (or at the end), set apart by blank lines. Undefined for an unknown vendor.
 */
export function vendorConstants(registry: Registry, vendorId: string, options: ConstantsOptions): ConstantsEdit | undefined {
  const vendor = registry.vendors.get(vendorId);
  if (!vendor) return undefined;
  const text = options.text ?? '';
  const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) && !/\n/.test(text) ? '\r' : '\n';
  const block = options.go ? goConstantsBlock(vendor, eol) : constantsBlock(vendor, options.style, eol, options.javascript);
  const count = members(vendor).length;
  const earlier = generatedBlocks(text).find((b) => b.vendor === vendor.id);
  if (earlier) {
    const range = { start: positionAt(text, earlier.start), end: positionAt(text, earlier.end) };
    return { edit: { range, newText: block }, replaced: true, members: count };
  }
  const at = options.position ? lineOffset(text, Math.max(0, options.position.line)) : text.length;
  const before = text.slice(0, at);
  const after = text.slice(at);
  // Blank lines around the block, without doubling the ones already there.
  let lead = '';
  if (before && !/[\r\n]$/.test(before)) lead = eol + eol;
  else if (before && !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(before) && !/^(?:\r\n|\r|\n)$/.test(before)) lead = eol;
  let trail = eol;
  if (after && !/^[ \t]*(?:\r\n|\r|\n)/.test(after)) trail = eol + eol;
  const start = positionAt(text, at);
  return { edit: { range: { start, end: start }, newText: lead + block + trail }, replaced: false, members: count };
}

/** JavaScript documents get the JavaScript form (TypeScript's `as const`, `enum` and `type` would not parse there). */
export function isJavaScriptDocument(languageId: string, uri: string): boolean {
  if (/^(?:javascript|javascriptreact|js|jsx|js2|rjsx|js-ts|js-jsx|javascript\.jsx)$/.test(languageId)) return true;
  if (/^(?:typescript|typescriptreact|ts|tsx|typescript\.tsx|tsx-ts|typescript-ts)$/.test(languageId)) return false;
  return /\.(?:m|c)?jsx?$/i.test(uri);
}
