/** The params' shape of every request and notification the server handles (checked by utils/boundary.ts). */
import schema from '../../data/registry.schema.json';
import { any, array, bool, matching, object, oneOf, optional, position, range, str, textDocumentId, textDocumentPosition } from './utils/boundary';

export const hoverParams = textDocumentPosition;
export const completionParams = textDocumentPosition;
/** Diagnostics sent back by the client; only what doCodeActions reads is checked here, `data` is checked there. */
export const codeActionParams = object({
  textDocument: textDocumentId,
  range,
  context: object({ diagnostics: array(object({ range, message: any, source: any, data: any })) }),
});
export const documentDiagnosticParams = object({ textDocument: textDocumentId });
export const configurationChangeParams = object({ settings: any });

export const referencesParams = object({ textDocument: textDocumentId, position, context: optional(any) });
export const workspaceSymbolParams = object({ query: str });
export const workspaceFoldersChangeParams = object({ event: object({ added: array(object({ uri: str })), removed: array(object({ uri: str })) }) });
export const watchedFilesParams = object({ changes: array(object({ uri: str, type: oneOf([1, 2, 3] as const) })) });
export const indexStatusParams = object({});
export const codeParams = object({ vendor: str, code: str });
export const registryParams = object({ uri: optional(str) });
export const uriParams = object({ uri: str });
export const codeAtParams = object({ uri: str, position });
/** The vendor id is the file's: one the schema refuses would make a file that never loads. */
export const importPageParams = object({ text: str, vendorId: matching(new RegExp(schema.properties.vendor.properties.id.pattern)), displayName: optional(str), source: optional(str) });
export const registrySources = object({ trusted: bool, registryFiles: array(str, 100) });
export const workspaceRegistriesParams = object({ files: array(object({ uri: str, text: str })), notices: array(str) });
export const vendorConstantsParams = object({ uri: optional(str), vendor: str, style: oneOf(['object', 'enum'] as const), position: optional(position) });
export const inlayHintParams = object({ textDocument: textDocumentId, range });
export const lineCodesParams = object({ line: str, uri: optional(str) });
