/** The idioms of real code (issue: real code): each pattern positive and negative, and the noise rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doCodeActions } from '../../server/src/service/codeActions';
import { doHover } from '../../server/src/service/hover';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doValidation, isTestFile, Rule } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/settings';
import { analysisOf, diagnosticsOf, hoverAt, registry } from '../helpers';

/** "**404** · HTTP" — the first line of a hover. */
const headline = (md: string | null) => (md ? md.split('\n')[0] : null);

/** The hover at `‸` (sources here contain `||`, so the usual `|` caret cannot mark them). */
function hoverAtMark(src: string, lang: string): string | null {
  if (!src.includes('‸')) return hoverAt(src, lang);
  const at = src.indexOf('‸');
  const doc = TextDocument.create(`file:///test.${lang}`, lang === 'ts' ? 'typescript' : lang, 1, src.replace('‸', ''));
  const hover = doHover(doc, analysisOf(doc), at, registry);
  return hover ? (hover.contents as { value: string }).value : null;
}

/** [name, source with a caret (`|`, or `‸`) on the code, expected headline] */
type Case = [string, string, RegExp];

function hovers(title: string, cases: Case[], lang = 'ts') {
  describe(title, () => {
    for (const [name, src, expected] of cases) {
      it(name, () => {
        const md = hoverAtMark(src, lang);
        assert.ok(md, `no hover in ${JSON.stringify(src)}`);
        assert.match(headline(md)!, expected);
      });
    }
  });
}

function silent(title: string, cases: [string, string][], lang = 'ts') {
  describe(title, () => {
    for (const [name, src] of cases) it(name, () => assert.equal(hoverAtMark(src, lang), null, `a hover in ${JSON.stringify(src)}`));
  });
}

