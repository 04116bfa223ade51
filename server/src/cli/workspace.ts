/**
 * What the editor would use for a workspace, read from disk: the `errorCodes.*` settings (a `--config` file, or
 * `.vscode/settings.json`) and the registry merged from the built-in one, `*.errorcodes.json` files and
 * `registryFiles`. All three go through the modules the server uses (readSettings, files/registryFiles.ts,
 * WorkspaceRegistries).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { loadBuiltinSources, type RegistryProblem } from '../registry';
import type { WorkspaceRegistryFile } from '../protocol';
import { defaultSettings, readSettings, type Settings } from '../settings';
import { WorkspaceRegistries } from '../workspaceRegistries';
import { errorText } from '../files/walk';
import { findRegistryFiles, type RegistryFileProblem } from '../files/registryFiles';

/** A failure that makes the run unusable (exit 2): a bad flag, an unreadable config. */
export class UsageError extends Error {}

/**
 * Settings from `config` (explicit: errors are usage errors) or `<cwd>/.vscode/settings.json` when present; `raw` is
 * the whole file, for the editor settings outside `errorCodes` (the MCP server's index reads `files.exclude`).
 */
export function loadSettings(cwd: string, config: string | undefined): { settings: Settings; source?: string; raw?: unknown } {
  const file = config ? path.resolve(cwd, config) : path.join(cwd, '.vscode', 'settings.json');
  if (!config && !fs.existsSync(file)) return { settings: defaultSettings };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the settings file ${file}: ${errorText(e)}`);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    throw new UsageError(`the settings file ${file} is not valid JSON: ${printParseErrorCode(e.error)} at offset ${e.offset}`);
  }
  return { settings: readSettings(raw) ?? defaultSettings, source: file, raw };
}

/** The merged registry the server would build from these files, and the problems inside each file. */
export function buildRegistries(files: WorkspaceRegistryFile[]): { registries: WorkspaceRegistries; problems: Map<string, RegistryProblem[]> } {
  const registries = new WorkspaceRegistries(loadBuiltinSources());
  registries.update(files, []);
  const problems = new Map<string, RegistryProblem[]>();
  for (const f of files) problems.set(f.uri, registries.check(f.uri, f.text));
  return { registries, problems };
}

/** Settings and merged registry of the workspace at `cwd`, for verbs that need no file list (explain, list). */
export function loadWorkspace(cwd: string, config: string | undefined): { settings: Settings; registries: WorkspaceRegistries; unreadable: RegistryFileProblem[] } {
  const { settings } = loadSettings(cwd, config);
  const { files, problems } = findRegistryFiles({ roots: [cwd], registryFiles: settings.registryFiles });
  return { settings, registries: buildRegistries(files).registries, unreadable: problems };
}
