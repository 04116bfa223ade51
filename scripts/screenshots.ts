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

const TREE = '[id="workbench.view.extension.errorCodes"]';

/**
 * An hour of gateway traffic with an incident, for the log summary and its chart: steady HTTP 200s and 404s and
 * AILabTools' blurry faces, and from 10:20 to 10:35 Riset.ai's timeouts (604) with upstream 502s. Seeded, so every run
 * draws the same picture.
 */
function trafficLog(): string {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines: [number, string][] = [];
  for (let minute = 0; minute < 60; minute++) {
    const incident = Math.max(0, 1 - Math.abs(minute - 27) / 8);
    const at = () => minute * 60 + Math.floor(random() * 60);
    const iso = (t: number) => `2026-11-02T10:${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}Z`;
    const clf = (t: number) => `02/Nov/2026:10:${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')} +0000`;
    const add = (count: number, line: (t: number) => string) => {
      for (let i = 0; i < count; i++) {
        const t = at();
        lines.push([t, line(t)]);
      }
    };
    add(28 + Math.floor(random() * 8), (t) => `127.0.0.1 - - [${clf(t)}] "POST /v1/verify HTTP/1.1" 200 512 "-" "kyc-app/2.3"`);
    add(3 + Math.floor(random() * 4), (t) => `127.0.0.1 - - [${clf(t)}] "GET /v1/faces/unknown HTTP/1.1" 404 153 "-" "kyc-app/2.3"`);
    add(5 + Math.floor(random() * 4), (t) => `${iso(t)} ERROR ailab error_code=ERROR_BLURRY_FACE log_id=l-${t}`);
    add(Math.round(40 * incident), (t) => `${iso(t)} WARN  kyc facegallery_id=g-7 status=604 msg="Timeout While Waiting For Response"`);
    add(Math.round(18 * incident), (t) => `${iso(t)} INFO  gateway upstream=riset latency=30001ms upstream_status=502 trx_id=t-${t}`);
  }
  return lines.sort((a, b) => a[0] - b[0]).map(([, line]) => line).join('\n') + '\n';
}

async function main(): Promise<void> {
  const out = path.join(root, 'media', 'screenshots');
  fs.mkdirSync(out, { recursive: true });
  const workspace = copyWorkspace(path.join(root, 'test', 'e2e', 'workspace'));
  // Generated, never committed; search.exclude keeps it out of the workspace index (the pictures' counts).
  fs.writeFileSync(path.join(workspace, 'traffic.log'), trafficLog());
  // No toast from VS Code's PHP support (it finds no PHP here) over the pictures.
  const server = await startCodeServer({ workspace, settings: { 'search.exclude': { '**/traffic.log': true }, 'php.validate.enable': false } });
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
    const closeActions = () =>
      poll('the action list to close', async () => {
        if (!(await page.locator('.action-widget').first().isVisible())) return true;
        await page.keyboard.press('Escape');
        return undefined;
      }, 10000, 300);
    await closeActions();

    // The exhaustive-switch action, offered in the light bulb on the switch over result.code.
    await page.mouse.move(5, 5);
    await wb.gotoLine(10, 3);
    await page.keyboard.press('Control+.');
    await poll('the switch action', () => page.locator('.action-widget .monaco-list-row', { hasText: /Add cases for the \d+ unhandled Faceki codes/ }).first().isVisible(), 20000);
    await page.locator('.action-widget .monaco-list-row', { hasText: /Add cases for the \d+ unhandled Faceki codes/ }).first().hover();
    await shot('switch-action.png');
    await closeActions();

    // References: the hover's "Used in N places" opens them in the peek (once the workspace index is built).
    await wb.openFile('riset_client.php');
    await wb.hover('404', 0, /Used in \d+ places/, 60000);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: /\d+ places?/ }).first().click();
    await poll('the references peek', () => page.locator('.peekview-widget').first().isVisible(), 15000);
    await shot('references.png');
    await poll('the peek to close', async () => {
      if (!(await page.locator('.peekview-widget').first().isVisible())) return true;
      await page.keyboard.press('Escape');
      return undefined;
    }, 10000, 300);

    // Coverage in the tree: "handled N of M" per vendor, each code's places (Search reveals 5004). The side bar is
    // widened for the tree's and the summary's pictures, and put back for the chart's.
    await page.locator('.activitybar .action-item a[aria-label^="Error Codes"]').click();
    const sideBarEdge = async (x: number): Promise<number> => {
      const box = (await page.locator('.part.sidebar').boundingBox())!;
      const from = box.x + box.width;
      await page.mouse.move(from, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(x, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      await page.mouse.move(5, 5); // off the sash, which stays highlighted under the pointer
      return from;
    };
    const narrow = await sideBarEdge(520);
    await poll('coverage in the tree', () => page.locator(`${TREE} .monaco-list-row`, { hasText: /Faceki\s*handled \d+ of 24 codes/ }).first().isVisible(), 60000);
    await wb.command('Error Codes: Search Codes');
    await poll('the search box', () => page.locator('.quick-input-widget:not(.hidden) .quick-input-title', { hasText: 'Search Error Codes' }).isVisible(), 10000);
    await page.keyboard.type('SELFIE_LIVENESS');
    await poll('the search result', () => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: '5004' }).first().isVisible(), 10000);
    await page.keyboard.press('Enter');
    await poll('5004 revealed with its places', () => page.locator(`${TREE} .monaco-list-row.selected`, { hasText: /5004\s*\d+ places? · SELFIE_LIVENESS_FAILED/ }).first().isVisible(), 15000);
    await page.mouse.move(5, 5);
    await wb.command('Notifications: Clear All Notifications');
    await shot('coverage.png');

    // The log summary of a log on disk, and its chart.
    await wb.command('Error Codes: Summarize Log File');
    await poll('the log picker', () => page.locator('.quick-input-widget:not(.hidden) .quick-input-title', { hasText: 'Summarize Log File' }).isVisible(), 10000);
    await page.keyboard.type('traffic');
    await poll('traffic.log in the picker', () => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'traffic.log' }).first().isVisible(), 10000);
    await page.keyboard.press('Enter');
    const summary = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Log Summary' }) });
    await poll('the Log Summary rows', async () => (await summary.locator('.monaco-list-row').count()) >= 3 || undefined, 60000);
    await summary.locator('.monaco-list-row').first().click();
    await poll('the first vendor’s codes', async () => (await summary.locator('.monaco-list-row').count()) >= 6 || undefined, 10000);
    await wb.command('Notifications: Clear All Notifications');
    await shot('log-summary.png');
    await sideBarEdge(narrow); // the chart (an editor) gets its width back
    await wb.command('Error Codes: Show Log Summary Chart');
    const chart = page.frameLocator('iframe.webview').frameLocator('#active-frame').locator('body');
    await poll('the chart', async () => /codes in .* lines/.test(await chart.innerText({ timeout: 2000 }).catch(() => '')) || undefined, 20000);
    await shot('log-summary-chart.png');
    await page.keyboard.press('Control+W');

    // Leave the workbench as the pictures below expect it: the tree collapsed, the summary folded, the Explorer shown.
    await page.locator(`${TREE} .pane-header`, { hasText: 'Log Summary' }).first().click();
    const vendors = page.locator(`${TREE} .pane-header`, { hasText: 'Vendors' }).first();
    await vendors.hover(); // a view's title actions show while its header is hovered
    await vendors.locator('.action-label[aria-label^="Collapse All"]').click();
    await page.keyboard.press('Control+Shift+E');

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
