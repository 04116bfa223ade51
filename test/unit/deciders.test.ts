/**
 * The general rules of issue 26, one decider at a time: status calls by what their names say (strong and weak cues,
 * the slot), status families by shape, literal unions, tables and columns, and logs by inference. Every idiom here is
 * described in the issue, not copied from a project; each positive has a silent neighbour.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callCue, isStatusClass, statusSlot } from '../../server/src/service/deciders/statusCall';
import { nameWords } from '../../server/src/service/keys';
import { importsHttp } from '../../server/src/service/deciders/evidence';
import { isStatusColumn } from '../../server/src/service/deciders/tables';
import { inferLogLayout, splitFields } from '../../server/src/service/logInference';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisOf, diagnosticsOf, hoverAt, registry } from '../helpers';

const headline = (md: string | null) => (md ? md.split('\n')[0] : null);
const LANGUAGE: Record<string, string> = { ts: 'typescript', py: 'python', php: 'php', go: 'go', log: 'log', yaml: 'yaml', json: 'json' };
/** Code texts of every numeric occurrence the analysis finds, in order (no caret: `|` is the union's). */
function codesIn(src: string, lang: string): string[] {
  const doc = TextDocument.create(`file:///x/test.${lang}`, LANGUAGE[lang], 1, src);
  const a = analysisOf(doc);
  const out: string[] = [];
  for (let i = 0; i < a.occurrences.length; i++) if (a.occurrences.numeric(i)) out.push(a.occurrences.code(i));
  return out;
}
function hovers(cases: [string, string, string, RegExp][]) {
  for (const [name, lang, src, expected] of cases) {
    it(name, () => {
      const md = hoverAt(src, lang);
      assert.ok(md, `no hover in ${JSON.stringify(src)}`);
      assert.match(headline(md)!, expected);
    });
  }
}
function silent(cases: [string, string, string][]) {
  for (const [name, lang, src] of cases) it(name, () => assert.equal(hoverAt(src, lang), null, `a hover in ${JSON.stringify(src)}`));
}

describe('status calls: the cue of a name', () => {
  it('splits names into words', () => {
    assert.deepEqual(nameWords('setStatus'), ['set', 'status']);
    assert.deepEqual(nameWords('_setStatus'), ['set', 'status']);
    assert.deepEqual(nameWords('abort_if'), ['abort', 'if']);
    assert.deepEqual(nameWords('HTTPException'), ['http', 'exception']);
    assert.deepEqual(nameWords('assertResponseCode'), ['assert', 'response', 'code']);
  });
  it('strong: status, abort, redirect, halt, response codes, status classes', () => {
    for (const name of ['setStatus', 'set_status', 'withStatus', 'abort', 'abortUnless', 'redirect', 'halt', 'assertResponseCode', 'setHttpCode']) {
      assert.equal(callCue({ name, form: 'function' }), 'strong', name);
    }
    for (const name of ['HTTPException', 'NotFoundHttpException', 'HTTPError', 'HttpError', 'JSONResponse', 'ValidationException']) {
      assert.equal(callCue({ name, form: 'new' }), 'strong', name);
      assert.ok(isStatusClass(name), name);
    }
    assert.equal(callCue({ name: 'super', form: 'function', base: 'HttpException' }), 'strong');
    assert.equal(callCue({ name: '__construct', form: 'method', base: 'HttpException' }), 'strong');
  });
  it('weak: error/reply/respond/json names and response or context receivers', () => {
    assert.equal(callCue({ name: 'error', form: 'function' }), 'weak');
    assert.equal(callCue({ name: 'json', form: 'method', receiver: 'c' }), 'weak-beside');
    assert.equal(callCue({ name: 'body', form: 'method', receiver: 'ctx' }), 'weak-beside');
    assert.equal(callCue({ name: 'respond', form: 'function' }), 'weak-beside');
    assert.equal(callCue({ name: 'send_error', form: 'method', receiver: 'self' }), 'weak');
    assert.equal(callCue({ name: 'Gone', form: 'function', raised: true }), 'weak');
    assert.equal(callCue({ name: 'makeErrFromCode', form: 'new', receiver: 'errors' }), 'weak');
    assert.equal(callCue({ name: 'Gone', form: 'function' }), undefined);
    assert.equal(callCue({ name: 'build', form: 'method', raised: true }), undefined);
  });
  it('strong: a class nested in a status class', () => {
    assert.equal(callCue({ name: 'IncompletableObject', form: 'method', receiver: 'GithubException' }), 'strong');
    assert.equal(callCue({ name: 'incomplete', form: 'method', receiver: 'GithubException' }), undefined);
    assert.equal(callCue({ name: 'RetryAfter', form: 'method', receiver: 'HttpException' }), undefined);
  });
  it('none: loggers, and names that say time, size, position', () => {
    assert.equal(callCue({ name: 'error', form: 'method', receiver: 'logger' }), undefined);
    assert.equal(callCue({ name: 'error', form: 'method', receiver: 'console' }), undefined);
    assert.equal(callCue({ name: 'setTimeout', form: 'method', receiver: 'res' }), undefined);
    assert.equal(callCue({ name: 'slice', form: 'method', receiver: 'response' }), undefined);
    assert.equal(callCue({ name: 'sendFile', form: 'method', receiver: 'x' }), 'weak-beside');
    assert.equal(callCue({ name: 'compute', form: 'function' }), undefined);
    assert.equal(isStatusClass('TypeError'), false);
    assert.equal(isStatusClass('error'), false);
  });
  it('the slot: the only numeric argument, when it is a registered status', () => {
    const isStatus = (c: string) => registry.vendors.get('http')!.entries.some((e) => e.code === c);
    assert.equal(statusSlot([{ value: '404' }], isStatus)?.value, '404');
    assert.equal(statusSlot([{ value: '0' }, { value: '200' }], isStatus), undefined);
    assert.equal(statusSlot([{ value: '999' }], isStatus), undefined);
  });
  it('HTTP evidence from imports', () => {
    assert.ok(importsHttp("import { Hono } from 'hono';"));
    assert.ok(importsHttp("const http = require('node:http');"));
    assert.ok(importsHttp('from starlette.responses import JSONResponse'));
    assert.ok(importsHttp('use Illuminate\\Http\\Request;'));
    assert.ok(importsHttp("import { error } from '@sveltejs/kit';"));
    assert.equal(importsHttp("import { readFile } from 'node:fs';\nimport lodash from 'lodash';"), false);
  });
});

