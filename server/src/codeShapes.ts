/** What a code looks like as callers write it; shared by the loader, the scanners and the importer. */

/** A numeric code: "412", "5004" (at most nine digits). */
export const NUMERIC_CODE = /^\d{1,9}$/;

/** A symbolic code: UPPER_SNAKE with at least one underscore ("ERROR_NO_FACE_IN_FILE"). */
export const SYMBOLIC_CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
