/**
 * The fuzzer's client: raw frames over stdio (so junk params go out exactly as generated), responses by id, the
 * server's configuration requests answered from a settings value the fuzzer may set to anything.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { serverPath } from '../lspClient';
import { frame } from './raw';

export interface Response {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

export class FuzzClient {
  readonly child: ChildProcessWithoutNullStreams;
  /** What `workspace/configuration` answers for `errorCodes`: anything the fuzzer set, valid or not. */
  settings: unknown = {};
  /** window/logMessage errors since the last take (the server logs what it caught). */
  private logs: string[] = [];
  private stderrText = '';
  private nextId = 1;
  private readonly waiters = new Map<number, (r: Response) => void>();
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;

  constructor() {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe' });
    this.child.stderr.on('data', (d: Buffer) => (this.stderrText += d.toString()));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    const reader = new StreamMessageReader(this.child.stdout);
    reader.listen((msg) => {
      const m = msg as unknown as { id?: number; method?: string; params?: { type?: number; message?: string; items?: { section?: string }[] } } & Response;
      if (m.method === 'window/logMessage' && m.params?.type === 1) this.logs.push(String(m.params.message));
      if (m.method && m.id !== undefined) {
        // A request from the server: configuration gets the settings, anything else (refresh, register) null.
        const result = m.method === 'workspace/configuration' ? (m.params?.items ?? []).map((i) => (i.section === 'errorCodes' ? this.settings : null)) : null;
        this.write({ jsonrpc: '2.0', id: m.id, result });
      } else if (!m.method && typeof m.id === 'number') {
        this.waiters.get(m.id)?.(m);
        this.waiters.delete(m.id);
      }
    });
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  stderr(): string {
    return this.stderrText;
  }

  /** Error logs since the last call. */
  takeErrorLogs(): string[] {
    const out = this.logs;
    this.logs = [];
    return out;
  }

  private write(message: object): void {
    if (!this.child.stdin.destroyed) this.child.stdin.write(frame(JSON.stringify(message)));
  }

  notify(method: string, params?: unknown): void {
    this.write({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** Sends a request; resolves with its response, or undefined after timeoutMs. */
  request(method: string, params: unknown, timeoutMs: number, options: { cancel?: boolean } = {}): { id: number; response: Promise<Response | undefined> } {
    const id = this.nextId++;
    const response = new Promise<Response | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
    this.write({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    if (options.cancel) this.notify('$/cancelRequest', { id });
    return { id, response };
  }

  async initialize(): Promise<void> {
    const r = await this.request(
      'initialize',
      {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {}, publishDiagnostics: { versionSupport: true } } },
        initializationOptions: { diagnosticsDelayMs: 0 },
      },
      30_000,
    ).response;
    if (!r || r.error) throw new Error(`initialize failed: ${JSON.stringify(r)}; stderr: ${this.stderrText}`);
    this.notify('initialized', {});
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    await this.request('shutdown', undefined, 2000).response;
    this.notify('exit');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}
