/**
 * The stdio transport. Two differences from vscode-jsonrpc's stream reader:
 *
 * - A broken frame ends the process instead of leaving it alive but deaf. The library's reader, given a header without
 *   Content-Length, drops the header and reads the body as the next header, and after a short frame it reads the next
 *   frame's header as body; from then on nothing is understood and nothing answers, so the client never learns it
 *   should restart the server. Exiting with code 1 lets it restart. A frame that is intact but holds malformed JSON is
 *   logged and skipped: the stream is still aligned.
 * - A body is copied once, into a buffer of its Content-Length, as its chunks arrive. The library keeps every chunk
 *   until the body is complete and then copies them into one buffer, so a 49 MB didOpen briefly held two copies of
 *   its bytes beside the decoded string and the parsed message: about 50 MB more peak memory, and a copy's time.
 */
import { AbstractMessageReader, StreamMessageWriter, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { TextDecoder } from 'util';

/** Exit code when the byte stream can no longer be trusted. */
export const EXIT_BROKEN_STREAM = 1;

class BrokenStream extends Error {}
/** A message that was read intact but threw while being dispatched. */
class DispatchError extends Error {}

const HEADER_END = Buffer.from('\r\n\r\n');
/** A header block longer than this is not a header: the stream has lost its place. */
const MAX_HEADER = 8192;

/** Reads Content-Length framed JSON-RPC messages from a byte stream. */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  /** Bytes of a header not yet complete. */
  private header = Buffer.alloc(0);
  /** The body being filled, and how much of it is. */
  private body: Buffer | undefined;
  private filled = 0;
  private charset = 'utf-8';
  private broken = false;

  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer) => this.onData(chunk, callback);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose); // after 'end' too: one close, as the library's reader reports it
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('close', onClose);
      },
    };
  }

  private onData(chunk: Buffer, callback: DataCallback): void {
    let at = 0;
    while (!this.broken) {
      if (!this.body) {
        if (at >= chunk.length) return;
        at = this.readHeader(chunk, at);
        continue;
      }
      const n = Math.min(chunk.length - at, this.body.length - this.filled);
      chunk.copy(this.body, this.filled, at, at + n);
      this.filled += n;
      at += n;
      if (this.filled < this.body.length) return;
      const body = this.body;
      this.body = undefined;
      this.deliver(body, callback);
    }
  }

  /** Consumes header bytes from chunk[at…]; returns where the unread bytes start. */
  private readHeader(chunk: Buffer, at: number): number {
    // Usually the whole header is in this chunk; when it straddles chunks, the kept start is searched with the rest.
    const kept = this.header.length;
    const source = kept ? Buffer.concat([this.header, chunk.subarray(at, at + MAX_HEADER)]) : chunk;
    const start = kept ? 0 : at;
    const end = source.indexOf(HEADER_END, kept ? Math.max(0, kept - 3) : at);
    if (end < 0) {
      if (source.length - start > MAX_HEADER) return this.fail('a message header is longer than 8 KB');
      this.header = Buffer.from(source.subarray(start));
      return chunk.length;
    }
    const next = kept ? at + end + HEADER_END.length - kept : end + HEADER_END.length;
    const lines = source.toString('ascii', start, end).split('\r\n');
    this.header = Buffer.alloc(0);
    let length = -1;
    this.charset = 'utf-8';
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon < 0) return this.fail(`Message header must separate key and value using ':' (${JSON.stringify(line.slice(0, 80))})`);
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-length') {
        if (!/^\d+$/.test(value)) return this.fail(`Content-Length value must be a number. Got ${JSON.stringify(value.slice(0, 40))}`);
        length = Number(value);
      } else if (key === 'content-type') {
        const charset = /charset=([^;\s]+)/i.exec(value)?.[1]?.toLowerCase();
        if (charset) this.charset = charset === 'utf8' ? 'utf-8' : charset;
      }
    }
    if (length < 0) return this.fail('Header must provide a Content-Length property');
    this.body = Buffer.allocUnsafe(length);
    this.filled = 0;
    return next;
  }

  private deliver(body: Buffer, callback: DataCallback): void {
    let text: string;
    try {
      text = this.charset === 'utf-8' ? body.toString('utf8') : new TextDecoder(this.charset).decode(body);
    } catch (e) {
      this.fireError(e);
      return;
    }
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch (e) {
      // A body that holds another frame's header shows the stream has lost its place.
      if (/Content-Length\s*:/i.test(text)) void this.fail('a message body contains a frame header');
      else this.fireError(e);
      return;
    }
    // As in the library's reader: a handler that throws while the connection dispatches (e.g. `$/cancelRequest` without
    // params, whose id it reads first) is reported, not let through to kill the process.
    try {
      callback(message);
    } catch (e) {
      this.fireError(new DispatchError(e instanceof Error ? e.message : String(e)));
    }
  }

  /** Marks the stream broken and reports it; returns an offset past any input, for readHeader's callers. */
  private fail(reason: string): number {
    this.broken = true;
    this.fireError(new BrokenStream(reason));
    return Number.MAX_SAFE_INTEGER;
  }
}

export function stdioTransport(log: (message: string) => void): [MessageReader, MessageWriter] {
  const reader = new FramedMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    if (e instanceof BrokenStream) {
      log(`The message stream is broken (${e.message.split('\n')[0]}); exiting so the client restarts the server.`);
      process.exit(EXIT_BROKEN_STREAM);
    }
    log(e instanceof DispatchError ? `Skipped a message that failed while being dispatched: ${e.message}` : `Skipped a malformed message: ${e.message}`);
  });
  return [reader, writer];
}
