/**
 * File extension → LSP language id, for front ends that start from a path (the CLI, clients that send no usable id).
 * Rows for languages the service does not scan yet are kept on purpose: a file counts as supported only when
 * `languageKind(id)` knows its id, so a new scanner shows up here by its row in service/analysis.ts alone.
 */
import { languageKind } from './service/analysis';

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
  '.log': 'log',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.py': 'python',
  '.php': 'php',
};

/** The language id of a path the service can analyse, or undefined. */
export function languageOfPath(file: string): string | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || dot < file.lastIndexOf('/')) return undefined;
  const id = EXTENSION_LANGUAGES[file.slice(dot).toLowerCase()];
  return id !== undefined && languageKind(id) ? id : undefined;
}
