/** PHP: the hand tokenizer (tokenizePhp.ts, PHP islands only) plus the code-position engine with PHP's rows of the idiom tables. */
import { findCodes } from './positions';
import type { ScanContext, ScanResult } from './scanTypes';
import { tokenizePhp } from './tokenizePhp';

/** Scans a PHP file; its inline HTML yields nothing. */
export function scanPhp(text: string, ctx: ScanContext): ScanResult {
  return findCodes(text, tokenizePhp(text), ctx, 'php');
}