hovers('assertions: a number compared through an assertion with a code-key chain', [
  ['expect(res.status).toBe(404)', 'expect(res.status).toBe(4|04);', /^\*\*404\*\* · HTTP$/],
  ['.toEqual(500)', 'expect(response.status).toEqual(5|00);', /^\*\*500\*\* · HTTP$/],
  ['expect(res.statusCode).to.equal(416)', 'expect(res.statusCode).to.equal(41|6);', /^\*\*416\*\* · HTTP$/],
  ['.to.not.be.eql', 'expect(res.status).to.not.be.eql(4|01);', /^\*\*401\*\*/],
  ['assert.equal(res.status, 201)', 'assert.equal(res.status, 2|01);', /^\*\*201\*\* · HTTP$/],
  ['assert.strictEqual(res.statusCode, 400)', 'assert.strictEqual(res.statusCode, 4|00);', /^\*\*400\*\* · HTTP$/],
  ['expected value first', 'assert.strictEqual(4|00, res.statusCode);', /^\*\*400\*\* · HTTP$/],
  ['t.is(statusCode, 200)', 't.is(statusCode, 2|00);', /^\*\*200\*\* · HTTP$/],
  ['t.assert.strictEqual(…)', 't.assert.strictEqual(res.status, 3|02);', /^\*\*302\*\*/],
  ['res.status.should.equal(200)', 'res.status.should.equal(2|00);', /^\*\*200\*\*/],
  ['should(res.status).equal(200)', 'should(res.status).equal(2|00);', /^\*\*200\*\*/],
  ['expect(err.response?.status).toBe(429)', 'expect(err.response?.status).toBe(4|29);', /^\*\*429\*\* · HTTP$/],
  ['toHaveProperty with a key', "expect(res).toHaveProperty('status', 4|04);", /^\*\*404\*\*/],
  ['to.have.property with a nested key', "expect(err).to.have.nested.property('response.status', 5|03);", /^\*\*503\*\*/],
  ['toHaveBeenCalledWith on a status mock', 'expect(res.status).toHaveBeenCalledWith(4|22);', /^\*\*422\*\*/],
  ['sinon.assert.calledWith', 'sinon.assert.calledWith(res.status, 4|03);', /^\*\*403\*\*/],
  ['a Faceki code through an assertion', 'expect(body.code).toBe(50|04);', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
]);

silent('assertions that are not codes', [
  ['a length', 'expect(res.body.length).toBe(2|00);'],
  ["jest's expect(200) function", 'expect(2|00);'],
  ['a bound matcher', 'expect(res.status).to.be.below(5|00);'],
  ['toBeGreaterThan', 'expect(res.status).toBeGreaterThan(3|99);'],
  ['an assertion on something else', 'assert.equal(items.count, 4|04);'],
  ['a message argument', "assert.equal(res.status, 200, 'expected 4|04 to be gone');"],
]);

hovers('status-taking APIs (a table with argument positions)', [
  ['supertest .expect(200)', "request(app).get('/').expect(2|00);", /^\*\*200\*\* · HTTP$/],
  ['.expect(404, body)', "agent.get('/x').expect(4|04, { error: 'nope' });", /^\*\*404\*\* · HTTP$/],
  ['nock .reply(200, …)', "nock('https://api').get('/').reply(2|00, {});", /^\*\*200\*\* · HTTP$/],
  ['axios-mock-adapter .replyOnce', "mock.onGet('/u').replyOnce(5|03);", /^\*\*503\*\*/],
  ['createError(404)', 'next(createError(4|04));', /^\*\*404\*\* · HTTP$/],
  ["createError('CODE', msg, 500)", "const E = createError('FST_ERR_X', 'bad %s', 5|00);", /^\*\*500\*\* · HTTP$/],
  ['ctx.throw(403)', 'ctx.throw(4|03);', /^\*\*403\*\* · HTTP$/],
  ["ctx.throw('msg', 400)", "ctx.throw('bad input', 4|00);", /^\*\*400\*\* · HTTP$/],
  ['ctx.assert(ok, 401)', 'ctx.assert(user, 4|01);', /^\*\*401\*\* · HTTP$/],
  ['new HttpException(msg, 404)', "throw new HttpException('not here', 4|04);", /^\*\*404\*\* · HTTP$/],
  ['new HttpError(409)', 'throw new HttpError(4|09);', /^\*\*409\*\* · HTTP$/],
  ['res.redirect(308, url)', "res.redirect(3|08, '/new');", /^\*\*308\*\* · HTTP$/],
  ['h.response().code(201)', 'return h.response(user).code(2|01);', /^\*\*201\*\* · HTTP$/],
  ['@HttpCode(204)', '@HttpCode(2|04)\nremove() {}', /^\*\*204\*\* · HTTP$/],
  ['chai-http .status(200)', 'expect(res).to.have.status(2|00);', /^\*\*200\*\*/],
]);

silent('calls that take no status', [
  ['a delay', 'setTimeout(done, 4|04);'],
  ['a port', 'server.listen(44|3);'],
  ['a size', 'Buffer.alloc(5|00);'],
  ['createError message argument', "createError(404, 'page 4|04 missing');"],
  ['a status call argument that is arithmetic', 'res.status(4|00 + offset);'],
  ['a method named like a keyword that is not a status call', 'gen.return(4|04);'],
]);

hovers('membership and lists', [
  ['[408, 429].includes(res.status)', 'if ([408, 4|29].includes(res.status)) retry();', /^\*\*429\*\* · HTTP$/],
  ['new Set([…]).has(res.status)', 'if (new Set([500, 5|02]).has(err.statusCode)) {}', /^\*\*502\*\* · HTTP$/],
  ['a list bound to retryStatusCodes', 'const retryStatusCodes = [500, 5|02, 503];', /^\*\*502\*\* · HTTP$/],
  ['statusCodes: [500]', 'const opts = { statusCodes: [5|00] };', /^\*\*500\*\*/],
  ['new Set bound to a code-ish name', 'const RETRY_STATUSES = new Set([5|03]);', /^\*\*503\*\*/],
  ['vendor list in client code', '[8004, 80|05, 8006, 5004].includes(response?.code)', /^\*\*8005\*\* `FACE_TOO_CLOSED` · Faceki$/],
  ['expect([200, 201]).toContain(res.status)', 'expect([200, 2|01]).toContain(res.status);', /^\*\*201\*\*/],
  ['.to.be.oneOf([…])', 'expect(res.status).to.be.oneOf([200, 2|04]);', /^\*\*204\*\*/],
]);

silent('lists that are not codes', [
  ['sizes', 'const sizes = [400, 5|00, 600];'],
  ['membership of something else', 'if ([400, 5|00].includes(width)) {}'],
  ['an array argument of another call', 'draw([4|04, 500]);'],
]);

hovers('codes as keys and indexes', [
  ["route schema response: { 200: … }", "fastify.get('/', { schema: { response: { 2|00: { type: 'object' } } } });", /^\*\*200\*\* · HTTP$/],
  ["responses: { '404': … }", "const doc = { responses: { '4|04': { description: 'gone' } } };", /^\*\*404\*\* · HTTP$/],
  ["statusCodes['401']", "const msg = statusCodes['4|01'];", /^\*\*401\*\*/],
  ['STATUS_CODES[404]', 'res.end(http.STATUS_CODES[4|04]);', /^\*\*404\*\* · HTTP$/],
  ["createError['404']", "throw new createError['4|04']();", /^\*\*404\*\* · HTTP$/],
]);

silent('keys and indexes that are not codes', [
  ['an ordinary object key', 'const m = { 4|04: true };'],
  ['an array index', 'const x = rows[4|04];'],
]);

hovers('constants that mirror codes (the name tells vendor and code)', [
  ['NotFound: 404', 'const Status = { NotFound: 4|04 };', /^\*\*404\*\* · HTTP$/],
  ['NOT_FOUND = 404', 'export const NOT_FOUND = 4|04;', /^\*\*404\*\* · HTTP$/],
  ['enum member', 'enum Http { BadRequest = 4|00 }', /^\*\*400\*\* · HTTP$/],
  ['FACE_TOO_SMALL = 8008', 'export const FACE_TOO_SMALL = 80|08;', /^\*\*8008\*\* `FACE_TOO_SMALL` · Faceki$/],
  ["{ FACE_NOT_DETECTED: '412' } is Riset's", "const CODES = { FACE_NOT_DETECTED: '4|12' };", /^\*\*412\*\* · Riset\.ai Face API$/],
  ["Riset's '413' is not Faceki's FACE_TOO_SMALL (the value decides)", "const C = { FACE_TOO_SMALL: '4|13' };", /^\*\*413\*\* · Riset\.ai Face API$/],
  ["…and the name hovers as Riset's too", "const C = { FACE_TOO_SM|ALL: '413' };", /^\*\*413\*\* · Riset\.ai Face API$/],
]);

silent('constants that are not codes', [
  ['an enum of states', 'enum State { ACCEPTED = |1, LOCKED = 2 }'],
  ['an app constant', 'const MAX_ITEMS = 5|00;'],
]);

hovers('symbolic HTTP constants: the qualifier decides', [
  ['HttpStatus.BAD_REQUEST (NestJS) is HTTP, not Faceki', 'throw new HttpException(msg, HttpStatus.BAD_RE|QUEST);', /^\*\*400\*\* · HTTP$/],
  ['StatusCodes.NOT_FOUND (http-status-codes)', 'res.status(StatusCodes.NOT_F|OUND);', /^\*\*404\*\* · HTTP$/],
  ['HttpStatusCode.NotFound (axios)', 'if (e.status === HttpStatusCode.NotF|ound) {}', /^\*\*404\*\* · HTTP$/],
  ['constants.HTTP_STATUS_NOT_FOUND (node:http2)', 'stream.respond({ [HTTP2_HEADER_STATUS]: constants.HTTP_STATUS_NOT_FO|UND });', /^\*\*404\*\* · HTTP$/],
  ['an old phrase: StatusCodes.REQUEST_TOO_LONG', 'res.status(StatusCodes.REQUEST_TOO_L|ONG);', /^\*\*413\*\* · HTTP$/],
  ['HttpStatus.OK', 'return HttpStatus.O|K;', /^\*\*200\*\* · HTTP$/],
]);

silent('qualified names that are not HTTP constants', [
  ['another namespace', 'const x = Colors.NOT_FO|UND;'],
  ['an unknown member', 'HttpStatus.NOT_A_ST|ATUS;'],
]);

hovers('fallbacks', [
  ['res.status(err.status || 500)', 'res.status(err.status || 5‸00);', /^\*\*500\*\* · HTTP$/],
  ['?? in a key value', 'const body = { statusCode: err.statusCode ?? 5|02 };', /^\*\*502\*\* · HTTP$/],
  ['ternary: then branch', 'res.status(ok ? 2|00 : 404);', /^\*\*200\*\* · HTTP$/],
  ['ternary: else branch', 'res.status(ok ? 200 : 4|04);', /^\*\*404\*\* · HTTP$/],
  ['assignment fallback', 'res.statusCode = e.status || 5‸00;', /^\*\*500\*\* · HTTP$/],
]);

silent('not fallbacks', [
  ['a ternary outside a code position', 'const v = ok ? 2|00 : 404;'],
  ['arithmetic after a fallback', 'res.status((x || 5‸00) * 10);'],
  ['a condition', 'res.status(4|04 ? a : b);'],
]);

describe('noise removed', () => {
  it("Faceki's code 1 needs Faceki evidence", () => {
    assert.equal(hoverAt('if (body.code === |1) {}', 'ts'), null);
    assert.match(headline(hoverAt("const u = 'SELFIE_LIVENESS_FAILED';\nif (body.code === |1) {}", 'ts'))!, /Faceki$/);
  });
  it('an HTTP context never falls back to another vendor', () => {
    assert.equal(hoverAt('reply.code(|1);', 'ts'), null);
    const d = diagnosticsOf('reply.code(1);', 'ts').diagnostics;
    assert.equal(d.length, 1);
    assert.equal(d[0].message, '1 is not an HTTP status code.');
  });
  it('compound keys ending in status need an error-ish word', () => {
    assert.equal(hoverAt('const t = { task_status: |1, order_status: 200 };', 'ts'), null);
    assert.equal(hoverAt('const t = { order_status: 2|00 };', 'ts'), null);
    assert.match(headline(hoverAt('const t = { upstream_status: 5|02 };', 'ts'))!, /HTTP$/);
    assert.match(headline(hoverAt('const t = { response_status: 5|02 };', 'ts'))!, /HTTP$/);
  });
  it('number diagnostics need the vendor named by the code’s own context', () => {
    // A generic `code: 42` in a file whose other codes are HTTP's is not an HTTP status.
    assert.deepEqual(diagnosticsOf("res.status(404);\nconst e = { code: 42 };", 'ts').diagnostics, []);
    assert.deepEqual(diagnosticsOf("if (err.status === 404) {}\nif (err.code === 7) {}", 'ts').diagnostics, []);
  });
  it('a vendor with no numeric codes (AILabTools) never yields number diagnostics', () => {
    assert.deepEqual(diagnosticsOf('{"error_code": 499, "log_id": "x", "error_detail": {"code": "ERROR_BLURRY_FACE"}}', 'json').diagnostics, []);
  });
  it('only a whole literal counts', () => {
    assert.deepEqual(diagnosticsOf('const r = { statusCode: 1 / 0 };', 'ts').diagnostics, []);
    assert.equal(hoverAt('const r = { statusCode: 4|04 / 2 };', 'ts'), null);
  });
  it("did-you-mean leaves platform codes alone: Node's ERR_INVALID_URL is no typo of ERROR_INVALID_URL", () => {
    assert.deepEqual(diagnosticsOf("if (e.code === 'ERR_INVALID_URL') {}", 'ts').diagnostics, []);
  });
  it('did-you-mean needs the suggested vendor in the file, or a code position', () => {
    assert.deepEqual(diagnosticsOf("const mode = 'ERROR_BLURY';", 'ts').diagnostics, []);
    assert.equal(diagnosticsOf("const e = { code: 'ERROR_BLURY_FACE' };", 'ts').diagnostics[0].code, Rule.DidYouMean);
    assert.equal(diagnosticsOf("const r = { error_detail: {} };\nlog('ERROR_BLURY_FACE');", 'ts').diagnostics[0].code, Rule.DidYouMean);
  });
  it('number diagnostics stay out of test files; did-you-mean does not', () => {
    assert.ok(isTestFile('file:///p/src/users.test.ts') && isTestFile('file:///p/test/app.js') && isTestFile('file:///p/tests/test_api.py'));
    assert.ok(!isTestFile('file:///p/src/contest.ts') && !isTestFile('file:///p/src/latest/app.ts'));
    assert.ok(isTestFile('file:///p/src/UserTest.php') && !isTestFile('file:///p/src/latest.php') && !isTestFile('file:///p/contest.php'));
    const src = "expect(() => res.status(700)).toThrow();\nexpect(r.reason).toBe('SELFIE_LIVENESS_FAILD');";
    const rules = (uri: string) => {
      const doc = TextDocument.create(uri, 'typescript', 1, src);
      return doValidation(doc, analysisOf(doc), registry, defaultSettings).map((d) => d.code);
    };
    assert.deepEqual(rules('file:///p/src/app.ts'), [Rule.UnknownCode, Rule.DidYouMean]);
    assert.deepEqual(rules('file:///p/src/app.test.ts'), [Rule.DidYouMean]);
  });
});

describe('rule: constant-mismatch', () => {
  it("FACE_TOO_SMALL = 8009 → Faceki's FACE_TOO_SMALL is 8008, with a quick fix", () => {
    const { doc, diagnostics } = diagnosticsOf('export const FACE_TOO_SMALL = 8009;', 'ts');
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0];
    assert.equal(d.code, Rule.ConstantMismatch);
    assert.match(d.codeDescription!.href, /#rule-constant-mismatch$/);
    assert.equal(doc.getText(d.range), '8009');
    assert.match(d.message as string, /^Faceki's FACE_TOO_SMALL is 8008, not 8009/);
    const [fix] = doCodeActions(doc, analysisOf(doc), registry, defaultSettings, diagnostics[0].range, diagnostics);
    assert.equal(fix.edit!.changes![doc.uri][0].newText, '8008');
    assert.equal(fix.isPreferred, true);
  });
  it('a string value keeps its quotes', () => {
    const { doc, diagnostics } = diagnosticsOf("const C = { FACE_NOT_DETECTED: '413' };", 'ts');
    assert.equal(diagnostics.length, 1);
    assert.match(diagnostics[0].message as string, /Riset\.ai Face API's FACE_NOT_DETECTED is 412/);
    assert.equal(doc.getText(diagnostics[0].range), '413');
  });
  it('a value that one of the vendors sharing the name defines is no mismatch', () => {
    assert.deepEqual(diagnosticsOf("const C = { FACE_TOO_SMALL: '413' };", 'ts').diagnostics, []);
    assert.deepEqual(diagnosticsOf('const BAD_REQUEST = 400;', 'ts').diagnostics, []);
  });
  it('HTTP reason constants', () => {
    const d = diagnosticsOf('export const NOT_FOUND = 403;', 'ts').diagnostics;
    assert.equal(d.length, 1);
    assert.match(d[0].message as string, /^HTTP's NOT_FOUND is 404, not 403\.$/);
  });
  it('one-word names and values of another shape are left alone', () => {
    assert.deepEqual(diagnosticsOf('enum S { LOCKED = 2, ACCEPTED = 3 }', 'ts').diagnostics, []);
    assert.deepEqual(diagnosticsOf('const NOT_FOUND = -1;', 'ts').diagnostics, []);
  });
});

hovers('idioms the file itself declares', [
  ['a local function whose parameter is a code key', "function error(status, msg) { const e = new Error(msg); e.status = status; return e; }\nnext(error(4|00, 'api key required'));", /^\*\*400\*\* · HTTP$/],
  ['an arrow function with a status parameter', 'const strip = (status) => it(`strips ${status}`);\nstrip(2|04);', /^\*\*204\*\* · HTTP$/],
  ["a status table's [code, phrase] pairs", "const codes = new Map([[4|04, 'Not Found'], [500, 'Internal Server Error']]);", /^\*\*404\*\* · HTTP$/],
  ["an object of phrases by status", "const messages = { 4|29: 'Too Many Requests' };", /^\*\*429\*\* · HTTP$/],
  ["nock's reply callback returning [status, body]", "scope.get('/').reply(() => [2|02, body]);", /^\*\*202\*\* · HTTP$/],
  ['…and a function body returning it', "scope.get('/').reply(function () { return [4|01]; });", /^\*\*401\*\* · HTTP$/],
  ["supertest's .expect([200, 404])", "request(app).get('/').expect([200, 4|04]);", /^\*\*404\*\* · HTTP$/],
  ['Boom.isBoom(err, 404)', 'if (Boom.isBoom(err, 4|04)) {}', /^\*\*404\*\*/],
  ['an UPPER_SNAKE constant name is the code it defines', 'export const BAD_GATE|WAY = 502;', /^\*\*502\*\* · HTTP$/],
  ['…and so is each later use of it', 'export const BAD_GATEWAY = 502;\nres.status(BAD_GATE|WAY);', /^\*\*502\*\* · HTTP$/],
  ["a Faceki name that is an HTTP phrase is HTTP's without Faceki in the file", 'export enum S { BAD_REQ|UEST = 400 }', /^\*\*400\*\* · HTTP$/],
  ['…and in a comment', '// use StatusCodes.BAD_REQ|UEST instead', /^\*\*400\*\* · HTTP$/],
  ["…but Faceki's with Faceki in the file", "const api = 'https://faceki.com';\nif (e.name === 'BAD_REQ|UEST') {}", /Faceki$/],
  ["HTTP/2's :status header", "assert.strictEqual(headers[':status'], 2|00);", /^\*\*200\*\* · HTTP$/],
]);

silent('what a file declares that is not a code', [
  ['a local function with no code parameter', 'function wait(ms) {}\nwait(5|00);'],
  ['a pair that is no status and phrase', "const row = [4|04, 'apples'];"],
  ['a returned array outside a reply callback', 'const f = () => [2|00, 300];'],
  ['a switch over a computed class of the code', 'switch (codeClass(err.code)) { case 4|00: break; }'],
  ['a PascalCase constant name', 'const Status = { NotFo|und: 404 };'],
]);

hovers('log formats', [
  ["uWSGI's (HTTP/1.1 200)", '[pid: 1|app: 0|req: 1/1] 127.0.0.1 () {38 vars in 696 bytes} [Sun Mar 13 22:49:12 2016] POST /u => generated 47 bytes in 129 msecs (HTTP/1.1 2‸00) 9 headers in 378 bytes', /^\*\*200\*\* · HTTP$/],
  ["HAProxy's status after its timers", 'haproxy[7]: 141.35.244.171:53332 [25/Feb/2019:16:19:48.143] fe~ bk/srv 0/0/7/1457/1487 5|03 11394 - - ---- 2/1/0/0/0 0/0', /^\*\*503\*\* · HTTP$/],
  ['an access log with an empty request line', '10.1.2.3 - - [15/Feb/2013:06:00:31 +0000] "-" 4|00 0 "-" "-"', /^\*\*400\*\* · HTTP$/],
], 'log');

silent('log text that only looks like those formats', [
  ['slashes and a number', 'copied 1/2/3/4/5 4|04x files'],
  ['a quoted dash and a size', 'name "-" 4|04ms later'],
  ['parentheses without a status line', 'done (HTTP/1.1 4|04 Not Found seen)'],
], 'log');
