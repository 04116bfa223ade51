/** Test helpers: the real registry, documents with a `|` caret, and shortcuts to the pure service. */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadBuiltinRegistry, type Registry } from '../server/src/registry';
import { analyze, type Analysis } from '../server/src/service/analysis';
import { doComplete } from '../server/src/service/completion';
import { doValidation } from '../server/src/service/diagnostics';
import { doHover } from '../server/src/service/hover';
import { defaultSettings, normalizeSettings, type Settings } from '../server/src/settings';

export const root = path.resolve(__dirname, '..', '..');
export const registry = loadBuiltinRegistry(path.join(root, 'data', 'registry'));

const LANG: Record<string, string> = { ts: 'typescript', js: 'javascript', json: 'json', log: 'log', tsx: 'typescriptreact', py: 'python', php: 'php' };

/** A document from text with at most one `|` caret, which is removed; returns the caret's offset. */
export function withCaret(src: string, lang: string): { doc: TextDocument; offset: number } {
  const at = src.indexOf('|');
  if (at >= 0 && src.indexOf('|', at + 1) >= 0) throw new Error(`more than one caret in ${src}`);
  const text = at >= 0 ? src.slice(0, at) + src.slice(at + 1) : src;
  return { doc: TextDocument.create(`file:///test.${lang}`, LANG[lang] ?? lang, 1, text), offset: at };
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return normalizeSettings({ ...defaultSettings, ...overrides });
}

export function analysisOf(doc: TextDocument, s: Settings = defaultSettings, reg: Registry = registry): Analysis {
  return analyze(doc, reg, s)!;
}

/** The hover markdown at the caret, or null. */
export function hoverAt(src: string, lang: string, s: Settings = defaultSettings, reg: Registry = registry): string | null {
  const { doc, offset } = withCaret(src, lang);
  const hover = doHover(doc, analysisOf(doc, s, reg), offset, reg);
  return hover ? (hover.contents as { value: string }).value : null;
}

export function diagnosticsOf(src: string, lang: string, s: Settings = defaultSettings, reg: Registry = registry) {
  const { doc } = withCaret(src, lang);
  return { doc, diagnostics: doValidation(doc, analysisOf(doc, s, reg), reg, s) };
}

export function completionsAt(src: string, lang: string, s: Settings = defaultSettings) {
  const { doc, offset } = withCaret(src, lang);
  return doComplete(doc, analysisOf(doc, s), offset, registry, s);
}