describe('status calls in files', () => {
  hovers([
    ['a context responder with evidence', 'ts', "import x from 'express';\napp.get('/', (c) => c.json({ error: 'no' }, 4|04));", /^\*\*404\*\* · HTTP$/],
    ['c.text(msg, 500) with a status read elsewhere', 'ts', "if (r.status === 200) {}\nreturn c.text('boom', 5|00);", /^\*\*500\*\* · HTTP$/],
    ['new HTTPException(401, …)', 'ts', "throw new HTTPException(4|01, { message: 'no' });", /^\*\*401\*\* · HTTP$/],
    ['error(404, …) beside a redirect', 'ts', "redirect(307, '/login');\nerror(4|04, 'Not found');", /^\*\*404\*\*/],
    ['redirect(307, url)', 'ts', "redirect(3|07, '/login');", /^\*\*307\*\*/],
    ['super(404, msg) in an HttpError subclass', 'ts', 'class NotFound extends HttpError { constructor(m) { super(4|04, m); } }', /^\*\*404\*\*/],
    ['this._setStatus(416)', 'ts', 'this._setStatus(4|16);', /^\*\*416\*\*/],
    ['an outcome name takes the status alone', 'py', "import requests\nself.send_error(4|04)", /^\*\*404\*\*/],
    ['a namespace named for statuses', 'ts', 'return StatusCode.NOT_F|OUND;', /^\*\*404\*\*/],
    ['raise HTTPError(410, …)', 'py', "raise HTTPError(4|10, 'gone')", /^\*\*410\*\*/],
    ['self.set_status(403)', 'py', 'self.set_status(4|03)', /^\*\*403\*\*/],
    ['super().__init__(409, …) in an HTTPException subclass', 'py', "class E(HTTPException):\n    def __init__(self):\n        super().__init__(4|09, 'conflict')", /^\*\*409\*\*/],
    ['parent::__construct(404, $m)', 'php', '<?php class NotFound extends HttpException { function __construct($m) { parent::__construct(4|04, $m); } }', /^\*\*404\*\*/],
    ['abort_if(…, 403)', 'php', '<?php abort_if($x, 4|03);', /^\*\*403\*\*/],
    ['assertResponseCode(302)', 'php', '<?php $this->assertResponseCode(3|02);', /^\*\*302\*\*/],
    ['a raised exception of any name, with evidence', 'py', "import requests\nraise Expired(4|10, 'gone')", /^\*\*410\*\*/],
    ['a response triple, status, body, headers', 'py', "def token():\n    return 2|00, body, self.TOKEN_RESPONSE_HEADER", /^\*\*200\*\*/],
    ['a response triple with a list of headers last', 'py', "def go():\n    return 3|02, '', [('Location', uri)]", /^\*\*302\*\*/],
    ["a view's dict body and status", 'py', "from flask import Flask\ndef view():\n    return {'user': name}, 2|01", /^\*\*201\*\*/],
    ["a base constructor's status beside a constructor's own code parameter", 'php', '<?php\nclass P extends HttpException {\n    public function __construct($message, $code) {\n        parent::__construct(4|13, $message);\n    }\n}', /^\*\*413\*\*/],
    ['a status list as an argument', 'php', '<?php if (!in_array($reply, array(200, 3|01, 302, 303, 305, 307))) {}', /^\*\*301\*\*/],
    ['a call named for HTTP taking a status, with evidence', 'ts', "if (res.status === 200) {}\nconst head = newHTTPGraphQLHead(4|00);", /^\*\*400\*\*/],
    ['an optional subscript of responses', 'ts', 'const r = { ...this.schema?.responses?.[2|01] };', /^\*\*201\*\*/],
    ['an unofficial numbered constant under another name', 'py', 'HTTP_444_CONNECTION_CLOSED_WITHOUT_RESPONSE = 4|44', /^\*\*444\*\*/],
    ["new A(…) where A's constructor takes a status", 'ts', 'class A { constructor(public location: string, public statusCode: number) {} }\nconst a = new A("x", 4|04);', /^\*\*404\*\*/],
    ["super() given a status where the file's constructor takes one", 'ts', 'class A { constructor(location: string, statusCode: number) {} }\nclass B extends A { constructor(l: string) { super(l, 2|01); } }', /^\*\*201\*\*/],
    ['arrays grouped by status (WebDAV propstat)', 'php', '<?php\nif ($response->getStatusCode() == 207) {}\n$newProperties[2|00][$prop] = 1;\nunset($newProperties[404][$prop]);', /^\*\*200\*\*/],
    ['a switch over status.toString()', 'ts', 'switch (status.toString()) {\n  case "2|00":\n    break;\n  case "404":\n    break;\n}', /^\*\*200\*\*/],
    ['a list of statuses given to an outcome call', 'ts', 'if (res.status === 200) {}\nconst x = M.fail([4|00, 403, 404, "4XX"]);', /^\*\*400\*\*/],
    ['an object a status name holds', 'ts', 'export const HttpStatus = {\n  SUCCESS: 200,\n  REDIRECT: 3|02,\n};', /^\*\*302\*\*/],
    ["a module's constants as a table", 'py', 'OK = 200\nNOT_ALLOWED = 405\nSWITCHING = 1|01\n', /^\*\*101\*\*/],
    ['a whole-code bytes string given to a redirect', 'py', 'e = error.PageRedirect(b"3|02", location=b"/foo")', /^\*\*302\*\*/],
    ['a method taking a status after self', 'py', 'class T:\n    def _check(self, resp, http_status):\n        pass\n    def test(self):\n        self._check(resp, 4|00)\n', /^\*\*400\*\*/],
    ['a method called through its class with self', 'py', 'class E:\n    def __init__(self, status, body):\n        pass\nclass F(E):\n    def __init__(self):\n        E.__init__(self, 5|00, "x")\n', /^\*\*500\*\*/],
    ['a class named for the status it is given, as a string', 'py', "raise exceptions.NotFound('4|04')", /^\*\*404\*\*/],
    ['a class named for the status it is given', 'py', 'raise exceptions.NotFound(4|04, msg)', /^\*\*404\*\*/],
    ['a fake response constructed with its status', 'py', 'resp = (MyResp(2|00), body)', /^\*\*200\*\*/],
    ['a plural name assigned one code', 'py', "expected_codes = '2|01'", /^\*\*201\*\*/],
    ["a conditional's other branch beside a code key", 'ts', 'var sanitized = typeof status === "number" ? status : 2|00;', /^\*\*200\*\*/],
    ['a list compared with a list of codes', 'py', 'assert status_codes == [3|01, 301, 200]', /^\*\*301\*\*/],
    ['a key whose value is named for it', 'py', 'exception_map = {4|22: HTTPUnprocessableEntity}', /^\*\*422\*\*/],
    ['a type-level assertion on a status', 'ts', 'expect(err.statusCode).type.toBe<4|00>()', /^\*\*400\*\*/],
    ['a Go slice literal of one status under a code key', 'go', 'package x\nfunc f() {\n\topts := RequestOpts{OkCodes: []int{2|00}}\n}', /^\*\*200\*\*/],
    ["a constant named with its unofficial status's title", 'ts', 'const nginx = { NO_RESPONSE: 4|44, CLIENT_CLOSED_REQUEST: 499 };', /^\*\*444\*\*/],
    ['an HTTP_ constant no registry names', 'py', 'HTTP_CHECKPOINT = 1|03', /^\*\*103\*\*/],
    ['an unofficial HTTP_ constant', 'py', 'HTTP_NO_RESPONSE = 4|44', /^\*\*444\*\*/],
    ['a status list with a status class in it', 'py', 'acceptable_statuses = (2, 4|04, 409)', /^\*\*404\*\*/],
    ['a plural key holding one code', 'py', 'd = {"expected_codes": "2|00"}', /^\*\*200\*\*/],
    ['a table indexed by status', 'py', 'HTTPOk = status_map[2|00]', /^\*\*200\*\*/],
    ['a code added to a list of codes', 'py', 'statuses.append(4|04)', /^\*\*404\*\*/],
    ['a private getter compared', 'py', 'if self._get_status_int() == 2|06:\n    pass', /^\*\*206\*\*/],
    ['a converted status compared', 'py', 'if int(resp.status_code) != 2|00:\n    pass', /^\*\*200\*\*/],
    ['parseInt of a status compared', 'ts', 'if (parseInt(xhr.status, 10) === 4|04) {}', /^\*\*404\*\*/],
    ['a class field typed with one status', 'ts', 'class NotImplemented extends ServerError {\n  declare readonly status: 5|01;\n}', /^\*\*501\*\*/],
    ['a class nested in an exception class', 'py', "raise GithubException.IncompletableObject(\n    4|00, 'no URL', None\n)", /^\*\*400\*\*/],
  ]);
  silent([
    ['a weak cue without evidence', 'ts', "return c.json({ items }, 2|01);"],
    ['logger.error(msg, 500)', 'ts', "import x from 'express';\nlogger.error('failed', 5|00);"],
    ['response.slice(0, 200)', 'ts', "import x from 'express';\nresponse.slice(0, 2|00);"],
    ['res.setTimeout(500)', 'ts', "import x from 'express';\nres.setTimeout(5|00);"],
    ["Go's exported method that repeats a response 100 times", 'go', 'package x\nimport "net/http"\nfunc f() { client.AppendAndRepeatResponse(r, 1|00) }'],
    ['an unregistered number', 'ts', 'redirect(9|99);'],
    ['two numbers and no row', 'ts', "throw new HTTPException(4|01, 500);"],
    ['a raised exception of any name, without evidence', 'py', "raise Expired(4|10, 'gone')"],
    ['a class named for another status', 'py', 'y = Conflict(4|04)'],
    ["a conditional's other branch beside something else", 'ts', 'const z = ok ? width : 3|00;'],
    ['a key whose value is named for another status', 'py', 'm = {4|00: NotFound}'],
    ["a WebSocket close code given to the file's own close(self, code)", 'py', 'class C:\n    def close(self, code=1000):\n        pass\n    def stop(self):\n        self.close(1|000)\n'],
    ['a class named for another status, as a string', 'py', "raise exceptions.NotFound('4|09')"],
    ['three statuses an assertion compares', 'ts', 'expect(results.sort()).to.deep.equal([2|00, 201, 418]);'],
    ['arrays indexed by round hundreds only', 'ts', 'if (res.status === 200) {}\nconst a = arr[2|00] + arr[300];'],
    ["a range's bounds in an object a status name holds", 'ts', 'export const HttpStatus = {\n  SUCCESS_RANGE_START: 2|00,\n  SUCCESS_RANGE_END: 299,\n};'],
    ["a module's sizes", 'py', 'WIDTH = 2|00\nHEIGHT = 300\nDEPTH = 400\n'],
    ['a body given a whole-code string', 'ts', "import x from 'express';\nres.send('4|04');"],
    ['an HTTP_ constant that says time', 'py', 'HTTP_TIMEOUT = 5|00'],
    ['the status class itself', 'py', 'acceptable_statuses = (|2, 404, 409)'],
    ['a code added to a list of something else', 'py', 'items.append(4|04)'],
    ['a triple without headers', 'py', 'def f():\n    return 2|00, x, y'],
    ['a conversion of arithmetic', 'py', 'if int(x + resp.status) == 5|00:\n    pass'],
    ['a raised timeout', 'py', "import requests\nraise Timeout(3|00)"],
    ['a body word with the number alone: the body', 'ts', "import x from 'express';\nres.json(3|00);"],
    ['a view name is a string', 'ts', "import x from 'express';\nres.render('4|04', { url });"],
    ['Status.OK: one word under a bare Status', 'ts', 'return Status.O|K;'],
  ]);
  it('a strong place holding an unknown value does not warn (the slot holds registered statuses only)', () => {
    assert.deepEqual(diagnosticsOf('setStatus(1);\nnew FooException("x", 1);', 'ts').diagnostics, []);
  });
});

describe('status families by shape', () => {
  hovers([
    ['falcon.HTTP_404', 'py', 'resp.status = falcon.HTTP_4|04', /^\*\*404\*\* · HTTP$/],
    ['bare HTTP_404', 'py', 'raise Err(HTTP_4|04)', /^\*\*404\*\*/],
    ['HTTP_404_NOT_FOUND', 'py', 'x = HTTP_404_NOT_F|OUND', /^\*\*404\*\*/],
    ['STATUS_NOT_FOUND', 'ts', 'return STATUS_NOT_F|OUND;', /^\*\*404\*\*/],
    ['HTTP_STATUS_BAD_GATEWAY', 'ts', 'send(HTTP_STATUS_BAD_GAT|EWAY);', /^\*\*502\*\*/],
    ['in an export list', 'ts', 'export { HTTP_NOT_F|OUND, other };', /^\*\*404\*\*/],
    ['a definition: name and value', 'py', 'HTTP_404 = 4|04', /^\*\*404\*\*/],
  ]);
  silent([
    ['STATUS_CREATED (one word: any state machine)', 'ts', 'order.state = STATUS_CREA|TED;'],
    ['HTTP_999 (no such status)', 'ts', 'x = HTTP_9|99;'],
    ['in a comment', 'ts', '// HTTP_4|04 is returned'],
  ]);
});

