/**
 * `npm run demo`: a real VS Code for the browser with the packed extension installed and a sample workspace of
 * vendor-shaped TS, JSON and log files. Prints the address to open; Ctrl+C stops it.
 */
import * as path from 'node:path';
import { copyWorkspace, root, startCodeServer, vsixPath } from '../test/e2e/harness';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0) || undefined;
  const workspace = copyWorkspace(path.join(root, 'test', 'e2e', 'workspace'));
  const server = await startCodeServer({ workspace, vsix: vsixPath(), port });
  console.log(`\nAPI Error Codes demo: open ${server.url}/?folder=${encodeURIComponent(workspace)}`);
  console.log(`(sample workspace copied to ${workspace}; Ctrl+C stops the server)\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
