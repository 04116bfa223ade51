/**
 * `npm run bench`: latency, throughput and memory of the built server (dist/server.js over stdio), each beside a
 * baseline measured in the same run: the standard JSON language server, a RegExp alternation of every registry code,
 * ripgrep where installed. Prints a table and writes bench/results.json. Goals are checked and reported, not asserted:
 * the tests assert behaviour; this measures speed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { Lexer, Parser } from 'yaml';
import { loadBuiltinRegistry, Registry } from '../server/src/registry';
import { scan, scanContext } from '../server/src/service/analysis';
import { tokenizePhp } from '../server/src/service/tokenizePhp';
import { tokenizePython } from '../server/src/service/tokenizePython';
import { defaultSettings } from '../server/src/settings';
import { open, startServer, type TestServer } from '../test/lspClient';
import { percentile, rssOf } from '../test/stats';
import { fixtures, grammar } from '../test/tokenizers/oracle';
import { benchCli } from './cli';
import { compareResults, NOISE, type BenchFigure } from './compare';
import { updatePerformanceDoc, type BenchResult, type BenchRun } from './docs';
import { benchIndex } from './index';
import { openApiYaml, rng, tsSource, vendorJson, vendorLog } from './generate';
import { benchSummary } from './summary';

const root = path.resolve(__dirname, '..', '..');
const registry = loadBuiltinRegistry(path.join(root, 'data', 'registry'));
const results: BenchResult[] = [];
/** The part being run: every figure is filed under it (results.json, the performance docs' blocks). */
let currentPart = 'registry';
const runDate = new Date().toISOString();

function record(name: string, value: number, unit: string, goal?: { text: string; pass: boolean }, note?: string): void {
  results.push({ name, value: Math.round(value * 100) / 100, unit, goal: goal?.text, pass: goal?.pass, note, part: currentPart, date: runDate });
  const mark = goal ? (goal.pass ? 'pass' : 'MISS') : '';
  console.log(`${name.padEnd(58)} ${value.toFixed(2).padStart(10)} ${unit.padEnd(6)} ${(goal?.text ?? '').padEnd(24)} ${mark}${note ? `  (${note})` : ''}`);
}

/** Positions for hovers: half on codes (found by the same rules' shapes), half anywhere. */
function hoverPositions(text: string, count: number, seed: number): { line: number; character: number }[] {
  const r = rng(seed);
  const lines = text.split('\n');
  const out: { line: number; character: number }[] = [];
  const codeRe = /"(?:status|code|statusCode|error_code)":\s?"?(\d+)|"code":\s?"([A-Z_]+)"/g;
  for (let attempts = 0; out.length < count; attempts++) {
    if (attempts > count * 1000) throw new Error('no code positions found in the generated JSON');
    const line = Math.floor(r() * lines.length);
    const l = lines[line];
    if (out.length % 2 === 0) {
      codeRe.lastIndex = 0;
      const m = codeRe.exec(l);
      if (!m) continue;
      out.push({ line, character: m.index + m[0].length - 1 });
    } else out.push({ line, character: Math.floor(r() * Math.max(1, l.length)) });
  }
  return out;
}

async function hoverLatencies(server: TestServer, uri: string, positions: { line: number; character: number }[], warmup: { line: number; character: number }[]): Promise<number[]> {
  // Untimed first: the first hover parses the file, the next ones compile the hover path (both servers alike).
  for (const position of warmup) await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  const times: number[] = [];
  for (const position of positions) {
    const s = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    times.push(performance.now() - s);
  }
  return times;
}