describe('literal unions, enums and tables', () => {
  it('type NoBody = 101 | 204 | 205 | 304', () => assert.deepEqual(codesIn('type NoBody = 101 | 204 | 205 | 304;', 'ts'), ['101', '204', '205', '304']));
  it("a schema's values under a status key, not its bounds", () => {
    assert.deepEqual(codesIn('const s = {\n  emptyStatusCode: Joi.valid(200, 204).default(204),\n  disconnectStatusCode: Joi.number().integer().min(400).default(499),\n  status: z.literal(404),\n  size: z.number().default(200),\n};', 'ts'), ['200', '204', '204', '499', '404']);
  });
  it('a cast to a union of statuses', () => assert.deepEqual(codesIn('throw new OAuthError(response.status as 400 | 401 | 403, body);', 'ts'), ['400', '401', '403']));
  it('a field typed with a union of statuses', () => assert.deepEqual(codesIn('type R = { ok: 200 | 201 };', 'ts'), ['200', '201']));
  it('not a union of non-statuses, nor bitwise arithmetic', () => {
    assert.deepEqual(codesIn('type Sizes = 1 | 2 | 404;', 'ts'), []);
    assert.deepEqual(codesIn('const x = a | 404;', 'ts'), []);
  });
  it('an enum of statuses (two members are enough)', () => {
    assert.deepEqual(codesIn('enum Code { Ok = 200, Missing = 404 }', 'ts'), ['200', '404']);
    assert.deepEqual(codesIn('<?php enum S: int { case Ok = 200; case Nope = 404; }', 'php'), ['200', '404']);
    assert.deepEqual(codesIn('class Status(IntEnum):\n    FINE = 200\n    GONE = 410\n', 'py'), ['200', '410']);
  });
  it('a map from error names to statuses', () => {
    assert.deepEqual(codesIn("const E = { invalid_client: 401, access_denied: 403, server_error: 500, temporarily_unavailable: 503 };", 'ts'), ['401', '403', '500', '503']);
    assert.deepEqual(codesIn("<?php $m = ['invalid_client' => 401, 'invalid_grant' => 400, 'slow_down' => 429];", 'php'), ['401', '400', '429']);
  });
  it('not sizes, not two entries, not mostly other numbers', () => {
    assert.deepEqual(codesIn('const SIZES = { sm: 200, md: 300, lg: 400 };', 'ts'), []);
    assert.deepEqual(codesIn('const E = { a: 401, b: 403 };', 'ts'), []);
    assert.deepEqual(codesIn('const E = { a: 401, b: 7, c: 9, d: 12, e: 403, f: 500 };', 'ts'), []);
  });
  it('the status column of a parameter table', () => {
    assert.deepEqual(codesIn("@pytest.mark.parametrize('path,body,status', [('/a', {}, 200), ('/b', {'x': 1}, 404), ('/c', {}, 201)])\ndef test_x(path, body, status): pass", 'py'), ['200', '404', '201']);
    assert.deepEqual(codesIn("it.each([['/a', 200], ['/b', 200], ['/c', 200]])('x', () => {});", 'ts'), ['200', '200', '200']);
  });
  it("a status table's rows with another phrase", () => {
    assert.deepEqual(codesIn("<?php $p = [404 => 'Not Found', 409 => 'Conflict', 410 => 'Gone', 425 => 'Unordered Collection'];", 'php'), ['404', '409', '410', '425']);
    assert.deepEqual(codesIn("const s = { 404: 'Not Found', 405: 'METHOD_NOT_SUPPORTED' };", 'ts'), ['404']); // one phrase row makes no table
  });
  it('not an enumeration counted up from a status, unless its names say status', () => {
    assert.deepEqual(codesIn('<?php class A {\n    const REASON_BROWSER = 100;\n    const REASON_SESSIONIP = 101;\n    const REASON_SESSIONMAXTIME = 102;\n}', 'php'), []);
    assert.deepEqual(codesIn('enum Reason { Browser = 100, SessionIp = 101, MaxTime = 102 }', 'ts'), []);
    assert.deepEqual(codesIn('enum S { Continue = 100, SwitchingProtocols = 101, Processing = 102 }', 'ts'), ['100', '101', '102']);
    assert.deepEqual(codesIn('retry = { 502: true, 503: true, 504: true }', 'py'), ['502', '503', '504']);
  });
  it('one occurrence a token, however many rules take it', () => {
    // The family rule and the constant rule both read `HTTP_VERSION_NOT_SUPPORTED`; it was listed twice.
    const doc = TextDocument.create('file:///x.js', 'javascript', 1, 'exports.HTTP_VERSION_NOT_SUPPORTED = 505;');
    const { occurrences } = analysisOf(doc);
    const starts = [...occurrences.starts.subarray(0, occurrences.length)];
    assert.deepEqual(starts.map((s) => doc.positionAt(s).character), [8, 37]);
  });
  it('not a table of dimensions', () => assert.deepEqual(codesIn('const dims = [[200, 300], [400, 500], [600, 700]];', 'ts'), []));
  it('the column rule itself', () => {
    const isStatus = (c: string) => ['200', '201', '300', '400', '404', '500'].includes(c);
    const never = () => false;
    assert.ok(isStatusColumn([{ value: '200' }, { value: '404' }, { value: '201' }], isStatus, never));
    assert.ok(!isStatusColumn([{ value: '200' }, { value: '404' }], isStatus, never), 'two rows');
    assert.ok(isStatusColumn([{ value: '200' }, { value: '404' }], isStatus, never, { minRows: 2 }));
    assert.ok(!isStatusColumn([{ value: '200' }, { value: '300' }, { value: '400' }], isStatus, never), 'round hundreds');
    assert.ok(isStatusColumn([{ value: '200', name: 'ok' }, { value: '400', name: 'bad' }, { value: '500', name: 'error' }], isStatus, never));
    assert.ok(!isStatusColumn([{ value: '200' }, { value: '404' }, { value: '201' }, undefined, undefined], isStatus, never), 'most rows');
  });
});

