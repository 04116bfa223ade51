/**
 * Timestamps at the start of log lines, read by hand (no RegExp, no Date parsing per line): ISO-8601
 * (`2026-11-02T10:00:00.123Z`, `2026-11-02 10:00:00+01:00`), common log format (`[02/Nov/2026:10:00:00 +0000]`, with or
 * without the bracket), both anywhere in the first 100 characters, and syslog (`Nov  2 10:00:00`, which has no year:
 * the caller supplies one).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_INDEX = new Map(MONTHS.map((m, i) => [m, i]));

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(at + k) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function month(text: string, at: number): number {
  return MONTH_INDEX.get(text.slice(at, at + 3).toLowerCase()) ?? -1;
}

/** Offset east of UTC in minutes of `Z`, `+hh:mm`, `+hhmm`, `-hh`; 0 when absent; NaN when malformed. */
function zone(text: string, at: number, end: number): number {
  if (at >= end) return 0;
  const c = text.charCodeAt(at);
  if (c === 90 /* Z */) return 0;
  if (c !== 43 && c !== 45) return 0;
  const h = digits(text, at + 1, 2);
  if (h < 0) return NaN;
  let m = digits(text, at + (text.charCodeAt(at + 3) === 58 ? 4 : 3), 2);
  if (m < 0) m = 0;
  return (c === 45 ? -1 : 1) * (h * 60 + m);
}

function utc(year: number, mon: number, day: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number {
  if (mon < 0 || mon > 11 || day < 1 || day > 31 || h > 23 || mi > 59 || s > 60 || Number.isNaN(offsetMinutes)) return NaN;
  return Date.UTC(year, mon, day, h, mi, s, ms) - offsetMinutes * 60000;
}

/** ISO-8601 date-time at `at`: `YYYY-MM-DD[T ]hh:mm[:ss[.fff]][zone]`. */
function iso(text: string, at: number, end: number): number {
  if (end - at < 16 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45 || text.charCodeAt(at + 13) !== 58) return NaN;
  const sep = text.charCodeAt(at + 10);
  if (sep !== 84 && sep !== 32) return NaN;
  const y = digits(text, at, 4);
  const mo = digits(text, at + 5, 2);
  const d = digits(text, at + 8, 2);
  const h = digits(text, at + 11, 2);
  const mi = digits(text, at + 14, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0) return NaN;
  let p = at + 16;
  let s = 0;
  let ms = 0;
  if (text.charCodeAt(p) === 58) {
    s = digits(text, p + 1, 2);
    if (s < 0) return NaN;
    p += 3;
    if (text.charCodeAt(p) === 46 || text.charCodeAt(p) === 44) {
      let q = p + 1;
      let scale = 100;
      while (q < end && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) {
        ms += (text.charCodeAt(q) - 48) * scale;
        scale /= 10;
        q++;
      }
      ms = Math.floor(ms);
      p = q;
    }
  }
  return utc(y, mo - 1, d, h, mi, s, ms, zone(text, p, end));
}

/** Common log format inside brackets at `at` (the `[`): `[dd/Mon/yyyy:hh:mm:ss zone]`. */
function clf(text: string, at: number, end: number): number {
  if (end - at < 21 || text.charCodeAt(at + 3) !== 47 || text.charCodeAt(at + 7) !== 47 || text.charCodeAt(at + 12) !== 58) return NaN;
  const d = digits(text, at + 1, 2);
  const mo = month(text, at + 4);
  const y = digits(text, at + 8, 4);
  const h = digits(text, at + 13, 2);
  const mi = digits(text, at + 16, 2);
  const s = digits(text, at + 19, 2);
  if (d < 0 || y < 0 || h < 0 || mi < 0 || s < 0) return NaN;
  return utc(y, mo, d, h, mi, s, 0, text.charCodeAt(at + 21) === 32 ? zone(text, at + 22, end) : 0);
}

/** Syslog at `at`: `Mon dd hh:mm:ss` (the day may be space-padded); local time of an unknown zone, read as UTC. */
function syslog(text: string, at: number, end: number, year: number): number {
  if (end - at < 15 || text.charCodeAt(at + 3) !== 32) return NaN;
  const mo = month(text, at);
  if (mo < 0) return NaN;
  const dayAt = text.charCodeAt(at + 4) === 32 ? at + 5 : at + 4;
  const d = digits(text, dayAt, dayAt === at + 5 ? 1 : 2);
  const t = dayAt === at + 5 ? at + 7 : at + 7;
  if (d < 0 || text.charCodeAt(t - 1) !== 32 || text.charCodeAt(t + 2) !== 58 || text.charCodeAt(t + 5) !== 58) return NaN;
  const h = digits(text, t, 2);
  const mi = digits(text, t + 3, 2);
  const s = digits(text, t + 6, 2);
  if (h < 0 || mi < 0 || s < 0) return NaN;
  return utc(year, mo, d, h, mi, s, 0, 0);
}

/**
 * The timestamp (epoch milliseconds) of the line text[start, end), or NaN when it carries none. `syslogYear` is used
 * for syslog lines, which name no year.
 */
export function lineTimestamp(text: string, start: number, end: number, syslogYear: number): number {
  // ISO-8601 at the start, or after a short prefix such as a level or a bracket (`[2026-11-02T…`, `I 2026-…`).
  for (let p = start; p < end && p < start + 8; p++) {
    const c = text.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      const t = iso(text, p, end);
      if (!Number.isNaN(t)) return t;
      break;
    }
  }
  const first = text.charCodeAt(start);
  if (first >= 65 && first <= 90) {
    const t = syslog(text, start, end, syslogYear);
    if (!Number.isNaN(t)) return t;
  }
  // Further in, within the first 100 characters (not searched past them: lines can be long): common log format with
  // or without its bracket (`[02/Nov/2026:10:00:00 +0000]`, `02/Nov/2026:10:00:00`), and ISO-8601 after an address
  // or a host (`10.0.0.1 - - 2026-11-02T10:00:00Z "GET …`). Every line the summary counts a code on should have its
  // time read if it carries one: the chart leaves out the rest.
  const limit = Math.min(end, start + 100);
  for (let p = start; p < limit; p++) {
    const c = text.charCodeAt(p);
    let t = NaN;
    if (c === 91) t = clf(text, p, end);
    else if (c >= 48 && c <= 57 && (p === start || !isDigit(text.charCodeAt(p - 1)))) {
      if (text.charCodeAt(p + 2) === 47) t = clf(text, p - 1, end);
      else if (text.charCodeAt(p + 4) === 45) t = iso(text, p, end);
    }
    if (!Number.isNaN(t)) return t;
  }
  return NaN;
}
