/**
 * Identifiers: a qualified HTTP constant (`HttpStatus.NOT_FOUND`, `falcon.HTTP_404`), a constant the file defined
 * earlier (`NOT_FOUND` after `NOT_FOUND = 404`), a status family's name (`HTTP_404_NOT_FOUND`, `STATUS_NOT_FOUND`),
 * or a registry symbolic code (`SELFIE_LIVENESS_FAILED`) — whose definition (`BAD_REQUEST = 400`) is left to its
 * value's literal to decide.
 */
import { httpConstant, httpFamilyConstant, isStatusNamespace, MULTI_WORD_CONSTANT, nameKey } from '../constants';
import { nameWords } from '../keys';
import { SYMBOLIC_RE } from '../scanTypes';
import { TokKind } from '../tokens';
import { EQUALITY, INTEGER, type Walk } from '../engine/walk';

/**
 * `from twisted.web.http import NOT_FOUND, OK`, `from http.client import FOUND as REDIRECTED`: when the module's
 * name says it holds statuses, the reason names it gives are the file's constants of those statuses (decided where
 * each name stands, the import list included).
 */
/** Does a module path's part say the module holds statuses (`http`, `status_codes`, `statuses`)? */
function namesStatusModule(part: string): boolean {
  return nameWords(part).some((word) => word === 'http' || word === 'status' || word === 'statuses');
}

function importedStatuses(w: Walk, from: number): void {
  let j = from + 1;
  let statusModule = false;
  for (; j < w.length && j < from + 16 && !(w.isId(j) && w.v(j) === 'import'); j++) {
    if (w.isId(j) && namesStatusModule(w.v(j))) statusModule = true;
  }
  if (!statusModule || !w.isId(j)) return;
  const list = j;
  for (j++; j < w.length && j < from + 256; j++) {
    if (w.isPunct(j, ';') || w.isPunct(j, ')') || w.isPunct(j, '}')) return;
    // `as` and the alias after it are read with the name before them.
    if (!w.isId(j) || (w.isId(j - 1) && j - 1 !== list)) continue;
    const name = w.v(j);
    // A module of statuses imported from its package: `from http import client` (`client.NOT_FOUND`), under its
    // alias if it has one.
    if (name === 'client') {
      w.statusModules.add(w.v(j + 1) === 'as' && w.isId(j + 2) ? w.v(j + 2) : name);
      continue;
    }
    // One-word names (`OK`, `FOUND`) are any enum's words, as everywhere else in the file.
    const code = MULTI_WORD_CONSTANT.test(name) ? (w.ctx.names.httpPhrases.get(nameKey(name)) ?? httpFamilyConstant(w.ctx.names, name)) : undefined;
    if (code === undefined) continue;
    w.localConstants.set(name, code);
    if (w.v(j + 1) === 'as' && w.isId(j + 2)) w.localConstants.set(w.v(j + 2), code);
  }
}

/**
 * A constant named for a status, defined as a tuple that starts with that status (Radicale's `NOT_FOUND:
 * types.WSGIResponse = (client.NOT_FOUND, headers, body)`): the name stands for the status, there and where the file
 * uses it (`return NOT_FOUND`). `chain` is where the qualified status starts.
 */
function mirroredByDefinition(w: Walk, chain: number, code: string, group: number): void {
  if (!w.isPunct(chain - 1, '(') || !w.isPunct(chain - 2, '=')) return;
  let j = chain - 3;
  // An annotation between the name and `=`: `NAME: types.WSGIResponse = (`.
  for (let steps = 0; steps < 8 && j > 0 && (w.isId(j) || w.isPunct(j, '.')) && !w.isPunct(j - 1, ':'); steps++) j--;
  if (w.isPunct(j - 1, ':') && w.isId(j)) j -= 2;
  if (!w.isId(j) || w.isPunct(j - 1, '.')) return;
  const defined = w.v(j);
  if (!MULTI_WORD_CONSTANT.test(defined) || w.ctx.names.httpPhrases.get(nameKey(defined)) !== code) return;
  w.localConstants.set(defined, code);
  // A registry's symbolic name (Faceki's `BAD_REQUEST`) was taken where it stands already.
  if (!w.ctx.isSymbolic(defined)) w.emitAt(j, 'constant', defined, false, false, group, code);
}

/** Keywords before a class or interface a class is related to (`implements StatusCodeInterface`). */
const CLASS_RELATIONS = new Set(['implements', 'extends', 'use']);
/** A status family's member of one word (`STATUS_OK`, `STATUS_CREATED`): any state machine's, unless a class says. */
const ONE_WORD_STATUS = /^STATUS_[A-Z]+$/;

/** A constant on either side of these is a bound (`$status < STATUS_CONTINUE`), not a code. */
const RELATIONAL = new Set(['<', '>', '<=', '>=']);

/**
 * Does the place before a chain (token `before` precedes it) hold a status: a value assigned to, compared with or keyed
 * by a key that says status (`status`, `statusCode`, `httpStatus`; a bare `code` may be gRPC's, whose `{ code:
 * Status.NOT_FOUND }` is its code 5), or the argument of a method named like one (`res.status(…)`)?
 */
function saysStatusBefore(w: Walk, before: number): boolean {
  let key: string | undefined;
  const p = w.v(before);
  if (w.isPunct(before, ':') || w.isPunct(before, '=')) key = w.keyBefore(before + 1); // a key's value, an assignment
  else if (EQUALITY.has(p) && w.isPunct(before, p)) key = w.chainEndBefore(before - 1);
  else if (w.isPunct(before, '(') && w.isId(before - 1) && w.isPunct(before - 2, '.') && w.keys.isKeyMethod(w.v(before - 1))) key = w.v(before - 1);
  if (key === undefined) return false;
  const m = w.keys.match(key);
  return m !== null && (m.http || nameWords(key).includes('status'));
}

