/**
 * Tables of statuses the file builds itself (issue 26): a map from names to statuses (`invalid_client: 401`,
 * `'not_found' => 404`, an enum of statuses), the status column of a table of rows (`[("/a", {}, 200), …]`,
 * `it.each([[…, 404], …])`), and literal unions (`type NoBody = 101 | 204 | 205 | 304`). One rule decides them all:
 * a column is a status column when it holds registered statuses on at least `minRows` rows and on most of them.
 */
import { nameKey } from '../constants';
import type { Lit, Walk } from '../engine/walk';
import { TokKind } from '../tokens';
import { SYMBOLIC_RE } from '../scanTypes';

/** Share of a column's rows that must hold registered statuses. */
export const STATUS_COLUMN_SHARE = 0.8;
/** Rows a table needs before its column counts; enums and unions are declarations, two members do. */
export const STATUS_COLUMN_MIN_ROWS = 3;

/** Words in a key that say the value is an outcome, not a size: `invalid_client`, `notFound`, `SERVER_ERROR`. */
const OUTCOME_WORD = /(?:error|invalid|not|denied|fail|unauthori[sz]ed|forbidden|conflict|success|ok|missing|unknown|expired|exceeded|unavailable|refused|rejected|gone|bad|too)/i;
/** Words of a key that say the value is a time, a size or a count (`response_timeout: 500`), whatever its number. */
const MEASURE_WORDS = new Set(['timeout', 'delay', 'interval', 'size', 'length', 'limit', 'port', 'wait', 'ms', 'millis', 'seconds', 'width', 'height', 'ttl']);
export const isMeasure = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).some((w) => MEASURE_WORDS.has(w));

export interface ColumnCell {
  /** The cell's number as written. */
  value: string;
  /** The name the row gives it (a map's key), when it has one. */
  name?: string;
}

/**
 * Is this column of cells (one per row; `undefined` where a row holds no number there) a status column?
 * `rows` is the table's row count. Round hundreds alone (`sm: 200, md: 300, lg: 400`) are sizes until a name says
 * otherwise, or the table is a test's parameter table (`roundOk`).
 */
export function isStatusColumn(
  cells: readonly (ColumnCell | undefined)[],
  isStatus: (code: string) => boolean,
  isPhrase: (name: string) => boolean,
  options: { minRows?: number; roundOk?: boolean; isUnofficial?: (code: string) => boolean } = {},
): boolean {
  const rows = cells.length;
  const statuses = cells.filter((c): c is ColumnCell => c !== undefined && isStatus(c.value) && !(c.name && isMeasure(c.name)));
  if (statuses.length < (options.minRows ?? STATUS_COLUMN_MIN_ROWS)) return false;
  // Unofficial statuses (nginx's 499, Cloudflare's 52x) do not make a column, but they do not count against one.
  const unofficial = options.isUnofficial ? cells.filter((c) => c !== undefined && options.isUnofficial!(c.value)).length : 0;
  if (statuses.length + unofficial < STATUS_COLUMN_SHARE * rows) return false;
  const numbers = cells.filter((c) => c !== undefined).length;
  if (statuses.length + unofficial < STATUS_COLUMN_SHARE * numbers) return false;
  const named = statuses.some((c) => c.name !== undefined && (isPhrase(c.name) || OUTCOME_WORD.test(c.name)));
  // Numbers counted up one by one (`REASON_BROWSER = 100, REASON_SESSIONIP = 101, …`) are an enumeration that
  // happens to start at a status, unless a name says status.
  if (!options.roundOk && !named && isCountedRun(cells)) return false;
  if (options.roundOk || statuses.some((c) => !c.value.endsWith('00'))) return true;
  return named;
}

