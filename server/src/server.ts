/**
 * The language server: wiring only. Documents, settings and the registry come in here; every answer is computed by
 * the pure functions in ./service from the document's cached analysis.
 */
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createHash } from 'crypto';
import {
  CodeAtRequest,
  DocumentStateRequest,
  DocumentVendorsRequest,
  ImportPageRequest,
  RegistryChangedNotification,
  RegistryRequest,
  WorkspaceRegistriesNotification,
  type RegistryResult,
} from './protocol';
import { importMarkdown } from '../../data/importer/markdownImport';
import { loadBuiltinSources, type Registry } from './registry';
import { WorkspaceRegistries } from './workspaceRegistries';
import { languageKind, occurrenceAt, type Analysis } from './service/analysis';
import { doCodeActions } from './service/codeActions';
import { doComplete } from './service/completion';
import { doValidation, RULES_URL } from './service/diagnostics';
import { doHover, entryMarkdown } from './service/hover';
import { defaultSettings, normalizeSettings, vendorEnabled, type Settings } from './settings';
import { AnalysisCache } from './utils/analysisCache';
import { lifecycle, runSafe } from './utils/runSafe';
import { PieceDocument } from './utils/pieceDocument';
import { stdioTransport } from './utils/transport';
import { registerSummaryHandlers } from './summary/handlers';

/**
 * Diagnostics wait until a changed document has been quiet this long; on open they are immediate. A client may set
 * it with the initialization option `diagnosticsDelayMs` (0–1000), as the robustness tests do.
 */
let DEBOUNCE_MS = 150;

// stdio gets our reader (see utils/transport.ts); IPC and sockets use the library's transports.
const connection: Connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, ...stdioTransport((m) => process.stderr.write(`[error-codes] ${m}\n`)))
  : createConnection(ProposedFeatures.all);
// Edits apply to pieces instead of copying the whole text per keystroke (see utils/pieceDocument.ts).
const documents = new TextDocuments<PieceDocument>({ create: PieceDocument.create, update: PieceDocument.update });
const log = { error: (message: string) => connection.console.error(message) };
const cache = new AnalysisCache(log);

const workspaceRegistries = new WorkspaceRegistries(loadBuiltinSources());
/** The built-in registry merged with the workspace's registry files; replaced (never mutated) when they change. */
let registry: Registry = workspaceRegistries.registry;
let hasConfiguration = false;
let hasPullDiagnostics = false;
let hasDiagnosticRefresh = false;
let hasDynamicConfiguration = false;
/** Settings pushed by clients without `workspace/configuration`. */
let globalSettings: Settings = defaultSettings;
const settingsCache = new Map<string, Promise<Settings>>();
const pushTimers = new Map<string, NodeJS.Timeout>();
/** When each document last changed, and the version it was opened with (diagnostics for that one are immediate). */
const lastChange = new Map<string, { at: number; openedVersion: number }>();

/** Waits until the document has been quiet for DEBOUNCE_MS; false if the request was cancelled meanwhile. */
async function quiet(uri: string, token: CancellationToken): Promise<boolean> {
  for (;;) {
    const change = lastChange.get(uri);
    const document = documents.get(uri);
    if (!change || !document || document.version === change.openedVersion) return true;
    const wait = DEBOUNCE_MS - (Date.now() - change.at);
    if (wait <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, wait));
    if (token.isCancellationRequested) return false;
  }
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  hasConfiguration = !!caps.workspace?.configuration;
  hasDynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  hasPullDiagnostics = !!caps.textDocument?.diagnostic;
  hasDiagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
  lifecycle.initialized = true;
  const init = params.initializationOptions as { settings?: unknown; diagnosticsDelayMs?: unknown } | undefined;
  if (init?.settings) globalSettings = normalizeSettings(init.settings);
  const delay = Number(init?.diagnosticsDelayMs);
  if (Number.isFinite(delay) && delay >= 0 && delay <= 1000) DEBOUNCE_MS = delay;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", '`', ' ', '(', '=', ':', '_'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      ...(hasPullDiagnostics
        ? { diagnosticProvider: { identifier: 'error-codes', interFileDependencies: false, workspaceDiagnostics: false } }
        : {}),
    },
    serverInfo: { name: 'API Error Codes', version: '0.1.0' },
  };
});

connection.onShutdown(() => {
  lifecycle.shuttingDown = true;
  for (const timer of pushTimers.values()) clearTimeout(timer);
  pushTimers.clear();
});

connection.onInitialized(() => {
  if (hasDynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'errorCodes' });
  }
});

