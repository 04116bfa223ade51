/** The performance docs' figures come from bench/results.json (bench/docs.ts), and the committed doc says what the committed results do. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { documentedParts, renderFigures, updatePerformanceDoc, type BenchRun } from '../../bench/docs';
import { root } from '../helpers';

const run: BenchRun = {
  date: '2026-12-07T14:00:00.000Z',
  machine: { cpus: 2, model: 'AMD EPYC', memoryGB: 24, platform: 'linux' },
  node: 'v20.20.2',
  results: [
    { name: 'scanner throughput', value: 121.254, unit: 'MB/s', goal: '>= 250 MB/s', pass: false, part: 'scanner' },
    { name: 'scanner / rg', value: 0.372, unit: 'x', part: 'scanner' },
    { name: 'hover p99 | ours', value: 4.3, unit: 'ms', goal: '<= 5 ms', pass: true, note: 'same run', part: 'hover' },
    { name: 'first hover', value: 1405.2, unit: 'ms', part: 'yaml' },
  ],
};

describe('performance docs from bench results', () => {
  it('renders the named parts as a table with goals and verdicts, escaping pipes', () => {
    assert.equal(
      renderFigures(run, ['scanner', 'hover']),
      [
        'Run of 2026-12-07 on 2 × AMD EPYC, 24 GB, Node v20.20.2 (`bench/results.json`; generated, do not edit):',
        '',
        '| measure | value | goal | |',
        '| --- | --- | --- | --- |',
        '| scanner throughput | 121 MB/s | >= 250 MB/s | **missed** |',
        '| scanner / rg | 0.37 × |  |  |',
        '| hover p99 \\| ours (same run) | 4.3 ms | <= 5 ms | met |',
        '',
      ].join('\n'),
    );
  });
  it('rewrites every block of the doc and nothing else', () => {
    const doc = 'intro 1.0 MB/s\n<!-- bench:figures yaml -->\nold table\n<!-- /bench:figures -->\nprose\n<!-- bench:figures scanner -->\n<!-- /bench:figures -->\n';
    const out = updatePerformanceDoc(doc, run);
    assert.ok(out.startsWith('intro 1.0 MB/s\n<!-- bench:figures yaml -->\nRun of 2026-12-07'));
    assert.match(out, /\| first hover \| 1,405 ms \|/);
    assert.match(out, /prose\n<!-- bench:figures scanner -->\nRun of/);
    assert.doesNotMatch(out, /old table/);
    assert.deepEqual(documentedParts(doc), ['yaml', 'scanner']);
  });
  it('the committed docs/performance.md shows the committed bench/results.json, every block with figures', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'performance.md'), 'utf8');
    const committed = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8')) as BenchRun;
    const parts = documentedParts(doc);
    assert.ok(parts.length >= 3, 'the doc has figures blocks');
    for (const part of parts) assert.ok(committed.results.some((r) => r.part === part), `no figures of ${part} in bench/results.json`);
    assert.equal(doc, updatePerformanceDoc(doc, committed), 'docs/performance.md differs from bench/results.json: run `npm run bench` (a full run rewrites it)');
  });
});
