/**
 * Which scanner a document gets: by language id (VS Code's ids and the aliases other editors send), else by the
 * file's extension. Pure, so the server can also say why a document is ignored.
 */
export type LanguageKind = 'ts' | 'json' | 'log' | 'yaml' | 'python' | 'php';

/**
 * Language ids: VS Code's, eglot's (the major mode without `-mode`: `js`, `js2`, `rjsx`, `js-ts`, `tsx-ts`),
 * Vim/Neovim filetypes (`javascript.jsx`, `typescript.tsx`), and short names (`ts`, `tsx`, `jsx`).
 */
const LANGUAGE_IDS: Record<string, LanguageKind> = {
  typescript: 'ts',
  typescriptreact: 'ts',
  javascript: 'ts',
  javascriptreact: 'ts',
  ts: 'ts',
  tsx: 'ts',
  js: 'ts',
  jsx: 'ts',
  'javascript.jsx': 'ts',
  'typescript.tsx': 'ts',
  'js-jsx': 'ts',
  js2: 'ts',
  rjsx: 'ts',
  'js-ts': 'ts',
  'tsx-ts': 'ts',
  'typescript-ts': 'ts',
  json: 'json',
  jsonc: 'json',
  // JSON5 is read as JSONC: comments and trailing commas work, unquoted keys are not seen as keys.
  json5: 'json',
  'json-ts': 'json',
  log: 'log',
  yaml: 'yaml',
  yml: 'yaml',
  'yaml-ts': 'yaml',
  python: 'python',
  'python-ts': 'python',
  py: 'python',
  php: 'php',
  'php-ts': 'php',
};

/** VS Code's own ids; the VS Code client selects documents by these. */
export const VSCODE_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'json', 'jsonc', 'log', 'yaml', 'python', 'php'];

/**
 * File extension → language id, for front ends that start from a path (the CLI, the extension fallback here). Rows for
 * languages the service does not scan yet are kept on purpose: a file counts as supported only when its id has a
 * scanner, so a new scanner shows up by its row in LANGUAGE_IDS alone.
 */
export const EXTENSION_LANGUAGES: Readonly<Record<string, string>> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.json5': 'json5',
  '.log': 'log',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.py': 'python',
  '.php': 'php',
};

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

/** The scanner for a language id, falling back on the URI's extension when the id is unknown (`text`, `''`). */
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
