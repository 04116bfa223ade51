/**
 * The workspace index's wiring: builds it once the client is initialized (and again when settings, excludes or the
 * registry change), follows file events and open documents, reports progress, and answers references, workspace
 * symbols and the tree's coverage requests. The index itself is in indexer.ts / workspaceIndex.ts.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MessageType,
  ReferencesRequest,
  ShowMessageNotification,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type Location,
  type SymbolInformation,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeReferencesRequest, CoverageRequest, IndexChangedNotification, IndexStatusRequest, UsageAtRequest, type CoverageResult } from '../protocol';
import type { Registry } from '../registry';
import { occurrenceAt, type Analysis } from '../service/analysis';
import type { UsageCount } from '../service/hover';
import { vendorEnabled, type Settings } from '../settings';
import * as shapes from '../messageShapes';
import { request } from '../utils/boundary';
import type { Logger } from '../utils/runSafe';
import { changedRoots, walk, workspaceRoots } from '../files/walk';
import { fileUri, Indexer, type IndexStatus } from './indexer';
import { fileUsage, locationsOf, usageKey } from './usage';
import type { IndexRoot } from './worker';

export interface IndexDeps {
  log: Logger;
  /** For the one line a finished build writes to the output. */
  info(message: string): void;
  registry(): Registry;
  settings(uri: string): Promise<Settings>;
  analysis(uri: string): Promise<{ document: TextDocument; analysis: Analysis; settings: Settings } | undefined>;
  /** Whether the client answers `workspace/configuration` (else no `files.exclude` is known). */
  hasConfiguration(): boolean;
}

/** Open documents are re-read into the index this long after their last change. */
const OPEN_DELAY_MS = 300;
/** A rebuild waits this long for more changes of settings or registry (the client sends both at start). */
const REBUILD_DELAY_MS = 250;
const NOTIFY_MS = 500;
const PROGRESS_MS = 200;

export interface IndexHandlers {
  initialized(): void;
  /** Settings, excludes or the registry changed: the index is rebuilt. */
  rebuild(): void;
  watchedFiles(changes: FileEvent[]): void;
  /** Workspace folders were added or removed (multi-root): the index is rebuilt over the new set. */
  foldersChanged(added: { uri: string }[], removed: { uri: string }[]): void;
  documentChanged(uri: string): void;
  documentClosed(uri: string): void;
  /** Places of a vendor's code (for the hover); undefined with the index off. */
  usageCount: UsageCount;
  shutdown(): void;
}

