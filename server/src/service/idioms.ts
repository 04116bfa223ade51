/**
 * How real code writes status and error codes, as data: calls that take a status and at which argument, assertion
 * shapes, membership methods, list constructors, HTTP constant namespaces. The code-position engine (positions.ts)
 * reads these tables for every language; a row's `languages` says where it applies, and a language's own syntax facts
 * (its switch keyword, or-patterns, literal unions) are its row in languages.ts. A new idiom is a row here, not a
 * branch in a scanner.
 */

/** The languages the code-position engine reads (their rows in languages.ts have a tokenizer). */
export type LanguageId = 'ts' | 'python' | 'php' | 'go';

/** Where a call's status argument sits: a 0-based index, or the last argument. */
export type ArgPosition = number | 'last';

/** A call that takes a status: `res.status(404)`, `createError(404)`, `new HttpException(msg, 404)`. */
export interface StatusCallRow {
  /** The callee's name as written (the last member for methods). Matched exactly. */
  name: string;
  /** `x.name(…)`, `name(…)`, `new Name(…)`; 'any' accepts each of them. */
  form: 'method' | 'function' | 'new' | 'any';
  /** Arguments that hold a status; a number elsewhere in the call is not one. */
  args: readonly ArgPosition[];
  /** Languages where the row applies (all when absent). */
  languages?: readonly LanguageId[];
  /** The status is HTTP's (true for every row so far; a vendor SDK call would say false). */
  http?: boolean;
  /**
   * A row the file's own code implies (a parameter named like a code key): it takes registered codes only, so an
   * unknown number there (a WebSocket close code 1000 given to `close(self, code)`) is no code and gets no warning.
   */
  inferred?: boolean;
}

