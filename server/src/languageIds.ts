/** Language ids of paths, for front ends that start from a path (the CLI); the table lives in service/languages.ts. */
import { languageKind } from './service/analysis';
import { EXTENSION_LANGUAGES } from './service/languages';

export { EXTENSION_LANGUAGES };

/** The language id of a path the service can analyse, or undefined. */
export function languageOfPath(file: string): string | undefined {
  const dot = file.lastIndexOf('.');
  if (dot < 0 || dot < file.lastIndexOf('/')) return undefined;
  const id = EXTENSION_LANGUAGES[file.slice(dot).toLowerCase()];
  return id !== undefined && languageKind(id) ? id : undefined;
}
