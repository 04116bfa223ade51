/**
 * Every fact about a language the product uses, one row per language: its ids and aliases, file extensions, how it
 * is scanned (a tokenizer plus the code-position engine's facts, or a scanner of its own), its comments, its test
 * files, whether it is source code, and how the switch action writes cases in it. Every consumer reads this table —
 * the engine, diagnostics, completion, the index, the CLI and (through `package.json`, checked by a test) the client —
 * so a new language is a tokenizer file and a row here.
 */
import { scanJson } from './scanJson';
import { scanLog } from './scanLog';
import type { EngineFacts } from './engine/walk';
import type { ScanContext, ScanResult } from './scanTypes';
import { scanYaml } from './scanYaml';
import type { Tokens } from './tokens';
import { tokenizePhp } from './tokenizePhp';
import { tokenizePython } from './tokenizePython';
import { tokenizeGo } from './tokenizeGo';
import { tokenizeTs } from './tokenizeTs';

export type { EngineFacts };

export type LanguageKind = 'ts' | 'json' | 'log' | 'yaml' | 'python' | 'php' | 'go';


/** How the switch action writes cases (exhaustive.ts). */
export interface CaseSyntax {
  /** Quote for a code written as a string when the existing cases give none. */
  quote: string;
  /** Indentation unit when the switch gives none. */
  unit: string;
  /** Labels fall through into the next one (TS, PHP); Python's and Go's cases do not. */
  fallThrough: boolean;
  /** Where cases do not fall through, what joins several codes in one case: Python's ` | `, Go's `, `. */
  alternatives?: string;
  /** A label may end in `;` as well as `:` (PHP's `case 404;`). */
  semicolonLabel?: boolean;
}

export interface LanguageRow {
  kind: LanguageKind;
  /** How help texts name it. */
  displayName: string;
  /** VS Code's language ids: the client selects documents by these and `package.json` activates on them. */
  vscodeIds: readonly string[];
  /**
   * Other editors' ids: eglot's (the major mode without `-mode`: `js`, `js2`, `rjsx`, `js-ts`, `tsx-ts`), Vim/Neovim
   * filetypes (`javascript.jsx`, `typescript.tsx`), short names (`ts`, `py`).
   */
  aliases: readonly string[];
  /** File extension (with its dot) → the VS Code id it means, for front ends that start from a path. */
  extensions: Readonly<Record<string, string>>;
  /** Source code, where a place can handle a code (coverage); JSON, YAML and logs are data. */
  source: boolean;
  /** Line comment prefix, where the language has one. */
  lineComment?: string;
  /** Comment openers an `error-codes-disable…` directive may follow (suppressions.ts); none where directives are not read. */
  directiveComments?: readonly string[];
  /** Test files by path (inside the workspace folder): number diagnostics stay out of them; they handle nothing. */
  testFile?: RegExp;
  /** Member access spellings other than `.`, which completion reads as `.` (PHP's `->`, `?->`, `::`). */
  memberAccess?: RegExp;
  /** Token languages: the tokenizer and the engine's facts. */
  tokenize?: (text: string) => Tokens;
  engine?: EngineFacts;
  /**
   * Other languages: a scanner of their own; `script` scans text of another language embedded in the document (a Postman collection's
   * test scripts are JavaScript inside JSON strings).
   */
  scan?: (text: string, ctx: ScanContext, script?: (source: string) => ScanResult) => ScanResult;
  /** Languages with `switch`/`match`: how the switch action writes cases. */
  cases?: CaseSyntax;
  /** How "Insert Constants for Vendor…" writes a vendor's codes: TypeScript's/JavaScript's object or enum, or Go's `const ( … )`. */
  constants?: 'object' | 'const-block';
}

/** Test directories of every ecosystem. */
const TEST_DIRECTORY = /(?:^|[/\\])(?:__tests__|__mocks__|tests?|spec|specs|e2e)[/\\]/i;