async function benchHover(): Promise<void> {
  const text = vendorJson(10 * 1024 * 1024, 7);
  const positions = hoverPositions(text, 300, 11);
  const warmup = hoverPositions(text, 30, 12);
  const uri = 'file:///bench/responses.json';
  const ours = await startServer();
  await open(ours, uri, 'json', text);
  const ourTimes = await hoverLatencies(ours, uri, positions, warmup);
  // The floor: the same round trip for a request with no work to do (a hover in a document that is not open).
  const floor = await hoverLatencies(ours, 'file:///bench/not-open.json', positions, warmup);
  await ours.stop();
  const peerBin = path.join(root, 'node_modules', 'vscode-langservers-extracted', 'bin', 'vscode-json-language-server');
  const peer = await startServer({ command: [process.execPath, peerBin, '--stdio'], configuration: false });
  await open(peer, uri, 'json', text);
  const peerTimes = await hoverLatencies(peer, uri, positions, warmup);
  await peer.stop();
  const ourP99 = percentile(ourTimes, 0.99);
  const peerP99 = percentile(peerTimes, 0.99);
  record('hover p50, 10 MB JSON (ours)', percentile(ourTimes, 0.5), 'ms');
  record('hover p99, 10 MB JSON (ours)', ourP99, 'ms');
  record('hover p50, 10 MB JSON (vscode-json-language-server)', percentile(peerTimes, 0.5), 'ms');
  record('hover p99, 10 MB JSON (vscode-json-language-server)', peerP99, 'ms');
  record('hover p99 ratio ours / peer', ourP99 / peerP99, 'x', { text: '<= 0.5', pass: ourP99 / peerP99 <= 0.5 });
  record('round trip with no work (floor), p50', percentile(floor, 0.5), 'ms');
  record('round trip with no work (floor), p99', percentile(floor, 0.99), 'ms', undefined, 'what p99 costs before any hover work');
}

/**
 * Inlay hints beside the hover, on the same 10 MB log and the same server: a hint request asks for a screen of lines
 * (60, as an editor does for its visible range) and reads the cached analysis, as a hover does. Hovers on code
 * positions (found by the log's own shapes) and hint ranges at random lines; both untimed first (the first request
 * scans the file).
 */
async function benchInlayHints(): Promise<void> {
  const text = vendorLog(10 * 1024 * 1024, 10);
  const lines = text.split('\n');
  const r = rng(31);
  const codeRe = /(?:status|upstream_status)=(\d+)|HTTP\/1\.1" (\d+)/;
  const hovers: { line: number; character: number }[] = [];
  while (hovers.length < 300) {
    const line = Math.floor(r() * lines.length);
    const m = codeRe.exec(lines[line]);
    if (m) hovers.push({ line, character: m.index + m[0].length - 1 });
  }
  const ranges = Array.from({ length: 300 }, () => {
    const line = Math.floor(r() * (lines.length - 60));
    return { start: { line, character: 0 }, end: { line: line + 60, character: 0 } };
  });
  const uri = 'file:///bench/hints.log';
  const server = await startServer({ patchCapabilities: (c) => (c.textDocument!.inlayHint = {}) });
  await open(server, uri, 'log', text);
  const hoverTimes = await hoverLatencies(server, uri, hovers, hovers.slice(0, 30));
  for (const range of ranges.slice(0, 30)) await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
  const hintTimes: number[] = [];
  let hints = 0;
  for (const range of ranges) {
    const s = performance.now();
    const answer = (await server.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range })) as unknown[] | null;
    hintTimes.push(performance.now() - s);
    hints += answer?.length ?? 0;
  }
  await server.stop();
  if (!hints) throw new Error('the inlay hint requests on the 10 MB log answered no hint');
  record('hover p50, 10 MB log (ours)', percentile(hoverTimes, 0.5), 'ms');
  record('hover p99, 10 MB log (ours)', percentile(hoverTimes, 0.99), 'ms');
  record('inlay hints p50, 60 lines of a 10 MB log (ours)', percentile(hintTimes, 0.5), 'ms', undefined, `${(hints / ranges.length).toFixed(1)} hints a request`);
  record('inlay hints p99, 60 lines of a 10 MB log (ours)', percentile(hintTimes, 0.99), 'ms');
}