describe('namespaces, fallbacks, sets and composite literals (session 7, tuned on the dev split)', () => {
  hovers([
    ['a plural namespace: STATUSES.NOT_FOUND', 'ts', 'send(exports.STATUSES.NOT_F|OUND);', /^\*\*404\*\*/],
    ["httpx's codes.SEE_OTHER", 'py', 'if r.status_code == codes.SEE_OT|HER:\n    pass', /^\*\*303\*\*/],
    ["requests' codes.ok", 'py', 'if r.status_code == requests.codes.o|k:\n    pass', /^\*\*200\*\*/],
    ["requests' codes.not_found", 'py', 'if r.status_code == codes.not_fo|und:\n    pass', /^\*\*404\*\*/],
    ['a fallback for a code key: opts.status ?? 404', 'ts', 'const s = opts.status ?? 4|04;', /^\*\*404\*\*/],
    ["a key reader's default: body.get('status', 500)", 'py', "code = body.get('status', 5|00)", /^\*\*500\*\*/],
    ["getattr's default: getattr(e, 'status_code', 502)", 'py', "code = getattr(e, 'status_code', 5|02)", /^\*\*502\*\*/],
    ["the else branch of Python's conditional expression", 'py', 'code = 303 if secure else 3|02', /^\*\*302\*\*/],
    ['a status key followed by its purpose: statusCodeToFailOn = 500', 'ts', 'function setup(t, statusCodeToFailOn = 5|00) {}', /^\*\*500\*\*/],
  ]);
  silent([
    ["gRPC's codes.NotFound is not HTTP's", 'go', 'return status.Error(codes.NotFo|und, "x")'],
    ['codes.OK: one word under a bare codes', 'py', 'return codes.O|K'],
    ["gRPC's codes.OK in Go", 'go', 'package x\nfunc f() { y := codes.O|K }'],
    ['a key reader with another key', 'py', "n = body.get('limit', 5|00)"],
    ['a conditional whose first branch is no code', 'py', 'n = 1 if big else 4|04'],
    ['a status key followed by a measure: statusCodeLength', 'ts', 'const statusCodeLength = 2|00;'],
  ]);
  it('a fallback for a code key: res.statusCode || 200, but not for a timeout', () => {
    assert.deepEqual(codesIn('send(res.statusCode || 200);', 'ts'), ['200']);
    assert.deepEqual(codesIn('const t = opts.timeout || 500;', 'ts'), []);
  });
  it("a code getter's returned literal: getHTTPCode(), Go's StatusCode(), Python's status_code(self); not a getter of something else", () => {
    assert.deepEqual(codesIn('<?php class E { public function getHTTPCode() { return 404; } public function getLimit() { return 500; } }', 'php'), ['404']);
    assert.deepEqual(codesIn('package x\nfunc (e *E) StatusCode() int { return 503 }\nfunc (e *E) Timeout() int { return 500 }\n', 'go'), ['503']);
    assert.deepEqual(codesIn('class E:\n    def status_code(self):\n        return 409\n    def size(self):\n        return 500\n', 'py'), ['409']);
    assert.deepEqual(codesIn('function code(x) { return 404; }', 'ts'), [], 'a function of an argument computes');
  });
  it("a stub of a code getter: ->method('getStatusCode')->willReturn(404), Mockery's andReturn", () => {
    assert.deepEqual(codesIn("<?php $m->method('getStatusCode')->willReturn(404); $m->shouldReceive('getStatusCode')->andReturn(500); $m->method('getSize')->willReturn(404);", 'php'), ['404', '500']);
  });
  it("names of several words imported from a module of statuses (Twisted's http, http.client) are its statuses, aliases too; one-word names are any enum's", () => {
    assert.deepEqual(codesIn('from twisted.web.http import NOT_FOUND, OK, MOVED_PERMANENTLY as MOVED\nrequest.setResponseCode(NOT_FOUND)\nx = MOVED\n', 'py'), ['404', '301', '301', '404', '301']);
    assert.deepEqual(codesIn('from mylib import NOT_FOUND, OK\nx = OK\n', 'py'), []);
  });
  it("Python's http.NOT_FOUND and http.client.NOT_FOUND, http.server's send_response / send_error", () => {
    assert.deepEqual(codesIn('request.setResponseCode(http.NOT_FOUND)\nx = (http.client.NOT_FOUND, 1)\n', 'py'), ['404', '404']);
    assert.deepEqual(codesIn('self.send_response(200)\nself.send_error(404)\n', 'py'), ['200', '404']);
  });
  it("an acronym before a key's words: response['HTTPStatusCode'] == 200", () => {
    assert.deepEqual(codesIn('if r["ResponseMetadata"]["HTTPStatusCode"] == 200:\n    pass\n', 'py'), ['200']);
  });
  it('a response triple, status first: [200, {}, body], Python\'s return 301, headers, None; not three numbers', () => {
    assert.deepEqual(codesIn('response = [200, {}, handler]; x = [404, { "a": [1] }, ""];', 'ts'), ['200', '404']);
    assert.deepEqual(codesIn('def cb(request):\n    return 200, {}, body\ndef cb2(request):\n    return 301, redirect_headers, None\n', 'py'), ['200', '301']);
    assert.deepEqual(codesIn('const dims = [200, {}, 300, 4];', 'ts'), []);
  });
  it('a list named for statuses whose every member is one, also in parentheses; not a list of other numbers', () => {
    assert.deepEqual(codesIn('const nullBodyStatus = /** @type {const} */ ([101, 204, 205, 304]);', 'ts'), ['101', '204', '205', '304']);
    assert.deepEqual(codesIn('const taskStatus = [1, 2, 3]; const sizeStatus = [200, 7];', 'ts'), []);
  });
  it('a status and its reason phrase lead a longer tuple: (404, "Not Found", "Nothing matches")', () => {
    assert.deepEqual(codesIn('EXPECTED_404 = (404, "Not Found", "Nothing matches the given URI")', 'py'), ['404']);
  });
  it('a switch on a subject no key names is a table: its labels are statuses when most are (promhttp\'s sanitizeCode)', () => {
    assert.deepEqual(codesIn('package x\nfunc f(s int) string {\n\tswitch s {\n\tcase 100:\n\t\treturn "a"\n\tcase 200, 0:\n\t\treturn "b"\n\tcase 404:\n\t\treturn "c"\n\tcase 503:\n\t\treturn "d"\n\t}\n\treturn ""\n}\n', 'go'), ['100', '200', '404', '503']);
    assert.deepEqual(codesIn('switch (n) { case 400: a(); break; case 404: b(); break; case 500: c(); }', 'ts'), ['400', '404', '500']);
    assert.deepEqual(codesIn('switch (n) { case 1: a(); break; case 2: b(); break; case 404: c(); }', 'ts'), []);
    assert.deepEqual(codesIn('switch (size) { case 100: a(); break; case 200: b(); break; case 300: c(); }', 'ts'), [], 'round hundreds');
  });
  it('a list of nothing but numbers, most of them statuses (4 or more); not sizes, not ids', () => {
    assert.deepEqual(codesIn('package x\nvar ok = []int{200, 203, 204, 206, 300}\n', 'go'), ['200', '203', '204', '206', '300']);
    assert.deepEqual(codesIn('const a = [200, 201, 204, 404];', 'ts'), ['200', '201', '204', '404']);
    assert.deepEqual(codesIn('const sizes = [100, 200, 300, 400]; const ids = [1, 2, 3, 404]; const b = [1024, 2048, 4096, 8192];', 'ts'), []);
  });
  it("a family's spelling under a namespace of statuses: StatusCodeInterface::STATUS_OK; a bound is no code", () => {
    assert.deepEqual(codesIn('<?php $s = StatusCodeInterface::STATUS_OK; $m = [StatusCodeInterface::STATUS_CONTINUE => "Continue"];', 'php'), ['200', '100']);
    assert.deepEqual(codesIn('<?php if ($s < StatusCodeInterface::STATUS_CONTINUE || $s > StatusCodeInterface::STATUS_NOT_FOUND) {}', 'php'), []);
  });
  it("PHP's header(…, true, 301), a key reader getInfo('http_code'), Go's x.Error(400, msg) beside http.Error(w, msg, 500)", () => {
    assert.deepEqual(codesIn("<?php header('Location: /x', true, 301); $this->assertSame(404, $r->getInfo('http_code'));", 'php'), ['301', '404']);
    assert.deepEqual(codesIn('package x\nfunc f() { s.Error(400, "bad"); http.Error(w, "x", 500) }\n', 'go'), ['400', '500']);
  });
  it('three numbers that are all statuses make a list of statuses; an index of one or two digits is no code; a lower-case one-word field is no enum member', () => {
    assert.deepEqual(codesIn('NO_MESSAGE_BODY = (201, 204, 304)\nv = (3, 11, 2)\nc = (200, 201, 7)\n', 'py'), ['201', '204', '304']);
    assert.deepEqual(codesIn('if status[3] != " ":\n    pass\n', 'py'), []);
    assert.deepEqual(diagnosticsOf('if status[3] != " ":\n    pass\n', 'py').diagnostics, []);
    assert.deepEqual(codesIn('same(res, { ok: 200 }); enum E { OK = 200, Created = 201 }', 'ts'), ['200', '201']);
  });
  it("Go: a composite literal's type between its key and its braces, CodeIs, Errorf's expected/got, AssertEquals, a case list after a bare case", () => {
    const src = 'package x\nfunc f() {\n\to := &Opts{OkCodes: []int{200, 203}}\n\trecorded.CodeIs(404)\n\tt.Errorf("expected %d, got %d", 200, resp.StatusCode)\n\tth.AssertEquals(t, err.GetStatusCode(), 404)\n\tsizes := []int{1, 2}\n\tt.Errorf("got %d items", 200)\n}\n';
    assert.deepEqual(codesIn(src, 'go'), ['200', '203', '404', '200', '404']);
    const cases = 'package x\nfunc f() bool {\n\tswitch r.StatusCode {\n\tcase\n\t\t429, // too many\n\t\t503: // unavailable\n\t\treturn true\n\t}\n\treturn false\n}\n';
    assert.deepEqual(codesIn(cases, 'go'), ['429', '503']);
  });
  it("PHP's array(100 => 'Continue', …) is a status table like [100 => 'Continue']", () => {
    assert.deepEqual(codesIn("<?php $p = array(\n  100 => 'Continue',\n  404 => 'Not Found',\n);", 'php'), ['100', '404']);
  });
  it('a fallback list of a code key: statusCodes ?? [500, 502], Python\'s `or [503]`', () => {
    assert.deepEqual(codesIn('const o = { statusCodes: statusCodes ?? [500, 502, 429] };', 'ts'), ['500', '502', '429']);
    assert.deepEqual(codesIn('retriable_status_codes = retriable_status_codes or [503]', 'py'), ['503']);
    assert.deepEqual(codesIn('const sizes = opts.sizes ?? [200, 300];', 'ts'), []);
  });
  it("Python's set literals test membership like tuples; a dict's values are decided by their keys", () => {
    assert.deepEqual(codesIn('if r.status_code not in {307, 308}:\n    pass', 'py'), ['307', '308']);
    assert.deepEqual(codesIn('if n in {307, 308}:\n    pass', 'py'), []);
    assert.deepEqual(codesIn('d = {"width": 404, "height": 500}', 'py'), []);
  });
  it("Go's composite literal rows make a status column", () => {
    const src = 'package x\nvar tests = []struct {\n\tin   string\n\tcode int\n}{\n\t{"/a", 301},\n\t{"/b", 301},\n\t{"/c", 404},\n}\n';
    assert.deepEqual(codesIn(src, 'go'), ['301', '301', '404']);
    assert.deepEqual(codesIn('package x\nvar dims = [][]int{\n\t{200, 300},\n\t{400, 500},\n\t{600, 700},\n}\n', 'go'), []);
  });
  it("a status table's unofficial members count with it, and its names stand for them in the file", () => {
    const src = 'const STATUSES = { OK: 200, NOT_FOUND: 404, GONE: 410, NO_RESPONSE: 444, CLIENT_CLOSED_REQUEST: 499 };\nsend(STATUSES.NO_RESPONSE);';
    // `NOT_FOUND` is a code by its name too; the one-word names are any enum's words.
    assert.deepEqual(codesIn(src, 'ts'), ['200', '404', '404', '410', '444', '499', '444']);
  });
  it("a status-keyed map's string values are another scheme's names, not HTTP codes", () => {
    const a = analysisOf(TextDocument.create('file:///x/m.ts', 'typescript', 1, "const M = { 400: 'BAD_REQUEST', 404: 'NOT_FOUND', 500: 'INTERNAL_SERVER_ERROR' };"));
    const symbolic: string[] = [];
    for (let i = 0; i < a.occurrences.length; i++) if (!a.occurrences.numeric(i)) symbolic.push(a.occurrences.code(i));
    assert.deepEqual(symbolic, []);
  });
});

describe('file-type cases of the held-out check', () => {
  it("a PHP Riset client's status compare resolves to Riset", () => {
    const md = hoverAt("<?php\n$base = 'https://fr.riset.ai/face_api/';\n$body = json_decode($res->getBody(), true);\nif ($body['status'] == '4|12') { return null; }\nreturn $body['trx_id'];", 'php');
    assert.match(headline(md)!, /^\*\*412\*\* · Riset\.ai Face API$/);
  });
  it('Python match over body.get("code") hovers Faceki codes and flags an unknown one', () => {
    const src = "import requests\nr = requests.post('https://api.faceki.com/kyc', json=p)\nbody = r.json()\nmatch body.get(\"code\"):\n    case 8004:\n        pass\n    case 8099:\n        pass\n";
    assert.match(headline(hoverAt(src.replace('8004', '80|04'), 'py'))!, /^\*\*8004\*\* `FACE_CROPPED` · Faceki$/);
    const { diagnostics } = diagnosticsOf(src, 'py');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code]), [[6, 'unknown-code']]);
  });
});