/** Settings for a resource: pulled per URI from the client and cached until the configuration changes. */
function getSettings(uri: string): Promise<Settings> {
  if (!hasConfiguration) return Promise.resolve(globalSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'errorCodes' })
      .then(normalizeSettings, () => defaultSettings);
    settingsCache.set(uri, settings);
  }
  return settings;
}

async function analysisFor(uri: string): Promise<{ document: TextDocument; analysis: Analysis; settings: Settings } | undefined> {
  const document = documents.get(uri);
  if (!document || !languageKind(document.languageId)) return undefined;
  const settings = await getSettings(uri);
  const analysis = cache.get(document, registry, settings);
  return analysis ? { document, analysis, settings } : undefined;
}

connection.onDidChangeConfiguration((change) => {
  if (!hasConfiguration) {
    const section = (change.settings as { errorCodes?: unknown } | undefined)?.errorCodes;
    globalSettings = normalizeSettings(section);
  }
  settingsCache.clear();
  cache.clear();
  refreshDiagnostics();
});

function refreshDiagnostics(): void {
  if (hasPullDiagnostics) {
    if (hasDiagnosticRefresh) void connection.languages.diagnostics.refresh();
  } else {
    for (const document of documents.all()) schedulePush(document.uri, 0);
  }
}

const REGISTRY_FILE = /\.errorcodes\.json$/i;
const PROBLEM_SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

async function computeDiagnostics(uri: string): Promise<Diagnostic[]> {
  const document = documents.get(uri);
  if (document && REGISTRY_FILE.test(uri)) {
    // A registry file: what the schema cannot say, and whether it loads, as the user types.
    return workspaceRegistries.check(uri, document.getText()).map((p) => ({
      range: { start: document.positionAt(p.offset), end: document.positionAt(p.offset + p.length) },
      severity: PROBLEM_SEVERITY[p.severity],
      source: 'error-codes',
      code: 'registry-file',
      codeDescription: { href: `${RULES_URL}registry-file` },
      message: p.message,
    }));
  }
  const found = await analysisFor(uri);
  if (!found) return [];
  return doValidation(found.document, found.analysis, registry, found.settings);
}

function schedulePush(uri: string, delay: number): void {
  if (hasPullDiagnostics) return;
  clearTimeout(pushTimers.get(uri));
  pushTimers.set(
    uri,
    setTimeout(() => {
      pushTimers.delete(uri);
      const version = documents.get(uri)?.version;
      computeDiagnostics(uri).then(
        (diagnostics) => {
          // A newer version is on its way to its own push.
          if (documents.get(uri)?.version === version) void connection.sendDiagnostics({ uri, version, diagnostics });
        },
        (e) => log.error(`Error while computing diagnostics for ${uri}: ${String(e)}`),
      );
    }, delay),
  );
}

