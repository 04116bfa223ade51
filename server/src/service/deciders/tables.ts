/**
 * Tables of statuses the file builds itself (issue 26): a map from names to statuses (`invalid_client: 401`,
 * `'not_found' => 404`, an enum of statuses), the status column of a table of rows (`[("/a", {}, 200), …]`,
 * `it.each([[…, 404], …])`), and literal unions (`type NoBody = 101 | 204 | 205 | 304`). One rule decides them all:
 * a column is a status column when it holds registered statuses on at least `minRows` rows and on most of them.
 */

/** Share of a column's rows that must hold registered statuses. */
export const STATUS_COLUMN_SHARE = 0.8;
/** Rows a table needs before its column counts; enums and unions are declarations, two members do. */
export const STATUS_COLUMN_MIN_ROWS = 3;

/** Words in a key that say the value is an outcome, not a size: `invalid_client`, `notFound`, `SERVER_ERROR`. */
const OUTCOME_WORD = /(?:error|invalid|not|denied|fail|unauthori[sz]ed|forbidden|conflict|success|ok|missing|unknown|expired|exceeded|unavailable|refused|rejected|gone|bad|timeout|too)/i;

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
  options: { minRows?: number; roundOk?: boolean } = {},
): boolean {
  const rows = cells.length;
  const statuses = cells.filter((c): c is ColumnCell => c !== undefined && isStatus(c.value));
  if (statuses.length < (options.minRows ?? STATUS_COLUMN_MIN_ROWS) || statuses.length < STATUS_COLUMN_SHARE * rows) return false;
  const numbers = cells.filter((c) => c !== undefined).length;
  if (statuses.length < STATUS_COLUMN_SHARE * numbers) return false;
  if (options.roundOk || statuses.some((c) => !c.value.endsWith('00'))) return true;
  return statuses.some((c) => c.name !== undefined && (isPhrase(c.name) || OUTCOME_WORD.test(c.name)));
}
