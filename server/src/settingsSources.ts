/**
 * Where settings come from for clients without `workspace/configuration` (Neovim 0.7, many others): the
 * `errorCodes` section inside `initializationOptions` or a `workspace/didChangeConfiguration` payload, in any of the
 * shapes editors' configurations produce.
 */
import { defaultSettings } from './settings';

const SETTING_KEYS = Object.keys(defaultSettings);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The `errorCodes` section in `{ settings: { errorCodes: {...} } }`, `{ settings: {...} }`, `{ errorCodes: {...} }`
 * or a bare `{ enable, vendors, ... }`; undefined when there is none (lspconfig's `{}`), so the caller keeps what it has.
 */
export function errorCodesSection(raw: unknown): Record<string, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  if (isRecord(raw.errorCodes)) return raw.errorCodes;
  if (isRecord(raw.settings)) {
    const inner = raw.settings;
    if (isRecord(inner.errorCodes)) return inner.errorCodes;
    if (SETTING_KEYS.some((k) => k in inner)) return inner;
  }
  return SETTING_KEYS.some((k) => k in raw) ? raw : undefined;
}
