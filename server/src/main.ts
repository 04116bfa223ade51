/**
 * The entry of dist/server.js: the connection the command line names — stdio through our reader (see
 * utils/transport.ts), or the library's IPC and socket transports — and the server on it.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { stdioTransport } from './utils/transport';

const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, ...stdioTransport((m) => process.stderr.write(`[error-codes] ${m}\n`)))
  : createConnection(ProposedFeatures.all);
startServer(connection);
