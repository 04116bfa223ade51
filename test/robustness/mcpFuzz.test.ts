/**
 * A small fuzzer of the MCP server (issue 29): a fixed number of random tool calls — real tools and unknown ones,
 * plausible arguments and junk (wrong types, paths out of the root, huge and odd strings) — against the packed
 * package's `api-error-codes mcp`. Oracles: every call gets an answer (a result or a protocol error, the connection
 * open), a result is text content plus structured data unless it is an error, no tool throws unexpectedly (stderr),
 * no file of the workspace changes, and the server still explains 404 afterwards.
 *
 * Knobs: MCP_FUZZ_CALLS (default 300), FUZZ_SEED (default fixed).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { installedBin } from '../serverCommand';

const CALLS = Number(process.env.MCP_FUZZ_CALLS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 19_2026);

const FILES: Record<string, string> = {
  'src/kyc.ts': "switch (err.error_code) { case 5004: break; case 8004: break; }\nif (e.reason === 'SELFIE_LIVENESS_FAILD') {}\nres.status(422);\n",
  'src/app.py': 'if resp.status_code == 404:\n    raise Exception("ERROR_NO_FACE_IN_FILE")\n',
  'src/api.php': '<?php http_response_code(503);\n',
  'config/errors.yaml': 'errors:\n  - code: 5004\n    status: 422\n',
  'data/errors.json': '{ "error_code": 5012, "status": 400 }\n',
  'logs/app.log': 'ERROR error_code=5004 status=422\nWARN GET /x 503\n',
  'registry/acme.errorcodes.json': JSON.stringify({ vendor: { id: 'faceki' }, entries: [{ code: '5099', name: 'ACME_EXTRA', title: 'Extra', category: 'Verification' }] }),
};

const TOOLS = ['explain_code', 'find_codes', 'check', 'coverage', 'summarize_log', 'list_codes'];
const pathArb = fc.oneof(
  fc.constantFrom(...Object.keys(FILES), 'src', '.', '', '..', '../..', '/etc/passwd', '/', 'nope.ts', 'src/../../x', 'logs', '\u0000', 'src/kyc.ts/x'),
  fc.string({ maxLength: 40 }),
);
const codeArb = fc.oneof(fc.constantFrom('5004', '404', '218', 'SELFIE_LIVENESS_FAILED', 'ACME_EXTRA', '', '0', '-1', '9'.repeat(300)), fc.string({ maxLength: 30 }));
const vendorArb = fc.oneof(fc.constantFrom('faceki', 'http', 'riset-face', 'ailabtools', 'nope', ''), fc.string({ maxLength: 10 }));
const junk = fc.anything({ maxDepth: 2 });
const field = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });

const callArb = fc.oneof(
  fc.record({ name: fc.constant('explain_code'), arguments: fc.record({ code: field(codeArb), vendor: field(vendorArb) }, { requiredKeys: [] }) }),
  fc.record({
    name: fc.constant('find_codes'),
    arguments: fc.record({ path: field(pathArb), text: field(fc.string({ maxLength: 200 })), language: field(fc.constantFrom('typescript', 'python', 'php', 'json', 'yaml', 'log', 'cobol')) }, { requiredKeys: [] }),
  }),
  fc.record({ name: fc.constant('check'), arguments: fc.record({ paths: field(fc.array(pathArb, { maxLength: 4 })) }, { requiredKeys: [] }) }),
  fc.record({ name: fc.constant('coverage'), arguments: fc.record({ vendor: field(vendorArb) }, { requiredKeys: [] }) }),
  fc.record({ name: fc.constant('summarize_log'), arguments: fc.record({ path: field(pathArb) }, { requiredKeys: [] }) }),
  fc.record({ name: fc.constant('list_codes'), arguments: fc.record({ vendor: field(vendorArb), query: field(fc.string({ maxLength: 40 })) }, { requiredKeys: [] }) }),
  fc.record({ name: fc.oneof(fc.constantFrom(...TOOLS), fc.string({ maxLength: 20 })), arguments: fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }) }),
);

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const abs = path.join(dir, rel);
    if (fs.statSync(abs).isFile()) out[rel] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

describe('robustness: MCP fuzzer', () => {
  let root: string;
  let client: Client;
  let stderr = '';
  let closed = false;

  before(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aec-mcpfuzz-')));
    for (const [rel, text] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    const transport = new StdioClientTransport({ command: installedBin('api-error-codes'), args: ['mcp', '--root', root], cwd: os.tmpdir(), stderr: 'pipe' });
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    client = new Client({ name: 'mcp-fuzz', version: '1.0.0' });
    client.onclose = () => (closed = true);
    await client.connect(transport);
  });
  after(async () => {
    await client.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it(`${CALLS} random tool calls (seed ${SEED}) find no fault`, { timeout: 600_000 }, async () => {
    const before = snapshot(root);
    const figures = { results: 0, errors: 0, protocolErrors: 0 };
    const calls = fc.sample(callArb, { seed: SEED, numRuns: CALLS });
    for (const call of calls) {
      const label = JSON.stringify(call).slice(0, 200);
      try {
        const r = (await client.callTool(call as { name: string; arguments: Record<string, unknown> })) as { isError?: boolean; content: { type: string; text: string }[]; structuredContent?: unknown };
        assert.ok(Array.isArray(r.content) && r.content.length > 0 && r.content.every((c) => c.type === 'text' && typeof c.text === 'string'), label);
        if (r.isError) figures.errors++;
        else {
          figures.results++;
          assert.equal(typeof r.structuredContent, 'object', label);
        }
      } catch (e) {
        // A JSON-RPC error is an answer too; a closed connection is not.
        assert.ok(!closed, `the server went away after ${label}: ${String(e)}\n${stderr}`);
        figures.protocolErrors++;
      }
    }
    console.log(`mcp fuzz: seed ${SEED}: ${CALLS} calls, ${figures.results} results, ${figures.errors} tool errors, ${figures.protocolErrors} protocol errors`);
    assert.deepEqual(snapshot(root), before, 'no file was written or changed');
    assert.doesNotMatch(stderr, / failed: /, 'no tool failed unexpectedly');
    const alive = (await client.callTool({ name: 'explain_code', arguments: { code: '404', vendor: 'http' } })) as { isError?: boolean };
    assert.ok(!alive.isError && !closed, 'still answering');
    assert.ok(figures.results > CALLS / 10 && figures.errors > CALLS / 10, 'both answers and refusals were exercised');
  });
});
