/**
 * Loading, validating and indexing registry files. The Registry is an immutable value: callers build a new one when
 * files change and pass it to the service; nothing here is global.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError, type Node } from 'jsonc-parser';
import { MAX_REGISTRY_BYTES } from './protocol';
import type { Entry, EntryData, Origin, RegistryFile, Vendor } from './registryTypes';
// Generated from data/registry.schema.json by `npm run data` (Ajv standalone code): no schema compile at start-up.
import validateRegistry from './generated/validateRegistry';

/** A problem in a registry file, with the JSON path and (when known) the text range it concerns. */
export interface RegistryProblem {
  file: string;
  message: string;
  path: (string | number)[];
  offset: number;
  length: number;
  severity: 'error' | 'warning' | 'information';
}

export interface ParsedRegistryFile {
  file: string;
  data?: RegistryFile;
  problems: RegistryProblem[];
}


/** Nesting deeper than any valid registry file needs (the schema's depth is 5). */
const MAX_DEPTH = 64;

import { SYMBOLIC_CODE } from './codeShapes';
import embeddedAilabtools from '../../data/registry/ailabtools.json';
import embeddedFaceki from '../../data/registry/faceki.json';
import embeddedHttp from '../../data/registry/http.json';
import embeddedRiset from '../../data/registry/riset-face.json';

function validate(data: unknown): ErrorObject[] {
  return validateRegistry(data) ? [] : [...(validateRegistry.errors ?? [])];
}

