/**
 * The rules every front end reports: stable ids, and what each means (one line, a paragraph, and the help SARIF
 * viewers show). The editor, the CLI, its SARIF and the Action all read them from here.
 */

/** Where each rule is explained; `codeDescription.href` and SARIF's `helpUri` point at the README anchor of the rule. */
export const RULES_URL = 'https://github.com/api-error-codes/vscode-api-error-codes/blob/main/docs/rules.md#rule-';

/** Stable diagnostic codes, one per rule. */
export const Rule = {
  UnknownCode: 'unknown-code',
  NotVendorCode: 'not-vendor-code',
  DidYouMean: 'did-you-mean',
  ConstantMismatch: 'constant-mismatch',
  RegistryFile: 'registry-file',
  TooMany: 'too-many-diagnostics',
} as const;

export type RuleId = (typeof Rule)[keyof typeof Rule];

export interface RuleInfo {
  id: RuleId;
  /** PascalCase, as SARIF's `name` wants it. */
  name: string;
  /** One sentence. */
  short: string;
  /** What the rule finds and why it matters. */
  full: string;
  /** What to do about a finding (plain text; markdown is built from it with the link). */
  fix: string;
}

/** Every rule, in the order SARIF lists them. */
export const RULES: readonly RuleInfo[] = [
  {
    id: Rule.UnknownCode,
    name: 'UnknownCode',
    short: 'A code that the vendor named by its context does not define.',
    full:
      'A number in a certain code position (a configured code key, a status call, a case of a switch over a code) that the vendor named by its own context does not define, or an OpenAPI response key that is no HTTP status or range. Such a value can never match what the API returns, so the branch or assertion holding it is dead or wrong.',
    fix: 'Replace the value with the code the vendor documents (the quick fix offers the codes one digit away), or suppress it with an error-codes-disable-line comment when the value is deliberate.',
  },
  {
    id: Rule.NotVendorCode,
    name: 'NotVendorCode',
    short: 'A code that the vendor named by its context does not define, but another vendor does.',
    full:
      'A number in a certain code position that the vendor named by its context does not define, while another vendor (often HTTP) does: usually a status of another API compared where this vendor\'s code is expected.',
    fix: 'Compare the value with the field that carries the other vendor\'s code, or use this vendor\'s code.',
  },
  {
    id: Rule.DidYouMean,
    name: 'DidYouMean',
    short: 'A code-shaped string that is no known code but is a small edit away from one.',
    full:
      'An UPPER_SNAKE string that no enabled vendor defines and that is within a small edit distance of a known code (1 edit up to 8 characters, 2 up to 20, 3 beyond): a mistyped code never matches the API\'s answer.',
    fix: 'Replace the string with the suggested code (quick fix or `api-error-codes check --fix`).',
  },
  {
    id: Rule.ConstantMismatch,
    name: 'ConstantMismatch',
    short: 'A constant named after a code holds another code\'s value.',
    full:
      'A constant whose name is a vendor code\'s name (FACE_TOO_SMALL, NOT_FOUND) but whose value is another code: every comparison with the constant tests the wrong code.',
    fix: 'Set the constant to the named code\'s value (the quick fix does), or rename it.',
  },
  {
    id: Rule.RegistryFile,
    name: 'RegistryFile',
    short: 'A problem inside a *.errorcodes.json registry file.',
    full:
      'JSON syntax, schema violations, duplicate codes or names, overrides of built-in codes and new vendors without a display name in a workspace registry file; a file that does not load leaves its vendor\'s codes unknown.',
    fix: 'Correct the registry file; its schema is data/registry.schema.json.',
  },
  {
    id: Rule.TooMany,
    name: 'TooManyDiagnostics',
    short: 'A file had more error-code problems than errorCodes.maxDiagnostics.',
    full: 'A file had more error-code problems than errorCodes.maxDiagnostics; the ones after the first cut are not listed.',
    fix: 'Fix the listed problems, or raise errorCodes.maxDiagnostics to see them all.',
  },
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
