/** Sources more than one tier checks. */

/** A Faceki client with an unknown code in its switch (4:10, 5099) and a mistyped name (6:23, SELFIE_LIVENESS_FAILD). */
export const KYC_TS = [
  'export function explain(err: { error_code: number }) {',
  '  switch (err.error_code) {',
  '    case 5004: return "liveness";',
  '    case 5099: return "unknown";',
  '  }',
  "  if (err.reason === 'SELFIE_LIVENESS_FAILD') return 'typo';",
  '  return null;',
  '}',
  '',
].join('\n');