function maxDepth(text: string): number {
  // Counted on raw brackets outside strings: cheap, and bounds what the parser and validator would recurse into.
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function describePath(data: unknown, p: (string | number)[]): string {
  if (p[0] === 'entries' && typeof p[1] === 'number') {
    const entry = (data as RegistryFile).entries?.[p[1]] as Partial<EntryData> | undefined;
    const code = typeof entry?.code === 'string' ? ` (code "${entry.code.slice(0, 40)}")` : '';
    const field = p.length > 2 ? `, field "${p.slice(2).join('.')}"` : '';
    return `entries[${p[1]}]${code}${field}`;
  }
  return p.length ? p.join('.') : 'top level';
}

function rangeOf(root: Node | undefined, p: (string | number)[]): { offset: number; length: number } {
  for (let n = p.length; n >= 0 && root; n--) {
    const node = findNodeAtLocation(root, p.slice(0, n));
    if (node) {
      // For a property, point at its key so the squiggle is short and readable.
      const target = node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
      return { offset: target.offset, length: target.length };
    }
  }
  return { offset: 0, length: 0 };
}

function schemaMessage(err: ErrorObject): string {
  if (err.keyword === 'additionalProperties') return `unknown property "${String(err.params.additionalProperty)}"`;
  if (err.keyword === 'required') return `missing required property "${String(err.params.missingProperty)}"`;
  if (err.keyword === 'pattern' && err.instancePath.endsWith('/code')) {
    return 'must be digits ("412") or UPPER_SNAKE ("ERROR_NO_FACE_IN_FILE")';
  }
  return err.message ?? err.keyword;
}

/** Parses and validates one registry file's text. Never throws. */
export function parseRegistryText(text: string, file: string): ParsedRegistryFile {
  const problems: RegistryProblem[] = [];
  const problem = (message: string, p: (string | number)[], range: { offset: number; length: number }, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, message, path: p, ...range, severity });
  if (text.length > MAX_REGISTRY_BYTES) {
    problem(`file is ${(text.length / 1048576).toFixed(1)} MB; registry files are limited to ${MAX_REGISTRY_BYTES / 1048576} MB`, [], { offset: 0, length: 0 });
    return { file, problems };
  }
  const depth = maxDepth(text);
  if (depth > MAX_DEPTH) {
    problem(`nesting is ${depth} levels deep; a registry file needs at most 5`, [], { offset: 0, length: 0 });
    return { file, problems };
  }
  // Fast path: strict JSON that validates needs no syntax tree; the tree is built only to place problems.
  let fast: unknown;
  try {
    fast = JSON.parse(text);
  } catch {
    fast = undefined;
  }
  if (fast !== undefined && validate(fast).length === 0) {
    const dup = duplicates(fast as RegistryFile);
    if (!dup.length) return { file, data: fast as RegistryFile, problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) {
    for (const e of errors.slice(0, 20)) {
      problem(`JSON syntax: ${printParseErrorCode(e.error)}`, [], { offset: e.offset, length: e.length });
    }
    if (!errors.length) problem('the file is empty', [], { offset: 0, length: 0 });
    return { file, problems };
  }
  const data = nodeValue(root) as RegistryFile;
  for (const err of validate(data).slice(0, 100)) {
    const p = err.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    if (err.keyword === 'additionalProperties') p.push(String(err.params.additionalProperty));
    problem(`${describePath(data, p)}: ${schemaMessage(err)}`, p, rangeOf(root, p));
  }
  if (problems.length) return { file, problems };

  for (const d of duplicates(data)) {
    problem(`${describePath(data, d.path)}: "${d.token}" is already defined by entries[${d.first}]`, d.path, rangeOf(root, d.path));
  }
  return { file, data: problems.length ? undefined : data, problems };
}

/** Codes or names defined twice within one file. */
function duplicates(data: RegistryFile): { token: string; first: number; path: (string | number)[] }[] {
  const seen = new Map<string, number>();
  const out: { token: string; first: number; path: (string | number)[] }[] = [];
  data.entries.forEach((entry, i) => {
    for (const field of ['code', 'name'] as const) {
      const token = entry[field];
      if (!token) continue;
      const before = seen.get(token);
      if (before !== undefined && before !== i) out.push({ token, first: before, path: ['entries', i, field] });
      else seen.set(token, i);
    }
  });
  return out;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && value) out[String(key.value)] = nodeValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

export interface RegistrySource {
  data: RegistryFile;
  origin: Origin;
  file: string;
}

/** Indexed, immutable view of all loaded vendors and their codes. */
export class Registry {
  readonly vendors = new Map<string, Vendor>();
  /** Code or symbolic name → entries (one per vendor that defines it). */
  private readonly byToken = new Map<string, Entry[]>();
  /** Hint key → vendor ids. */
  readonly hintKeys = new Map<string, string[]>();
  /** Lower-cased hint strings with their vendor. */
  readonly hintStrings: { needle: string; vendor: string }[] = [];
  /** Sorted numeric codes and symbolic tokens, for completion and did-you-mean. */
  readonly numericTokens: string[];
  readonly symbolicTokens: string[];
  /** Monotonic id so caches can tell registries apart. */
  readonly version: number;
  private static nextVersion = 1;

  /** `sources`: kept so the same registry can be rebuilt elsewhere (a worker thread). */
  constructor(readonly sources: readonly RegistrySource[]) {
    this.version = Registry.nextVersion++;
    /** Per vendor, code → index in its entries, so a later file replaces an entry in O(1). */
    const positions = new Map<string, Map<string, number>>();
    for (const { data, origin, file } of sources) {
      const id = data.vendor.id;
      let vendor = this.vendors.get(id);
      if (!vendor) {
        vendor = {
          id,
          displayName: data.vendor.displayName ?? id,
          description: data.vendor.description,
          docsUrl: data.vendor.docsUrl,
          hints: { keys: [], strings: [] },
          origin,
          entries: [],
        };
        this.vendors.set(id, vendor);
      } else {
        // A later file for the same vendor refines it (workspace overrides built-in).
        if (data.vendor.displayName) vendor.displayName = data.vendor.displayName;
        if (data.vendor.description) vendor.description = data.vendor.description;
        if (data.vendor.docsUrl) vendor.docsUrl = data.vendor.docsUrl;
      }
      for (const k of data.vendor.hints?.keys ?? []) if (!vendor.hints.keys.includes(k)) vendor.hints.keys.push(k);
      for (const s of data.vendor.hints?.strings ?? []) if (!vendor.hints.strings.includes(s)) vendor.hints.strings.push(s);
      let at = positions.get(id);
      if (!at) positions.set(id, (at = new Map()));
      for (const e of data.entries) {
        const entry: Entry = { ...e, vendor: id, origin, file };
        const i = at.get(e.code);
        if (i !== undefined) vendor.entries[i] = entry;
        else {
          at.set(e.code, vendor.entries.length);
          vendor.entries.push(entry);
        }
      }
    }
    for (const vendor of this.vendors.values()) {
      for (const entry of vendor.entries) {
        this.add(entry.code, entry);
        if (entry.name && SYMBOLIC_CODE.test(entry.name)) this.add(entry.name, entry);
      }
      for (const k of vendor.hints.keys) this.hintKeys.set(k, [...(this.hintKeys.get(k) ?? []), vendor.id]);
      for (const s of vendor.hints.strings) this.hintStrings.push({ needle: s.toLowerCase(), vendor: vendor.id });
    }
    const tokens = [...this.byToken.keys()];
    this.numericTokens = tokens.filter((t) => /^\d+$/.test(t)).sort((a, b) => Number(a) - Number(b));
    this.symbolicTokens = tokens.filter((t) => SYMBOLIC_CODE.test(t)).sort();
  }

  private add(token: string, entry: Entry): void {
    const list = this.byToken.get(token);
    if (!list) this.byToken.set(token, [entry]);
    else if (!list.some((e) => e.vendor === entry.vendor)) list.push(entry);
  }

  /** Entries for a code or symbolic name, one per vendor. */
  lookup(token: string): readonly Entry[] {
    return this.byToken.get(token) ?? [];
  }

  has(token: string): boolean {
    return this.byToken.has(token);
  }

  /** A vendor's display name, or its id when it has none. */
  displayName(vendor: string): string {
    return this.vendors.get(vendor)?.displayName ?? vendor;
  }

  entry(vendor: string, token: string): Entry | undefined {
    return this.byToken.get(token)?.find((e) => e.vendor === vendor);
  }

  get entryCount(): number {
    let n = 0;
    for (const v of this.vendors.values()) n += v.entries.length;
    return n;
  }
}

/** Reads and validates every *.json in a directory. Files with problems are reported and left out. */
export function loadRegistryDir(dir: string, origin: Origin): { sources: RegistrySource[]; problems: RegistryProblem[] } {
  const sources: RegistrySource[] = [];
  const problems: RegistryProblem[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const parsed = parseRegistryText(fs.readFileSync(file, 'utf8'), file);
    problems.push(...parsed.problems);
    if (parsed.data) sources.push({ data: parsed.data, origin, file });
  }
  return { sources, problems };
}

/**
 * The built-in registry files, imported so that esbuild embeds them in every bundle (the VS Code server, the
 * standalone server and the CLI run with no data/ folder beside them). A unit test checks this list against
 * data/registry/, so a new vendor file cannot be left out.
 */
export const EMBEDDED_REGISTRY: Readonly<Record<string, unknown>> = {
  'ailabtools.json': embeddedAilabtools,
  'faceki.json': embeddedFaceki,
  'http.json': embeddedHttp,
  'riset-face.json': embeddedRiset,
};

function embeddedSources(): { sources: RegistrySource[]; problems: RegistryProblem[] } {
  const sources: RegistrySource[] = [];
  const problems: RegistryProblem[] = [];
  for (const [name, data] of Object.entries(EMBEDDED_REGISTRY)) {
    const file = `builtin:${name}`;
    const errors = validate(data);
    const dup = errors.length ? [] : duplicates(data as RegistryFile);
    for (const e of errors) problems.push({ file, message: `${e.instancePath || 'top level'}: ${schemaMessage(e)}`, path: [], offset: 0, length: 0, severity: 'error' });
    for (const d of dup) problems.push({ file, message: `${describePath(data, d.path)}: "${d.token}" is defined twice`, path: d.path, offset: 0, length: 0, severity: 'error' });
    if (!errors.length && !dup.length) sources.push({ data: data as RegistryFile, origin: 'builtin', file });
  }
  return { sources, problems };
}

/**
 * The registry files shipped with the extension: the embedded copy, or the files of `dir` when one is given (tests
 * and the data importer read data/registry/ itself). Throws if the shipped data is invalid (a build defect, caught by
 * tests).
 */
export function loadBuiltinSources(dir?: string): RegistrySource[] {
  const { sources, problems } = dir === undefined ? embeddedSources() : loadRegistryDir(dir, 'builtin');
  if (problems.length) throw new Error(problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
  // http last, so vendor-specific registries come first when everything else is equal.
  return sources.sort((a, b) => Number(a.data.vendor.id === 'http') - Number(b.data.vendor.id === 'http'));
}

/** The registry shipped with the extension (embedded, or read from `dir`). */
export function loadBuiltinRegistry(dir?: string): Registry {
  return new Registry(loadBuiltinSources(dir));
}
