/** One analysis per document version (and registry and settings): hover, completion and diagnostics share it. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Registry } from '../registry';
import type { Settings } from '../settings';
import { analyze, type Analysis } from '../service/analysis';

interface Slot {
  version: number;
  registry: Registry;
  settings: Settings;
  analysis: Analysis | undefined;
}

export class AnalysisCache {
  private readonly slots = new Map<string, Slot>();

  get(document: TextDocument, registry: Registry, settings: Settings): Analysis | undefined {
    const slot = this.slots.get(document.uri);
    if (slot && slot.version === document.version && slot.registry === registry && slot.settings === settings) {
      return slot.analysis;
    }
    const analysis = analyze(document, registry, settings);
    this.slots.set(document.uri, { version: document.version, registry, settings, analysis });
    return analysis;
  }

  /** The cached analysis of the document's current version, without computing one. */
  peek(document: TextDocument): Analysis | undefined {
    const slot = this.slots.get(document.uri);
    return slot && slot.version === document.version ? slot.analysis : undefined;
  }

  delete(uri: string): void {
    this.slots.delete(uri);
  }

  clear(): void {
    this.slots.clear();
  }
}