async function benchDiagnostics(): Promise<void> {
  const server = await startServer({ initializationOptions: { diagnosticsDelayMs: 150 } });
  for (const [mb, goal] of [[1, 60], [10, 300], [49, 1500]] as const) {
    const text = vendorLog(mb * 1024 * 1024, mb);
    const uri = `file:///bench/gateway-${mb}.log`;
    // Transport alone: the same payload sent as a request the server rejects without work.
    const t0 = performance.now();
    await server.connection.sendRequest('errorCodes/echo', { text }).catch(() => undefined);
    const transport = performance.now() - t0;
    const s = performance.now();
    await open(server, uri, 'log', text);
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const ms = performance.now() - s;
    record(`time to diagnostics, ${mb} MB log`, ms, 'ms', { text: `<= ${goal} ms`, pass: ms <= goal }, `JSON-RPC transport ~${transport.toFixed(0)} ms`);
    if (mb === 10) {
      // Edit loop: one character typed, then fresh diagnostics; the 150 ms typing debounce is subtracted. Seven
      // edits on different lines; the first (cold code) is reported beside the median.
      const loops: number[] = [];
      for (let k = 0; k < 7; k++) {
        const e = performance.now();
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 + k },
          contentChanges: [{ range: { start: { line: 5 + 1000 * k, character: 0 }, end: { line: 5 + 1000 * k, character: 0 } }, text: 'x' }],
        });
        await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        loops.push(performance.now() - e - 150);
      }
      const loop = percentile(loops, 0.5);
      record('edit loop, 10 MB log (after the 150 ms debounce), median of 7', loop, 'ms', { text: '<= 50 ms', pass: loop <= 50 }, `first ${loops[0].toFixed(0)} ms`);
    }
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await server.stop();
  // Memory: a server of its own opens the 49 MB log and answers its diagnostics, so the peak is that log's alone
  // (the server above also held the other logs and the transport probe's 49 MB message).
  const fresh = await startServer({ initializationOptions: { diagnosticsDelayMs: 150 } });
  const uri = 'file:///bench/gateway-49.log';
  await open(fresh, uri, 'log', vendorLog(49 * 1024 * 1024, 49));
  await fresh.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const { hwm } = rssOf(fresh.process.pid!);
  const limit = 60 + 3 * 49;
  record('peak RSS with the 49 MB log', hwm, 'MB', { text: `<= ${limit} MB`, pass: hwm <= limit }, 'a server of its own');
  await fresh.stop();
}

/** MB/s of the median of `reps` runs, after three untimed runs that let V8 finish compiling the code under test. */
function throughput(text: string, run: () => unknown, reps = 7): number {
  for (let k = 0; k < 3; k++) run();
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const s = performance.now();
    run();
    times.push(performance.now() - s);
  }
  const mbps = text.length / 1048576 / (percentile(times, 0.5) / 1000);
  return mbps;
}

function syntheticRegistry(extra: number): Registry {
  const entries = Array.from({ length: extra }, (_, i) => ({ code: String(10000 + i * 7), name: `SYN_CODE_${i}`, title: `Synthetic ${i}`, description: 'd', category: 'c' }));
  const builtin = [...registry.vendors.values()].map((v) => ({ data: { vendor: { id: v.id }, entries: v.entries }, origin: 'builtin' as const, file: 'x' }));
  return new Registry([...builtin, { data: { vendor: { id: 'synthetic' }, entries }, origin: 'workspace', file: 'syn' }]);
}

