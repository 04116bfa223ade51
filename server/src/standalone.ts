/**
 * `api-error-codes-language-server`: the language server for any LSP client (Neovim, Emacs, Helix, …). Handles
 * `--version` and `--help`, speaks stdio when no transport is named, then starts the same server as VS Code's.
 */
import { VERSION } from './cli/version';
import { languageNames } from './service/languages';

const HELP = `Usage: api-error-codes-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The API Error Codes language server: hovers, completion, diagnostics and quick fixes for API error codes
(Riset.ai Face API, Faceki, AILabTools, HTTP) in ${languageNames()}.
Speaks LSP over stdio by default. Settings: the "errorCodes" section (workspace/configuration,
initializationOptions.settings or didChangeConfiguration).

  --stdio          talk over stdin/stdout (the default)
  --version        print the version
  --help           print this help
`;

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else {
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
  require('./main');
}
