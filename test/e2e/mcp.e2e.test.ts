/**
 * The MCP server in a real VS Code (code-server) with the packed extension (issue 29): the extension's definition
 * provider is registered, VS Code lists "API Error Codes" among the MCP servers, and starting it from that list runs
 * the bundled `cli.js mcp` for the workspace (its start line and VS Code's discovery of its six tools show in the
 * server's Output channel). AI features are on here
 * (the other e2e suite turns them off): the MCP server list needs them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { copyWorkspace, launchBrowser, poll, root, saveEvidence, startCodeServer, Workbench, type CodeServer } from './harness';

let server: CodeServer;
let browser: Browser;
let page: Page;
let wb: Workbench;
let workspace: string;

async function step(t: TestContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    const saved = await saveEvidence(t.name, page, server);
    console.error(`evidence for "${t.name}":\n  ${saved.join('\n  ')}`);
    throw e;
  }
}

/** Every log file of the run (extension host, output channels, MCP server logs) joined. */
function allLogs(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(server.userDataDir, 'logs'));
  return out.join('\n');
}

/** The rows of the open quick pick. */
async function pickRows(): Promise<string[]> {
  return page.locator('.quick-input-widget:not(.hidden) .quick-input-list .monaco-list-row').allInnerTexts();
}

describe('real VS Code (code-server): the MCP server for agent mode', () => {
  before(async () => {
    workspace = copyWorkspace(path.join(root, 'test', 'e2e', 'workspace'));
    server = await startCodeServer({ workspace, settings: { 'chat.disableAIFeatures': false } });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    wb = new Workbench(page);
    await wb.ready();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('the provider is registered and VS Code lists the server', async (t) => {
    await step(t, async () => {
      await wb.openFile('kyc.ts');
      await poll('the provider registered (extension log)', () => /MCP server: definition provider registered/.test(allLogs()), 60000, 500);
      await wb.command('MCP: List Servers');
      const rows = await poll('"API Error Codes" in the MCP server list', async () => {
        const r = await pickRows();
        return r.some((x) => /API Error Codes/.test(x)) ? r : undefined;
      }, 30000, 300);
      assert.ok(rows.some((x) => /API Error Codes/.test(x)));
      assert.match(allLogs(), /VS Code asked for the server definitions; offering 1/);
    });
  });

  it('VS Code starts the bundled server for the workspace from the list', async (t) => {
    await step(t, async () => {
      // The list is open: choose the server, then its Start action.
      await page.keyboard.type('API Error Codes');
      await poll('the server row focused', () => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'API Error Codes' }).first().isVisible(), 10000);
      await page.keyboard.press('Enter');
      await poll('the server actions', async () => (await pickRows()).some((r) => /Start Server/.test(r)) || undefined, 15000, 300);
      await page.keyboard.type('Start Server');
      await poll('Start Server focused', () => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Start Server' }).first().isVisible(), 10000);
      await page.keyboard.press('Enter');
      const real = fs.realpathSync(workspace);
      // VS Code shows the server's log (its stderr included) in the Output panel's "MCP: API Error Codes" channel;
      // in code-server that channel lives in the browser, so it is read from the panel, which draws only the lines in
      // view: the panel is maximised and every line seen on any poll is kept, so a start line that scrolls away under
      // later ones (a slow machine logs more while it waits) still counts. Wrapped lines are joined.
      await poll('the Output panel open', () => page.locator('.part.panel .view-lines').first().isVisible(), 30000, 300);
      await wb.command('View: Toggle Maximized Panel');
      const seen = new Set<string>();
      const output = async () => {
        const shown = (await page.locator('.part.panel .view-lines').allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
        for (const line of shown.split(/\n(?=\d{4}-\d\d-\d\d )/)) seen.add(line.replace(/\s+/g, ' ').trim());
        return [...seen].join(' ');
      };
      let last = '';
      const text = await poll('the server started and its tools discovered (Output: MCP: API Error Codes)', async () => {
        const t = (last = await output());
        return t.includes(`api-error-codes mcp`) && t.includes(`serving ${real} on stdio`) && /Discovered 6 tools/.test(t) ? t : undefined;
      }, 90000, 500).catch((e: Error) => {
        throw new Error(`${e.message}; the Output panel showed: ${last || '(nothing)'}`);
      });
      assert.match(text, /Connection state: Running/);
    });
  });
});