/** Status-taking APIs of servers, HTTP error libraries, test tools and mocks. */
export const STATUS_CALLS: readonly StatusCallRow[] = [
  // Node servers (Express, Koa, Fastify, hapi, http): the response's status setters.
  { name: 'status', form: 'method', args: [0] },
  { name: 'sendStatus', form: 'method', args: [0] },
  { name: 'writeHead', form: 'method', args: [0] },
  // Node's older spelling of writeHead, still served by http.ServerResponse.
  { name: 'writeHeader', form: 'method', args: [0] },
  { name: 'code', form: 'method', args: [0] },
  { name: 'statusCode', form: 'method', args: [0] },
  { name: 'setStatus', form: 'method', args: [0] },
  { name: 'setStatusCode', form: 'method', args: [0] },
  { name: 'withStatus', form: 'method', args: [0] },
  // PSR-17's ResponseFactoryInterface::createResponse(int $code = 200, string $reasonPhrase = '').
  { name: 'createResponse', form: 'method', args: [0] },
  { name: 'redirect', form: 'method', args: [0, 1] },
  // Koa's context: ctx.throw(403), ctx.throw('msg', 403), ctx.assert(ok, 401).
  { name: 'throw', form: 'method', args: [0, 1] },
  { name: 'assert', form: 'method', args: [1], languages: ['ts'] },
  // http-errors, @fastify/error, Nest, ky/got-style error classes.
  { name: 'createError', form: 'any', args: [0, 1, 2] },
  { name: 'createHttpError', form: 'any', args: [0, 1, 2] },
  { name: 'isBoom', form: 'method', args: [1] },
  { name: 'httpErrors', form: 'function', args: [0] },
  { name: 'HttpException', form: 'new', args: [0, 1] },
  { name: 'HttpError', form: 'new', args: [0, 1] },
  { name: 'HTTPError', form: 'new', args: [0, 1] },
  { name: 'HttpErrorResponse', form: 'new', args: [1] },
  // Nest decorators.
  { name: 'HttpCode', form: 'function', args: [0] },
  { name: 'Redirect', form: 'function', args: [1] },
  // supertest / superagent expectations, nock and axios-mock-adapter replies, matchers that name the status.
  { name: 'expect', form: 'method', args: [0] },
  { name: 'reply', form: 'method', args: [0] },
  { name: 'replyOnce', form: 'method', args: [0] },
  { name: 'replyWithFile', form: 'method', args: [0] },
  { name: 'toHaveStatus', form: 'method', args: [0] },
  { name: 'toHaveStatusCode', form: 'method', args: [0] },
  { name: 'toHaveHTTPStatus', form: 'method', args: [0] },
  { name: 'toHaveHttpStatus', form: 'method', args: [0] },
  // Flask / Werkzeug / Starlette / FastAPI.
  { name: 'abort', form: 'any', args: [0] },
  { name: 'make_response', form: 'function', args: [1], languages: ['python'] },
  { name: 'HTTPException', form: 'function', args: [0], languages: ['python'] },
  { name: 'HttpResponse', form: 'function', args: [1], languages: ['python'] },
  // `httpx.Response(502, …)`, `requests`-style mocks; Werkzeug / Starlette / DRF `Response(body, 404)`.
  { name: 'Response', form: 'any', args: [0, 1], languages: ['python'] },
  // Flask error handlers: `@app.errorhandler(404)`, `app.register_error_handler(500, fn)`.
  { name: 'errorhandler', form: 'method', args: [0], languages: ['python'] },
  { name: 'register_error_handler', form: 'method', args: [0], languages: ['python'] },
  // Django REST framework's status class helpers: `is_success(200)`.
  { name: 'is_informational', form: 'any', args: [0], languages: ['python'] },
  { name: 'is_success', form: 'any', args: [0], languages: ['python'] },
  { name: 'is_redirect', form: 'any', args: [0], languages: ['python'] },
  { name: 'is_client_error', form: 'any', args: [0], languages: ['python'] },
  { name: 'is_server_error', form: 'any', args: [0], languages: ['python'] },
  // Laravel / Symfony / plain PHP.
  { name: 'abort_if', form: 'function', args: [1], languages: ['php'] },
  { name: 'abort_unless', form: 'function', args: [1], languages: ['php'] },
  { name: 'http_response_code', form: 'function', args: [0], languages: ['php'] },
  // CodeIgniter 3's `show_error($message, 403)` and `set_status_header(401)`; WordPress's `status_header(404)`.
  { name: 'show_error', form: 'function', args: [1], languages: ['php'] },
  { name: 'json', form: 'method', args: [1], languages: ['php'] },
  // Symfony `new Response($content, 404)`; Guzzle / PSR-7 `new Response(404, $headers, $body)`.
  { name: 'Response', form: 'new', args: [0, 1], languages: ['php'] },
  { name: 'StreamedResponse', form: 'new', args: [1], languages: ['php'] },
  { name: 'BinaryFileResponse', form: 'new', args: [1], languages: ['php'] },
  { name: 'ResponseStatusCodeSame', form: 'new', args: [0], languages: ['php'] },
  { name: 'sendHeaders', form: 'method', args: [0], languages: ['php'] },
  // Laravel: `response($content, 404)`, `Response::denyWithStatus(404)`.
  { name: 'response', form: 'function', args: [1], languages: ['php'] },
  { name: 'denyWithStatus', form: 'method', args: [0], languages: ['php'] },
  { name: 'JsonResponse', form: 'new', args: [1], languages: ['php'] },
  { name: 'RedirectResponse', form: 'new', args: [1], languages: ['php'] },
  { name: 'assertStatus', form: 'method', args: [0] },
  { name: 'assertResponseStatus', form: 'method', args: [0] },
  { name: 'assertResponseStatusCodeSame', form: 'method', args: [0] },
  { name: 'setResponseCode', form: 'method', args: [0], languages: ['php'] },
  // PHP's `header('Location: /x', true, 301)`: the third argument is the response code.
  { name: 'header', form: 'function', args: [2], languages: ['php'] },
  // Python's http.server: `self.send_response(200)`, `self.send_error(404, msg)`.
  { name: 'send_response', form: 'method', args: [0], languages: ['python'] },
  { name: 'send_error', form: 'method', args: [0], languages: ['python'] },
  // Go's net/http: `w.WriteHeader(404)`, `http.Error(w, msg, 500)`, `http.StatusText(404)`; the response writers of
  // Go's web frameworks' contexts take the status first (`c.JSON(404, body)`, `c.String(200, "ok")`, `c.NoContent(204)`).
  { name: 'WriteHeader', form: 'method', args: [0], languages: ['go'] },
  // `http.Error(w, msg, 500)`; test servers' and clients' `Error(400, msg)` take it first.
  { name: 'Error', form: 'method', args: [0, 2], languages: ['go'] },
  { name: 'StatusText', form: 'method', args: [0], languages: ['go'] },
  // Go's HTTP mocks, by their documented APIs: httpmock's responders (`httpmock.NewStringResponder(200, body)`) and
  // gock's `gock.New(url).Reply(200)`.
  ...['NewStringResponder', 'NewJsonResponder', 'NewBytesResponder', 'NewXmlResponder', 'NewStringResponse', 'NewJsonResponse', 'NewBytesResponse', 'NewXmlResponse', 'Reply'].map(
    (name): StatusCallRow => ({ name, form: 'method', args: [0], languages: ['go'] }),
  ),
  ...['JSON', 'IndentedJSON', 'SecureJSON', 'PureJSON', 'AsciiJSON', 'JSONP', 'XML', 'YAML', 'HTML', 'String', 'Data', 'Blob', 'NoContent', 'SendStatus'].map(
    // unrolled/render and others take the writer first: `r.JSON(w, 200, v)`.
    (name): StatusCallRow => ({ name, form: 'method', args: [0, 1], languages: ['go'] }),
  ),
];