/** Sample lines written from each format's public documentation (our own values). */
const LOGS: Record<string, { text: string; statuses: string[] }> = {
  'AWS ALB (two status columns)': {
    text: [200, 404, 502, 200]
      .map((s, i) => `https 2024-07-02T22:23:0${i}.186641Z app/lb/50dc 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 ${s} ${s} 34 366 "GET https://example.com:443/p${i} HTTP/1.1" "curl/8.0" - -`)
      .join('\n'),
    statuses: ['200', '200', '404', '404', '502', '502', '200', '200'],
  },
  'CloudFront (tab-separated, #Fields)': {
    text: '#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer)\n' + [200, 304, 403].map((s) => `2024-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td1.cloudfront.net\t/index.html\t${s}\t-`).join('\n'),
    statuses: ['200', '304', '403'],
  },
  'IIS W3C (#Fields names sc-status; substatus and win32 status stay silent)': {
    text: '#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n' + [200, 404].map((s) => `2024-01-01 00:00:01 10.0.0.1 GET /default.htm - 80 - 10.0.0.2 Mozilla/5.0 ${s} 0 0 15`).join('\n'),
    statuses: ['200', '404'],
  },
  'CouchDB': {
    text: [['GET', '/_all_dbs', 200], ['GET', '/db/doc', 404], ['PUT', '/db', 201]].map(([m, p, s], i) => `[notice] 2024-04-11T15:31:1${i}.123456Z couchdb@localhost <0.77${i}.0> 26f2a7b2${i} localhost:5984 127.0.0.1 admin ${m} ${p} ${s} ok 3`).join('\n'),
    statuses: ['200', '404', '201'],
  },
  'nginx-proxy-manager (upstream and status columns)': {
    text: [200, 502, 304].map((s, i) => `[11/Oct/2024:10:00:0${i} +0000] - ${s} ${s} - GET https example.com "/p${i}" [Client 1.2.3.4] [Length 123] [Gzip -] [Sent-to 10.0.0.2] "Mozilla/5.0" "-"`).join('\n'),
    statuses: ['200', '200', '502', '502', '304', '304'],
  },
  'Traefik CLF (the request counter after the user agent stays silent)': {
    text: [200, 404, 500, 200].map((s, i) => `192.168.1.1 - - [10/Oct/2024:13:55:3${i} +0000] "GET /p${i} HTTP/1.1" ${s} 2326 "-" "-" ${201 + i} "web@docker" "http://10.0.0.2:80" 12ms`).join('\n'),
    statuses: ['200', '404', '500', '200'],
  },
  'Envoy (status after the request line)': {
    text: [204, 503].map((s) => `[2024-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" ${s} - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0" "locations" "tcp://10.0.2.1:80"`).join('\n'),
    statuses: ['204', '503'],
  },
  'Envoy over more lines (a column of 100 ms upstream times stays silent)': {
    text: [204, 200, 503, 200, 404].map((s, i) => `[2024-04-15T20:17:0${i}.310Z] "POST /api/v1/locations HTTP/2" ${s} - 154 0 ${226 + i} 100 "10.0.35.28" "nsq2http" "cc21d9b0" "locations" "tcp://10.0.2.1:80"`).join('\n'),
    statuses: ['204', '200', '503', '200', '404'],
  },
  "Squid's native format (result code/status)": {
    text: [200, 403, 304].map((s, i) => `1286536308.77${i}    180 192.168.0.224 TCP_MISS/${s} ${4110 + i} GET http://www.example.com/p${i} - DIRECT/74.125.224.144 text/html`).join('\n'),
    statuses: ['200', '403', '304'],
  },
  'a log filtered to its failures (one status on every line)': {
    text: [1, 2, 3, 4].map((i) => `10.0.0.${i} GET /admin/${i} 401 ${120 + i * 7}`).join('\n'),
    statuses: ['401', '401', '401', '401'],
  },
  'Caddy JSON (the status key; size and duration stay silent)': {
    text: [200, 404, 200].map((s, i) => `{"level":"info","ts":1646861401.52${i},"logger":"http.log.access","msg":"handled request","request":{"method":"GET","uri":"/p${i}"},"duration":0.000929,"size":${300 + i},"status":${s}}`).join('\n'),
    statuses: ['200', '404', '200'],
  },
  'Traefik JSON (DownstreamStatus and OriginStatus)': {
    text: [200, 502].map((s, i) => `{"ClientHost":"192.168.0.${i}","DownstreamContentSize":${100 + i},"DownstreamStatus":${s},"Duration":${12345 + i},"OriginStatus":${s},"RequestPath":"/p${i}"}`).join('\n'),
    statuses: ['200', '200', '502', '502'],
  },
  "morgan's dev format (method, path, status, time)": {
    text: [200, 404, 304, 200, 500].map((s, i) => `GET /api/items/${i} ${s} ${3.1 + i} ms - ${12 + i}`).join('\n'),
    statuses: ['200', '404', '304', '200', '500'],
  },
  "Rails' request summary (Completed 404 Not Found)": {
    text: 'Started GET "/items/1" for 127.0.0.1 at 2024-12-07 10:00:00 +0000\nCompleted 404 Not Found in 5ms (Views: 2.0ms | ActiveRecord: 1.2ms)\nCompleted the job in 200 ms',
    statuses: ['404'],
  },
};

describe('logs by inference', () => {
  for (const [name, { text, statuses }] of Object.entries(LOGS)) {
    it(name, () => assert.deepEqual(codesIn(text, 'log'), statuses));
  }
  it('a column of sizes or ids with a few status-like values is no status column', () => {
    const text = [200, 512, 1024, 77, 4096, 301].map((n, i) => `2024-01-01T00:00:0${i}Z worker-${i} sent ${n} bytes`).join('\n');
    assert.deepEqual(codesIn(text, 'log'), []);
  });
  it('a counter that rises by one is no status column', () => {
    const text = [201, 202, 203].map((n) => `req ${n} done`).join('\n');
    assert.equal(inferLogLayout(text, (c) => c >= 200 && c < 600), undefined);
  });
  it('fields: quoted and bracketed fields are one', () => {
    const line = '1.2.3.4 - - [10/Oct/2024:13:55:36 +0000] "GET /a b HTTP/1.1" 200 5';
    const f = splitFields(line, 0, line.length, 'space');
    const fields: string[] = [];
    for (let i = 0; i < f.length; i += 2) fields.push(line.slice(f[i], f[i + 1]));
    assert.deepEqual(fields, ['1.2.3.4', '-', '-', '[10/Oct/2024:13:55:36 +0000]', '"GET /a b HTTP/1.1"', '200', '5']);
  });
});

describe('unofficial statuses (a curated tier of the HTTP vendor)', () => {
  const unofficial = registry.vendors.get('http')!.entries.filter((e) => e.unofficial);
  it('the tier holds the widely documented ones, each naming who sends it and where that is documented', () => {
    for (const code of ['419', '440', '444', '449', '460', '463', '494', '495', '496', '497', '499', '520', '521', '522', '523', '524', '525', '526', '530', '561']) {
      const e = unofficial.find((u) => u.code === code);
      assert.ok(e, code);
      assert.ok(e.unofficial!.usedBy.length > 2 && /^https:\/\//.test(e.unofficial!.source ?? ''), code);
    }
  });
  for (const e of unofficial) {
    it(`${e.code}: explained as unofficial, never an unknown code`, () => {
      const md = hoverAt(`res.status(${e.code.slice(0, 1)}|${e.code.slice(1)});`, 'ts')!;
      assert.match(md.split('\n')[2], new RegExp(`^\\*unofficial — .+:\\* \\*\\*`));
      assert.ok(md.includes(e.unofficial!.usedBy.replace(/[()]/g, (c) => `\\${c}`)) || md.includes(e.unofficial!.usedBy), md);
      assert.deepEqual(diagnosticsOf(`if (res.status === ${e.code}) retry();\nres.status(${e.code});`, 'ts').diagnostics, []);
    });
  }
  it('hovers as "unofficial — Cloudflare: Web Server Is Down"', () => {
    const md = hoverAt('const RETRY = [520, 52|1, 522].includes(res.status);', 'ts')!;
    assert.equal(md.split('\n')[2], '*unofficial — Cloudflare:* **Web Server Is Down** — *5xx Server Error*');
  });
  it('is never a did-you-mean target', () => {
    const { diagnostics } = diagnosticsOf('res.status(445);', 'ts');
    assert.equal(diagnostics.length, 1);
    const codes = (diagnostics[0].data as { suggestions: { code: string }[] }).suggestions.map((s) => s.code);
    assert.ok(codes.length > 0 && !codes.includes('444') && !codes.includes('449'), codes.join(','));
  });
});

describe('OpenAPI wherever it is embedded', () => {
  const sam = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Api:',
    '    Type: AWS::Serverless::Api',
    '    Properties:',
    '      DefinitionBody:',
    '        paths:',
    '          /items:',
    '            get:',
    '              responses:',
    "                '200':",
    '                  description: ok',
    "                '404':",
    '                  description: missing',
    '                default:',
    '                  description: other',
  ].join('\n');
  it('a responses map of statuses inside a SAM template', () => assert.deepEqual(codesIn(sam, 'yaml'), ['200', '404']));
  it('the same in JSON (a gateway definition without an openapi root key)', () => {
    const json = JSON.stringify({ Resources: { Api: { Properties: { Body: { paths: { '/x': { post: { responses: { '201': {}, '409': {} } } } } } } } } });
    assert.deepEqual(codesIn(json, 'json'), ['201', '409']);
  });
  it('not a responses map of names, nor one that mixes names and numbers', () => {
    assert.deepEqual(codesIn('handlers:\n  responses:\n    ok: yes\n    fail: no\n', 'yaml'), []);
    assert.deepEqual(codesIn("x:\n  responses:\n    '200': a\n    greeting: b\n", 'yaml'), []);
    assert.deepEqual(codesIn("x:\n  responses:\n    '1': a\n    '2': b\n", 'yaml'), []);
  });
});