documents.onDidOpen((e) => {
  lastChange.set(e.document.uri, { at: Date.now(), openedVersion: e.document.version });
  schedulePush(e.document.uri, 0);
});
documents.onDidChangeContent((e) => {
  const change = lastChange.get(e.document.uri);
  if (change && e.document.version !== change.openedVersion) {
    change.at = Date.now();
    schedulePush(e.document.uri, DEBOUNCE_MS);
  }
});
documents.onDidClose((e) => {
  cache.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  lastChange.delete(e.document.uri);
  clearTimeout(pushTimers.get(e.document.uri));
  pushTimers.delete(e.document.uri);
  if (!hasPullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params, token: CancellationToken) =>
  runSafe<DocumentDiagnosticReport, DiagnosticServerCancellationData>(
    log,
    async () => {
      // Cancelled while waiting: runSafe answers RequestCancelled, so this empty report is never sent.
      if (!(await quiet(params.textDocument.uri, token))) return { kind: 'full' as const, items: [] };
      return { kind: 'full' as const, items: await computeDiagnostics(params.textDocument.uri) };
    },
    { kind: 'full' as const, items: [] },
    `computing diagnostics for ${params.textDocument.uri}`,
    token,
  ),
);

connection.onHover((params, token) =>
  runSafe(
    log,
    async () => {
      const found = await analysisFor(params.textDocument.uri);
      if (!found) return null;
      return doHover(found.document, found.analysis, found.document.offsetAt(params.position), registry);
    },
    null,
    `computing hover for ${params.textDocument.uri}`,
    token,
  ),
);

connection.onCompletion((params, token) =>
  runSafe(
    log,
    async () => {
      const found = await analysisFor(params.textDocument.uri);
      if (!found) return null;
      return doComplete(found.document, found.analysis, found.document.offsetAt(params.position), registry, found.settings);
    },
    null,
    `computing completion for ${params.textDocument.uri}`,
    token,
  ),
);

connection.onCodeAction((params, token) =>
  runSafe(
    log,
    () => (documents.get(params.textDocument.uri) ? doCodeActions(params.textDocument.uri, params.context.diagnostics, registry) : []),
    [],
    `computing code actions for ${params.textDocument.uri}`,
    token,
  ),
);

connection.onRequest(RegistryRequest.type, (params, token) =>
  runSafe(
    log,
    async (): Promise<RegistryResult> => {
      const settings = await getSettings(params?.uri ?? '');
      return {
        vendors: [...registry.vendors.values()].map((v) => ({
          id: v.id,
          displayName: v.displayName,
          docsUrl: v.docsUrl,
          origin: v.origin,
          enabled: vendorEnabled(settings, v.id),
          entries: v.entries.map((e) => ({
            code: e.code,
            name: e.name,
            title: e.title,
            category: e.category,
            httpStatus: e.httpStatus,
            docsUrl: e.docsUrl ?? v.docsUrl,
            origin: e.origin,
            tooltip: entryMarkdown(e, registry),
          })),
        })),
        notices: workspaceRegistries.notices(),
      };
    },
    { vendors: [], notices: ['The registry could not be read; see the output channel.'] },
    'listing the registry',
    token,
  ),
);

connection.onRequest(CodeAtRequest.type, (params, token) =>
  runSafe(
    log,
    async () => {
      const found = await analysisFor(params.uri);
      if (!found) return null;
      const occ = occurrenceAt(found.analysis, found.document.offsetAt(params.position));
      const best = occ?.candidates[0];
      return best ? { vendor: best.vendor, code: best.code } : null;
    },
    null,
    `finding the code at a position in ${params.uri}`,
    token,
  ),
);

connection.onRequest(DocumentVendorsRequest.type, (params, token) =>
  runSafe(
    log,
    async () => {
      const found = await analysisFor(params.uri);
      const vendors = (found?.analysis.documentVendors ?? []).map((d) => ({
        id: d.vendor,
        displayName: registry.displayName(d.vendor),
      }));
      return { vendors };
    },
    { vendors: [] },
    `resolving vendors of ${params.uri}`,
    token,
  ),
);

connection.onNotification(WorkspaceRegistriesNotification.type, (params) => {
  try {
    const changed = workspaceRegistries.update(params?.files ?? [], params?.notices ?? []);
    if (changed) {
      registry = workspaceRegistries.registry;
      cache.clear();
    }
    for (const notice of workspaceRegistries.notices()) log.error(notice);
    refreshDiagnostics();
    void connection.sendNotification(RegistryChangedNotification.type);
  } catch (e) {
    log.error(`Error while loading workspace registries: ${String(e)}`);
  }
});

connection.onRequest(ImportPageRequest.type, (params, token) =>
  runSafe(
    log,
    () => {
      const report = importMarkdown(String(params.text ?? ''));
      const seen = new Set<string>();
      const entries = report.entries
        .filter((e) => !seen.has(e.code) && (seen.add(e.code), true))
        .map((e) => ({
          code: e.code,
          ...(e.name && e.name !== e.code ? { name: e.name } : {}),
          title: e.title.slice(0, 500),
          description: e.description.slice(0, 10000),
          category: (e.category ?? 'Uncategorised').slice(0, 200) || 'Uncategorised',
          ...(e.httpStatus && e.httpStatus >= 100 && e.httpStatus <= 599 ? { httpStatus: e.httpStatus } : {}),
          sources: [String(params.source ?? 'imported page').slice(0, 2000)],
          ...(e.notes?.length ? { notes: e.notes.map((n) => n.slice(0, 2000)) } : {}),
        }));
      const file = { vendor: { id: params.vendorId, displayName: params.displayName || params.vendorId }, entries };
      return {
        text: JSON.stringify(file, null, 2) + '\n',
        vendorId: params.vendorId,
        codes: entries.length,
        recognized: report.recognized,
        skipped: report.skipped,
      };
    },
    { text: '', vendorId: params?.vendorId ?? '', codes: 0, recognized: [], skipped: [] },
    'importing a vendor page',
    token,
  ),
);

connection.onRequest(DocumentStateRequest.type, (params, token) =>
  runSafe(
    log,
    () => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const text = document.getText();
      return { version: document.version, length: text.length, sha1: createHash('sha1').update(text).digest('hex') };
    },
    null,
    `reading the state of ${params.uri}`,
    token,
  ),
);

registerSummaryHandlers(connection, async (uri) => ({ registry, settings: await getSettings(uri) }));

documents.listen(connection);
connection.listen();
