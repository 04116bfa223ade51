/** Character classes and the number literal shared by the Python and PHP tokenizers (char codes, no allocation). */

/** An identifier's first character: ASCII letter, `_`, or any non-ASCII character (Unicode identifiers). */
export function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}
export function isIdChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c > 127;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * The end of the number literal at `s`: `0x1F` / `0o17` / `0b101`, or digits with `_` separators, a greedy fraction
 * (`1.` and `.5` are floats in both languages), an exponent, and with `imaginary` Python's `j` suffix.
 */
export function numberEnd(text: string, s: number, imaginary: boolean): number {
  const n = text.length;
  let j = s;
  const x = text.charCodeAt(j + 1) | 32;
  if (text.charCodeAt(j) === 48 && (x === 120 || x === 111 || x === 98)) {
    j += 2;
    while (j < n && (isHexDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
    return j;
  }
  while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
  if (text.charCodeAt(j) === 46) {
    j++;
    while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
  }
  if ((text.charCodeAt(j) | 32) === 101) {
    const d = text.charCodeAt(j + 1);
    if (isDigit(d) || ((d === 43 || d === 45) && isDigit(text.charCodeAt(j + 2)))) {
      j += 2;
      while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
    }
  }
  if (imaginary && (text.charCodeAt(j) | 32) === 106) j++;
  return j;
}