/** `import http.client as httplib`: the alias names the module of statuses. */
function importedStatusModule(w: Walk, at: number): void {
  let j = at + 1;
  let statusModule = false;
  for (; j < w.length && j < at + 16 && (w.isId(j) || w.isPunct(j, '.')) && w.v(j) !== 'as'; j++) {
    if (w.isId(j) && namesStatusModule(w.v(j))) statusModule = true;
  }
  if (statusModule && w.v(j) === 'as' && w.isId(j + 1)) w.statusModules.add(w.v(j + 1));
}

export function decideIdentifier(w: Walk, k: number): void {
  const name = w.v(k);
  if (name === 'from' && w.language.fromImports) importedStatuses(w, k);
  if (name === 'import' && w.language.fromImports && !w.isId(k - 1)) importedStatusModule(w, k);
  const group = w.top().group;
  const names = w.ctx.names;
  // `HttpStatus.NOT_FOUND`, `HttpStatusCode.NotFound`, `status.HTTP_404_NOT_FOUND`: the qualifier decides.
  // A namespace no row names counts only for a constant-shaped member that is not called (`httpErrors.notFound()`
  // makes an error, it is no constant).
  // A constant beside `<`, `>`, `<=`, `>=` is a bound (`$status < STATUS_CONTINUE`), as a number there is.
  const qualified = w.isPunct(k - 1, '.') && w.isId(k - 2);
  const before = qualified ? (w.isPunct(k - 3, '.') ? k - 5 : k - 3) : k - 1;
  if (RELATIONAL.has(w.v(k + 1)) || RELATIONAL.has(w.v(before))) return;
  if (qualified) {
    // requests' `codes.ok` is a constant too, in lower case (constants.ts reads only reason names there).
    const constantShaped = (/^[A-Z]/.test(name) || w.v(k - 2) === 'codes') && !w.isPunct(k + 1, '(');
    const qualifier = w.v(k - 2);
    // A namespace inside one (`http.client.NOT_FOUND`): the outer one may be the one that says it holds statuses.
    const outer = w.isPunct(k - 3, '.') && w.isId(k - 4) ? w.v(k - 4) : undefined;
    const code =
      (w.statusModules.has(qualifier) ? httpConstant(names, 'http', name, constantShaped) : undefined) ??
      httpConstant(names, qualifier, name, constantShaped) ??
      (outer !== undefined && constantShaped ? httpConstant(names, outer, name, true) : undefined) ??
      httpFamilyConstant(names, name);
    if (code) {
      mirroredByDefinition(w, outer !== undefined ? k - 4 : k - 2, code, group);
      return w.emitAt(k, 'constant', qualifier, true, true, group, code);
    }
    // A member of a status table the file built (`STATUSES.NO_RESPONSE` after `NO_RESPONSE: 444` in it).
    const own = constantShaped ? w.localConstants.get(name) : undefined;
    if (own !== undefined && isStatusNamespace(qualifier)) return w.emitAt(k, 'constant', qualifier, true, false, group, own);
    // A reason-named member of any namespace where the place says status: Deno's `ctx.response.status =
    // Status.NotFound`, `res.status === Codes.Forbidden`, `res.status(Status.Created)`.
    const phrase = constantShaped && w.wholeAfter(k) ? names.httpPhrases.get(nameKey(name)) : undefined;
    if (phrase !== undefined && saysStatusBefore(w, before)) return w.emitAt(k, 'constant', qualifier, true, false, group, phrase);
  }
  const valueKind = w.kind(k + 2);
  const defines =
    (w.isPunct(k + 1, '=') || (w.isPunct(k + 1, ':') && w.top().ternary === 0)) &&
    (valueKind === TokKind.Num || valueKind === TokKind.Str) &&
    INTEGER.test(w.v(k + 2));
  const local = !defines && !w.isPunct(k - 1, '.') ? w.localConstants.get(name) : undefined;
  // A name of a status family (`HTTP_404_NOT_FOUND` imported bare from DRF's `status`, `HTTP_404`,
  // `STATUS_NOT_FOUND`) is as unambiguous as a qualified one; its definition is decided with its value, as any
  // constant's.
  const family = local === undefined && !defines ? httpFamilyConstant(names, name) : undefined;
  // A class that implements or extends one named for statuses (PSR-7's `implements StatusCodeInterface`): its
  // one-word family members (`self::STATUS_OK`) are statuses too, decided at the end of the file (walker.ts).
  const first = name.charCodeAt(0);
  if (first >= 65 && first <= 90 && CLASS_RELATIONS.has(w.v(k - 1)) && w.isId(k - 1) && isStatusNamespace(name)) w.statusClassRelated = true;
  if (first === 83 /* S */ && family === undefined && local === undefined && !defines && ONE_WORD_STATUS.test(name)) {
    const code = names.httpPhrases.get(nameKey(name.slice('STATUS_'.length)));
    if (code !== undefined) w.oneWordStatuses.push({ k, group, code, qualifier: qualified ? w.v(k - 2) : name });
  }
  if (local !== undefined) w.emitAt(k, 'constant', name, false, false, group, local);
  else if (family !== undefined) w.emitAt(k, 'constant', name, true, true, group, family);
  else if (SYMBOLIC_RE.test(name) && w.ctx.isSymbolic(name)) {
    // `BAD_REQUEST = 400`: whether the name stands for its value's code or for its own is decided with the value.
    if (defines) w.pendingName = k;
    else w.emitSymbolic(w.start(k), w.end(k), name, group, false);
  }
}