/** Every number of the column named, and one more than the one before it, in the order written. */
function isCountedRun(cells: readonly (ColumnCell | undefined)[]): boolean {
  let previous = NaN;
  for (const c of cells) {
    if (c === undefined) continue;
    if (c.name === undefined) return false; // keys of a map (`{ 502: true, 503: true }`) are statuses themselves
    const n = Number(c.value);
    if (!Number.isNaN(previous) && n !== previous + 1) return false;
    previous = n;
  }
  return !Number.isNaN(previous);
}

/** `enum Status {`, PHP's `enum Status: int {`, Python's `class Status(IntEnum):` — a body of named values. */
export function isEnumBody(w: Walk, open: number): boolean {
  for (let j = open - 1; j >= 0 && j >= open - 12; j--) {
    if (w.isId(j) && w.v(j) === 'enum') return true;
    if (w.isId(j) && w.v(j) === 'class') {
      for (let c = j; c < open; c++) if (w.isId(c) && /Enum$|^HTTPStatus$/.test(w.v(c))) return true;
      return false;
    }
    if (w.kind(j) === TokKind.Punct && (w.v(j) === ';' || w.v(j) === '}' || w.v(j) === '{') && !w.synthetic(j)) return false;
  }
  return false;
}

const isStatusOf = (w: Walk) => (code: string) => w.ctx.names.httpCodes.has(code);
const isPhraseOf = (w: Walk) => (name: string) => w.ctx.names.httpPhrases.has(nameKey(name));
const isHttpEntryOf = (w: Walk) => (code: string) => w.ctx.names.httpEntries.has(code);
const isUnofficialOf = (w: Walk) => (code: string) => w.ctx.names.httpEntries.get(code)?.unofficial !== undefined;

/** Named numbers of one object or body: a map of statuses when they make a status column. */
export function tableFate(w: Walk, named: { k: number; group: number; name: string }[], open: number, via: 'list' | 'key' | 'case' = 'list'): void {
  const isStatus = isStatusOf(w);
  const cells = named.map((n) => ({ value: w.v(n.k), name: n.name || undefined }));
  if (!isStatusColumn(cells, isStatus, isPhraseOf(w), { minRows: isEnumBody(w, open) ? 2 : undefined, isUnofficial: isUnofficialOf(w) })) return;
  // Once the column is known, the unofficial statuses in it (nginx's 499, Cloudflare's 52x) are statuses too.
  claimRows(w, named, via, () => true);
}

/**
 * A status table's rows that hold statuses (unofficial ones included) and pass `keep`: each value is a status, and an
 * upper-case member's name stands for its status wherever the file uses it (`STATUSES.NO_RESPONSE`).
 */
function claimRows(w: Walk, named: { k: number; group: number; name: string }[], via: 'list' | 'key' | 'case', keep: (name: string) => boolean): void {
  const isEntry = isHttpEntryOf(w);
  for (const n of named) {
    if (!isEntry(w.v(n.k)) || !keep(n.name)) continue;
    w.emitAt(n.k, via, undefined, true, false, n.group);
    if (SYMBOLIC_RE.test(n.name) && !w.localConstants.has(n.name)) w.localConstants.set(n.name, w.v(n.k));
  }
}

/**
 * The numeric keys of an object (`{ 300: true, 301: true }`, PHP's `[404 => 'Not Found', …]`), `phraseKeys` of which
 * were found beside their own reason phrase: once three were, the others that are statuses are rows of the same
 * table whatever their phrase (PSR-7's `425 => 'Unordered Collection'`, Slim's `444 => 'Connection Closed Without
 * Response'`); otherwise the keys are a table when they make a status column.
 */
export function keyedTableFate(w: Walk, keys: { k: number; group: number; name: string }[], phraseKeys: number, open: number): void {
  if (phraseKeys >= STATUS_COLUMN_MIN_ROWS) claimRows(w, keys, 'key', () => true);
  else tableFate(w, keys, open, 'key');
}

