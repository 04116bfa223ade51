/**
 * Candidate lister for the real-world corpus (test/corpus): every place in a file that could be an error code, found
 * by regular expressions only, so labels are decided by a person reading the file and never by what our scanners find.
 * Usage: node out/scripts/corpusCandidates.js [corpus-dir] [file-filter] — prints one line per candidate with its
 * line's text. The gate test (test/unit/corpus.test.ts) also uses it to check that every candidate is labelled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { message as httpMessages } from 'statuses';

/** One place in a file that could be a code. `line`/`col` are 1-based; col is that of the first character of `text`. */
export interface Candidate {
  line: number;
  col: number;
  text: string;
  /** number: an integer token (also inside quotes); symbolic: an UPPER_SNAKE registry code or name or an HTTP reason constant; member: a qualified HTTP status constant. */
  kind: 'number' | 'symbolic' | 'member';
}

/** What the lister knows about codes, read straight from the registry's data files. */
export interface CandidateTables {
  numeric: Set<string>;
  symbolic: Set<string>;
  /** HTTP reason constants in UPPER_SNAKE (NOT_FOUND, HTTP_NOT_FOUND, HTTP_404_NOT_FOUND, HTTP_STATUS_NOT_FOUND, STATUS_NOT_FOUND). */
  httpConstants: Set<string>;
  /** HTTP reasons in CamelCase as Go and .NET spell them after `Status` (NotFound, TooManyRequests). */
  camelReasons: Set<string>;
}

/** Spellings libraries use for reasons besides the IANA phrase (http-status-codes, NestJS, Symfony, Python's HTTPStatus). */
const EXTRA_REASONS: Record<string, string> = {
  REQUEST_TOO_LONG: '413', REQUEST_ENTITY_TOO_LARGE: '413', CONTENT_TOO_LARGE: '413', REQUEST_URI_TOO_LONG: '414',
  REQUESTED_RANGE_NOT_SATISFIABLE: '416', UNPROCESSABLE_CONTENT: '422', I_AM_A_TEAPOT: '418', IM_A_TEAPOT: '418',
  MOVED_TEMPORARILY: '302', INSUFFICIENT_SPACE_ON_RESOURCE: '419', METHOD_FAILURE: '420', VERSION_NOT_SUPPORTED: '505',
};

function snake(phrase: string): string {
  return phrase.toUpperCase().replace(/'/g, '').replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Tables from data/registry/*.json and the HTTP reason phrases. */
export function loadTables(registryDir: string): CandidateTables {
  const numeric = new Set<string>();
  const symbolic = new Set<string>();
  for (const f of fs.readdirSync(registryDir).filter((n) => n.endsWith('.json'))) {
    const data = JSON.parse(fs.readFileSync(path.join(registryDir, f), 'utf8')) as { entries: { code: string; name?: string }[] };
    for (const e of data.entries) {
      if (/^\d+$/.test(e.code)) numeric.add(e.code);
      else symbolic.add(e.code);
      if (e.name && /^[A-Z][A-Z0-9_]*$/.test(e.name)) symbolic.add(e.name);
    }
  }
  const reasons = new Map<string, string>();
  for (const [code, phrase] of Object.entries(httpMessages)) if (phrase && numeric.has(code)) reasons.set(snake(phrase), code);
  const httpConstants = new Set<string>();
  const camelReasons = new Set<string>();
  const camel = (name: string) => name.split('_').map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join('');
  for (const [name, code] of reasons) {
    httpConstants.add(`HTTP_${name}`);
    httpConstants.add(`HTTP_STATUS_${name}`);
    httpConstants.add(`STATUS_${name}`);
    camelReasons.add(camel(name));
    httpConstants.add(`HTTP_${code}_${name}`);
    // A bare one-word reason (OK, FOUND, GONE, CREATED) is any enum's word; only multi-word reasons count bare.
    if (name.includes('_')) httpConstants.add(name);
  }
  for (const [name, code] of Object.entries(EXTRA_REASONS)) {
    if (!numeric.has(code)) continue;
    httpConstants.add(name);
    httpConstants.add(`HTTP_${name}`);
    httpConstants.add(`HTTP_STATUS_${name}`);
    httpConstants.add(`STATUS_${name}`);
    httpConstants.add(`HTTP_${code}_${name}`);
    camelReasons.add(camel(name));
  }
  // Go's net/http spells a few reasons its own way.
  for (const name of ['OK', 'IMUsed', 'RequestEntityTooLarge', 'RequestURITooLong', 'RequestedRangeNotSatisfiable', 'Teapot', 'HTTPVersionNotSupported', 'UnprocessableEntity']) camelReasons.add(name);
  return { numeric, symbolic, httpConstants, camelReasons };
}

/** Qualifiers whose members are HTTP statuses: `HttpStatus.NOT_FOUND`, `StatusCodes.OK`, `HttpStatusCode.NotFound`, `status.HTTP_404_NOT_FOUND`, `Response::HTTP_OK`, httpx's `codes.NOT_FOUND`, llhttp's `STATUSES.OK`. */
const MEMBER = /\b(STATUSES|HttpStatus|HTTPStatus|HttpStatusCode|StatusCodes|StatusCode|HttpCodes|constants|status|Response|SymfonyResponse|codes)(\.|::)([A-Za-z_][A-Za-z0-9_]*)/g;
/** Go-style `http.StatusNotFound`, `fasthttp.StatusOK` (any qualifier): the member after the dot, when the rest is an HTTP reason. */
const GO_STATUS = /\b[A-Za-z_][A-Za-z0-9_]*\.(Status([A-Z][A-Za-z]+))\b/g;
const INTEGER = /(?<![\w.$])\d+(?![\w$]|\.\d)/g;
const UPPER = /(?<![\w$])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\w$])|(?<![\w$])[A-Z]{2,}(?![\w$])/g;

