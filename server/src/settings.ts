/**
 * The `errorCodes.*` settings: their types, defaults and the one reader every consumer uses — the server (from
 * `workspace/configuration`, `initializationOptions` and `didChangeConfiguration`), the CLI, the Action and the MCP
 * server (a settings file), and the VS Code client (its own values). It finds the section in any shape settings arrive
 * in and normalises each field; a value of the wrong type is the default, never an error. Imports nothing of ours, so
 * the client may use it.
 */

export type Severity = 'off' | 'hint' | 'information' | 'warning' | 'error';

export interface Settings {
  enable: boolean;
  /** Vendor id → enabled. Vendors not listed are enabled. */
  vendors: Record<string, boolean>;
  /** Keys whose values are codes (`status`, `code`, …). */
  codeKeys: string[];
  unknownCodeSeverity: Severity;
  maxDiagnostics: number;
  /** Extra registry files (paths or globs); honoured from workspace settings only in trusted workspaces. */
  registryFiles: string[];
  /** Index the workspace's files for references, symbols and coverage. */
  workspaceIndex: boolean;
  /** Codes (`5099`, `SELFIE_LIVENESS_FAILD`) or rule ids (`did-you-mean`) never reported (service/suppressions.ts). */
  ignore: string[];
  /** Inlay hints beside opaque codes (service/inlayHints.ts); HTTP statuses only when asked for. */
  inlayHints: InlayHintSettings;
  /** `errorCodes.mcp.enabled`: the VS Code client offers the MCP server to agent mode (client/src/mcp.ts). */
  mcp: { enabled: boolean };
  /** `errorCodes.terminalLinks.enabled`: the VS Code client links codes in the terminal (client/src/terminalLinks.ts). */
  terminalLinks: { enabled: boolean };
}

export interface InlayHintSettings {
  enabled: boolean;
  /** Hints beside HTTP statuses too (registered and unofficial); vendor codes only by default. */
  httpStatuses: boolean;
}

export const DEFAULT_CODE_KEYS = [
  'status',
  'statusCode',
  'status_code',
  'code',
  'errorCode',
  'error_code',
  'httpStatus',
  'http_status',
  'responseCode',
  'response_code',
];

export const defaultSettings: Settings = Object.freeze({
  enable: true,
  vendors: {},
  codeKeys: DEFAULT_CODE_KEYS,
  unknownCodeSeverity: 'warning',
  maxDiagnostics: 1000,
  registryFiles: [],
  workspaceIndex: true,
  ignore: [],
  inlayHints: Object.freeze({ enabled: true, httpStatuses: false }),
  mcp: Object.freeze({ enabled: true }),
  terminalLinks: Object.freeze({ enabled: true }),
}) as Settings;

const SEVERITIES: readonly Severity[] = ['off', 'hint', 'information', 'warning', 'error'];
const MAX_KEYS = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// One typed reader per kind of field: a value of the wrong type is the default, never coerced (`Number(null)` is 0,
// `Number([7])` is 7, `Number(true)` is 1 — none of them what the user meant).
function boolean(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/** A finite number ≥ min, floored and capped at max; anything else is the fallback. */
function count(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= min ? Math.min(Math.floor(v), max) : fallback;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], fallback: T): T {
  return values.includes(v as T) ? (v as T) : fallback;
}

function stringList(v: unknown, fallback: string[], max: number): string[] {
  if (!Array.isArray(v)) return fallback;
  return v.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 200).slice(0, max);
}

function booleanMap(v: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (isRecord(v)) for (const [id, on] of Object.entries(v)) if (typeof on === 'boolean') out[id] = on;
  return out;
}

function inlayHintSettings(v: unknown): InlayHintSettings {
  const d = defaultSettings.inlayHints;
  if (!isRecord(v)) return d;
  return { enabled: boolean(v.enabled, d.enabled), httpStatuses: boolean(v.httpStatuses, d.httpStatuses) };
}

