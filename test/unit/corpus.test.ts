/**
 * The real-world corpus gate (test/corpus): files from public projects, each with hand-decided labels for every
 * candidate the lexical lister finds. Every file is analysed the way the server does; the test measures recall,
 * precision and vendor accuracy per language and overall, and compares diagnostics with the expected ones.
 * The corpus has two splits (manifest `split`): `dev`, the projects the engine was tuned on, gated here; and `test`,
 * projects held out to measure generalisation, whose figures are printed as totals only (no gate yet, no per-miss
 * output unless CORPUS_REPORT_TEST=1 is also set: looking at the held-out misses would make them dev files).
 * CORPUS_REPORT=1 prints every miss, false positive and diagnostic difference of the dev split.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { candidatesIn, loadTables } from '../../scripts/corpusCandidates';
import { analyze } from '../../server/src/service/analysis';
import { doValidation } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/settings';
import { registry, root } from '../helpers';

interface ManifestRow {
  file: string;
  repo: string;
  commit: string;
  path: string;
  license: string;
  kind: string;
  language: string;
  /** dev: tuned on; test: held out (never look at its misses while changing the engine). */
  split: 'dev' | 'test';
  /** Set on a file that was held out until this date: its misses were read then, so it became dev. */
  heldOutUntil?: string;
  /** Where the bytes were taken from when not from a clone of `repo` at `commit` (a registry package, name@version). */
  source?: string;
  note?: string;
}
interface CodeLabel {
  line: number;
  col: number;
  text: string;
  code: string | null;
  vendor: string | null;
}
interface DiagnosticLabel {
  line: number;
  col: number;
  rule: string;
}
interface Labels {
  codes: CodeLabel[];
  /** Diagnostics a user should see here: any other one fails, and so does one of these missing. */
  diagnostics: DiagnosticLabel[];
  /** Real problems the product keeps quiet about on purpose (invalid statuses in test files); they must not appear either. */
  suppressed?: (DiagnosticLabel & { reason: string })[];
}

const CORPUS = path.join(root, 'test', 'corpus');
const GATES = { precision: 0.99, recall: 0.95, vendor: 0.99 };
const REPORT = process.env.CORPUS_REPORT === '1';
/** Per-miss output of the held-out test split: only on explicit request, never while tuning. */
const REPORT_TEST = REPORT && process.env.CORPUS_REPORT_TEST === '1';
/** Projects kept out of the corpus on purpose (the team's acceptance check): none of their files may be added. */
const RESERVED = [
  /^honojs\/hono$/, /^mswjs\/msw$/, /^sveltejs\/kit$/, /^ctimmerm\/axios-mock-adapter$/, /^nestjs\//, /^vercel\/(ai-chatbot|commerce)$/,
  /^tornadoweb\/tornado$/, /^falconry\/falcon$/, /^sanic-org\/sanic$/, /^litestar-org\/litestar$/, /^lundberg\/respx$/, /^kevin1024\/vcrpy$/,
  /^codeigniter4\/CodeIgniter4$/, /^cakephp\/cakephp$/, /^yiisoft\/yii2$/, /^aws-samples\/serverless-patterns$/, /^netlify\/open-api$/,
  /^twilio\/twilio-oai$/, /^postmanlabs\//, /^sitespeedio\/pagexray$/, /^crowdsecurity\/hub$/, /^elastic\/beats$/,
  /^gin-gonic\/gin$/, /^labstack\/echo$/, /^gofiber\/fiber$/, /^go-chi\/chi$/, /^gorilla\/mux$/, /^valyala\/fasthttp$/, /^go-resty\/resty$/,
  /^jarcoal\/httpmock$/, /^h2non\/gock$/, /^grpc-ecosystem\/grpc-gateway$/, /^twitchtv\/twirp$/, /^connectrpc\/connect-go$/,
  /^go-kratos\/kratos$/, /^kubernetes\/apimachinery$/, /^gothinkster\/golang-gin-realworld-example-app$/,
  /^xesina\/golang-echo-realworld-example-app$/, /^qiangxue\/go-rest-api$/, /^bxcodec\/go-clean-arch$/, /^eddycjy\/go-gin-example$/,
  /^oapi-codegen\/oapi-codegen$/, /^google\/go-github$/, /^stripe\/stripe-go$/, /^sashabaranov\/go-openai$/, /^minio\/minio-go$/,
];

