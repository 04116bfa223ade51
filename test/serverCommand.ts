/** The server command the editor tiers start: the packed package's bin when built, else dist/server.js of this tree. */
import * as path from 'node:path';
import { serverPath } from './lspClient';

export function serverCommand(): string[] {
  // Another build to test (e.g. main's, to see this tier catch what it guards against): a server.js path.
  if (process.env.ERROR_CODES_SERVER) return [process.execPath, path.resolve(process.env.ERROR_CODES_SERVER), '--stdio'];
  return [process.execPath, path.resolve(serverPath), '--stdio'];
}