/**
 * A stub's return value, `->method('getStatusCode')->willReturn(404)` (PHPUnit), Mockery's
 * `shouldReceive('getStatusCode')->andReturn(404)`: the stub's method names the key.
 */
export const STUB_RETURNS = new Set(['willReturn', 'andReturn', 'thenReturn', 'returns', 'returnValue', 'mockReturnValue', 'resolves']);
export const STUB_METHODS = new Set(['method', 'shouldReceive', 'expects', 'allows', 'stub', 'callsFake']);
/** A stubbed code method's expected arguments: PHPUnit's `->method('statusCode')->with(200)`, Mockery's `->with(404)`. */
export const STUB_ARGUMENTS = new Set(['with', 'withArgs', 'calledWith']);

/** Calls whose callback returns `[status, body]`: nock's `.reply(() => [202, body])`, axios-mock-adapter's `reply`. */
export const CALLBACK_STATUS_CALLS = new Set(['reply', 'replyOnce']);

/**
 * Assertions that compare their arguments: `assert.equal(res.status, 201)`, `t.is(statusCode, 200)`,
 * `self.assertEqual(resp.status_code, 200)`, `assertSame(200, $res->getStatusCode())`. A literal argument is a code
 * when another argument is an expression whose chain ends in a code key. Membership ones (`assertIn`) take a list.
 */
export const COMPARING_ASSERTIONS = new Set([
  'equal', 'equals', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'deepStrictEqual', 'is', 'not',
  'same', 'strictSame', 'eq', 'isEqual', 'assertEquals', 'assertEqual', 'assertSame', 'assertNotSame',
  'assertNotEquals', 'assertNotEqual', 'assertStrictEquals', 'assertIn', 'assertNotIn', 'calledWith',
  'calledWithExactly', 'calledOnceWith', 'calledOnceWithExactly', 'assertCalledWith', 'in_array',
  // PHPUnit's membership: `assertContains($response->getCode(), ['200', '204'])`.
  'assertContains', 'assertNotContains', 'assertContainsEquals',
  // Go's testify: `assert.Equal(t, http.StatusOK, w.Code)`.
  'Equal', 'Equalf', 'EqualValues', 'NotEqual', 'Exactly', 'AssertEquals', 'AssertEqual', 'CheckEquals',
  // Go's membership: `slices.Contains([]int{200, 201}, resp.StatusCode)`, testify's `assert.Contains(t, codes, rec.Code)`.
  'Contains',
  // Go's "expected %d, got %d" messages: `t.Errorf("…", 200, resp.StatusCode)` compares what it prints.
  'Errorf', 'Fatalf',
]);

/**
 * Matchers on a subject: `expect(res.status).toBe(404)`, `expect(res.statusCode).to.equal(416)`,
 * `res.status.should.equal(200)`, `expect(res.status).to.be.oneOf([200, 201])`. The literal arguments are codes when
 * the subject's chain ends in a code key; a list subject (`expect([200, 201]).toContain(res.status)`) is the reverse.
 */
