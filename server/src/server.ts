/**
 * The language server: wiring only. Documents, settings and the registry come in here; every answer is computed by
 * the pure functions in ./service from the document's cached analysis.
 */
import {
  CodeActionKind,
  CodeActionRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  HoverRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
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
  REGISTRY_FILE,
  RegistryChangedNotification,
  RegistryRequest,
  RegistrySourcesNotification,
  WorkspaceRegistriesNotification,
  type RegistryResult,
  type RegistrySources,
} from './protocol';
import { importMarkdown } from '../../data/importer/markdownImport';
import { registryFileOf } from '../../data/importer/registryFile';
import { loadBuiltinSources, type Registry } from './registry';
import { WorkspaceRegistries } from './workspaceRegistries';
import { WATCH_GLOB, WorkspaceDiscovery } from './workspaceDiscovery';
import { workspaceRoots } from './files/walk';
import { languageKind, occurrenceAt, type Analysis } from './service/analysis';
import { languageRow } from './service/languages';
import { doCodeActions } from './service/codeActions';
import { doComplete } from './service/completion';
import { DIAGNOSTIC_SOURCE, doValidation, Rule, RULES_URL } from './service/diagnostics';
import { ignores } from './service/suppressions';
import { doHover, entryMarkdown, preferredFormat, type TextFormat } from './service/hover';
import { ignoredReason } from './service/languages';
import { defaultSettings, normalizeSettings, readSettings, vendorEnabled, type Settings } from './settings';
import { AnalysisCache } from './utils/analysisCache';
import { lifecycle } from './utils/runSafe';
import { documentsConnection, notification, request } from './utils/boundary';
import * as shapes from './messageShapes';
import { PieceDocument } from './utils/pieceDocument';
import { DiagnosticsScheduler } from './scheduling';
import { registerSummaryHandlers } from './summary/handlers';
import { registerIndexHandlers, type IndexHandlers } from './index/handlers';
import { INDEX_WATCH_GLOB } from './index/indexer';
import { VendorConstantsRequest } from './protocol';
import { isJavaScriptDocument, vendorConstants } from './service/typedConstants';
import { registerInlineHandlers } from './inlineHandlers';

/**
 * The language server on a connection: every handler, its caches and its scheduling. The entry (main.ts) makes the
 * connection from the command line; tests and other hosts may hand in their own.
 */
