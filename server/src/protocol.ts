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

/** The workspace index's state (indexer.ts). */
export interface IndexStatus {
  state: 'off' | 'indexing' | 'ready';
  /** Files the walk found (all workers), and how many of them are read. */
  files: number;
  indexedFiles: number;
  /** Files with places in the index. */
  filesWithCodes: number;
  occurrences: number;
  skipped: number;
  /** The walk stopped at MAX_INDEXED_FILES. */
  capped: boolean;
  /** Builds started since the server started (a settings change that cannot change the index starts none). */
  builds: number;
  bytes: number;
  /** Since this index build started; to the end of the build once ready. */
  elapsedMs: number;
  /** Bytes of the places' columns. */
  placeBytes: number;
}

/** A vendor's coverage: how many of its codes the workspace's source code handles. */
export interface VendorCoverage {
  vendor: string;
  handled: number;
  total: number;
}
/** One code's use in the workspace. */
export interface CodeUsage {
  vendor: string;
  code: string;
  places: number;
  handledPlaces: number;
  files: number;
}

/** The key of a vendor's code in the workspace index and in the coverage the tree reads. */
export function usageKey(vendor: string, code: string): string {
  return `${vendor}\n${code}`;
}

/** Client → server: the workspace index's state (files found and read, places, time), for the tree and tests. */
export namespace IndexStatusRequest {
  export const method = 'errorCodes/indexStatus';
  export const type = new RequestType<Record<string, never>, IndexStatus, void>(method);
}

/** Server → client: the workspace index changed (at most twice a second); the tree's counts should refresh. */
export namespace IndexChangedNotification {
  export const method = 'errorCodes/indexChanged';
  export const type = new NotificationType<IndexStatus>(method);
}

export interface CoverageResult {
  status: IndexStatus;
  /** Per enabled vendor: codes with at least one place in source code (not tests, specs or logs), of all its codes. */
  vendors: VendorCoverage[];
  /** Every code with places in the workspace. */
  codes: CodeUsage[];
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

/** The names of workspace registry files (files/registryFiles.ts finds them for the server, the CLI and the MCP server). */
export const REGISTRY_FILE = /\.errorcodes\.json$/i;

/** Registry files larger than this are not loaded (by the registry loader and the discovery alike). */
export const MAX_REGISTRY_BYTES = 16 * 1024 * 1024;

/**
 * What the VS Code client lets the server read (Workspace Trust), as `initializationOptions.registrySources` and then
 * `errorCodes/registrySources` whenever trust, the folders or `errorCodes.registryFiles` change. The server finds and
 * reads the files itself (files/registryFiles.ts); only the client knows trust and which settings level a path came
 * from. A client that sends nothing gets everything: the workspace's files and `registryFiles` from its settings.
 */
export interface RegistrySources {
  /** False in Restricted Mode: no `*.errorcodes.json` of the workspace is read. */
  trusted: boolean;
  /**
   * The `errorCodes.registryFiles` in force as absolute paths: user settings always, workspace and folder settings only
   * when trusted.
   */
  registryFiles: string[];
}

export namespace RegistrySourcesNotification {
  export const method = 'errorCodes/registrySources';
  export const type = new NotificationType<RegistrySources>(method);
}

/** A workspace registry file as read from disk (`*.errorcodes.json` or `errorCodes.registryFiles`). */
export interface WorkspaceRegistryFile {
  uri: string;
  text: string;
}

/**
 * Client → server, for a client that reads the registry files itself (`initializationOptions.workspaceRegistries =
 * "client"`): the complete current set (sent on start and whenever one is created, changed or deleted). `notices` are
 * the client's own, e.g. why files were not read. It replaces the server's own discovery from then on.
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

/** A line of the log: 0-based line number and its text (cut to SAMPLE_CHARS). */
export interface SummarySample {
  line: number;
  text: string;
}

export interface SummaryCode {
  code: string;
  vendor: string;
  /** The registry's title for the code, or undefined when no enabled vendor defines it. */
  title?: string;
  name?: string;
  /** The registry's description (plain text; the view shows it where the title only repeats the name). */
  description?: string;
  count: number;
  firstLine: number;
  lastLine: number;
  /** ISO-8601, when the lines carry timestamps. */
  firstTime?: string;
  lastTime?: string;
  samples: SummarySample[];
}

export interface SummaryVendor {
  /** Vendor id, or `unknown` for codes no enabled vendor defines. */
  id: string;
  displayName: string;
  count: number;
  codes: SummaryCode[];
}

/** Occurrences per minute: `minutes` (epoch ms, ascending) with the total and, for the top codes, each code's counts. */
export interface SummaryHistogram {
  minutes: number[];
  total: number[];
  series: { vendor: string; code: string; counts: number[] }[];
  /** Minutes beyond the cap were not recorded. */
  truncated: boolean;
  /** Per code, the occurrences not in `minutes` (their lines carry no timestamp we read), most first. */
  untimed: { vendor: string; code: string; count: number }[];
}

export interface LogSummary {
  file: string;
  /** Bytes on disk, and the file's modification time when the summary started. */
  size: number;
  mtimeMs: number;
  gzip: boolean;
  /** Bytes of log text scanned (after decompression). */
  bytes: number;
  lines: number;
  occurrences: number;
  vendors: SummaryVendor[];
  histogram: SummaryHistogram;
  /** Vendors the whole file points to, best first (the editor's document-level evidence). */
  documentVendors: string[];
  elapsedMs: number;
  /** Set when the file changed (size, modification time, identity) while it was read: the summary covers what was read. */
  changed?: string;
  /** Set when the file could be read only in part (a truncated gzip stream): why; the summary covers what was read. */
  incomplete?: string;
  /** Set when this is the summary of an earlier run over the same unchanged file. */
  cached?: boolean;
}

/** Progress of a running summary. */
export interface SummaryProgress {
  /** Bytes of the file on disk read and scanned so far, and the file's size. */
  done: number;
  total: number;
  elapsedMs: number;
}

/**
 * Client → server: summarize a log file from disk (plain or gzip; files VS Code will not open too), streamed through
 * worker threads. Reports work-done progress (`workDoneToken`) and honours cancellation; an unchanged file's second
 * summary is the first one.
 */
export namespace SummarizeLogRequest {
  export const method = 'errorCodes/summarizeLog';
  export const type = new RequestType<{ uri: string; workDoneToken?: string | number }, LogSummary, void>(method);
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

/** A terminal line is read up to this many characters (a fast `tail -f` of long lines stays cheap). */
export const MAX_TERMINAL_LINE = 4096;
/** At most this many codes of one line are answered. */
export const MAX_LINE_CODES = 16;

/** A code on a line: [start, end) in the line, its best entry's vendor and code, a short label and a plain-text tooltip. */
export interface LineCode {
  start: number;
  end: number;
  vendor: string;
  code: string;
  label: string;
  tooltip: string;
}

/**
 * Client → server: the codes of one line of text read as a log line (the VS Code client's terminal links); `uri`
 * names the resource whose settings apply (the workspace folder).
 */
export namespace LineCodesRequest {
  export const method = 'errorCodes/lineCodes';
  export const type = new RequestType<{ line: string; uri?: string }, { codes: LineCode[] }, void>(method);
}
