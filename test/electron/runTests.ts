/**
 * `npm run test:electron`: the suite in test/electron/suite.ts in VS Code desktop, downloaded by @vscode/test-electron.
 * Needs access to VS Code's download service: it cannot run on machines that reach only the npm registry (use the
 * browser tier, `npm run test:e2e`, there).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codes-electron-'));
  fs.cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error(`test:electron failed: ${e instanceof Error ? e.message : String(e)}`);
  console.error('It needs to download VS Code desktop; where that is not possible, run the browser tier: npm run test:e2e');
  process.exit(1);
});