/** Words of a member's name that make its value a bound of a range, not a status (`SUCCESS_RANGE_START: 200`). */
const BOUND_WORDS = /(?:^|_)(?:RANGE|START|END|MIN|MAX|LOWER|UPPER)(?:_|$)|(?:range|Range|start|Start|end|End|min|Min|max|Max)(?=[A-Z_]|$)/;

/**
 * The members of an object a status name holds (MSAL's `HttpStatus = { SUCCESS: 200, REDIRECT: 302, CLIENT_ERROR:
 * 400, SUCCESS_RANGE_START: 200, … }`, llhttp's `STATUSES`): each value a status, unless its name says it bounds a
 * range; an upper-case member's name stands for its status wherever the file uses it, as in any status table.
 */
export function namedStatusesFate(w: Walk, named: { k: number; group: number; name: string }[]): void {
  claimRows(w, named, 'key', (name) => !BOUND_WORDS.test(name));
}

/** A list of rows (`[("/a", 200), ("/b", 404), …]`): each column that is a status column. */
export function columnFate(w: Walk, rows: Map<number, Lit[]>, open: number): void {
  const isStatus = isStatusOf(w);
  const width = Math.max(...[...rows.values()].map((r) => Math.max(-1, ...r.map((l) => l.arg)) + 1));
  // A test's parameter table may hold 200s only: `parametrize(…, [("/a", 200), …])`, `it.each([…])`.
  const roundOk = /parametri[sz]e|each|cases|params|table/i.test(w.top().call?.name ?? '');
  const names = parameterNames(w) ?? structFieldNames(w, open);
  for (let col = 0; col < width && col < 16; col++) {
    const cells: (ColumnCell | undefined)[] = [];
    const lits: Lit[] = [];
    for (const row of rows.values()) {
      const lit = row.find((l) => l.arg === col);
      cells.push(lit ? { value: w.v(lit.k) } : undefined);
      if (lit) lits.push(lit);
    }
    // A column the test names for a code key (`parametrize("path,status", …)`) holds statuses on every row.
    const named = names?.[col] !== undefined && w.keys.match(names[col]) !== null;
    if (!named && !isStatusColumn(cells, isStatus, isPhraseOf(w), { roundOk })) continue;
    const isEntry = isHttpEntryOf(w);
    for (const lit of lits) if (isEntry(w.v(lit.k))) w.emitAt(lit.k, 'list', undefined, true, false, lit.group);
  }
}

/** Names of a column that numbers things rather than outcomes: ids, indexes, counts, versions, years, lines. */
const COUNTER_NAME = /(?:^|_|[a-z])(?:id|ids|Id|ID|index|Index|count|Count|num|Num|version|Version|year|Year|line|Line|page|Page|port|Port)$|^(?:id|index|count|num|version|year|line|page|port|n|i|x|y|z)$/;

/**
 * A list of objects with named numbers (`[{write: 204, read: 204}, {write: 304, read: 304}, …]`, `[{ path: '/a',
 * expected: 200 }, …]`): the numbers under one name across the rows are a column, decided by the column rule.
 */
export function namedColumnsFate(w: Walk, rows: { k: number; group: number; name: string }[][]): void {
  const columns = new Map<string, ({ k: number; group: number; name: string } | undefined)[]>();
  rows.forEach((row, r) => {
    for (const cell of row) {
      if (!cell.name) continue;
      let column = columns.get(cell.name);
      if (!column) columns.set(cell.name, (column = new Array(rows.length).fill(undefined)));
      column[r] ??= cell;
    }
  });
  const isStatus = isStatusOf(w);
  for (const [name, column] of columns) {
    if (isMeasure(name) || COUNTER_NAME.test(name)) continue;
    const cells = column.map((c) => (c ? { value: w.v(c.k), name } : undefined));
    if (!isStatusColumn(cells, isStatus, isPhraseOf(w), { isUnofficial: isUnofficialOf(w) })) continue;
    const isEntry = isHttpEntryOf(w);
    for (const c of column) if (c && isEntry(w.v(c.k))) w.emitAt(c.k, 'list', undefined, true, false, c.group);
  }
}