export const LANGUAGE_TABLE: readonly LanguageRow[] = [
  {
    kind: 'ts',
    displayName: 'TypeScript/JavaScript',
    vscodeIds: ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'],
    aliases: ['ts', 'tsx', 'js', 'jsx', 'javascript.jsx', 'typescript.tsx', 'js-jsx', 'js2', 'rjsx', 'js-ts', 'tsx-ts', 'typescript-ts'],
    extensions: { '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact' },
    source: true,
    lineComment: '//',
    directiveComments: ['//', '/*'],
    testFile: /[._-](?:test|spec|e2e)\.[cm]?[jt]sx?$/i,
    tokenize: tokenizeTs,
    engine: { switchKeyword: 'switch', literalUnions: true },
    constants: 'object',
    cases: { quote: "'", unit: '  ', fallThrough: true },
  },
  {
    kind: 'python',
    displayName: 'Python',
    vscodeIds: ['python'],
    aliases: ['python-ts', 'py'],
    extensions: { '.py': 'python' },
    source: true,
    lineComment: '#',
    directiveComments: ['#'],
    testFile: /(?:^|[/\\])test_[^/\\]*\.py$|_test\.py$/i,
    tokenize: tokenizePython,
    engine: { switchKeyword: 'match', tupleReturnStatus: true, inMembership: true, orPatterns: true, braceLists: true, fromImports: true },
    cases: { quote: '"', unit: '    ', fallThrough: false, alternatives: ' | ' },
  },
  {
    kind: 'php',
    displayName: 'PHP',
    vscodeIds: ['php'],
    aliases: ['php-ts'],
    extensions: { '.php': 'php' },
    source: true,
    lineComment: '//',
    directiveComments: ['//', '#', '/*'],
    // PHPUnit's `UserTest.php`: case matters (`latest.php` is no test).
    testFile: /[A-Za-z0-9]Test\.php$/,
    memberAccess: /\?->|->|::/g,
    tokenize: tokenizePhp,
    engine: { switchKeyword: 'switch', matchKeyword: 'match', webEvidence: /\$_(?:GET|POST|REQUEST|SERVER|COOKIE|FILES)\b|(?<![\w$>:])header\s*\(/ },
    cases: { quote: "'", unit: '    ', fallThrough: true, semicolonLabel: true },
  },
  {
    kind: 'go',
    displayName: 'Go',
    vscodeIds: ['go'],
    aliases: ['golang', 'go-ts'],
    extensions: { '.go': 'go' },
    source: true,
    lineComment: '//',
    directiveComments: ['//', '/*'],
    testFile: /_test\.go$/,
    tokenize: tokenizeGo,
    engine: { switchKeyword: 'switch', switchSubjectEndsAtBrace: true, caseLists: true, braceLists: true },
    cases: { quote: '"', unit: '\t', fallThrough: false, alternatives: ', ' },
    constants: 'const-block',
  },
  {
    kind: 'json',
    displayName: 'JSON',
    vscodeIds: ['json', 'jsonc'],
    // JSON5 is read as JSONC: comments and trailing commas work, unquoted keys are not seen as keys.
    aliases: ['json5', 'json-ts'],
    extensions: { '.json': 'json', '.jsonc': 'jsonc', '.json5': 'json5' },
    source: false,
    scan: scanJson,
  },
  {
    kind: 'yaml',
    displayName: 'YAML',
    vscodeIds: ['yaml'],
    aliases: ['yml', 'yaml-ts'],
    extensions: { '.yaml': 'yaml', '.yml': 'yaml' },
    source: false,
    lineComment: '#',
    directiveComments: ['#'],
    scan: scanYaml,
  },
  {
    kind: 'log',
    displayName: 'log files',
    vscodeIds: ['log'],
    aliases: [],
    extensions: { '.log': 'log' },
    source: false,
    scan: (text, ctx) => scanLog(text, ctx),
  },
];

const ROWS = new Map(LANGUAGE_TABLE.map((r) => [r.kind, r]));

/** The row of a language. */
export function languageRow(kind: LanguageKind): LanguageRow {
  return ROWS.get(kind)!;
}

/** Language ids (VS Code's and other editors') → language. */
const LANGUAGE_IDS: Readonly<Record<string, LanguageKind>> = Object.fromEntries(
  LANGUAGE_TABLE.flatMap((r) => [...r.vscodeIds, ...r.aliases].map((id) => [id, r.kind])),
);

/** The languages by name, for help texts: "TypeScript/JavaScript, Python, … and log files". */
export function languageNames(): string {
  const names = LANGUAGE_TABLE.map((r) => r.displayName);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** VS Code's own ids; the VS Code client selects documents by these. */
export const VSCODE_LANGUAGES: readonly string[] = LANGUAGE_TABLE.flatMap((r) => r.vscodeIds);

/** File extension → language id, for front ends that start from a path (the CLI, the extension fallback here). */
export const EXTENSION_LANGUAGES: Readonly<Record<string, string>> = Object.assign({}, ...LANGUAGE_TABLE.map((r) => r.extensions));

/** Is this path a test file of any language (`*.test.ts`, `__tests__/`, `test_*.py`, `UserTest.php`)? */
export function isTestPath(path: string): boolean {
  return TEST_DIRECTORY.test(path) || LANGUAGE_TABLE.some((r) => r.testFile?.test(path));
}

/** The extension of a URI's last path segment, lower case, without the dot ('' when none). */
function extensionOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The language of a language id, falling back on the URI's extension when the id is unknown (`text`, `''`). */
export function languageKind(languageId: string, uri?: string): LanguageKind | undefined {
  const id = String(languageId ?? '');
  const byId = own(LANGUAGE_IDS, id) ?? own(LANGUAGE_IDS, id.toLowerCase());
  if (byId || !uri) return byId;
  const extensionId = own(EXTENSION_LANGUAGES, '.' + extensionOf(uri));
  return extensionId === undefined ? undefined : own(LANGUAGE_IDS, extensionId);
}

/** Why a document gets no answers, for the one log line the server writes about it. */
export function ignoredReason(languageId: string, uri: string): string {
  const ext = extensionOf(uri);
  return (
    `language id "${languageId}" is not one this server reads (${Object.keys(LANGUAGE_IDS).join(', ')}) ` +
    `and ${ext ? `the extension ".${ext}"` : 'the file name has no extension that'} ` +
    `does not name one either (${Object.keys(EXTENSION_LANGUAGES).filter((e) => languageKind('', 'file:///x' + e)).join(', ')})`
  );
}
