/** The `errorCodes.*` settings as the server uses them: defaults, and normalisation of whatever the client sends. */

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
}) as Settings;

const SEVERITIES: readonly Severity[] = ['off', 'hint', 'information', 'warning', 'error'];
const MAX_KEYS = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, fallback: string[], max: number): string[] {
  if (!Array.isArray(v)) return fallback;
  return v.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 200).slice(0, max);
}

/** Merges a client's `errorCodes` section with the defaults; wrong types fall back to the default, never throw. */
export function normalizeSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return defaultSettings;
  const vendors: Record<string, boolean> = {};
  if (isRecord(raw.vendors)) {
    for (const [id, on] of Object.entries(raw.vendors)) if (typeof on === 'boolean') vendors[id] = on;
  }
  const max = Number(raw.maxDiagnostics);
  return {
    enable: typeof raw.enable === 'boolean' ? raw.enable : defaultSettings.enable,
    vendors,
    codeKeys: stringList(raw.codeKeys, defaultSettings.codeKeys, MAX_KEYS),
    unknownCodeSeverity: SEVERITIES.includes(raw.unknownCodeSeverity as Severity)
      ? (raw.unknownCodeSeverity as Severity)
      : defaultSettings.unknownCodeSeverity,
    maxDiagnostics: Number.isFinite(max) && max >= 0 ? Math.min(Math.floor(max), 100000) : defaultSettings.maxDiagnostics,
    registryFiles: stringList(raw.registryFiles, [], 100),
  };
}

export function vendorEnabled(settings: Settings, vendor: string): boolean {
  return settings.vendors[vendor] !== false;
}