/** `HTTP_404_ANY_NAME`: the DRF/Starlette form names its code, whatever the reason's spelling; also bare `HTTP_404`, `STATUS_404`, `HTTP_STATUS_404`. */
const HTTP_NUMBERED = /^HTTP_(\d{3})_[A-Z0-9_]+$|^(?:HTTP_|STATUS_|HTTP_STATUS_)(\d{3})$/;

function isConstant(token: string, tables: CandidateTables): boolean {
  const numbered = HTTP_NUMBERED.exec(token);
  return tables.httpConstants.has(token) || (!!numbered && tables.numeric.has(numbered[1] ?? numbered[2]));
}

/** Every candidate in a text, in text order. */
export function candidatesIn(text: string, tables: CandidateTables): Candidate[] {
  const out: Candidate[] = [];
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const taken = new Set<number>();
    for (const m of line.matchAll(MEMBER)) {
      const [, qualifier, , member] = m;
      const at = m.index! + qualifier.length + m[2].length;
      const upper = /^[A-Z0-9_]+$/.test(member);
      const httpish = qualifier === 'HttpStatusCode' || qualifier === 'HttpCodes' || qualifier === 'StatusCode' || isConstant(member, tables) || (upper && /^(STATUSES|HttpStatus|HTTPStatus|StatusCodes)$/.test(qualifier));
      if (!httpish) continue;
      // `status.foo` and `constants.bar` are everyday names; only their HTTP-shaped members count.
      if ((qualifier === 'status' || qualifier === 'constants' || qualifier === 'Response' || qualifier === 'SymfonyResponse') && !/^HTTP_/.test(member)) continue;
      if (!upper && qualifier !== 'HttpStatusCode' && qualifier !== 'HttpCodes' && qualifier !== 'StatusCode') continue;
      out.push({ line: l + 1, col: at + 1, text: member, kind: 'member' });
      taken.add(at);
    }
    for (const m of line.matchAll(GO_STATUS)) {
      if (!tables.camelReasons.has(m[2])) continue;
      const at = m.index! + m[0].length - m[1].length;
      if (!taken.has(at)) out.push({ line: l + 1, col: at + 1, text: m[1], kind: 'member' });
      taken.add(at);
    }
    for (const m of line.matchAll(INTEGER)) {
      if (tables.numeric.has(m[0])) out.push({ line: l + 1, col: m.index! + 1, text: m[0], kind: 'number' });
    }
    for (const m of line.matchAll(UPPER)) {
      if (taken.has(m.index!)) continue;
      if (tables.symbolic.has(m[0]) || isConstant(m[0], tables)) out.push({ line: l + 1, col: m.index! + 1, text: m[0], kind: 'symbolic' });
    }
  }
  return out.sort((a, b) => a.line - b.line || a.col - b.col);
}

function main(): void {
  const root = path.resolve(__dirname, '..', '..');
  const corpus = path.resolve(process.argv[2] ?? path.join(root, 'test', 'corpus'));
  const filter = process.argv[3] ?? '';
  const tables = loadTables(path.join(root, 'data', 'registry'));
  const manifest = JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { file: string }[];
  for (const { file } of manifest) {
    if (!file.includes(filter)) continue;
    const text = fs.readFileSync(path.join(corpus, file), 'utf8');
    const lines = text.split('\n');
    for (const c of candidatesIn(text, tables)) {
      console.log(`${file}:${c.line}:${c.col}\t${c.kind}\t${c.text}\t${lines[c.line - 1].trim().slice(0, 160)}`);
    }
  }
}

if (require.main === module) main();
