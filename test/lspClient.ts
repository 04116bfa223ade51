/** A minimal LSP client over stdio for protocol, robustness and benchmark runs against the built dist/server.js. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';

/** The built server; ERROR_CODES_SERVER points the tests at another build (e.g. a baseline, to see a test fail). */
export const serverPath = process.env.ERROR_CODES_SERVER ?? path.resolve(__dirname, '..', '..', 'dist', 'server.js');

export interface StartOptions {
  /** Answer workspace/configuration (true) or behave like a client without it. */
  configuration?: boolean;
  /** Advertise pull diagnostics. */
  pullDiagnostics?: boolean;
  args?: string[];
  initializationOptions?: unknown;
  /** rootUri and workspaceFolders of initialize (default: none). */
  rootUri?: string;
  /** Changes the client capabilities before initialize (e.g. plaintext hovers, watched-files registration). */
  patchCapabilities?: (capabilities: ClientCapabilities) => void;
  /** Another server to start instead (a peer, for benchmarks): its argv, e.g. [node, script, '--stdio']. */
  command?: string[];
  /** Working directory of the server process. */
  cwd?: string;
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** workspace/configuration answers for sections other than `errorCodes` (a peer's own settings). */
  sections?: Record<string, unknown>;
}

export interface TestServer {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Settings returned for `errorCodes` by workspace/configuration; change and notify to apply. */
  settings: Record<string, unknown>;
  /** Server → client notifications and requests seen, by method. */
  received: { method: string; params: unknown }[];
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves when a notification or request with this method arrives (after `since` messages). */
  waitFor(method: string, predicate?: (params: unknown) => boolean, timeoutMs?: number): Promise<unknown>;
  stop(): Promise<void>;
}

export const LANGUAGE_IDS: Record<string, string> = { ts: 'typescript', json: 'json', log: 'log', js: 'javascript' };

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const [cmd, ...argv] = options.command ?? [process.execPath, serverPath, '--stdio', ...(options.args ?? [])];
  const child = spawn(cmd, argv, { stdio: 'pipe', cwd: options.cwd, env: options.env ? { ...process.env, ...options.env } : undefined });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const received: { method: string; params: unknown }[] = [];
  const waiters: { method: string; predicate?: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const settings: Record<string, unknown> = {};
  const seen = (method: string, params: unknown) => {
    received.push({ method, params });
    for (const w of [...waiters]) {
      if (w.method === method && (!w.predicate || w.predicate(params))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  };
  connection.onNotification((method: string, params: unknown) => seen(method, params));
  // `$/progress` goes to progress handlers, not the catch-all; kept under its method like the others.
  connection.onUnhandledProgress((p) => seen('$/progress', p));
  connection.onRequest((method: string, params: unknown) => {
    seen(method, params);
    if (method === 'workspace/configuration') {
      const items = (params as { items: { section?: string }[] }).items;
      return items.map((i) => (i.section === 'errorCodes' ? settings : (options.sections?.[i.section ?? ''] ?? null)));
    }
    return null;
  });
  connection.listen();

  const capabilities: ClientCapabilities = {
    workspace: {
      configuration: options.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      diagnostics: { refreshSupport: true },
    },
    textDocument: {
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: false } },
      ...((options.pullDiagnostics ?? true) ? { diagnostic: { dynamicRegistration: false } } : {}),
      publishDiagnostics: { versionSupport: true },
      synchronization: { didSave: false },
    },
  };
  options.patchCapabilities?.(capabilities);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    ...(options.rootUri ? { workspaceFolders: [{ uri: options.rootUri, name: 'ws' }] } : {}),
    capabilities,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    process: child,
    settings,
    received,
    stderr: () => stderr,
    exited,
    waitFor(method, predicate, timeoutMs = 5000) {
      const already = received.find((r) => r.method === method && (!predicate || predicate(r.params)));
      if (already) return Promise.resolve(already.params);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`)), timeoutMs);
        waiters.push({ method, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    async stop() {
      if (child.exitCode === null) {
        try {
          await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
          await connection.sendNotification('exit');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      connection.dispose();
    },
  };
}

export async function open(server: TestServer, uri: string, languageId: string, text: string, version = 1): Promise<void> {
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs` naming `what`. */
export async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
