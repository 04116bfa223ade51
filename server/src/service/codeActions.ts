/** Quick fixes: replace a mistyped or unknown code with a suggestion carried on its diagnostic. */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Registry } from '../registry';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';

export function doCodeActions(uri: string, diagnostics: Diagnostic[], registry: Registry): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (!data || !Array.isArray(data.suggestions)) continue;
    data.suggestions.slice(0, 3).forEach((s, i) => {
      if (typeof s?.code !== 'string' || !/^(?:\d{1,9}|[A-Z][A-Z0-9_]*)$/.test(s.code)) return;
      const vendor = registry.displayName(String(s.vendor));
      actions.push({
        title: `Replace with ${s.code} (${vendor}: ${String(s.title).slice(0, 80)})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: s.code }] } },
      });
    });
  }
  return actions;
}