describe('statuses read, returned and paired (session 9, from the third split once it became dev)', () => {
  it('a conditional assigned to a status key, whatever its condition tests', () => {
    assert.deepEqual(codesIn("ctx.status = 'error' in inputs ? 400 : 200;", 'ts'), ['400', '200']);
    assert.deepEqual(codesIn("this._status = 'status' in res ? res.status : 200;", 'ts'), ['200']);
    assert.deepEqual(codesIn("const size = 'big' in opts ? 400 : 200;", 'ts'), []);
  });
  it('a status beside its own reason phrase, in any call; not a one-word message', () => {
    assert.deepEqual(codesIn("send(404, 'Not Found');", 'ts'), ['404']);
    assert.deepEqual(codesIn("<?php\nreturn array(412, 'Precondition Failed');", 'php'), ['412']);
    assert.deepEqual(codesIn("send(404, 'Not here');", 'ts'), []);
    assert.deepEqual(codesIn("log(410, 'gone');", 'ts'), []);
  });
  it("the file's returned tuples as one table: their first column when most of it is statuses", () => {
    const php = "<?php\nfunction check($a) {\n  if ($a == 1) return array(302, $url);\n  if ($a == 2) return array(403, $msg);\n  return array(200, null);\n}";
    assert.deepEqual(codesIn(php, 'php'), ['302', '403', '200']);
    assert.deepEqual(codesIn('function f(a) {\n  if (a) return [0, a];\n  if (b) return [1, b];\n  return [200, c];\n}', 'ts'), []);
    assert.deepEqual(codesIn('function f(a) {\n  if (a) return [302, a];\n  return [200, c];\n}', 'ts'), []);
  });
  it('a list constructed from a set of statuses, also under a name and as a membership receiver', () => {
    assert.deepEqual(codesIn('const understood = new Set([\n  200,\n  203,\n  204,\n  206,\n]);', 'ts'), ['200', '203', '204', '206']);
    assert.deepEqual(codesIn('const statusCodes = new Set([200, 400, 500]);', 'ts'), ['200', '400', '500']);
    assert.deepEqual(codesIn('if (new Set([408, 429]).has(res.status)) retry();', 'ts'), ['408', '429']);
    assert.deepEqual(codesIn('const sizes = new Set([100, 200, 300]);', 'ts'), []);
  });
  it('a read whose constant argument names the code: curl_getinfo($ch, CURLINFO_HTTP_CODE) === 200', () => {
    assert.deepEqual(codesIn('<?php\nif (curl_getinfo($ch, CURLINFO_RESPONSE_CODE) === 200) {}', 'php'), ['200']);
    assert.deepEqual(codesIn('<?php\nif (curl_getinfo($ch, CURLINFO_TOTAL_TIME) === 200) {}', 'php'), []);
  });
  it('a function that says it reads a code, given what from', () => {
    assert.deepEqual(codesIn('<?php\nif (wp_remote_retrieve_response_code($r) === 404) {}', 'php'), ['404']);
    assert.deepEqual(codesIn('<?php\nif (wp_remote_retrieve_body($r) === 404) {}', 'php'), []);
  });
  it('a local variable assigned a code, compared later; not one assigned something else', () => {
    assert.deepEqual(codesIn('<?php\n$c = wp_remote_retrieve_response_code($r);\nif ($c === 404) {}', 'php'), ['404']);
    assert.deepEqual(codesIn('const s = res.status\nif (s === 404) {}', 'ts'), ['404']);
    assert.deepEqual(codesIn('<?php\n$s = $resp->getStatusCode();\nif (200 === $s) {}', 'php'), ['200']);
    assert.deepEqual(codesIn('const n = res.length\nif (n === 404) {}', 'ts'), []);
    assert.deepEqual(codesIn('const s = res.status + offset\nif (s === 404) {}', 'ts'), []);
    // The last assignment counts, also when the same name was asked about before.
    assert.deepEqual(codesIn('let s = res.status\nif (s === 404) {}\ns = compute()\nif (s === 500) {}', 'ts'), ['404']);
    assert.deepEqual(codesIn('let t = x\nif (t === 200) {}\nt = res.status\nif (t === 201) {}', 'ts'), ['201']);
  });
  it('a status beside the response headers, whatever the call is named; not beside other objects', () => {
    assert.deepEqual(codesIn('const r = this.write(204, headers)', 'ts'), ['204']);
    assert.deepEqual(codesIn("respond(201, { 'Content-Type': 'application/json' }, body)", 'ts'), ['201']);
    assert.deepEqual(codesIn("res.writeHeader(200, {})", 'ts'), ['200']);
    assert.deepEqual(codesIn('resize(200, { width: 3 })', 'ts'), []);
    assert.deepEqual(codesIn('pad(200, headers.length)', 'ts'), []);
  });
  it("one-word STATUS_ members in a class related to one of statuses (PSR-7's StatusCodeInterface); not elsewhere", () => {
    const psr = '<?php\nuse Fig\\Http\\Message\\StatusCodeInterface;\nfinal class R extends P implements StatusCodeInterface {\n  function f() { return new self(self::STATUS_OK); }\n}';
    assert.equal(analysisOf(TextDocument.create('file:///x/r.php', 'php', 1, psr)).occurrences.code(0), '200');
    assert.deepEqual(codesIn('<?php\nclass Order { function f() { if ($this->status == self::STATUS_CREATED) {} } }', 'php'), []);
  });
  it("ModSecurity's denial: the status after 'with code', not its rule's line or id", () => {
    const log = [
      '[Tue Dec 01 10:00:00 2020] [error] [client 1.2.3.4] ModSecurity: Access denied with code 403 (phase 2). [line "200"] [id "950001"]',
      '[Tue Dec 01 10:00:01 2020] [error] [client 1.2.3.4] ModSecurity: Warning. Pattern match at REQUEST_HEADERS. [line "404"]',
      '[Tue Dec 01 10:00:02 2020] [error] [client 1.2.3.4] Access denied with code 401',
    ].join('\n');
    assert.deepEqual(codesIn(log, 'log'), ['403']);
  });
  it("an exception class given more numbers that are no status than statuses numbers its own outcomes", () => {
    const php = (codes: number[]) => '<?php\n' + codes.map((c) => `throw new RemoteException('m', ${c});`).join('\n');
    assert.deepEqual(codesIn(php([121, 131, 132, 221, 401, 402, 403]), 'php'), []);
    assert.deepEqual(codesIn(php([401, 404]), 'php'), ['401', '404']);
  });
  it('PHP from the fourth split once it became dev: wp_die, PSR-17, helpers named for a status, compound status names', () => {
    const evidence = '<?php\nif ($response->getStatusCode() === 200) {}\n';
    assert.deepEqual(codesIn(evidence + 'wp_die($message, 409);', 'php'), ['200', '409']);
    assert.deepEqual(codesIn('<?php\nwp_die($message, 409);', 'php'), []);
    assert.deepEqual(codesIn('<?php\nreturn $this->responseFactory->createResponse(302);', 'php'), ['302']);
    assert.deepEqual(codesIn(evidence + "$request->PreconditionFailed(403, 'DAV::sync');", 'php'), ['200', '403']);
    assert.deepEqual(codesIn(evidence + 'if ($object->sync_status == 404) { $first_status = 404; }', 'php'), ['200', '404', '404']);
    assert.deepEqual(codesIn('<?php\nif ($task_status == 3) {}', 'php'), []);
  });
  it('a chain read through calls with arguments, a status line searched, a list built by array() in a membership test', () => {
    assert.deepEqual(codesIn("<?php\nif ('404' == $errnode->item(0)->getAttribute('code')) {}", 'php'), ['404']);
    assert.deepEqual(codesIn("<?php\nif (strpos($headers[0], '200') === false) {}", 'php'), ['200']);
    assert.deepEqual(codesIn("<?php\nif (strpos($text, '200') === false) {}", 'php'), []);
    assert.deepEqual(codesIn('<?php\nif (in_array($code, array(301, 302), true)) {}', 'php'), ['301', '302']);
    assert.deepEqual(codesIn('<?php\nif (in_array(curl_getinfo($h, CURLINFO_HTTP_CODE), array(301, 302))) {}', 'php'), ['301', '302']);
  });
  it("PHP's short open tag opens code; <?xml does not", () => {
    assert.deepEqual(codesIn('<?\nhttp_response_code(404);\n?>', 'php'), ['404']);
    assert.deepEqual(codesIn('<?xml version="1.0"?>\n<a>http_response_code(404);</a>', 'php'), []);
  });
  it('a constant holding its own name as a string spells no status', () => {
    assert.equal(hoverAt("<?php\nclass C { public const NOT_FOUND = 'NOT_F|OUND'; }", 'php'), null);
  });
});

describe('interpolations and status classes (session 10, from the fifth PHP and fourth TS splits once they became dev)', () => {
  it("a template literal's interpolations are code: a status constant there is a status, the template's text is not", () => {
    const src = "throw new StatusCodeError(\n  StatusCodes.NOT_IMPLEMENTED,\n  `onSend(): ${StatusCodes.NOT_IMPLEMENTED}: ${\n    STATUS_CODES[StatusCodes.NOT_IMPLEMENTED]\n  }`,\n);";
    const doc = TextDocument.create('file:///x/a.ts', 'typescript', 1, src);
    const a = analysisOf(doc);
    const found: string[] = [];
    for (let i = 0; i < a.occurrences.length; i++) if (a.resolve(i).candidates.length) found.push(`${doc.positionAt(a.occurrences.starts[i]).line}:${a.occurrences.code(i)}`);
    assert.deepEqual(found, ['1:501', '2:501', '3:501']);
    // Text around interpolations stays text; a status call inside one is a call like any other.
    assert.deepEqual(codesIn('const s = `HTTP 404 ${path} 500`;', 'ts'), []);
    assert.deepEqual(codesIn('const u = `${base}/${ok ? `a${res.status(404)}` : "b"}/`;', 'ts'), ['404']);
  });
  it('a method of a class named for statuses takes a status, whatever the method is called', () => {
    assert.deepEqual(codesIn('<?php\nHttpStatus::header( 304 );', 'php'), ['304']);
    assert.deepEqual(codesIn('StatusCodes.reasonOf(404);', 'ts'), ['404']);
    // A bare `Status` is any result type; a lower-case receiver is a variable.
    assert.deepEqual(codesIn("<?php\n$s = Status::newGood( 100 );", 'php'), []);
    assert.deepEqual(codesIn('status.split(null, 100);', 'ts'), []);
  });
  it('a function named for an HTTP error takes a status, also over several lines', () => {
    assert.deepEqual(codesIn("<?php\nwfHttpError(\n  404,\n  'Unknown test module',\n  'x'\n);", 'php'), ['404']);
    assert.equal(callCue({ name: 'send_http_error', form: 'function' }), 'strong');
    assert.equal(callCue({ name: 'onError', form: 'function' }), 'weak');
  });
});

