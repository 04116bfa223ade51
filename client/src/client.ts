/** The language client: how the server is started and which documents it serves. */
import * as path from 'path';
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGES } from './languages';
import { hoverWithUsage } from './references';
import { registrySources } from './registrySources';

export { LANGUAGES };

export function createClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server works on the text it is sent, so untitled and virtual documents work too.
    documentSelector: LANGUAGES.map((language) => ({ language })),
    // The excludes too: the workspace index honours them.
    synchronize: { configurationSection: ['errorCodes', 'files.exclude', 'search.exclude'] },
    outputChannel,
    traceOutputChannel: outputChannel,
    diagnosticPullOptions: { onChange: true, onSave: false },
    // What the server may read of the workspace's registry files (Workspace Trust), computed at each (re)start.
    // The hover's "used in N places" is ours to write, as a link to the references (see references.ts).
    initializationOptions: () => ({ registrySources: registrySources(), usageInHover: 'client' }),
    middleware: { provideHover: hoverWithUsage(() => client) },
  };
  const client = new LanguageClient('errorCodes', 'API Error Codes', serverOptions, clientOptions);
  return client;
}
