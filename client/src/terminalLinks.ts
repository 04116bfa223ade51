/**
 * Codes in the integrated terminal as links: each line the user points at is read by the language server (the log
 * scanner's one-line rules, `errorCodes/lineCodes`), so the client has no rule of its own. The link's tooltip is the
 * code's meaning; activating it reveals the code in the sidebar with its entry.
 */
import * as vscode from 'vscode';
import { LineCodesRequest, MAX_TERMINAL_LINE, type LineCode } from '../../server/src/protocol';
import { normalizeSettings } from '../../server/src/settings';

/** A link to one code of a terminal line. */
export interface CodeLink extends vscode.TerminalLink {
  vendor: string;
  code: string;
}

/** The part of the language client the links use. */
export interface LineReader {
  isRunning(): boolean;
  sendRequest<P, R>(type: { method: string } & object, params: P, token?: vscode.CancellationToken): Promise<R>;
}

export function terminalLinkProvider(
  client: LineReader,
  reveal: (vendor: string, code: string) => Promise<unknown>,
  enabled: () => boolean = () => normalizeSettings(vscode.workspace.getConfiguration().get('errorCodes')).terminalLinks.enabled,
): vscode.TerminalLinkProvider<CodeLink> {
  return {
    async provideTerminalLinks(context, token) {
      // A server still starting (or restarting) answers nothing: no links this time, never an error in the terminal.
      if (!enabled() || !client.isRunning() || !context.line) return [];
      try {
        const { codes } = await client.sendRequest<unknown, { codes: LineCode[] }>(
          LineCodesRequest.type,
          { line: context.line.slice(0, MAX_TERMINAL_LINE), uri: vscode.workspace.workspaceFolders?.[0]?.uri.toString() },
          token,
        );
        return codes.map((c) => ({ startIndex: c.start, length: c.end - c.start, tooltip: c.tooltip, vendor: c.vendor, code: c.code }));
      } catch {
        return [];
      }
    },
    async handleTerminalLink(link) {
      await reveal(link.vendor, link.code);
    },
  };
}
