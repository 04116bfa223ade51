/** One analysis per document version (and registry and settings): hover, completion and diagnostics share it. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { analyze, languageKind, reanalyzeLog, type Analysis } from '../service/analysis';
import { PieceDocument } from './pieceDocument';

interface Slot {
  /** The document object analysed: a second didOpen of the URI makes a new one, even with the same version. */
  document: TextDocument;
  version: number;
  registry: Registry;
  settings: Settings;
  analysis: Analysis | undefined;
}

export class AnalysisCache {
  private readonly slots = new Map<string, Slot>();

  /** `log` hears about a failed incremental rescan (the full analysis that replaces it hides it otherwise). */
  constructor(private readonly log?: { error(message: string): void }) {}

  get(document: TextDocument, registry: Registry, settings: Settings): Analysis | undefined {
    const found = this.slots.get(document.uri);
    const slot = found?.document === document ? found : undefined;
    if (slot && slot.version === document.version && slot.registry === registry && slot.settings === settings) {
      return slot.analysis;
    }
    let analysis: Analysis | undefined;
    // A log edited since the cached version: rescan only the edited lines when the document can say which they are.
    const previous = slot?.registry === registry && slot.settings === settings ? slot.analysis : undefined;
    const edits = previous && document instanceof PieceDocument ? document.editsSince(slot!.version) : undefined;
    const kind = languageKind(document.languageId, document.uri);
    if (previous && kind && edits?.length) {
      try {
        analysis = reanalyzeLog(previous, { uri: document.uri, version: document.version, kind }, document.getText(), edits, registry, settings);
      } catch (e) {
        // A full analysis below; the previous one is discarded either way.
        analysis = undefined;
        this.log?.error(`Incremental rescan of ${document.uri} failed; scanned it whole instead: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    analysis ??= analyze(document, registry, settings);
    this.slots.set(document.uri, { document, version: document.version, registry, settings, analysis });
    return analysis;
  }

  /** The cached analysis of the document's current version, without computing one. */
  peek(document: TextDocument): Analysis | undefined {
    const slot = this.slots.get(document.uri);
    return slot && slot.document === document && slot.version === document.version ? slot.analysis : undefined;
  }

  delete(uri: string): void {
    this.slots.delete(uri);
  }

  clear(): void {
    this.slots.clear();
  }
}
