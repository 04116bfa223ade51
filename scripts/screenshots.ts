/** `npm run screenshots`: the README's pictures, taken in a real VS Code (code-server) with the packed extension. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace, launchBrowser, poll, root, SOURCE_TOKENS, startCodeServer, Workbench } from '../test/e2e/harness';

/** A Faceki client for the inlay-hints picture (written into the copied workspace, not the test workspace). */
const FACEKI_CLIENT = `// What to tell the user after a Faceki KYC verification.
export function verificationMessage(result: { code: number }): string {
  switch (result.code) {
    case 5004:
      return 'Please take the selfie again, looking at the camera.';
    case 5005:
      return 'The selfie does not match the photo on your document.';
    case 5010:
      return 'Your document has expired: please use a valid one.';
    case 8004:
      return 'Keep your whole face inside the frame.';
    case 8008:
      return 'Move closer to the camera.';
    case 8009:
      return 'Find more light and uncover your face.';
    case 8024:
      return 'You are already verified.';
    default:
      return 'Verification failed, please try again.';
  }
}
`;

async function main(): Promise<void> {
  const out = path.join(root, 'media', 'screenshots');
  fs.mkdirSync(out, { recursive: true });
  const workspace = copyWorkspace(path.join(root, 'test', 'e2e', 'workspace'));
  const server = await startCodeServer({ workspace });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const wb = new Workbench(page);
    await wb.ready();
    const shot = async (name: string) => {
      await page.waitForTimeout(400); // let hover/suggest fade-in animations finish before the picture
      await page.screenshot({ path: path.join(out, name) });
      console.log(`wrote media/screenshots/${name}`);
    };

    await wb.openFile('riset-response.json');
    await wb.hover('413', 0, /Riset/, 40000);
    await shot('hover-json.png');

    await wb.openFile('kyc.ts');
    await wb.hover('5004', 0, /Faceki/);
    await shot('hover-ts.png');

    await wb.gotoLine(14, 40);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('case 80');
    await page.keyboard.press('Control+Space');
    await poll('suggestions', () => page.locator('.suggest-widget .monaco-list-row', { hasText: '8004' }).first().isVisible());
    await shot('completion.png');
    await page.keyboard.press('Escape');
    await wb.command('File: Revert File');

    await page.keyboard.press('Control+Shift+M');
    await poll('problems', async () => (await wb.problems()).some((p) => p.includes('SELFIE_LIVENESS_FAILD')));
    const span = page.locator(SOURCE_TOKENS, { hasText: 'SELFIE_LIVENESS_FAI' }).first();
    await span.click();
    await page.keyboard.press('Control+.');
    await poll('quick fix', () => page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with' }).first().isVisible());
    await shot('quick-fix.png');
    await page.keyboard.press('Escape');

    await wb.openFile('gateway.log');
    await wb.hover('604', 0, /Riset/);
    await shot('hover-log.png');

    await page.locator('.activitybar .action-item a[aria-label^="Error Codes"]').click();
    await poll('tree', () => page.locator('[id="workbench.view.extension.errorCodes"] .monaco-list-row', { hasText: 'Faceki' }).first().isVisible());
    await page.locator('[id="workbench.view.extension.errorCodes"] .monaco-list-row', { hasText: 'Faceki' }).first().click();
    await poll('categories', () => page.locator('[id="workbench.view.extension.errorCodes"] .monaco-list-row', { hasText: 'Verification' }).first().isVisible());
    await page.locator('[id="workbench.view.extension.errorCodes"] .monaco-list-row', { hasText: 'Verification' }).first().click();
    await poll('codes', () => page.locator('[id="workbench.view.extension.errorCodes"] .monaco-list-row', { hasText: '5004' }).first().isVisible());
    await page.locator('[id="workbench.view.extension.errorCodes"] .monaco-list-row', { hasText: '5004' }).first().hover();
    await page.waitForTimeout(1500); // the tree's tooltip appears after the workbench's hover delay
    await shot('sidebar.png');

    // Issue 30: inlay hints in a Faceki client, and a code in the terminal over a log tail.
    fs.writeFileSync(path.join(workspace, 'faceki-verify.ts'), FACEKI_CLIENT);
    // The empty secondary side bar out of the way while these two are taken (it is put back after them).
    await wb.command('View: Hide Panel');
    await wb.command('View: Hide Secondary Side Bar');
    await wb.openFile('faceki-verify.ts');
    await page.mouse.move(5, 5);
    await poll('inlay hints', () => page.locator('.view-lines .view-line span[class*="dyn-rule"]', { hasText: 'POOR_LIGHT_OR_COVERED_FACE' }).first().isVisible(), 30000);
    await shot('inlay-hints.png');
    await wb.command('Terminal: Create New Terminal');
    await wb.command('View: Toggle Maximized Panel');
    const logLine = await wb.terminalOutput('tail -n 5 gateway.log', 'status=604');
    await wb.terminalLink(logLine, '604', page.locator('.workbench-hover, .monaco-hover:not(.hidden)', { hasText: 'Timeout While Waiting For Response' }).first());
    await shot('terminal-link.png');
    await page.mouse.move(5, 5);
    await wb.command('View: Toggle Maximized Panel');
    await wb.command('View: Hide Panel');
    await wb.command('View: Toggle Secondary Side Bar Visibility');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