export const SUBJECT_MATCHERS = new Set([
  'toEqualTypeOf', 'toMatchTypeOf',
  'toBe', 'toEqual', 'toStrictEqual', 'equal', 'equals', 'eql', 'eq', 'exactly', 'oneOf', 'toBeOneOf', 'toContain',
  'include', 'includes', 'contain', 'toHaveBeenCalledWith', 'toBeCalledWith', 'toHaveBeenLastCalledWith',
  'lastCalledWith', 'calledWith', 'calledWithExactly', 'above', 'below',
]);

/** Matchers that compare by order, not equality: their numbers are bounds, never codes. */
export const BOUND_MATCHERS = new Set(['above', 'below']);

/** Functions that wrap an assertion subject: `expect(x)`, `should(x)`, `assertThat(x)`. */
export const SUBJECT_FUNCTIONS = new Set(['expect', 'should', 'assertThat', 'expectTypeOf', 'Expect']);

/**
 * Gomega's matchers of equality and its assertions: `Expect(resp.StatusCode).To(Equal(404))`,
 * `Expect(rec.Code).Should(BeEquivalentTo(500))` (the matcher is an argument of the assertion, not a method after it).
 */
export const GOMEGA_MATCHERS = new Set(['Equal', 'BeEquivalentTo', 'BeIdenticalTo', 'BeElementOf']);
export const GOMEGA_ASSERTIONS = new Set(['To', 'ToNot', 'NotTo', 'Should', 'ShouldNot']);

/** Words of an assertion chain between the subject and the matcher (`.to.be.not.deep.equal`). */
export const CHAIN_WORDS = new Set([
  'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still',
  'also', 'not', 'deep', 'nested', 'own', 'ordered', 'any', 'all', 'strictly', 'resolves', 'rejects', 'eventually',
  'an', 'a', 'should', 'type',
]);

/** Calls naming a property and its value: `expect(res).to.have.property('status', 404)`, `toHaveProperty(…)`. */
export const KEYED_CALLS = new Set(['property', 'toHaveProperty', 'propertyVal', 'ownProperty', 'haveOwnProperty', 'nestedProperty', 'deepProperty']);

/** Methods that test membership of their argument in the list they are called on: `[408, 429].includes(s)`. */
export const MEMBERSHIP_METHODS = new Set(['includes', 'has', 'indexOf', 'contains', 'include']);

/** Calls that build a list from their first argument or their arguments: `new Set([500, 502])`, PHP `array(…)`. */
export const LIST_CONSTRUCTORS = new Set(['Set', 'frozenset', 'set', 'tuple', 'list', 'array', 'of', 'from']);

/** Getter calls whose name, without `get`, is a key: `$e->getCode()`, `$response->getStatusCode()`, `status()`. */
export const GETTER_PREFIX = /^_*get_?(?=[A-Za-z])/;

/** Calls that read a key named by their one string argument: `data.get("code")`, `$request->input('status')`. */
export const KEY_READERS = new Set(['get', 'getAttribute', 'getHeader', 'input', 'getProperty', 'getattr', 'pluck', 'getInfo']);

/** Objects indexed by a status: `STATUS_CODES[404]`, `createError['404']`, `statuses[500]`. */
export const STATUS_INDEXED = new Set(['STATUS_CODES', 'createError', 'statuses', 'httpErrors', 'HttpStatus', 'StatusCodes', 'status']);

/** A table named for what it holds per status: swift's `status_map[404]`, `STATUS_TEXT[500]`, `statusMessages[403]`. */
export const STATUS_TABLE_NAME = /^_*(?:http_?)?status(?:_?codes?)?_?(?:map|table|dict|messages?|names?|reasons?|phrases?|texts?|lines?|titles?|descriptions?|lookup)$/i;

/**
 * Keys whose object's keys are statuses: OpenAPI-style `responses: { '404': … }`, route schemas `response: { 200: … }`,
 * Fastify's typed replies `Reply: { 200: string }`.
 */
export const STATUS_KEYED_OBJECTS = new Set(['responses', 'response', 'Reply']);

