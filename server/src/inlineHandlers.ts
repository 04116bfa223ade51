/**
 * Codes explained where people look: `textDocument/inlayHint` for every LSP client, and `errorCodes/lineCodes` (one
 * line's codes) for the VS Code client's terminal links. Wiring only; the service computes both.
 */
import { InlayHintRequest, type ClientCapabilities, type Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineCodesRequest, MAX_LINE_CODES, MAX_TERMINAL_LINE } from './protocol';
import type { Registry } from './registry';
import type { Settings } from './settings';
import type { Analysis } from './service/analysis';
import type { TextFormat } from './service/hover';
import { doInlayHints } from './service/inlayHints';
import { codesInLine } from './service/lineCodes';
import { request } from './utils/boundary';
import type { Logger } from './utils/runSafe';
import * as shapes from './messageShapes';

export interface InlineHandlers {
  /** Reads what the client supports (refresh), at initialize. */
  initialize(capabilities: ClientCapabilities): void;
  /** Asks the client to ask for hints again (settings or the registry changed), when it can be asked. */
  refresh(): void;
}

export function registerInlineHandlers(
  connection: Connection,
  deps: {
    log: Logger;
    analysis: (uri: string) => Promise<{ document: TextDocument; analysis: Analysis; settings: Settings } | undefined>;
    settings: (uri: string) => Promise<Settings>;
    registry: () => Registry;
    /** The client's hover format, which the tooltips follow. */
    format: () => TextFormat;
  },
): InlineHandlers {
  let refreshSupport = false;

  connection.onRequest(
    InlayHintRequest.type,
    request(
      deps.log,
      shapes.inlayHintParams,
      (params) => `computing inlay hints for ${params.textDocument.uri}`,
      async (params) => {
        const found = await deps.analysis(params.textDocument.uri);
        if (!found) return null;
        return doInlayHints(found.document, found.analysis, params.range, deps.registry(), found.settings, deps.format());
      },
      () => null,
    ),
  );

  connection.onRequest(
    LineCodesRequest.type,
    request(
      deps.log,
      shapes.lineCodesParams,
      () => 'finding the codes of a line',
      async (params) => {
        const settings = await deps.settings(params.uri ?? '');
        return { codes: codesInLine(params.line, deps.registry(), settings, MAX_TERMINAL_LINE, MAX_LINE_CODES) };
      },
      () => ({ codes: [] }),
    ),
  );

  return {
    initialize(capabilities) {
      refreshSupport = !!capabilities.workspace?.inlayHint?.refreshSupport;
    },
    refresh() {
      if (refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
    },
  };
}
