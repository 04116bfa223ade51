/** A raw-bytes client for the robustness tier: frames written by hand, responses read by id. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { serverPath } from '../lspClient';

export interface RawServer {
  child: ChildProcessWithoutNullStreams;
  write(bytes: string | Buffer): void;
  /** Writes one well-formed frame. */
  send(message: object): void;
  request(id: number, method: string, params?: unknown): Promise<{ id: number; result?: unknown; error?: { code: number; message: string } }>;
  /** Resolves with the response to id, or undefined after timeoutMs. */
  response(id: number, timeoutMs?: number): Promise<{ id: number; result?: unknown; error?: { code: number; message: string } } | undefined>;
  exited: Promise<number | null>;
  stderr(): string;
  /** The messages of the server's window/logMessage notifications so far (where connection.console writes). */
  logs(): string;
  kill(): void;
}

export function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

export function startRaw(args: string[] = []): RawServer {
  const child = spawn(process.execPath, [serverPath, '--stdio', ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const responses = new Map<number, { id: number; result?: unknown; error?: { code: number; message: string } }>();
  const waiters = new Map<number, (r: { id: number }) => void>();
  const logs: string[] = [];
  const reader = new StreamMessageReader(child.stdout);
  reader.listen((msg) => {
    const m = msg as { id?: number; method?: string };
    if (m.method === 'window/logMessage') logs.push(String((m as { params?: { message?: unknown } }).params?.message));
    if (typeof m.id === 'number' && !m.method) {
      responses.set(m.id, m as { id: number });
      waiters.get(m.id)?.(m as { id: number });
    } else if (typeof m.id === 'number' && m.method) {
      // A request from the server (configuration, refresh): answer it so the server is not left waiting.
      child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? [null] : null })));
    }
  });
  const write = (bytes: string | Buffer) => {
    if (!child.stdin.destroyed) child.stdin.write(bytes);
  };
  const response: RawServer['response'] = (id, timeoutMs = 5000) =>
    new Promise((resolve) => {
      const done = responses.get(id);
      if (done) return resolve(done);
      const timer = setTimeout(() => {
        waiters.delete(id);
        resolve(undefined);
      }, timeoutMs);
      waiters.set(id, (r) => {
        clearTimeout(timer);
        waiters.delete(id);
        resolve(r as never);
      });
    });
  return {
    child,
    write,
    send: (message) => write(frame(JSON.stringify({ jsonrpc: '2.0', ...message }))),
    request(id, method, params) {
      write(frame(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
      return response(id).then((r) => r ?? { id, error: { code: 0, message: 'no response' } });
    },
    response,
    exited,
    stderr: () => stderr,
    logs: () => logs.join('\n'),
    kill: () => child.kill('SIGKILL'),
  };
}

export async function initialize(server: RawServer, id = 0): Promise<void> {
  const r = await server.request(id, 'initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
  if (r.error) throw new Error(`initialize failed: ${r.error.message}`);
  server.send({ method: 'initialized', params: {} });
}

export const HOVER_DOC = 'file:///r/a.ts';
export function openHoverDoc(server: RawServer): void {
  server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: HOVER_DOC, languageId: 'typescript', version: 1, text: 'res.status(404);' } } });
}
export const hoverParams = { textDocument: { uri: HOVER_DOC }, position: { line: 0, character: 12 } };

/** A server initialized, with the hover document open and a hover answered: the state before a fault is injected. */
export async function ready(): Promise<RawServer> {
  const server = startRaw();
  await initialize(server);
  openHoverDoc(server);
  const r = await server.request(1, 'textDocument/hover', hoverParams);
  if (!r.result) throw new Error(`hover does not work before the fault: ${JSON.stringify(r)}`);
  return server;
}
