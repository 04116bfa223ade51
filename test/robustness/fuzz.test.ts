/**
 * Our own LSP fuzzer (issue 19): random sessions of opens (mutated fixtures), edits with valid and invalid ranges,
 * every request and custom request, cancellations, garbage settings, junk params and custom notifications.
 * Oracles: the process stays up; every request answers or is cancelled within 2 s; every range is valid for the text
 * (no split surrogate pair); the server's text is the client's; afterwards diagnostics and hovers equal a fresh
 * open's, and are the same when every line break is CRLF or CR; nothing the server catches is logged as an error; no hover
 * speaks of the workspace's use of a code (the fuzzed server has no workspace folder, so no index).
 *
 * Knobs: FUZZ_SECONDS (budget, default 45), FUZZ_SEED (default fixed), FUZZ_REPLAY=file (run one saved case).
 * A failing case is shrunk by fast-check and written to test-results/fuzz/ as JSON that FUZZ_REPLAY runs again.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { figures, runSession, sessionArb, startServers, stopServers, type Step } from './fuzzSession';

const root = path.resolve(__dirname, '..', '..', '..');
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 45);
const SEED = Number(process.env.FUZZ_SEED ?? 19_2026);
const REPLAY = process.env.FUZZ_REPLAY;

after(() => stopServers());

describe('robustness: fuzzer', () => {
  if (REPLAY) {
    it(`replays ${REPLAY}`, async () => {
      const saved = JSON.parse(fs.readFileSync(REPLAY, 'utf8')) as { steps: Step[] };
      await runSession(saved.steps);
    });
    return;
  }

  it(`random sessions for ${SECONDS} s (seed ${SEED}) find no fault`, { timeout: (SECONDS + 300) * 1000 }, async () => {
    await startServers();
    const started = Date.now();
    const result = await fc.check(fc.asyncProperty(sessionArb, (steps) => runSession(steps)), {
      seed: SEED,
      numRuns: Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: SECONDS * 1000,
      markInterruptAsFailure: false,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    let saved = '';
    if (result.failed && result.counterexample) {
      figures.faults++;
      const dir = path.join(root, 'test-results', 'fuzz');
      fs.mkdirSync(dir, { recursive: true });
      saved = path.join(dir, `seed-${SEED}-${Date.now()}.json`);
      const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      fs.writeFileSync(saved, JSON.stringify({ seed: SEED, path: result.counterexamplePath, error, steps: result.counterexample[0] }, null, 1) + '\n');
    }
    console.log(
      `fuzz: seed ${SEED}, ${seconds} s: ${figures.sessions} sessions, ${figures.steps} steps, ${figures.requests} requests (${figures.cancelled} cancelled), ` +
        `${figures.faults} faults, ${figures.restarts} server restarts${saved ? `; shrunk case: ${saved} (replay: FUZZ_REPLAY=${saved})` : ''}`,
    );
    assert.ok(!result.failed, `fuzz found a fault (seed ${SEED}); shrunk case in ${saved}:\n${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`);
    assert.ok(figures.sessions > 0, 'at least one session ran');
  });
});
