/** Python: the hand tokenizer (tokenizePython.ts) plus the code-position engine with Python's rows of the idiom tables. */
import { findCodes } from './positions';
import type { ScanContext, ScanResult } from './scanTypes';
import { tokenizePython } from './tokenizePython';

/** Scans Python text. */
export function scanPython(text: string, ctx: ScanContext): ScanResult {
  return findCodes(text, tokenizePython(text), ctx, 'python');
}