function benchScanner(): void {
  const text = vendorLog(10 * 1024 * 1024, 3);
  const ctx = scanContext(registry, defaultSettings);
  const ours = throughput(text, () => scan('log', text, ctx));
  const codes = [...registry.numericTokens, ...registry.symbolicTokens];
  const alternation = new RegExp(`\\b(?:${codes.sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
  const baseline = throughput(text, () => text.match(alternation)?.length);
  record('scanner throughput, 10 MB log (in-process)', ours, 'MB/s', { text: '>= 200 MB/s (ours)', pass: ours >= 200 });
  record(`RegExp alternation of all ${codes.length} registry codes`, baseline, 'MB/s');
  record('scanner / RegExp baseline', ours / baseline, 'x', { text: '>= 0.8', pass: ours / baseline >= 0.8 });
  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (rg.status === 0) {
    const file = path.join(os.tmpdir(), 'bench-scan.log');
    fs.writeFileSync(file, text);
    const pattern = `\\b(?:${codes.join('|')})\\b`;
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const s = performance.now();
      execFileSync('rg', ['-c', pattern, file]);
      times.push(performance.now() - s);
    }
    const rgMbps = text.length / 1048576 / (percentile(times, 0.5) / 1000);
    record('rg -c with the same alternation (process incl. start-up)', rgMbps, 'MB/s');
    record('scanner / rg', ours / rgMbps, 'x');
    fs.rmSync(file);
  } else {
    console.log('rg -c: ripgrep is not installed (apt-get install ripgrep); no figure');
  }
  const big = syntheticRegistry(3000 - codes.length + 300);
  const bigCtx = scanContext(big, defaultSettings);
  const with3000 = throughput(text, () => scan('log', text, bigCtx));
  record(`scanner with ${big.numericTokens.length + big.symbolicTokens.length} codes / with ${codes.length}`, with3000 / ours, 'x', { text: '>= 0.8 (no cliff)', pass: with3000 / ours >= 0.8 });
  const bigAlternation = new RegExp(`\\b(?:${[...big.numericTokens, ...big.symbolicTokens].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
  const bigBaseline = throughput(text, () => text.match(bigAlternation)?.length);
  record('RegExp alternation with 3,000 codes / with the registry', bigBaseline / baseline, 'x', undefined, 'the cliff a big alternation has');
}

/** Real code of a language repeated to about `bytes`: the grammar-oracle fixtures, or for TS this project's own sources. */
function realCode(lang: 'python' | 'php' | 'ts', bytes: number): string {
  let files: string[];
  if (lang === 'ts') {
    const dir = path.join(root, 'server', 'src');
    files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  } else files = fixtures(root).filter((f) => f.lang === lang).map((f) => f.text);
  const parts: string[] = [];
  for (let size = 0, k = 0; size < bytes; k++) {
    parts.push(files[k % files.length]);
    size += files[k % files.length].length + 1;
  }
  return parts.join('\n');
}

/**
 * Scanner and tokenizer throughput per language on the same amount of real code, beside the TS scanner (goal: no
 * scanner below half of it), and the tree-sitter grammar each tokenizer is checked against, as what a parse would cost.
 */
async function benchTokenizers(): Promise<void> {
  const mb = 4;
  const ctx = scanContext(registry, defaultSettings);
  const tsText = realCode('ts', mb * 1048576);
  const tsScanner = throughput(tsText, () => scan('ts', tsText, ctx));
  record(`TS scanner, ${mb} MB of this project's sources`, tsScanner, 'MB/s');
  const tokenizers = { python: tokenizePython, php: tokenizePhp };
  for (const lang of ['python', 'php'] as const) {
    const text = realCode(lang, mb * 1048576);
    const scanner = throughput(text, () => scan(lang, text, ctx));
    const ratio = scanner / tsScanner;
    record(`${lang} scanner, ${mb} MB of real ${lang} files`, scanner, 'MB/s');
    record(`${lang} scanner / TS scanner`, ratio, 'x', { text: '>= 0.5', pass: ratio >= 0.5 });
    const tok = tokenizers[lang];
    const tokenizer = throughput(text, () => tok(text));
    record(`${lang} tokenizer alone, same text`, tokenizer, 'MB/s');
    const parser = await grammar(lang);
    const g = throughput(text, () => parser.parse(text)?.delete(), 3);
    record(`${lang} tree-sitter parse (the test oracle), same text`, g, 'MB/s', undefined, `scanner is ${(scanner / g).toFixed(1)}x`);
  }
}

async function benchCompletionAndStartup(): Promise<void> {
  const starts: number[] = [];
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    const server = await startServer();
    starts.push(performance.now() - s);
    if (k < 4) await server.stop();
    else {
      await new Promise((r) => setTimeout(r, 500));
      const { rss } = rssOf(server.process.pid!);
      record('idle RSS after initialize', rss, 'MB', { text: '<= 60 MB', pass: rss <= 60 });
      const uri = 'file:///bench/complete.ts';
      const lines = Array.from({ length: 2000 }, (_, i) => `if (res.statusCode === ${i % 5 ? '4' : ''}) {} const e = { errorCode: 'ERROR_${i % 3 ? 'NO' : ''}' };`);
      await open(server, uri, 'typescript', lines.join('\n'));
      const times: number[] = [];
      const r = rng(5);
      for (let n = 0; n < 300; n++) {
        const line = Math.floor(r() * lines.length);
        const character = n % 2 ? lines[line].indexOf('===') + 4 + (line % 5 ? 1 : 0) : lines[line].indexOf("'ERROR_") + 7 + (line % 3 ? 2 : 0);
        const s = performance.now();
        const source = new CancellationTokenSource();
        await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } }, source.token);
        times.push(performance.now() - s);
      }
      record('completion p50, full registry', percentile(times, 0.5), 'ms');
      record('completion p99, full registry', percentile(times, 0.99), 'ms');
      await server.stop();
    }
  }
  const init = percentile(starts, 0.5);
  record('spawn + initialize (median of 5)', init, 'ms', { text: '<= 150 ms', pass: init <= 150 });
}