describe('subjects, named columns and abbreviated keys (session 10, tuned on the dev split)', () => {
  it("a subject function called as a method: Postman's pm.expect(pm.response.code), chai.expect(res.status)", () => {
    assert.deepEqual(codesIn('pm.expect(pm.response.code).to.eql(201);', 'js'), ['201']);
    assert.deepEqual(codesIn('pm.expect(pm.response.code).to.be.oneOf([201, 204]);', 'js'), ['201', '204']);
    assert.deepEqual(codesIn('chai.expect(res.status).to.equal(203);', 'js'), ['203']);
    // supertest's .expect(200) is still its row; a subject that is no code key decides nothing.
    assert.deepEqual(codesIn("request(app).get('/').expect(200);", 'js'), ['200']);
    assert.deepEqual(codesIn('pm.expect(pm.response.responseTime).to.be.below(200);', 'js'), []);
    assert.deepEqual(codesIn('pm.expect(body.items.length).to.equal(200);', 'js'), []);
  });
  it('a parametrised table whose column the test names for a code key, with any number of rows', () => {
    assert.deepEqual(codesIn('@pytest.mark.parametrize("path,status", [("/a", 200), ("/b", 404)])\ndef t(path, status): pass', 'py'), ['200', '404']);
    assert.deepEqual(codesIn('@pytest.mark.parametrize(("path", "status_code"), [("/a", 201), ("/b", 404)])\ndef t(): pass', 'py'), ['201', '404']);
    assert.deepEqual(codesIn('@pytest.mark.parametrize("path,size", [("/a", 200), ("/b", 404)])\ndef t(): pass', 'py'), []);
  });
  it("the usual abbreviations of a response's code are compound code keys: rcode", () => {
    assert.deepEqual(codesIn('if rcode == 429 or rcode in [400, 404]:\n    pass', 'py'), ['429', '400', '404']);
    assert.deepEqual(codesIn('<?php\nif ( $rcode === 404 ) {}', 'php'), ['404']);
    assert.deepEqual(codesIn('if (barcode === 404) {}', 'ts'), []);
  });
});

describe("a Postman collection's test scripts (JavaScript inside JSON strings)", () => {
  const collection = JSON.stringify({
    item: [{
      event: [{ listen: 'test', script: { exec: ['pm.test("Status code is 200", function () {', '    pm.response.to.have.status(200);', '    pm.expect(pm.response.code).to.eql(201);', '});'] } }],
      response: [{ name: 'Missing', status: 'Not Found', code: 404, body: '{"error": 500}' }],
    }],
  }, null, 2);
  it("the scripts' status places are found at their place in the JSON text; titles and bodies stay text", () => {
    const doc = TextDocument.create('file:///x/c.json', 'json', 1, collection);
    const a = analysisOf(doc);
    const found: string[] = [];
    for (let i = 0; i < a.occurrences.length; i++) {
      if (!a.resolve(i).candidates.length) continue;
      found.push(collection.slice(a.occurrences.starts[i], a.occurrences.ends[i]));
      assert.equal(collection.slice(a.occurrences.starts[i], a.occurrences.ends[i]), a.occurrences.code(i));
    }
    assert.deepEqual(found, ['200', '201', '404']);
  });
  it('escapes in a line do not move what is found after them; v1 `tests` strings are scripts too', () => {
    const src = '{"exec": ["var t = \\"\\u0041\\\\\\"\\"; res.status(503);"], "tests": "tests[\\"ok\\"] = responseCode.code === 200;"}';
    const doc = TextDocument.create('file:///x/c.json', 'json', 1, src);
    const a = analysisOf(doc);
    const found: string[] = [];
    for (let i = 0; i < a.occurrences.length; i++) if (a.resolve(i).candidates.length) found.push(src.slice(a.occurrences.starts[i], a.occurrences.ends[i]));
    assert.deepEqual(found, ['503', '200']);
  });
  it('strings under other keys are not scripts, and a malformed escape loses nothing else', () => {
    assert.deepEqual(codesIn('{"description": "res.status(404)", "status": 503}', 'json'), ['503']);
    assert.deepEqual(codesIn('{"exec": ["res.status(404)\\x"], "code": 500}', 'json'), ['500']);
  });
});

describe('reason-named members where the place says status; tables with some phrases (session 10)', () => {
  it("a reason-named member of any namespace assigned to, compared with or passed as a status: Deno's Status.NotFound", () => {
    assert.deepEqual(codesIn('ctx.response.status = Status.NotFound;', 'ts'), ['404']);
    assert.match(headline(hoverAt('ctx.response.status = Status.Not|Found;', 'ts')!)!, /404/);
    assert.match(headline(hoverAt('if (res.status === Codes.Forb|idden) {}', 'ts')!)!, /403/);
    assert.match(headline(hoverAt('res.status(Status.Crea|ted);', 'ts')!)!, /201/);
    // gRPC's codes live under `code`: `{ code: Status.NOT_FOUND }` is its code 5, not HTTP 404.
    assert.equal(hoverAt("call.sendStatus({ code: Status.NOT_FO|UND, details: 'x' });", 'ts'), null);
    assert.equal(hoverAt('if (err.code === Status.UNAVAIL|ABLE) {}', 'ts'), null);
    assert.equal(hoverAt('const size = Size.La|rge;', 'ts'), null);
  });
  it('an object keyed by statuses is one table when some of its values are reason phrases and others are not', () => {
    assert.deepEqual(codesIn("const messages = { 400: 'Bad', 401: 'Unauthorized', 404: 'Missing' };", 'ts'), ['400', '401', '404']);
    assert.deepEqual(codesIn("const sizes = { 400: 'small', 800: 'large' };", 'ts'), []);
  });
});

describe("PHP's match expression over a code key (session 10)", () => {
  it("each arm's condition is a value of the subject, alone or in a list; results are not", () => {
    assert.deepEqual(codesIn('<?php\n$r = match ($status) { 404 => "a", 500 => "b", default => "c" };', 'php'), ['404', '500']);
    assert.deepEqual(codesIn('<?php\n$r = match ($response->getStatusCode()) {\n  404, 410 => "gone",\n  500 => 1,\n  default => 2,\n};', 'php'), ['404', '410', '500']);
    assert.deepEqual(codesIn('<?php\n$r = match ($request->input("status")) { "404" => 1, default => 2 };', 'php'), ['404']);
  });
  it('a subject no key names, a method named match, and a result that is a number decide nothing', () => {
    assert.deepEqual(codesIn('<?php\n$r = match ($size) { 400 => 1, 500 => 2 };', 'php'), []);
    assert.deepEqual(codesIn('<?php\n$x = $router->match($a, 404);\nif ($y) { $z = [404, 1]; }', 'php'), []);
    assert.deepEqual(codesIn('<?php\n$r = match ($status) { 404 => 200, default => 500 };', 'php'), ['404']);
  });
});

describe('lists named for statuses with a list word after the name (session 10)', () => {
  it("urllib3's status_forcelist and the like hold statuses, also two of them in a tuple", () => {
    assert.deepEqual(codesIn('r = Retry(total=3, status_forcelist=(500, 502))', 'py'), ['500', '502']);
    assert.deepEqual(codesIn('const statusCodeAllowList = [200, 404];', 'ts'), ['200', '404']);
    assert.deepEqual(codesIn('status_list = (1, 2)', 'py'), []);
    assert.deepEqual(codesIn('sizes_list = (500, 502)', 'py'), []);
  });
});

describe("Go's test idioms (session 10, from the second split's Go once it became dev)", () => {
  it('got and want assigned together: the literal is what the code-key chain is compared with', () => {
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tif got, want := httpWriter.Code, 404; got != want {}\n}', 'go'), ['404']);
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tgot, want := rec.Result().StatusCode, 201\n}', 'go'), ['201']);
    assert.deepEqual(codesIn('package x\nfunc T() {\n\ta, b := len(x), 200\n}', 'go'), []);
    // The literal first, and a getter call ahead of the walk: aws-sdk-go's `if e, a := 401, aerr.StatusCode(); e != a`.
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tif e, a := 401, aerr.StatusCode(); e != a {}\n}', 'go'), ['401']);
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tif x, y := 200, b.Len(); x != y {}\n}', 'go'), []);
  });
  it('want and got make a compound code key: wantCode, gotStatus', () => {
    assert.deepEqual(codesIn('package x\nvar tests = []struct{ url string; wantCode int }{\n\t{url: "/a", wantCode: 404},\n}', 'go'), ['404']);
    assert.deepEqual(codesIn('if (wantStatus === 410) {}', 'ts'), ['410']);
  });
  it("a test helper comparing its arguments: expect(t, res.Code, 500); a callee spelling WriteHeader into a longer name", () => {
    assert.deepEqual(codesIn('package x\nfunc T(t *testing.T) {\n\texpect(t, res.Code, 500)\n\texpect(t, len(body), 500)\n}', 'go'), ['500']);
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tresp.WriteHeaderAndEntity(404, pong)\n}', 'go'), ['404']);
  });
  it("a list of objects is a table by field name: go-restful's {write: 204, read: 204} rows; ids and counters are not", () => {
    const go = 'package x\nvar cases = []struct{ write, read int }{\n\t{write: 204, read: 204},\n\t{write: 304, read: 304},\n\t{write: 400, read: 400},\n}';
    assert.deepEqual(codesIn(go, 'go'), ['204', '204', '304', '304', '400', '400']);
    assert.deepEqual(codesIn("const cases = [{ path: '/a', expected: 200 }, { path: '/b', expected: 404 }, { path: '/c', expected: 500 }];", 'ts'), ['200', '404', '500']);
    assert.deepEqual(codesIn('const ids = [{ id: 201 }, { id: 305 }, { id: 404 }];', 'ts'), []);
    assert.deepEqual(codesIn('const runs = [{ step: 201 }, { step: 202 }, { step: 203 }];', 'ts'), []);
    assert.deepEqual(codesIn('const fonts = [{ weight: 300 }, { weight: 400 }, { weight: 500 }, { weight: 700 }];', 'ts'), []);
  });
});