/**
 * The field names of a Go table test's anonymous struct, in order, when the list opening at `open` is its literal:
 * `[]struct{ name string; status int }{ {"ok", 200}, … }`, `struct{ method, path string; code int }` (several names
 * share a type). Undefined when a field is embedded or the list is no such literal.
 */
function structFieldNames(w: Walk, open: number): string[] | undefined {
  if (!w.language.braceLists || !w.isPunct(open - 1, '}')) return undefined;
  const bodyOpen = w.openOf[open - 1];
  if (bodyOpen <= 0 || w.v(bodyOpen - 1) !== 'struct') return undefined;
  const names: string[] = [];
  let field: string[] = [];
  let typed = false;
  for (let j = bodyOpen + 1; j <= open - 1; j++) {
    const end = j === open - 1 || w.isPunct(j, ';');
    if (end) {
      if (field.length && !typed) return undefined; // an embedded field: no name of its own
      names.push(...field);
      field = [];
      typed = false;
      continue;
    }
    if (typed) {
      // Skip the type, brackets and all: `map[string]int`, `func(int) error`, `struct{ … }`.
      if ((w.isPunct(j, '(') || w.isPunct(j, '[') || w.isPunct(j, '{')) && w.closeAfter(j) > j) j = w.closeAfter(j);
      continue;
    }
    if (w.isId(j) && (field.length === 0 || w.isPunct(j - 1, ','))) field.push(w.v(j));
    else if (w.isPunct(j, ',')) continue;
    else typed = true;
    // A name followed by anything but a comma starts the type.
    if (w.isId(j) && !w.isPunct(j + 1, ',') && !w.isPunct(j + 1, ';') && j + 1 !== open - 1) typed = true;
  }
  return names.length ? names : undefined;
}

/**
 * The column names a parametrised test gives its table, when the table is an argument of one: pytest's
 * `parametrize("path,status", [...])` or `parametrize(("path", "status_code"), [...])`.
 */
function parameterNames(w: Walk): string[] | undefined {
  const frame = w.top();
  if (!frame.call || !/^parametri[sz]e$/.test(frame.call.name)) return undefined;
  let k = frame.openIndex + 1;
  if (w.isStr(k)) return w.v(k).split(',').map((s) => s.trim());
  if (!w.isPunct(k, '(') && !w.isPunct(k, '[')) return undefined;
  const names: string[] = [];
  for (k++; w.isStr(k); k += 2) {
    names.push(w.v(k));
    if (!w.isPunct(k + 1, ',')) break;
  }
  return names;
}

/**
 * A literal union of statuses starting at token k (`type NoBody = 101 | 204 | 205 | 304`, a field typed
 * `status: 200 | 201`, a cast `status as 400 | 401`): every member a registered status, at least two. Returns the run's last index, or -1.
 */
export function literalUnion(w: Walk, k: number): number {
  const lead = w.isPunct(k - 1, '|') ? k - 2 : k - 1;
  // After a type's start, or a cast: `response.status as 400 | 401 | 403`, `… satisfies 200 | 204`.
  if (lead < 0 || !(['=', ':', '<', '(', ','].some((p) => w.isPunct(lead, p)) || (w.isId(lead) && (w.v(lead) === 'as' || w.v(lead) === 'satisfies')))) return -1;
  let j = k;
  while (w.isPunct(j + 1, '|') && w.isNum(j + 2)) j += 2;
  if (j === k) return -1;
  if (!w.wholeAfter(j)) return -1;
  const isStatus = isStatusOf(w);
  for (let m = k; m <= j; m += 2) if (!isStatus(w.v(m))) return -1;
  for (let m = k; m <= j; m += 2) w.emitAt(m, 'list', undefined, true, false, w.top().group);
  return j;
}