export function startServer(connection: Connection): void {
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
  let hasDynamicWatchedFiles = false;
  /** Finds and watches registry files unless the client reads them itself (see workspaceDiscovery.ts). */
  let discovery: WorkspaceDiscovery | undefined;
  /** The client's preferred formats for hover contents and completion documentation. */
  let hoverFormat: TextFormat = 'markdown';
  let completionFormat: TextFormat = 'markdown';
  /** The workspace index (references, symbols, coverage); set up once the client's capabilities are known. */
  let index: IndexHandlers | undefined;
  /** The VS Code client writes the hover's "used in N places" itself, as a link to the references. */
  let clientWritesUsage = false;
  /** Settings pushed by clients without `workspace/configuration`. */
  let globalSettings: Settings = defaultSettings;
  const settingsCache = new Map<string, Promise<Settings>>();
  /** The typing debounce and pull/push of diagnostics (see scheduling.ts). */
  const scheduler = new DiagnosticsScheduler({
    version: (uri) => documents.get(uri)?.version,
    compute: computeDiagnostics,
    publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
    refreshPull: () => {
      if (hasDiagnosticRefresh) void connection.languages.diagnostics.refresh();
    },
    log: log.error,
  });

  // Inlay hints and the terminal's line codes (inlineHandlers.ts).
  const inline = registerInlineHandlers(connection, { log, analysis: analysisFor, settings: getSettings, registry: () => registry, format: () => hoverFormat });

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    inline.initialize(caps);
    hasConfiguration = !!caps.workspace?.configuration;
    hasDynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    hasPullDiagnostics = !!caps.textDocument?.diagnostic;
    scheduler.pull = hasPullDiagnostics;
    hasDiagnosticRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    hasDynamicWatchedFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    hoverFormat = preferredFormat(caps.textDocument?.hover?.contentFormat);
    completionFormat = preferredFormat(caps.textDocument?.completion?.completionItem?.documentationFormat);
    lifecycle.initialized = true;
    const init = params.initializationOptions as { settings?: unknown; diagnosticsDelayMs?: unknown; workspaceRegistries?: unknown; registrySources?: unknown; usageInHover?: unknown } | undefined;
    clientWritesUsage = init?.usageInHover === 'client';
    index = registerIndexHandlers(connection, params, {
      log,
      info: (m) => connection.console.info(m),
      registry: () => registry,
      settings: getSettings,
      analysis: analysisFor,
      hasConfiguration: () => hasConfiguration,
    });
    // A client that reads registry files itself says so; the VS Code client says what Workspace Trust allows.
    if (init?.workspaceRegistries !== 'client') {
      discovery = new WorkspaceDiscovery(
        workspaceRoots(params),
        {
          registryFiles: async () => (await getSettings(params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? '')).registryFiles,
          apply: applyWorkspaceRegistries,
          log: (m) => log.error(m),
        },
        registrySources(init?.registrySources),
      );
    }
    globalSettings = readSettings(init) ?? globalSettings;
    // The robustness tests set it to 0.
    scheduler.setDelay(init?.diagnosticsDelayMs);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', "'", '`', ' ', '(', '=', ':', '_'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        referencesProvider: true,
        inlayHintProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(hasPullDiagnostics
          ? { diagnosticProvider: { identifier: 'error-codes', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'API Error Codes', version: '0.1.0' },
    };
  });

  connection.onShutdown(() => {
    lifecycle.shuttingDown = true;
    index?.shutdown();
    scheduler.dispose();
  });

  connection.onInitialized(() => {
    if (hasDynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'errorCodes' });
    }
    if (discovery) {
      if (hasDynamicWatchedFiles) {
        discovery.clientWatches = true;
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCH_GLOB }] });
      }
      void discovery.scan();
    }
    if (hasDynamicWatchedFiles) {
      // Every supported file for the workspace index; deletes of anything, since a deleted folder is one event.
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: INDEX_WATCH_GLOB }, { globPattern: '**/*', kind: WatchKind.Delete }],
      });
    }
    // Our own handler rather than connection.workspace.onDidChangeWorkspaceFolders, so it goes through the boundary;
    // registered now because the library installs its own for this method while handling `initialize`.
    connection.onNotification(
      DidChangeWorkspaceFoldersNotification.type,
      notification(log, DidChangeWorkspaceFoldersNotification.method, shapes.workspaceFoldersChangeParams, (params) => {
        index?.foldersChanged(params.event.added, params.event.removed);
        discovery?.foldersChanged(params.event.added, params.event.removed);
      }),
    );
    index?.initialized();
  });

  /** Settings for a resource: pulled per URI from the client and cached until the configuration changes. */
  function getSettings(uri: string): Promise<Settings> {
    if (!hasConfiguration) return Promise.resolve(globalSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'errorCodes' })
        // A client with no value for the section (eglot, Helix without settings) gets initializationOptions' settings.
        .then((value) => (value == null ? globalSettings : normalizeSettings(value)), () => defaultSettings);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  async function analysisFor(uri: string): Promise<{ document: TextDocument; analysis: Analysis; settings: Settings } | undefined> {
    const document = documents.get(uri);
    if (!document || !languageKind(document.languageId, document.uri)) return undefined;
    const settings = await getSettings(uri);
    const analysis = cache.get(document, registry, settings);
    return analysis ? { document, analysis, settings } : undefined;
  }

  connection.onDidChangeConfiguration(
    notification(log, 'workspace/didChangeConfiguration', shapes.configurationChangeParams, (change) => {
      if (!hasConfiguration) {
        // A payload without our section (lspconfig sends `{}`) keeps the settings in force.
        const settings = readSettings(change.settings);
        if (!settings) return;
        globalSettings = settings;
      }
      discovery?.schedule();
      settingsCache.clear();
      cache.clear();
      refreshDiagnostics();
      inline.refresh();
      index?.rebuild();
    }),
  );

  function refreshDiagnostics(): void {
    scheduler.refresh(documents.keys());
  }

  const PROBLEM_SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

  async function computeDiagnostics(uri: string): Promise<Diagnostic[]> {
    const document = documents.get(uri);
    if (document && REGISTRY_FILE.test(uri)) {
      // A registry file: what the schema cannot say, and whether it loads, as the user types. JSON has no comments, so
      // only the ignore setting can silence the rule.
      if (ignores((await getSettings(uri)).ignore, Rule.RegistryFile)) return [];
      return workspaceRegistries.check(uri, document.getText()).map((p) => ({
        range: { start: document.positionAt(p.offset), end: document.positionAt(p.offset + p.length) },
        severity: PROBLEM_SEVERITY[p.severity],
        source: DIAGNOSTIC_SOURCE,
        code: Rule.RegistryFile,
        codeDescription: { href: RULES_URL + Rule.RegistryFile },
        message: p.message,
      }));
    }
    const found = await analysisFor(uri);
    if (!found) return [];
    return doValidation(found.document, found.analysis, registry, found.settings);
  }

  /** Documents already logged as ignored, so each is said once. */
  const ignoredLogged = new Set<string>();

  documents.onDidOpen((e) => {
    const { uri, languageId } = e.document;
    if (!languageKind(languageId, uri) && !REGISTRY_FILE.test(uri) && !ignoredLogged.has(uri)) {
      ignoredLogged.add(uri);
      connection.console.info(`Ignoring ${uri}: ${ignoredReason(languageId, uri)}.`);
    }
    scheduler.opened(e.document.uri, e.document.version);
    index?.documentChanged(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (scheduler.changed(e.document.uri, e.document.version)) index?.documentChanged(e.document.uri);
  });
  documents.onDidClose((e) => {
    index?.documentClosed(e.document.uri);
    cache.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    scheduler.closed(e.document.uri);
  });

  // Registered with onRequest rather than onHover/onCompletion/…: those read `params.workDoneToken` before any handler
  // runs, so `params: null` would fail inside the library instead of getting InvalidParams at our boundary.
  connection.onRequest(
    DocumentDiagnosticRequest.type,
    request<{ textDocument: { uri: string } }, DocumentDiagnosticReport, DiagnosticServerCancellationData>(
      log,
      shapes.documentDiagnosticParams,
      (params) => `computing diagnostics for ${params.textDocument.uri}`,
      async (params, token) => {
        // Cancelled while waiting: runSafe answers RequestCancelled, so this empty report is never sent.
        if (!(await scheduler.quiet(params.textDocument.uri, token))) return { kind: 'full' as const, items: [] };
        return { kind: 'full' as const, items: await computeDiagnostics(params.textDocument.uri) };
      },
      () => ({ kind: 'full' as const, items: [] }),
    ),
  );

  connection.onRequest(
    HoverRequest.type,
    request(
      log,
      shapes.hoverParams,
      (params) => `computing hover for ${params.textDocument.uri}`,
      async (params) => {
        const found = await analysisFor(params.textDocument.uri);
        if (!found) return null;
        const usage = clientWritesUsage ? undefined : index?.usageCount;
        return doHover(found.document, found.analysis, found.document.offsetAt(params.position), registry, hoverFormat, usage);
      },
      () => null,
    ),
  );

  connection.onRequest(
    CompletionRequest.type,
    request(
      log,
      shapes.completionParams,
      (params) => `computing completion for ${params.textDocument.uri}`,
      async (params) => {
        const found = await analysisFor(params.textDocument.uri);
        if (!found) return null;
        return doComplete(found.document, found.analysis, found.document.offsetAt(params.position), registry, found.settings, completionFormat);
      },
      () => null,
    ),
  );

  connection.onRequest(
    CodeActionRequest.type,
    request(
      log,
      shapes.codeActionParams,
      (params) => `computing code actions for ${params.textDocument.uri}`,
      async (params) => {
        const found = await analysisFor(params.textDocument.uri);
        if (!found) return [];
        return doCodeActions(found.document, found.analysis, registry, found.settings, params.range, (params.context?.diagnostics ?? []) as Diagnostic[]);
      },
      () => [],
    ),
  );

  connection.onRequest(
    RegistryRequest.type,
    request(
      log,
      shapes.registryParams,
      () => 'listing the registry',
      async (params): Promise<RegistryResult> => {
        const settings = await getSettings(params.uri ?? '');
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
              description: e.description,
              category: e.category,
              httpStatus: e.httpStatus,
              docsUrl: e.docsUrl ?? v.docsUrl,
              origin: e.origin,
              ...(e.unofficial ? { unofficial: e.unofficial.usedBy } : {}),
              tooltip: entryMarkdown(e, registry),
            })),
          })),
          notices: workspaceRegistries.notices(),
        };
      },
      () => ({ vendors: [], notices: ['The registry could not be read; see the output channel.'] }),
    ),
  );

  connection.onRequest(
    CodeAtRequest.type,
    request(
      log,
      shapes.codeAtParams,
      (params) => `finding the code at a position in ${params.uri}`,
      async (params) => {
        const found = await analysisFor(params.uri);
        if (!found) return null;
        const occ = occurrenceAt(found.analysis, found.document.offsetAt(params.position));
        const best = occ?.candidates[0];
        return best ? { vendor: best.vendor, code: best.code } : null;
      },
      () => null,
    ),
  );

  connection.onRequest(
    DocumentVendorsRequest.type,
    request(
      log,
      shapes.uriParams,
      (params) => `resolving vendors of ${params.uri}`,
      async (params) => {
        const found = await analysisFor(params.uri);
        const vendors = (found?.analysis.documentVendors ?? []).map((d) => ({
          id: d.vendor,
          displayName: registry.displayName(d.vendor),
        }));
        return { vendors };
      },
      () => ({ vendors: [] }),
    ),
  );

  /** Replaces the workspace's registry files (from the VS Code client or our own discovery) and tells everyone. */
  function applyWorkspaceRegistries(files: { uri: string; text: string }[], notices: string[]): void {
    try {
      const changed = workspaceRegistries.update(files, notices);
      if (changed) {
        registry = workspaceRegistries.registry;
        cache.clear();
        index?.rebuild();
      }
      for (const notice of workspaceRegistries.notices()) log.error(notice);
      refreshDiagnostics();
      if (changed) inline.refresh();
      void connection.sendNotification(RegistryChangedNotification.type, {});
    } catch (e) {
      log.error(`Error while loading workspace registries: ${String(e)}`);
    }
  }

  connection.onNotification(
    WorkspaceRegistriesNotification.type,
    notification(log, WorkspaceRegistriesNotification.method, shapes.workspaceRegistriesParams, (params) => {
      // The client's own list wins over the server's discovery from now on.
      discovery?.stop();
      applyWorkspaceRegistries(params.files, params.notices);
    }),
  );

  /** `initializationOptions.registrySources`; one that is not well formed reads nothing of the workspace. */
  function registrySources(raw: unknown): RegistrySources | undefined {
    if (raw === undefined) return undefined;
    const problem = shapes.registrySources.problem(raw, 'initializationOptions.registrySources');
    if (!problem) return raw as RegistrySources;
    log.error(`${problem}; reading no workspace registry file.`);
    return { trusted: false, registryFiles: [] };
  }

  connection.onNotification(
    RegistrySourcesNotification.type,
    notification(log, RegistrySourcesNotification.method, shapes.registrySources, (params) => discovery?.setSources(params)),
  );

  connection.onNotification(
    DidChangeWatchedFilesNotification.type,
    notification(log, DidChangeWatchedFilesNotification.method, shapes.watchedFilesParams, (params) => {
      if (params.changes.some((c) => REGISTRY_FILE.test(c.uri))) discovery?.schedule();
      index?.watchedFiles(params.changes);
    }),
  );

  connection.onRequest(
    ImportPageRequest.type,
    request(
      log,
      shapes.importPageParams,
      () => 'importing a vendor page',
      (params) => {
        const report = importMarkdown(params.text);
        const file = registryFileOf(report, params.vendorId, params.displayName, params.source);
        return { text: file.text, vendorId: params.vendorId, codes: file.codes, recognized: report.recognized, skipped: file.skipped };
      },
      (params) => ({ text: '', vendorId: params.vendorId, codes: 0, recognized: [], skipped: [] }),
    ),
  );

  connection.onRequest(
    DocumentStateRequest.type,
    request(
      log,
      shapes.uriParams,
      (params) => `reading the state of ${params.uri}`,
      (params) => {
        const document = documents.get(params.uri);
        if (!document) return null;
        const text = document.getText();
        return { version: document.version, length: text.length, sha1: createHash('sha1').update(text).digest('hex') };
      },
      () => null,
    ),
  );

  connection.onRequest(
    VendorConstantsRequest.type,
    request(
      log,
      shapes.vendorConstantsParams,
      (params) => `writing constants for ${params.vendor}`,
      (params) => {
        // A document the server does not hold (an untitled one not yet synced) is an empty one.
        const document = params.uri === undefined ? undefined : documents.get(params.uri);
        const javascript = document ? isJavaScriptDocument(document.languageId, document.uri) : false;
        const kind = document ? languageKind(document.languageId, document.uri) : undefined;
        const go = kind !== undefined && languageRow(kind).constants === 'const-block';
        return vendorConstants(registry, params.vendor, { style: params.style, text: document?.getText(), position: params.position, javascript, go }) ?? null;
      },
      () => null,
    ),
  );

  registerSummaryHandlers(connection, async (uri) => ({ registry, settings: await getSettings(uri) }));

  documents.listen(documentsConnection(connection, log));
  connection.listen();
}