export function registerIndexHandlers(connection: Connection, params: InitializeParams, deps: IndexDeps): IndexHandlers {
  const { log } = deps;
  const progressSupported = !!params.capabilities.window?.workDoneProgress;
  let progress: WorkDoneProgressServerReporter | undefined;
  let progressCreating = false;
  let lastProgress = 0;
  let notifyTimer: NodeJS.Timeout | undefined;
  let lastNotify = 0;
  let shuttingDown = false;

  const notifyChanged = () => {
    if (notifyTimer || shuttingDown) return;
    const wait = Math.max(0, NOTIFY_MS - (Date.now() - lastNotify));
    notifyTimer = setTimeout(() => {
      notifyTimer = undefined;
      lastNotify = Date.now();
      void connection.sendNotification(IndexChangedNotification.type, status());
    }, wait);
  };

  const indexer = new Indexer({
    changed: notifyChanged,
    started: () => {
      if (!progressSupported || progressCreating) return;
      progress?.done();
      progress = undefined;
      progressCreating = true;
      void connection.window.createWorkDoneProgress().then(
        (reporter) => {
          progressCreating = false;
          progress = reporter;
          const s = indexer.status();
          reporter.begin('Indexing error codes', 0, s.files ? `${s.indexedFiles} of ${s.files} files` : 'Looking for files…', false);
          // A small workspace may be read before the client answered.
          if (indexer.state !== 'indexing') {
            reporter.done();
            progress = undefined;
          }
        },
        () => (progressCreating = false),
      );
    },
    progress: (done, total) => {
      if (!progress || Date.now() - lastProgress < PROGRESS_MS) return;
      lastProgress = Date.now();
      progress.report(total ? Math.floor((100 * done) / total) : 0, `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files`);
    },
    ready: (status) => {
      progress?.done();
      progress = undefined;
      if (status.files) deps.info(`Indexed ${status.indexedFiles} ${status.indexedFiles === 1 ? 'file' : 'files'} (${(status.bytes / 1048576).toFixed(1)} MB, ${status.occurrences} places) in ${status.elapsedMs} ms.`);
    },
    log: (m) => log.error(m),
  });

  let roots = workspaceRoots(params);
  let rebuildTimer: NodeJS.Timeout | undefined;
  /** What the build in force was made from. */
  let lastBuild: { key: string; registry: Registry } | undefined;
  let building = Promise.resolve();

  const configure = async () => {
    const indexRoots: IndexRoot[] = [];
    const settingsByKey: Record<string, Settings> = {};
    for (const root of roots) {
      const uri = fileUri(root);
      const settings = await deps.settings(uri);
      if (!settings.enable || !settings.workspaceIndex) continue;
      // Only what changes an analysis's places: a new severity or diagnostics cap leaves the index as it is.
      const settingsKey = JSON.stringify([settings.enable, settings.vendors, settings.codeKeys]);
      settingsByKey[settingsKey] = settings;
      let exclude: unknown[] = [];
      if (deps.hasConfiguration()) {
        exclude = await connection.workspace
          .getConfiguration([
            { scopeUri: uri, section: 'files.exclude' },
            { scopeUri: uri, section: 'search.exclude' },
          ])
          .then((v) => (Array.isArray(v) ? v : []), () => []);
      }
      indexRoots.push({ path: root, settingsKey, exclude });
    }
    if (shuttingDown) return;
    if (!indexRoots.length) {
      indexer.stop();
      lastBuild = undefined;
      notifyChanged();
      return;
    }
    // The same folders, settings, excludes and registry as the build in force: nothing to do.
    const registry = deps.registry();
    const build = JSON.stringify(indexRoots);
    if (lastBuild && lastBuild.key === build && lastBuild.registry === registry && indexer.state !== 'off') return;
    lastBuild = { key: build, registry };
    indexer.start({ sources: registry.sources, settings: settingsByKey, roots: indexRoots });
    // Open documents again, from the server's analysis under the new settings and registry.
    for (const uri of openUris) scheduleOpen(uri, 0);
  };

  /** A rebuild is scheduled or configuring: requests that need the index wait for it (see ready). */
  let pending = false;
  const pendingWaiters: (() => void)[] = [];
  const rebuild = () => {
    pending = true;
    clearTimeout(rebuildTimer);
    rebuildTimer = setTimeout(() => {
      rebuildTimer = undefined;
      building = building
        .then(configure)
        .catch((e) => log.error(`Error while building the workspace index: ${String(e)}`))
        .finally(() => {
          if (rebuildTimer) return; // another change came in meanwhile; its build settles the waiters
          pending = false;
          for (const resolve of pendingWaiters.splice(0)) resolve();
        });
    }, REBUILD_DELAY_MS);
  };
  const settled = () => (pending ? new Promise<void>((resolve) => pendingWaiters.push(resolve)) : Promise.resolve());
  const status = (): IndexStatus => {
    const s = indexer.status();
    return pending && s.state !== 'indexing' ? { ...s, state: 'indexing' } : s;
  };

  const openUris = new Set<string>();
  const openTimers = new Map<string, NodeJS.Timeout>();
  const scheduleOpen = (uri: string, delay: number) => {
    if (!indexer.covers(uri)) return;
    openUris.add(uri);
    clearTimeout(openTimers.get(uri));
    openTimers.set(
      uri,
      setTimeout(() => {
        openTimers.delete(uri);
        void deps.analysis(uri).then(
          (found) => {
            const relative = indexer.relativePath(uri);
            if (found && openUris.has(uri) && relative !== undefined) indexer.setOpen(fileUsage(found.document, found.analysis, relative));
          },
          (e) => log.error(`Error while indexing ${uri}: ${String(e)}`),
        );
      }, delay),
    );
  };

  /** Waits for the build under way (the caller's cancellation ends the wait, not the build). */
  const ready = (token: CancellationToken) =>
    new Promise<void>((resolve) => {
      const sub = token.onCancellationRequested(() => resolve());
      void settled()
        .then(() => indexer.whenReady())
        .then(() => {
        sub.dispose();
        resolve();
      });
    });

  /** The vendor and code at a position: the best entry of the occurrence there. */
  const codeAt = async (uri: string, position: { line: number; character: number }) => {
    const found = await deps.analysis(uri);
    if (!found) return undefined;
    const occ = occurrenceAt(found.analysis, found.document.offsetAt(position));
    const best = occ?.candidates[0];
    return best ? { found, vendor: best.vendor, code: best.code } : undefined;
  };

  /** A document's own places of a code, from its analysis. */
  const locationsOfCode = (uri: string, found: { document: TextDocument; analysis: Analysis }, vendor: string, code: string): Location[] => {
    const usage = fileUsage(found.document, found.analysis);
    return locationsOf(uri, usage.places, usage.keys.indexOf(usageKey(vendor, code)));
  };
  /** A document the index does not cover (outside the folders, unsaved) still lists its own places. */
  const ownPlaces = (uri: string, found: { document: TextDocument; analysis: Analysis }, vendor: string, code: string): Location[] =>
    indexer.covers(uri) ? [] : locationsOfCode(uri, found, vendor, code);

  connection.onRequest(
    ReferencesRequest.type,
    request(
      log,
      shapes.referencesParams,
      (p) => `finding references in ${p.textDocument.uri}`,
      async (p): Promise<Location[] | null> => {
        const at = await codeAt(p.textDocument.uri, p.position);
        if (!at) return null;
        const state = status().state;
        if (state !== 'indexing') return [...ownPlaces(p.textDocument.uri, at.found, at.vendor, at.code), ...indexer.index.references(at.vendor, at.code)];
        // While the index is built (after a reload, a settings change) an editor waiting on us shows nothing, or gives
        // up: answer at once with the files read so far and this document, and say that more may come.
        const uri = p.textDocument.uri;
        const own = indexer.index.has(uri) ? [] : locationsOfCode(uri, at.found, at.vendor, at.code);
        const s = indexer.status();
        const read = s.files ? `${s.indexedFiles.toLocaleString('en-US')} of ${s.files.toLocaleString('en-US')} files read` : 'looking for files';
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: `Error Codes: the workspace index is still being built (${read}); these references of ${at.code} come from the files read so far and this editor. Ask again when it is done for all of them.`,
        });
        return [...own, ...indexer.index.references(at.vendor, at.code)];
      },
      () => null,
    ),
  );

  connection.onRequest(
    WorkspaceSymbolRequest.type,
    request(
      log,
      shapes.workspaceSymbolParams,
      () => 'finding workspace symbols',
      async (p): Promise<SymbolInformation[]> => {
        const settings = await deps.settings(roots[0] ? fileUri(roots[0]) : '');
        return indexer.index.symbols(p.query, deps.registry(), (v) => vendorEnabled(settings, v));
      },
      () => [],
    ),
  );

  connection.onRequest(
    CodeReferencesRequest.type,
    request(
      log,
      shapes.codeParams,
      (p) => `finding references of ${p.vendor} ${p.code}`,
      async (p, token) => {
        await ready(token);
        return indexer.index.references(p.vendor, p.code);
      },
      () => [],
    ),
  );

  connection.onRequest(
    UsageAtRequest.type,
    request(
      log,
      shapes.codeAtParams,
      (p) => `finding the use of the code at a position in ${p.uri}`,
      async (p) => {
        const at = await codeAt(p.uri, p.position);
        const state = indexer.state;
        if (!at || state === 'off') return null;
        const places = indexer.index.usage(at.vendor, at.code).places + ownPlaces(p.uri, at.found, at.vendor, at.code).length;
        return { vendor: at.vendor, code: at.code, places, partial: state === 'indexing' };
      },
      () => null,
    ),
  );

  connection.onRequest(IndexStatusRequest.type, request(log, shapes.indexStatusParams, () => 'reading the index status', (): IndexStatus => status(), () => status()));

  connection.onRequest(
    CoverageRequest.type,
    request(
      log,
      shapes.registryParams,
      () => 'computing coverage',
      async (p): Promise<CoverageResult> => {
        const settings = await deps.settings(p.uri ?? (roots[0] ? fileUri(roots[0]) : ''));
        const registry = deps.registry();
        const vendors = [...registry.vendors.keys()].filter((v) => vendorEnabled(settings, v));
        return { status: status(), vendors: indexer.index.coverage(registry, vendors), codes: indexer.index.codes() };
      },
      () => ({ status: status(), vendors: [], codes: [] }),
    ),
  );

  return {
    initialized: rebuild,
    rebuild,
    watchedFiles(changes) {
      const changed: string[] = [];
      const deleted: string[] = [];
      for (const c of changes) {
        if (c.type === 3) deleted.push(c.uri);
        else changed.push(c.uri);
      }
      if (deleted.length) indexer.deletedOnDisk(deleted);
      // A folder's creation comes as one event: its files are read by a rebuild-free walk of just that folder.
      if (changed.length) indexer.changedOnDisk(changed.flatMap((u) => expandFolder(u)));
    },
    foldersChanged(added, removed) {
      roots = changedRoots(roots, added, removed);
      rebuild();
    },
    documentChanged: (uri) => scheduleOpen(uri, OPEN_DELAY_MS),
    documentClosed(uri) {
      openUris.delete(uri);
      clearTimeout(openTimers.get(uri));
      openTimers.delete(uri);
      indexer.closed(uri);
    },
    // The note reads the index's own state, not status(): a rebuild merely scheduled (at start, after any settings
    // change) may leave the index off or unchanged, and "so far (indexing…)" would not be true.
    usageCount: (vendor, code) => {
      const state = indexer.state;
      return state === 'off' ? undefined : { places: indexer.index.usage(vendor, code).places, partial: state === 'indexing' };
    },
    shutdown() {
      shuttingDown = true;
      clearTimeout(rebuildTimer);
      clearTimeout(notifyTimer);
      for (const t of openTimers.values()) clearTimeout(t);
      indexer.stop();
    },
  };
}

/** A created folder's supported files (an event names the folder only); a file is itself. */
function expandFolder(uri: string): string[] {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return [];
  }
  try {
    if (!fs.statSync(file).isDirectory()) return [uri];
  } catch {
    return [uri];
  }
  const out: string[] = [];
  walk([file], { ignore: [] }, (f) => out.push(fileUri(f.file)), () => undefined);
  return out.slice(0, 20000);
}