const LANGUAGE_IDS: Record<string, string> = {
  ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript', cjs: 'javascript', json: 'json',
  yaml: 'yaml', yml: 'yaml', py: 'python', php: 'php', log: 'log', go: 'go',
};

/** Language id from the file's extension, as VS Code would pick it. */
function languageIdOf(file: string): string {
  const ext = path.extname(file).slice(1).toLowerCase();
  const id = LANGUAGE_IDS[ext];
  if (!id) throw new Error(`corpus file ${file}: no language id for extension .${ext}`);
  return id;
}

interface Tally {
  files: number;
  labels: number;
  found: number;
  matched: number;
  falsePositives: number;
  vendorRight: number;
  diagnosticsExpected: number;
  diagnosticsWrong: number;
  /** Labelled problems the product keeps quiet about (they must not be reported). */
  diagnosticsSuppressed: number;
  unsupportedFiles: number;
  /** Labels whose text is a number, and how many of them were found; the same for symbolic labels (names, constants). */
  numericLabels: number;
  numericMatched: number;
  symbolicLabels: number;
  symbolicMatched: number;
}
const emptyTally = (): Tally => ({
  files: 0, labels: 0, found: 0, matched: 0, falsePositives: 0, vendorRight: 0, diagnosticsExpected: 0, diagnosticsWrong: 0, diagnosticsSuppressed: 0, unsupportedFiles: 0,
  numericLabels: 0, numericMatched: 0, symbolicLabels: 0, symbolicMatched: 0,
});
const isNumericLabel = (l: CodeLabel) => /^-?\d+$/.test(l.text);

function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(t) as (keyof Tally)[]) into[k] += t[k];
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

interface FileResult {
  row: ManifestRow;
  tally: Tally;
  notes: string[];
  labelErrors: string[];
}