describe("Cypress's subjects (session 10)", () => {
  it(".its('status') and .its('response.statusCode') before an equality chainer; other properties and bounds decide nothing", () => {
    assert.deepEqual(codesIn("cy.request('/x').its('status').should('eq', 200);", 'ts'), ['200']);
    assert.deepEqual(codesIn("cy.wait('@x').its('response.statusCode').should('equal', 201);", 'ts'), ['201']);
    assert.deepEqual(codesIn("cy.get('li').its('length').should('eq', 200);", 'ts'), []);
    assert.deepEqual(codesIn("cy.request('/x').its('status').should('be.gte', 400);", 'ts'), []);
  });
  it(".should('have.property', 'status', 404): the property's name says what its value is", () => {
    assert.deepEqual(codesIn("cy.request('/x').should('have.property', 'status', 404);", 'ts'), ['404']);
    assert.deepEqual(codesIn("cy.get('x').should('have.property', 'width', 400);", 'ts'), []);
  });
});

describe('PHP stubs, membership assertions and CodeIgniter 3 (session 10, from the sixth PHP split once it became dev)', () => {
  it("a stubbed code method's expected argument: ->method('statusCode')->with(200)", () => {
    assert.deepEqual(codesIn("<?php\n$response->expects($this->at(0))->method('statusCode')->with(200);", 'php'), ['200']);
    assert.deepEqual(codesIn("<?php\n$response->expects($this->once())->method('setStatusCode')->with(404);", 'php'), ['404']);
    assert.deepEqual(codesIn("<?php\n$mock->method('setTimeout')->with(500);", 'php'), []);
  });
  it("PHPUnit's assertContains with a code read and a list of codes, strings included", () => {
    assert.deepEqual(codesIn("<?php\n$this->assertContains($response->getCode(), ['200', '204'], $response->getMessage());", 'php'), ['200', '204']);
    assert.deepEqual(codesIn('<?php\n$this->assertContains(500, $sizes);', 'php'), []);
  });
  it("CodeIgniter 3's show_error($message, 403)", () => {
    assert.deepEqual(codesIn("<?php\nshow_error('The action you have requested is not allowed.', 403);", 'php'), ['403']);
  });
});

describe("Go table tests' struct fields and Go's HTTP mocks (session 10, from their documented APIs)", () => {
  it("a positional row's column takes the name of the anonymous struct's field: status int, code int", () => {
    const go = 'package x\nfunc T() {\n\ttests := []struct {\n\t\tname   string\n\t\tstatus int\n\t}{\n\t\t{"ok", 200},\n\t\t{"missing", 404},\n\t}\n}';
    assert.deepEqual(codesIn(go, 'go'), ['200', '404']);
    assert.deepEqual(codesIn('package x\nvar cases = []struct{ method, path string; code int }{\n\t{"GET", "/", 201},\n\t{"GET", "/x", 404},\n}', 'go'), ['201', '404']);
    assert.deepEqual(codesIn('package x\nvar sizes = []struct{ name string; width int }{\n\t{"a", 200},\n\t{"b", 404},\n}', 'go'), []);
  });
  it("httpmock's responders and gock's Reply take the status first", () => {
    assert.deepEqual(codesIn('package x\nfunc T() {\n\thttpmock.RegisterResponder("GET", url, httpmock.NewStringResponder(200, "x"))\n\tgock.New(url).Get("/x").Reply(404)\n}', 'go'), ['200', '404']);
  });
});

describe("Go's membership functions (session 10)", () => {
  it('slices.Contains and testify Contains with a composite literal of statuses and a code read', () => {
    assert.deepEqual(codesIn('package x\nfunc H() {\n\tif slices.Contains([]int{200, 201}, resp.StatusCode) {}\n\tassert.Contains(t, []int{301, 302}, rec.Code)\n}', 'go'), ['200', '201', '301', '302']);
    assert.deepEqual(codesIn('package x\nfunc H() {\n\tif strings.Contains(body, "404") {}\n\tf([]int{200, 404}, x)\n}', 'go'), []);
  });
});

describe('PHP pages, strong cues with unofficial statuses, swagger-php responses (session 11, tuned on the dev split)', () => {
  it("a PHP page that reads the request or writes a header is evidence for weak places", () => {
    assert.deepEqual(codesIn("<?php\n$id = $_GET['id'];\nthrow new \\App\\Error\\Error('NOACCESS', null, 403);", 'php'), ['403']);
    assert.deepEqual(codesIn("<?php\nheader('Content-Type: text/plain');\nwp_send_json($data, 201);", 'php'), ['201']);
    // Without them, and with a method named header, the weak place stays silent.
    assert.deepEqual(codesIn("<?php\nthrow new \\App\\Error\\Error('NOACCESS', null, 403);", 'php'), []);
    assert.deepEqual(codesIn("<?php\n$mail->header('X-A: b');\nwp_send_json($data, 201);", 'php'), []);
    // `$_GET` in TypeScript is a name like any other.
    assert.deepEqual(codesIn("const $_GET = 1;\nreturn c.json({ items }, 201);", 'ts'), []);
  });
  it('a strong cue takes an unofficial status; a weak one does not', () => {
    assert.deepEqual(codesIn("<?php\n$e = new TransportException('Network disabled', 499);\nabort(520);", 'php'), ['499', '520']);
    assert.deepEqual(codesIn("<?php\n$x = $resp->getStatusCode();\nwp_send_json($data, 499);", 'php'), []);
  });
  it('a parenthesised argument is the argument', () => {
    assert.deepEqual(codesIn('<?php\nhttp_response_code(($exists ? 204 : 201));', 'php'), ['204', '201']);
    assert.deepEqual(codesIn('res.status((ok ? 200 : 201));', 'ts'), ['200', '201']);
    // Arithmetic on the parenthesised expression makes it no status.
    assert.deepEqual(codesIn('res.status((ok ? 200 : 201) + 1);', 'ts'), []);
  });
  it("swagger-php's response attribute documents a status", () => {
    assert.deepEqual(codesIn('<?php\n#[OA\\Response(response: 200, description: "OK")]\n#[OA\\Response(response: 404, description: "Missing")]\nfunction show() {}', 'php'), ['200', '404']);
    assert.deepEqual(codesIn('<?php\n$x = new Cache(response: 200);', 'php'), []);
  });
});

describe("Gomega, Go composite literals of response types, response setters (session 11, from the eighth split's Go once it became dev)", () => {
  it("Gomega's equality matchers inside an assertion on a code key", () => {
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tExpect(taskErr.StatusCode).Should(Equal(500))\n\tExpect(rec.Code).ToNot(BeEquivalentTo(201))\n}', 'go'), ['500', '201']);
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tExpect(len(items)).To(Equal(200))\n\tx := Equal(404)\n}', 'go'), []);
  });
  it("a composite literal of a response type is its construction", () => {
    assert.deepEqual(codesIn('package x\nvar m = map[string]testutil.Response{"/api": testutil.Response{201, nil, body}}\nvar r = Response{500, nil, msg}', 'go'), ['201', '500']);
    assert.deepEqual(codesIn('package x\nvar p = Point{200, 300}\nvar q = Response{200, 300}', 'go'), []);
  });
  it('a setter of the response given a status; a timeout or size of it is no status', () => {
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tserver.SetResponseJson(200, mockTask)\n}', 'go'), ['200']);
    assert.deepEqual(codesIn('package x\nfunc T() {\n\tserver.SetResponseTimeout(200)\n\tserver.SetResponseSize(404)\n}', 'go'), []);
  });
});

describe("Python's http.client imported as a module, HTTP-named modules, constants defined by a status tuple (session 11, from the twelfth split's Radicale once it became dev)", () => {
  it('`from http import client` and `import http.client as X` name a module of statuses', () => {
    assert.deepEqual(codesIn('from http import client\nimport http.client as httplib\ndef f():\n    status = client.UNAUTHORIZED\n    return httplib.MULTI_STATUS, {}, None', 'py'), ['401', '207']);
    // A module named client that is not http's says nothing.
    assert.deepEqual(codesIn('from myapp import client\ndef f():\n    return client.UNAUTHORIZED', 'py'), []);
  });
  it('a module named for HTTP in one lower-case word holds statuses', () => {
    assert.deepEqual(codesIn('from radicale import httputils\ndef f():\n    return httputils.METHOD_NOT_ALLOWED', 'py'), ['405']);
  });
  it('a constant named for a status, defined as a tuple that starts with it, stands for it', () => {
    const src = 'from http import client\nNOT_FOUND: types.WSGIResponse = (\n    client.NOT_FOUND, (("Content-Type", "text/plain"),), "Missing")\nREMOTE: types.WSGIResponse = (client.BAD_GATEWAY, (), "x")\ndef f():\n    return NOT_FOUND\ndef g():\n    return REMOTE';
    assert.deepEqual(codesIn(src, 'py'), ['404', '404', '502', '404']);
  });
});