/**
 * Namespaces of HTTP status constants and how their members are spelled: `HttpStatus.NOT_FOUND` (NestJS),
 * `StatusCodes.NOT_FOUND` (http-status-codes), `HttpStatusCode.NotFound` (axios), `constants.HTTP_STATUS_NOT_FOUND`
 * (node:http2), `HTTPStatus.NOT_FOUND` (Python), `status.HTTP_404_NOT_FOUND` (DRF, FastAPI), `Response::HTTP_NOT_FOUND`
 * (Symfony). `prefix`: the member must start with it and the rest is the reason phrase. Members of the form
 * `HTTP_404_NOT_FOUND` carry their number and are accepted under every qualifier.
 */
export interface HttpConstantRow {
  qualifier: string;
  prefix?: string;
  /** Only members that carry their number (`HTTP_404_NOT_FOUND`). */
  numberedOnly?: boolean;
}

export const HTTP_CONSTANTS: readonly HttpConstantRow[] = [
  { qualifier: 'HttpStatus' },
  { qualifier: 'HttpStatusCode' },
  { qualifier: 'HttpStatusCodes' },
  { qualifier: 'StatusCodes' },
  { qualifier: 'HTTPStatus' },
  { qualifier: 'HTTP_STATUS' },
  { qualifier: 'httpStatus' },
  { qualifier: 'status', numberedOnly: true },
  { qualifier: 'constants', prefix: 'HTTP_STATUS_' },
  { qualifier: 'Response', prefix: 'HTTP_' },
  { qualifier: 'JsonResponse', prefix: 'HTTP_' },
  { qualifier: 'SymfonyResponse', prefix: 'HTTP_' },
  { qualifier: 'HttpFoundationResponse', prefix: 'HTTP_' },
  // Go: `http.StatusNotFound` (net/http), and the frameworks that mirror it.
  { qualifier: 'http', prefix: 'Status' },
  { qualifier: 'fasthttp', prefix: 'Status' },
  { qualifier: 'fiber', prefix: 'Status' },
];

/**
 * Reason phrases constant libraries spell differently from the IANA registry's current titles (which the HTTP vendor
 * is built from): older RFC names and library spellings.
 */
export const HTTP_PHRASE_ALIASES: Readonly<Record<string, number>> = {
  REQUEST_ENTITY_TOO_LARGE: 413,
  CONTENT_TOO_LARGE: 413,
  REQUEST_TOO_LONG: 413,
  UNPROCESSABLE_CONTENT: 422,
  REQUEST_URI_TOO_LONG: 414,
  REQUEST_URI_TOO_LARGE: 414,
  REQUESTED_RANGE_NOT_SATISFIABLE: 416,
  MOVED_TEMPORARILY: 302,
  I_AM_A_TEAPOT: 418,
  IM_A_TEAPOT: 418,
  TEAPOT: 418,
  NON_AUTHORITATIVE_INFO: 203,
  EARLYHINTS: 103,
  TOO_MANY: 429,
  INTERNAL_ERROR: 500,
  SERVER_ERROR: 500,
  VERSION_NOT_SUPPORTED: 505,
  HTTP_VERSION_NOT_SUPPORTED: 505,
  GATEWAY_TIME_OUT: 504,
  REQUEST_TIME_OUT: 408,
  PROXY_AUTH_REQUIRED: 407,
  MULTI_STATUS: 207,
  IM_USED: 226,
  PERMANENTLY_REDIRECT: 308,
  // http-status-codes' legacy names for two unofficial statuses (WebDAV drafts, Spring).
  INSUFFICIENT_SPACE_ON_RESOURCE: 419,
  METHOD_FAILURE: 420,
};

const callsByLanguage = new Map<string, Map<string, StatusCallRow[]>>();
/** The status-call rows of a language (by its kind in languages.ts), by callee name. */
export function statusCallsFor(language: string): Map<string, StatusCallRow[]> {
  let map = callsByLanguage.get(language);
  if (!map) {
    map = new Map();
    for (const row of STATUS_CALLS) {
      if (row.languages && !(row.languages as readonly string[]).includes(language)) continue;
      const list = map.get(row.name);
      if (list) list.push(row);
      else map.set(row.name, [row]);
    }
    callsByLanguage.set(language, map);
  }
  return map;
}