function measure(row: ManifestRow, tables: ReturnType<typeof loadTables>): FileResult {
  const text = fs.readFileSync(path.join(CORPUS, row.file), 'utf8');
  const labelFile = path.join(CORPUS, 'labels', row.file.replace(/^files\//, '') + '.json');
  const labels = JSON.parse(fs.readFileSync(labelFile, 'utf8')) as Labels;
  const doc = TextDocument.create(`file:///corpus/${row.file}`, languageIdOf(row.file), 1, text);
  const lines = text.split('\n');
  const tally = emptyTally();
  tally.files = 1;
  const notes: string[] = [];
  const labelErrors: string[] = [];
  const where = (line: number, col: number) => `${row.file}:${line}:${col}`;
  const lineText = (line: number) => (lines[line - 1] ?? '').trim().slice(0, 120);

  // Labels must point at their text, and every lexical candidate must have a decision.
  const labelled = new Set<string>();
  for (const l of labels.codes) {
    const at = (lines[l.line - 1] ?? '').slice(l.col - 1, l.col - 1 + l.text.length);
    if (at !== l.text) labelErrors.push(`${where(l.line, l.col)}: label text "${l.text}" but the file has "${at}"`);
    if (l.vendor !== null && !l.code) labelErrors.push(`${where(l.line, l.col)}: a code label needs its registry code`);
    labelled.add(`${l.line}:${l.col}`);
  }
  for (const d of [...labels.diagnostics, ...(labels.suppressed ?? [])]) {
    if (!/[\w-]/.test((lines[d.line - 1] ?? '').charAt(d.col - 1))) labelErrors.push(`${where(d.line, d.col)}: diagnostic label points at no token`);
  }
  for (const c of candidatesIn(text, tables)) {
    if (!labelled.has(`${c.line}:${c.col}`)) labelErrors.push(`${where(c.line, c.col)}: candidate "${c.text}" has no label`);
  }

  const codes = labels.codes.filter((l) => l.vendor !== null);
  tally.labels = codes.length;
  tally.numericLabels = codes.filter(isNumericLabel).length;
  tally.symbolicLabels = codes.length - tally.numericLabels;
  tally.diagnosticsSuppressed = labels.suppressed?.length ?? 0;
  const offsetOf = (l: { line: number; col: number }) => doc.offsetAt({ line: l.line - 1, character: l.col - 1 });
  const labelAt = new Map(codes.map((l) => [offsetOf(l), l]));

  const analysis = analyze(doc, registry, defaultSettings);
  if (!analysis) {
    tally.unsupportedFiles = 1;
    for (const l of codes) notes.push(`miss ${where(l.line, l.col)} ${l.text} (no scanner for ${doc.languageId}) | ${lineText(l.line)}`);
    tally.diagnosticsExpected = labels.diagnostics.length;
    tally.diagnosticsWrong = labels.diagnostics.length;
    for (const d of labels.diagnostics) notes.push(`diagnostic missing ${where(d.line, d.col)} ${d.rule}`);
    return { row, tally, notes, labelErrors };
  }

  // A found code is an occurrence that would hover: its resolution has a candidate.
  const covered = new Map<number, string | undefined>();
  for (let i = 0; i < analysis.occurrences.length; i++) {
    const r = analysis.resolve(i);
    if (!r.candidates.length) continue;
    tally.found++;
    let hit: CodeLabel | undefined;
    for (let o = r.start; o < Math.max(r.end, r.start + 1) && !hit; o++) hit = labelAt.get(o);
    if (hit && !covered.has(offsetOf(hit))) {
      covered.set(offsetOf(hit), r.candidates[0].vendor);
    } else {
      tally.falsePositives++;
      const p = doc.positionAt(r.start);
      notes.push(`false positive ${where(p.line + 1, p.character + 1)} ${text.slice(r.start, r.end)} → ${r.candidates[0].vendor} | ${lineText(p.line + 1)}`);
    }
  }
  for (const l of codes) {
    const vendor = covered.get(offsetOf(l));
    if (!covered.has(offsetOf(l))) {
      notes.push(`miss ${where(l.line, l.col)} ${l.text} (${l.vendor} ${l.code}) | ${lineText(l.line)}`);
      continue;
    }
    tally.matched++;
    if (isNumericLabel(l)) tally.numericMatched++;
    else tally.symbolicMatched++;
    if (vendor === l.vendor) tally.vendorRight++;
    else notes.push(`wrong vendor ${where(l.line, l.col)} ${l.text}: ${vendor}, labelled ${l.vendor} | ${lineText(l.line)}`);
  }

  const expected = new Map(labels.diagnostics.map((d) => [`${d.line}:${d.col}:${d.rule}`, d]));
  tally.diagnosticsExpected = expected.size;
  for (const d of doValidation(doc, analysis, registry, defaultSettings)) {
    const key = `${d.range.start.line + 1}:${d.range.start.character + 1}:${String(d.code)}`;
    if (expected.delete(key)) continue;
    tally.diagnosticsWrong++;
    notes.push(`unexpected diagnostic ${where(d.range.start.line + 1, d.range.start.character + 1)} ${String(d.code)}: ${d.message} | ${lineText(d.range.start.line + 1)}`);
  }
  for (const d of expected.values()) {
    tally.diagnosticsWrong++;
    notes.push(`diagnostic missing ${where(d.line, d.col)} ${d.rule} | ${lineText(d.line)}`);
  }
  return { row, tally, notes, labelErrors };
}

function table(byLanguage: Map<string, Tally>, overall: Tally): string {
  const head = ['language', 'files', 'labels', 'recall', 'precision', 'vendor right', 'diagnostics wrong/expected', 'kept quiet', 'no scanner'];
  const rows = [...byLanguage.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([lang, t]) => [lang, t] as const);
  rows.push(['overall', overall]);
  const cells = rows.map(([lang, t]) => [
    lang, String(t.files), String(t.labels), pct(t.matched, t.labels), pct(t.found - t.falsePositives, t.found),
    pct(t.vendorRight, t.matched), `${t.diagnosticsWrong}/${t.diagnosticsExpected}`, String(t.diagnosticsSuppressed), t.unsupportedFiles ? `${t.unsupportedFiles} files` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const fmt = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n');
}

describe('corpus candidate lister (scripts/corpusCandidates.ts)', () => {
  const tables = loadTables(path.join(root, 'data', 'registry'));
  const listed = (src: string) => candidatesIn(src, tables).map((c) => `${c.line}:${c.col} ${c.kind} ${c.text}`);

  it('lists registry numbers (also inside strings and paths), registry names and qualified HTTP constants', () => {
    assert.deepEqual(listed("res.status(404); x = '5004'; FACE_TOO_SMALL\nHttpStatus.BAD_REQUEST; HttpStatusCode.NotFound; status.HTTP_404_NOT_FOUND; Response::HTTP_OK; NOT_FOUND; '/status/412'"), [
      '1:12 number 404', '1:23 number 5004', '1:30 symbolic FACE_TOO_SMALL',
      '2:12 member BAD_REQUEST', '2:40 member NotFound', '2:57 member HTTP_404_NOT_FOUND', '2:87 member HTTP_OK', '2:96 symbolic NOT_FOUND', '2:116 number 412',
    ]);
  });

  it('lists bare numbered and STATUS_ constants, httpx codes.X and Go-style Status members', () => {
    assert.deepEqual(listed('HTTP_404; STATUS_NOT_FOUND; STATUS_429; codes.NOT_FOUND\nhttp.StatusNotFound; fasthttp.StatusOK; resp.StatusCode; http.StatusText'), [
      '1:1 symbolic HTTP_404', '1:11 symbolic STATUS_NOT_FOUND', '1:29 symbolic STATUS_429', '1:47 member NOT_FOUND',
      '2:6 member StatusNotFound', '2:31 member StatusOK',
    ]);
  });

  it('leaves out what is no registry code: decimals, identifiers, unknown numbers, bare one-word reasons, everyday members', () => {
    assert.deepEqual(listed('y = 1.5; v404 = 3; n = 9999; OK; FOUND; status.active; constants.foo; x404x; 404px'), []);
  });
});

/** The held-out split's figures: totals per language, never per miss. */
function testSummary(results: FileResult[]): string {
  const byLanguage = new Map<string, Tally>();
  const overall = emptyTally();
  for (const r of results) {
    let t = byLanguage.get(r.row.language);
    if (!t) byLanguage.set(r.row.language, (t = emptyTally()));
    addTally(t, r.tally);
    // A language with no scanner yet (Go today) is listed on its own row but kept out of the overall figures.
    if (!r.tally.unsupportedFiles) addTally(overall, r.tally);
  }
  const head = ['language', 'files', 'labels', 'numeric recall', 'symbolic recall', 'recall', 'precision', 'vendor right', 'unexpected diagnostics', 'no scanner (not in overall)'];
  const rows = [...byLanguage.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([lang, t]) => [lang, t] as const);
  rows.push(['overall', overall]);
  const cells = rows.map(([lang, t]) => [
    lang, String(t.files), String(t.labels), `${pct(t.numericMatched, t.numericLabels)} of ${t.numericLabels}`, `${pct(t.symbolicMatched, t.symbolicLabels)} of ${t.symbolicLabels}`,
    pct(t.matched, t.labels), pct(t.found - t.falsePositives, t.found), pct(t.vendorRight, t.matched), String(t.diagnosticsWrong),
    t.unsupportedFiles ? `${t.unsupportedFiles} files` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const fmt = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ');
  // Logs: one long log must not outweigh the other servers' formats, so recall is also averaged per file.
  const logs = results.filter((r) => r.row.language === 'log' && r.tally.labels);
  const perFile = logs.length ? logs.reduce((a, r) => a + r.tally.matched / r.tally.labels, 0) / logs.length : NaN;
  const logLine = logs.length ? `logs recall averaged per file: ${(100 * perFile).toFixed(1)}% over ${logs.length} files` : 'logs: no labelled file';
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt), logLine].join('\n');
}

describe('real-world corpus (test/corpus)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as ManifestRow[];
  const tables = loadTables(path.join(root, 'data', 'registry'));
  const dev = manifest.filter((r) => r.split === 'dev');
  const held = manifest.filter((r) => r.split === 'test');

  it('has a complete manifest: every file present, with origin, commit, licence and split', () => {
    assert.ok(manifest.length >= 100, `only ${manifest.length} files`);
    assert.ok(new Set(manifest.map((r) => r.repo.split('/')[0])).size >= 12, 'fewer than 12 authors');
    for (const r of manifest) {
      assert.ok(fs.existsSync(path.join(CORPUS, r.file)), `${r.file} is missing`);
      assert.match(r.commit, /^[0-9a-f]{40}$/, `${r.file}: commit`);
      // GPL/LGPL only for test data (the logs, and the held-out test split's files): each corpus file keeps its own
      // licence, is not part of the extension's MIT code and is not shipped in the .vsix (.vscodeignore leaves test/ out),
      // so copyleft code can be measured without being combined with or distributed alongside the extension.
      // GPL-2.0-only likewise, for test-split rows only (the lead's decision, third test split: DokuWiki and Icinga
      // Director): test data keeps its own licence and is never linked with, nor shipped alongside, the extension.
      const copyleft = ['GPL-2.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later'];
      // AGPL-3.0 likewise for test data (session 11, eleventh split): its network clause is about running the software
      // as a service, and corpus files are only read, never run.
      // A held-out row whose misses were read became dev (`heldOutUntil`): still test data under its own licence.
      const testData = r.split === 'test' || r.heldOutUntil !== undefined;
      // Zlib and the Unlicense (a public-domain dedication) are as permissive as MIT.
      const permissive = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'Zlib', 'Unlicense'];
      const licences = [...permissive, ...(r.kind === 'log' || testData ? copyleft : []), ...(testData ? ['GPL-2.0-only', 'AGPL-3.0-only', 'AGPL-3.0-or-later'] : [])];
      assert.ok(licences.includes(r.license), `${r.file}: licence ${r.license}`);
      assert.ok(fs.existsSync(path.join(CORPUS, 'licenses', r.repo.replace('/', '__') + '.txt')), `${r.repo}: licence text missing`);
      assert.ok(r.split === 'dev' || r.split === 'test', `${r.file}: split ${String(r.split)}`);
      assert.ok(!RESERVED.some((re) => re.test(r.repo)), `${r.file}: ${r.repo} is reserved for the acceptance check`);
    }
    // A project is in one split only: files of a tuned-on project would leak its idioms into the held-out figures.
    const devRepos = new Set(dev.map((r) => r.repo));
    for (const r of held) assert.ok(!devRepos.has(r.repo), `${r.repo} is in both splits`);
  });

  it(`meets the gates on the dev split: precision ≥ ${GATES.precision * 100}%, recall ≥ ${GATES.recall * 100}%, vendor right ≥ ${GATES.vendor * 100}%, diagnostics as labelled; prints the test split's totals`, () => {
    const byLanguage = new Map<string, Tally>();
    const overall = emptyTally();
    const labelErrors: string[] = [];
    const notes: string[] = [];
    for (const row of dev) {
      const r = measure(row, tables);
      let t = byLanguage.get(row.language);
      if (!t) byLanguage.set(row.language, (t = emptyTally()));
      addTally(t, r.tally);
      addTally(overall, r.tally);
      labelErrors.push(...r.labelErrors);
      notes.push(...r.notes);
    }
    console.log(`\nReal-world corpus, dev split: ${dev.length} files from ${new Set(dev.map((r) => r.repo)).size} projects\n${table(byLanguage, overall)}\n`);
    if (REPORT) console.log(notes.join('\n'));
    else if (notes.length) console.log(`(${notes.length} misses, false positives and diagnostic differences; CORPUS_REPORT=1 lists them)`);

    // The held-out split: its labels are checked like the dev ones, its figures printed as totals only.
    const heldResults = held.map((row) => measure(row, tables));
    for (const r of heldResults) labelErrors.push(...r.labelErrors);
    if (held.length) {
      console.log(`\nReal-world corpus, test split (held out, not gated yet): ${held.length} files from ${new Set(held.map((r) => r.repo)).size} projects\n${testSummary(heldResults)}\n`);
      if (REPORT_TEST) console.log(heldResults.flatMap((r) => r.notes).join('\n'));
    }

    // Broken labels are the corpus's fault, not the scanner's: say so first.
    assert.deepEqual(labelErrors.slice(0, 20), [], `${labelErrors.length} label problems`);
    const recall = overall.matched / overall.labels;
    const precision = overall.found ? (overall.found - overall.falsePositives) / overall.found : 1;
    const vendor = overall.matched ? overall.vendorRight / overall.matched : 0;
    const failures: string[] = [];
    if (precision < GATES.precision) failures.push(`precision ${pct(overall.found - overall.falsePositives, overall.found)} < ${GATES.precision * 100}%`);
    if (recall < GATES.recall) failures.push(`recall ${pct(overall.matched, overall.labels)} < ${GATES.recall * 100}%`);
    if (vendor < GATES.vendor) failures.push(`vendor right ${pct(overall.vendorRight, overall.matched)} < ${GATES.vendor * 100}%`);
    if (overall.diagnosticsWrong) failures.push(`${overall.diagnosticsWrong} diagnostics differ from the labels`);
    assert.deepEqual(failures, []);
  });
});