/**
 * The `errorCodes` section itself (what `workspace/configuration` answers for it) merged with the defaults; each field
 * of the wrong type is its default, never throws.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return defaultSettings;
  const mcp = isRecord(raw.mcp) ? raw.mcp : {};
  return {
    enable: boolean(raw.enable, defaultSettings.enable),
    vendors: booleanMap(raw.vendors),
    codeKeys: stringList(raw.codeKeys, defaultSettings.codeKeys, MAX_KEYS),
    unknownCodeSeverity: oneOf(raw.unknownCodeSeverity, SEVERITIES, defaultSettings.unknownCodeSeverity),
    maxDiagnostics: count(raw.maxDiagnostics, 0, 100000, defaultSettings.maxDiagnostics),
    registryFiles: stringList(raw.registryFiles, defaultSettings.registryFiles, 100),
    workspaceIndex: boolean(raw.workspaceIndex, defaultSettings.workspaceIndex),
    ignore: stringList(raw.ignore, defaultSettings.ignore, 1000),
    inlayHints: inlayHintSettings(raw.inlayHints),
    mcp: { enabled: boolean(mcp.enabled, defaultSettings.mcp.enabled) },
    terminalLinks: { enabled: boolean(isRecord(raw.terminalLinks) ? raw.terminalLinks.enabled : undefined, defaultSettings.terminalLinks.enabled) },
  };
}

const SECTION = 'errorCodes';
const SETTING_KEYS = Object.keys(defaultSettings);

/** `errorCodes.a.b` keys of a settings file, as the nested object `{ a: { b } }` VS Code makes of them. */
function dottedKeys(raw: Record<string, unknown>, into: Record<string, unknown>): boolean {
  let found = false;
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(`${SECTION}.`)) continue;
    found = true;
    const path = key.slice(SECTION.length + 1).split('.');
    let at = into;
    for (const part of path.slice(0, -1)) at = isRecord(at[part]) ? (at[part] as Record<string, unknown>) : (at[part] = {});
    at[path[path.length - 1]] = value;
  }
  return found;
}

/** The section at one level: a nested `errorCodes` object and/or flat `errorCodes.*` keys (these win). */
function sectionAt(raw: Record<string, unknown>): Record<string, unknown> | undefined {
  const section: Record<string, unknown> = isRecord(raw[SECTION]) ? { ...(raw[SECTION] as Record<string, unknown>) } : {};
  return dottedKeys(raw, section) || isRecord(raw[SECTION]) ? section : undefined;
}

/**
 * The `errorCodes` section in whatever carries settings: a settings file (`.vscode/settings.json`, `--config`) with
 * flat `errorCodes.*` keys or a nested `errorCodes` object; a client's `initializationOptions` or
 * `didChangeConfiguration` payload as `{ settings: { errorCodes: {...} } }`, `{ settings: {...} }`,
 * `{ errorCodes: {...} }` or a bare `{ enable, vendors, ... }`. Undefined when there is none (lspconfig's `{}`, other
 * servers' settings), so the caller keeps what it has.
 */
export function errorCodesSection(raw: unknown): Record<string, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  const own = sectionAt(raw);
  if (own) return own;
  if (isRecord(raw.settings)) {
    const inner = raw.settings;
    const nested = sectionAt(inner);
    if (nested) return nested;
    if (SETTING_KEYS.some((k) => k in inner)) return inner;
  }
  return SETTING_KEYS.some((k) => k in raw) ? raw : undefined;
}

/** The one reader: the section found in `raw` (any shape above), normalised; undefined when `raw` holds none. */
export function readSettings(raw: unknown): Settings | undefined {
  const section = errorCodesSection(raw);
  return section && normalizeSettings(section);
}

export function vendorEnabled(settings: Settings, vendor: string): boolean {
  return settings.vendors[vendor] !== false;
}
