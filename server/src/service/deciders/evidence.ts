/**
 * File evidence that numbers in it can be HTTP statuses, which weakly cued places need before they hover (issue 26):
 * a status place the engine already recognised, an HTTP framework or client imported, a status field read, or what
 * the language says of a file that answers HTTP (PHP's `$_GET` and `header(…)`: languages.ts).
 */
import { GETTER_PREFIX } from '../idioms';
import type { CodeKeys } from '../keys';
import type { Occurrences } from '../occurrences';
import { TokKind, type TokenReader } from '../tokens';

/**
 * Modules whose import says "this file speaks HTTP": any module path with `http` in it, and the servers, clients and
 * mocks whose names do not say so. A row here is evidence only; it never makes a place a status by itself.
 */
const HTTP_MODULE =
  /http|^(?:express|koa|fastify|hono|@hapi\/|hapi|restify|@nestjs\/|next|nuxt|h3|@sveltejs\/kit|@remix-run\/|elysia|polka|micro|axios|got|ky|node-fetch|undici|superagent|supertest|msw|nock|flask|django|fastapi|starlette|aiohttp|tornado|falcon|sanic|bottle|pyramid|werkzeug|litestar|quart|requests|responses|respx|urllib|illuminate|symfony|guzzle|slim|laminas|psr)(?:$|[./\\@-])/i;

/** Import statements' module names: ES `from '…'` and `import '…'`, `require('…')`, Python `from x import` / `import x`, PHP `use A\B`. */
const IMPORT = /(?:\bfrom\s+['"]([^'"\n]+)['"]|\bimport\s+['"]([^'"\n]+)['"]|\brequire\(\s*['"]([^'"\n]+)['"]|^\s*from\s+([\w.]+)\s+import\b|^\s*import\s+([\w.]+)|^\s*use\s+([\w\\]+))/gm;

/** Imports are read in the head of the file only: they come first, and a huge file is not read twice. */
const IMPORT_WINDOW = 64 * 1024;

/** Go's grouped imports: `import (\n\t"fmt"\n\t"net/http"\n)`. */
const GROUPED_IMPORT = /\bimport\s*\(([^)]*)\)/g;

export function importsHttp(text: string): boolean {
  const head = text.length > IMPORT_WINDOW ? text.slice(0, IMPORT_WINDOW) : text;
  const isHttp = (module: string) => HTTP_MODULE.test(module.replace(/^node:/, ''));
  IMPORT.lastIndex = 0;
  for (let m = IMPORT.exec(head); m; m = IMPORT.exec(head)) {
    const module = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6];
    if (module && isHttp(module)) return true;
  }
  GROUPED_IMPORT.lastIndex = 0;
  for (let m = GROUPED_IMPORT.exec(head); m; m = GROUPED_IMPORT.exec(head)) {
    for (const q of m[1].matchAll(/"([^"\n]+)"/g)) if (isHttp(q[1])) return true;
  }
  return false;
}

export function hasStatusEvidence(text: string, toks: TokenReader, occurrences: Occurrences, keys: CodeKeys, web?: RegExp): boolean {
  for (let i = 0; i < occurrences.length; i++) {
    const via = occurrences.via(i);
    if (occurrences.numeric(i) && occurrences.http(i) && via !== 'symbolic' && via !== 'comment') return true;
  }
  // A status field read or written: `res.status`, `response.status_code`, `$e->getStatusCode()`.
  for (let k = 1; k < toks.length; k++) {
    if (toks.kind(k) === TokKind.Id && toks.isPunct(k - 1, '.')) {
      const m = keys.match(toks.v(k).replace(GETTER_PREFIX, ''));
      if (m?.exact) return true;
    }
  }
  return importsHttp(text) || (web !== undefined && web.test(text));
}