/** Line and character of a responses key about half-way through the generated OpenAPI document. */
function responsesKeyPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const m = /^ {8}'(\d{3})':$/.exec(lines[line]);
    if (m) return { line, character: 10 };
  }
  throw new Error('no responses key in the generated OpenAPI document');
}

/** didOpen, then at once a hover on a responses key: the time until the answer (the first hover parses the file). */
async function firstHover(server: TestServer, uri: string, text: string, position: { line: number; character: number }): Promise<{ ms: number; hover: unknown }> {
  const s = performance.now();
  await open(server, uri, 'yaml', text);
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  return { ms: performance.now() - s, hover };
}

async function benchYaml(): Promise<void> {
  const text = openApiYaml(9 * 1024 * 1024, 9);
  const mb = text.length / 1048576;
  const position = responsesKeyPosition(text);
  const uri = 'file:///bench/openapi.yaml';
  // The peer with its schema store and CRD store off (no network), its proxy pointed at a closed loopback port.
  const yamlSettings = { schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, validate: true, hover: true, completion: true };
  const peerBin = path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  // Fresh servers, ours and theirs in turns, twice; the mean of each.
  const mine: number[] = [];
  const theirs: number[] = [];
  let theirHover: unknown;
  for (let round = 0; round < 2; round++) {
    const ours = await startServer();
    const a = await firstHover(ours, uri, text, position);
    await ours.stop();
    const value = (a.hover as { contents?: { value?: string } } | null)?.contents?.value ?? '';
    if (!/ · HTTP/.test(value)) throw new Error(`our hover on the responses key answered ${JSON.stringify(value.slice(0, 80))}`);
    mine.push(a.ms);
    const peer = await startServer({ command: [process.execPath, peerBin, '--stdio'], sections: { yaml: yamlSettings, http: { proxy: 'http://127.0.0.1:9', proxyStrictSSL: true } } });
    await peer.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
    const b = await firstHover(peer, uri, text, position);
    await peer.stop();
    theirs.push(b.ms);
    theirHover = b.hover;
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ourMs = mean(mine);
  const theirMs = mean(theirs);
  record(`first hover after didOpen, ${mb.toFixed(1)} MB OpenAPI YAML (ours)`, ourMs, 'ms', undefined, `runs ${mine.map((m) => m.toFixed(0)).join(', ')}`);
  record(`first hover after didOpen, ${mb.toFixed(1)} MB OpenAPI YAML (yaml-language-server)`, theirMs, 'ms', undefined, `runs ${theirs.map((m) => m.toFixed(0)).join(', ')}; ${theirHover === null ? 'answered null: no schema' : 'answered a hover'}`);
  const ratio = ourMs / theirMs;
  record('first hover ratio ours / yaml-language-server', ratio, 'x', { text: '<= 0.25', pass: ratio <= 0.25 });

  // Scanner throughput in-process, beside the TypeScript scanner on the same amount of text. The four are timed in
  // turns, round after round, so a change in the machine's load falls on all of them alike.
  const ctx = scanContext(registry, defaultSettings);
  const ts = tsSource(text.length, 9);
  const runs: Record<string, [string, () => unknown]> = {
    yaml: [text, () => scan('yaml', text, ctx)],
    lexer: [text, () => {
      let n = 0;
      for (const _ of new Lexer().lex(text)) n++;
      return n;
    }],
    cst: [text, () => [...new Parser().parse(text)].length],
    ts: [ts, () => scan('ts', ts, ctx)],
  };
  const times: Record<string, number[]> = { yaml: [], lexer: [], cst: [], ts: [] };
  for (let round = 0; round < 6; round++) {
    for (const [name, [, run]] of Object.entries(runs)) {
      const s = performance.now();
      run();
      if (round > 0) times[name].push(performance.now() - s); // round 0 lets V8 compile
    }
  }
  const mbps = (name: string) => runs[name][0].length / 1048576 / (percentile(times[name], 0.5) / 1000);
  const [yamlMbps, lexMbps, cstMbps, tsMbps] = ['yaml', 'lexer', 'cst', 'ts'].map(mbps);
  record(`YAML scanner throughput, ${mb.toFixed(1)} MB OpenAPI (in-process, median of 5)`, yamlMbps, 'MB/s');
  record("  the yaml package's lexer alone, same text", lexMbps, 'MB/s', undefined, 'the bound of our scanner');
  record("  the yaml package's CST parser, same text", cstMbps, 'MB/s', undefined, 'the alternative we did not take');
  record(`TypeScript scanner throughput, ${(ts.length / 1048576).toFixed(1)} MB TS (in-process, median of 5)`, tsMbps, 'MB/s');
  record('YAML scanner / TypeScript scanner', yamlMbps / tsMbps, 'x', undefined, 'reported, not a goal for YAML (see README)');
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run node esbuild.mjs');
  const loadStart = performance.now();
  loadBuiltinRegistry(path.join(root, 'data', 'registry'));
  record('built-in registry load (in-process, warm)', performance.now() - loadStart, 'ms', { text: '<= 20 ms', pass: performance.now() - loadStart <= 20 });
  // `npm run bench -- scanner hover summary` runs only those parts; their figures replace theirs in results.json.
  const parts = process.argv.slice(2);
  const want = (part: string) => {
    if (parts.length && !parts.includes(part)) return false;
    currentPart = part;
    return true;
  };
  if (want('scanner')) benchScanner();
  if (want('hover')) await benchHover();
  if (want('hints')) await benchInlayHints();
  if (want('diagnostics')) await benchDiagnostics();
  if (want('startup')) await benchCompletionAndStartup();
  if (want('cli')) await benchCli(root, registry, record);
  if (want('yaml')) await benchYaml();
  if (want('tokenizers')) await benchTokenizers();
  if (want('summary')) benchSummary(root, registry, record);
  if (want('index')) await benchIndex(registry, record);
  // Every run, partial or full, says what changed against the last committed results.
  const committed = spawnSync('git', ['show', 'HEAD:bench/results.json'], { cwd: root, encoding: 'utf8' });
  if (committed.status === 0) {
    const { lines, worse } = compareResults((JSON.parse(committed.stdout) as { results: BenchFigure[] }).results, results);
    console.log(`\nagainst the committed bench/results.json (ratios beyond ±${NOISE * 100} % marked):`);
    for (const line of lines) console.log(line);
    if (worse.length) console.log(`worse: ${worse.join('; ')}`);
  }
  // A partial run keeps the other parts' figures (each with its own date); a full run replaces them all.
  const file = path.join(root, 'bench', 'results.json');
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRun).results : [];
  const ran = new Set(results.map((r) => r.part));
  const kept = parts.length ? previous.filter((r) => r.part !== undefined && !ran.has(r.part)) : [];
  const out: BenchRun = {
    date: runDate,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
    node: process.version,
    results: [...kept, ...results],
  };
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  const doc = path.join(root, 'docs', 'performance.md');
  fs.writeFileSync(doc, updatePerformanceDoc(fs.readFileSync(doc, 'utf8'), out));
  const missed = results.filter((r) => r.pass === false).map((r) => r.name);
  console.log(`\n${results.filter((r) => r.pass).length} goals met, ${missed.length} missed${missed.length ? `: ${missed.join('; ')}` : ''}`);
  console.log('wrote bench/results.json and the figures of docs/performance.md');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
