/**
 * The stdio transport with one difference from the library's: a broken frame ends the process instead of leaving it
 * alive but deaf. vscode-jsonrpc's reader, given a header without Content-Length, drops the header and reads the
 * body as the next header, and after a short frame it reads the next frame's header as body; from then on nothing
 * is understood and nothing answers, so the client never learns it should restart the server. Exiting with code 1
 * lets it restart. A frame that is intact but holds malformed JSON is logged and skipped: the stream is still aligned.
 */
import { StreamMessageReader, StreamMessageWriter, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { TextDecoder } from 'util';

/** Exit code when the byte stream can no longer be trusted. */
export const EXIT_BROKEN_STREAM = 1;

class MisalignedStream extends Error {}

/** Decodes a JSON body; a body that holds another frame's header shows the stream has lost its place. */
const jsonDecoder = {
  name: 'application/json',
  decode(buffer: Uint8Array, options: { charset: string }): Promise<Message> {
    const text = new TextDecoder(options.charset).decode(buffer);
    try {
      return Promise.resolve(JSON.parse(text) as Message);
    } catch (e) {
      if (/Content-Length\s*:/i.test(text)) return Promise.reject(new MisalignedStream('a message body contains a frame header'));
      return Promise.reject(e);
    }
  },
};

/** Framing errors of the library's reader (see messageReader.js) and ours. */
function isFramingError(e: Error): boolean {
  return e instanceof MisalignedStream || /Content-Length|Message header must separate key and value/.test(e.message);
}

export function stdioTransport(log: (message: string) => void): [MessageReader, MessageWriter] {
  const reader = new StreamMessageReader(process.stdin, { charset: 'utf-8', contentTypeDecoder: jsonDecoder });
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    if (isFramingError(e)) {
      log(`The message stream is broken (${e.message.split('\n')[0]}); exiting so the client restarts the server.`);
      process.exit(EXIT_BROKEN_STREAM);
    }
    log(`Skipped a malformed message: ${e.message}`);
  });
  return [reader, writer];
}
