/**
 * Custom messages between the client and the server, declared once and imported by both sides.
 * Each is a namespace `{ method, type }`.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** One code as the sidebar shows it. `tooltip` is markdown built by the server with registry text escaped. */
export interface TreeEntry {
  code: string;
  name?: string;
  title: string;
  /** Plain registry text (the tree and its search read words of it; it is never rendered as markdown). */
  description?: string;
  category: string;
  httpStatus?: number;
  docsUrl?: string;
  origin: 'builtin' | 'workspace';
  /** Who sends it, for a status no registry defines (HTTP's unofficial tier: "Cloudflare"). */
  unofficial?: string;
  tooltip: string;
}

export interface TreeVendor {
  id: string;
  displayName: string;
  docsUrl?: string;
  origin: 'builtin' | 'workspace';
  enabled: boolean;
  entries: TreeEntry[];
}

export interface RegistryResult {
  vendors: TreeVendor[];
  /** Why some registry files are not in use (broken files, Restricted Mode), for the tree's message. */
  notices: string[];
}

/** Client → server: every vendor and code, for the sidebar tree and its search. */
export namespace RegistryRequest {
  export const method = 'errorCodes/registry';
  export const type = new RequestType<{ uri?: string }, RegistryResult, void>(method);
}

export interface CodeAtResult {
  vendor: string;
  code: string;
}

/** Client → server: the best-resolved code under a position, for "Reveal in Error Codes". */
export namespace CodeAtRequest {
  export const method = 'errorCodes/codeAt';
  export const type = new RequestType<{ uri: string; position: { line: number; character: number } }, CodeAtResult | null, void>(method);
}

export interface DocumentVendorsResult {
  vendors: { id: string; displayName: string }[];
}

/** Client → server: the vendors a document resolves to, for the language status item. */
export namespace DocumentVendorsRequest {
  export const method = 'errorCodes/documentVendors';
  export const type = new RequestType<{ uri: string }, DocumentVendorsResult, void>(method);
}

/**
 * Server → client: the registry changed (workspace files, settings); the tree should refresh. Its params are an
 * empty object: a parameterless type goes on the wire as `[null]`, which the client logs as an error.
 */
export namespace RegistryChangedNotification {
  export const method = 'errorCodes/registryChanged';
  export const type = new NotificationType<Record<string, never>>(method);
}

export interface DocumentStateResult {
  version: number;
  length: number;
  /** SHA-1 of the text as the server holds it. */
  sha1: string;
}

/** Client → server: what the server holds for a document, to check synchronisation (tests, bug reports). */
export namespace DocumentStateRequest {
  export const method = 'errorCodes/documentState';
  export const type = new RequestType<{ uri: string }, DocumentStateResult | null, void>(method);
}

export type { IndexStatus } from './index/indexer';
export type { VendorCoverage, CodeUsage } from './index/workspaceIndex';

/** The key of a vendor's code in the workspace index and in the coverage the tree reads. */
export function usageKey(vendor: string, code: string): string {
  return `${vendor}\n${code}`;
}

/** Client → server: the workspace index's state (files found and read, places, time), for the tree and tests. */
export namespace IndexStatusRequest {
  export const method = 'errorCodes/indexStatus';
  export const type = new RequestType<Record<string, never>, import('./index/indexer').IndexStatus, void>(method);
}

/** Server → client: the workspace index changed (at most twice a second); the tree's counts should refresh. */
export namespace IndexChangedNotification {
  export const method = 'errorCodes/indexChanged';
  export const type = new NotificationType<import('./index/indexer').IndexStatus>(method);
}

export interface CoverageResult {
  status: import('./index/indexer').IndexStatus;
  /** Per enabled vendor: codes with at least one place in source code (not tests, specs or logs), of all its codes. */
  vendors: import('./index/workspaceIndex').VendorCoverage[];
  /** Every code with places in the workspace. */
  codes: import('./index/workspaceIndex').CodeUsage[];
}

/** Client → server: coverage of every vendor and the use of every code, for the tree's "handled N of M". */
export namespace CoverageRequest {
  export const method = 'errorCodes/coverage';
  export const type = new RequestType<{ uri?: string }, CoverageResult, void>(method);
}

/** Client → server: every place in the workspace where a vendor's code is used (a tree item's references). */
export namespace CodeReferencesRequest {
  export const method = 'errorCodes/references';
  export const type = new RequestType<{ vendor: string; code: string }, import('vscode-languageserver-types').Location[], void>(method);
}

export interface UsageAtResult {
  vendor: string;
  code: string;
  places: number;
  /** The index is still being built: more places may come. */
  partial: boolean;
}

/** Client → server: the code under a position and how many places use it, for the hover's link to its references. */
export namespace UsageAtRequest {
  export const method = 'errorCodes/usageAt';
  export const type = new RequestType<{ uri: string; position: { line: number; character: number } }, UsageAtResult | null, void>(method);
}

/** The names of workspace registry files, whoever looks for them (the client, the server's discovery, the CLI). */
export const REGISTRY_FILE = /\.errorcodes\.json$/i;

/** A workspace registry file as the client read it (`*.errorcodes.json` or `errorCodes.registryFiles`). */
export interface WorkspaceRegistryFile {
  uri: string;
  text: string;
}

/**
 * Client → server: the complete current set of workspace registry files (sent on start and whenever one is created,
 * changed or deleted; empty in Restricted Mode). `notices` are the client's own, e.g. why files were not read.
 */
export namespace WorkspaceRegistriesNotification {
  export const method = 'errorCodes/workspaceRegistries';
  export const type = new NotificationType<{ files: WorkspaceRegistryFile[]; notices: string[] }>(method);
}

export interface ImportPageResult {
  /** The registry file to write, as formatted JSON text. */
  text: string;
  vendorId: string;
  codes: number;
  recognized: { line: number; shape: string; count: number }[];
  skipped: { line: number; block: string; reason: string }[];
}

/** Client → server: turn a vendor's markdown/text error page into a registry file (the importer of `npm run data`). */
export namespace ImportPageRequest {
  export const method = 'errorCodes/importPage';
  export const type = new RequestType<{ text: string; vendorId: string; displayName: string; source: string }, ImportPageResult, void>(method);
}

export type { LogSummary, SummaryCode, SummaryVendor, SummarySample, SummaryHistogram } from './summary/types';

/**
 * Client → server: summarize a log file from disk (plain or gzip; files VS Code will not open too), streamed through
 * worker threads. Reports work-done progress (`workDoneToken`) and honours cancellation; an unchanged file's second
 * summary is the first one.
 */
export namespace SummarizeLogRequest {
  export const method = 'errorCodes/summarizeLog';
  export const type = new RequestType<{ uri: string; workDoneToken?: string | number }, import('./summary/types').LogSummary, void>(method);
}

export interface VendorConstantsResult {
  /** Insert the block (empty range) or replace the vendor's earlier block. */
  edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  replaced: boolean;
  members: number;
}

/**
 * Client → server: a vendor's codes as TypeScript constants ("Insert Constants for Vendor…") — the edit for the open
 * document `uri` (replacing its earlier block for the vendor), or for an empty document; null for an unknown vendor.
 */
export namespace VendorConstantsRequest {
  export const method = 'errorCodes/vendorConstants';
  export const type = new RequestType<
    { uri?: string; vendor: string; style: 'object' | 'enum'; position?: { line: number; character: number } },
    VendorConstantsResult | null,
    void
  >(method);
}
