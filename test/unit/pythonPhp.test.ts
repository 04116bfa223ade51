import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doValidation } from '../../server/src/service/diagnostics';
import { defaultSettings } from '../../server/src/settings';
import { analysisOf, completionsAt, hoverAt, registry, withCaret } from '../helpers';

/** The first line of a hover: "**code** … · Vendor". */
const headline = (md: string | null) => (md ? md.split('\n')[0] : null);

/** [language, idiom, source with a `|` caret on the code, expected headline]. PHP sources get `<?php` in front. */
const POSITIVE: [string, string, string, RegExp][] = [
  // Python: requests / Flask / FastAPI / Django REST framework / unittest / pytest.
  ['py', 'r.status_code == 404', 'if r.status_code == 4|04:\n    pass\n', /^\*\*404\*\* · HTTP$/],
  ['py', 'resp.json()["status"] == "412"', 'if resp.json()["status"] == "4|12":\n    retry()\n', /^\*\*412\*\*/],
  ['py', 'data.get("code") == 5004', 'if data.get("code") == 50|04:\n    retry()\n', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
  ['py', 'match body["code"]: case 5004:', 'match body["code"]:\n    case 50|04:\n        retry()\n    case _:\n        pass\n', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
  ['py', 'abort(404)', 'def view():\n    abort(4|04)\n', /^\*\*404\*\* · HTTP$/],
  ['py', 'raise HTTPException(status_code=404)', 'raise HTTPException(status_code=4|04, detail="Item not found")\n', /^\*\*404\*\* · HTTP$/],
  ['py', 'Response(status=201)', 'return Response("{}", status=2|01, mimetype="application/json")\n', /^\*\*201\*\* · HTTP$/],
  ['py', 'return jsonify(x), 404', '@app.get("/x")\ndef view():\n    return jsonify(error="missing"), 4|04\n', /^\*\*404\*\* · HTTP$/],
  ['py', 'self.assertEqual(resp.status_code, 200)', 'class T(TestCase):\n    def test_ok(self):\n        self.assertEqual(resp.status_code, 2|00)\n', /^\*\*200\*\* · HTTP$/],
  ['py', 'assert r.status_code == 201', 'def test_create(client):\n    r = client.post("/items")\n    assert r.status_code == 2|01\n', /^\*\*201\*\* · HTTP$/],
  ['py', 'status=HTTPStatus.NOT_FOUND', 'return Response(status=HTTPStatus.NOT_FO|UND)\n', /404.*HTTP$/],
  ['py', 'http.HTTPStatus.NOT_FOUND', 'code = http.HTTPStatus.NOT_FO|UND\n', /404.*HTTP$/],
  ['py', 'status.HTTP_404_NOT_FOUND (FastAPI, DRF)', 'return Response(data, status=status.HTTP_404_NOT_FO|UND)\n', /404.*HTTP$/],
  ['py', '@app.errorhandler(404)', '@app.errorhandler(4|04)\ndef not_found(e):\n    return "missing"\n', /^\*\*404\*\* · HTTP$/],
  ['py', 'httpx.Response(502, text=…) in a mock', 'return httpx.Response(5|02, text="bad gateway")\n', /^\*\*502\*\* · HTTP$/],
  ['py', "DRF's is_success(200)", 'assert is_success(2|00)\n', /^\*\*200\*\* · HTTP$/],
  ['py', 'a bare numbered constant HTTP_404_NOT_FOUND (from rest_framework.status import …)', 'return Response(status=HTTP_404_NOT_FO|UND)\n', /404.*HTTP$/],
  ['py', 'status_code in (500, 502)', 'if r.status_code in (500, 50|2):\n    retry()\n', /^\*\*502\*\* · HTTP$/],
  ['py', 'dict key "code" after a triple-quoted docstring', 'def f():\n    """Doc with 404 in prose."""\n    return {"code": 50|04}\n', /^\*\*5004\*\*/],
  // PHP: Laravel / Symfony / PHPUnit / plain PHP.
  ['php', '$response->status() === 404', 'if ($response->status() === 4|04) {}', /^\*\*404\*\* · HTTP$/],
  ['php', "$data['status'] == '412'", "if ($data['status'] == '4|12') {}", /^\*\*412\*\*/],
  ['php', '$e->getCode() === 5004', 'if ($e->getCode() === 50|04) { retry(); }', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
  ['php', 'abort(404)', 'abort(4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', 'response()->json($x, 422)', 'return response()->json($errors, 4|22);', /^\*\*422\*\* · HTTP$/],
  ['php', 'http_response_code(404)', 'http_response_code(4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', 'Response::HTTP_NOT_FOUND', "return new Response('', Response::HTTP_NOT_FO|UND);", /404.*HTTP$/],
  ['php', "switch ($body['code']) { case 5004: }", "switch ($body['code']) {\n    case 50|04:\n        break;\n}", /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
  ['php', 'assertSame(200, $res->getStatusCode())', 'class T extends TestCase {\n    public function testOk(): void {\n        $this->assertSame(2|00, $res->getStatusCode());\n    }\n}', /^\*\*200\*\* · HTTP$/],
  ['php', '$response->assertStatus(404)', '$response = $this->get("/missing");\n$response->assertStatus(4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', "array key 'status' => 404", "$r = ['status' => 4|04, 'message' => 'x'];", /^\*\*404\*\*/],
  ['php', "new Response('', 500)", "$r = new Response('', 5|00);", /^\*\*500\*\* · HTTP$/],
  ['php', 'in_array($this->statusCode, [204, 304])', 'return in_array($this->statusCode, [204, 3|04]);', /^\*\*304\*\* · HTTP$/],
  ['php', 'named argument abort(code: 404)', 'abort(code: 4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', 'const HTTP_NOT_FOUND = 404', 'class R {\n    public const HTTP_NOT_FOUND = 4|04;\n}', /404.*HTTP$/],
  ['php', 'Guzzle new Response(404, $headers, $body)', "$mock = new Response(4|04, [], '{}');", /^\*\*404\*\* · HTTP$/],
  ['php', 'new StreamedResponse($callback, 404)', '$r = new StreamedResponse(function () {}, 4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', "Laravel response('x', 404)", "return response('missing', 4|04);", /^\*\*404\*\* · HTTP$/],
  ['php', 'Response::denyWithStatus(404)', 'return Response::denyWithStatus(4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', 'new ResponseStatusCodeSame(404)', '$constraint = new ResponseStatusCodeSame(4|04);', /^\*\*404\*\* · HTTP$/],
  ['php', 'after a heredoc', "$t = <<<EOT\n  Error 500 in prose\n  EOT;\nabort(4|04);", /^\*\*404\*\* · HTTP$/],
];

/** Numbers that are no code, each in a language's usual spelling. */
const NEGATIVE: [string, string, string][] = [
  ['py', 'a sleep', 'time.sleep(4|04)\n'],
  ['py', 'a timeout keyword argument', 'requests.get(url, timeout=5|000)\n'],
  ['py', 'a port', 'app.run(host="0.0.0.0", port=80|80)\n'],
  ['py', 'a year', 'year = 20|24\n'],
  ['py', 'a relational comparison', 'if r.status_code >= 5|00:\n    retry()\n'],
  ['py', 'arithmetic', 'if r.status_code // 1|00 == 5:\n    retry()\n'],
  ['py', 'a number in a prose string', 'msg = "status 4|04 returned"\n'],
  ['py', 'a docstring', 'def f():\n    """Returns 4|04 when the item is missing."""\n'],
  ['py', 'a comment', 'x = 1  # returns 4|04 when missing\n'],
  ['py', 'a size', 'buf = sock.recv(40|96)\n'],
  ['py', 'a default parameter that is no code', 'def read(size=4|04):\n    pass\n'],
  ['py', 'an f-string field (string content)', 'print(f"{r.status_code == 4|04}")\n'],
  ['py', 'a name with a number that is no status', 'x = HTTP_9|99\n'],
  ['py', 'a numbered name whose reason is another status', 'x = HTTP_404_BAD_REQ|UEST\n'],
  ['py', 'a match over something else', 'match kind:\n    case 4|04:\n        pass\n'],
  ['php', 'inline HTML', '?><p>Error 4|04</p><?php echo 1;'],
  ['php', 'a sleep', 'sleep(4|04);'],
  ['php', 'a timeout', '$timeout = 50|00;'],
  ['php', 'a port', "$client = new Client(['port' => 80|80]);"],
  ['php', 'a year', '$year = 20|24;'],
  ['php', 'a relational comparison', 'if ($response->status() >= 5|00) {}'],
  ['php', 'a number in a prose string', '$msg = "status 4|04 returned";'],
  ['php', 'a comment', '// returns 4|04 when missing'],
  ['php', 'a doc comment', '/** @return int 4|04 when missing */'],
  ['php', 'arithmetic', '$x = $size * 4|04;'],
  ['php', 'a concatenation', "$s = 'Error ' . 4|04;"],
  ['php', 'a heredoc', "$t = <<<EOT\nError 4|04\nEOT;"],
  ['php', 'a size argument', "str_repeat('x', 4|04);"],
];

const source = (lang: string, src: string) => (lang === 'php' ? `<?php\n${src}` : src);

describe('Python and PHP: every idiom is a code position', () => {
  for (const [lang, name, src, expected] of POSITIVE) {
    it(`${lang}: ${name}`, () => {
      const md = hoverAt(source(lang, src), lang);
      assert.ok(md, `no hover in ${JSON.stringify(src)}`);
      assert.match(headline(md)!, expected);
    });
  }
});

describe('Python and PHP: the Never list', () => {
  for (const [lang, name, src] of NEGATIVE) {
    it(`${lang}: ${name}`, () => assert.equal(hoverAt(source(lang, src), lang), null));
  }
});

describe('Python and PHP: vendor resolution from the document', () => {
  it("Riset's status_message / trx_id keys in a Python dict make \"412\" Riset's", () => {
    const md = hoverAt('body = {"status": "4|12", "status_message": "Face not detected", "trx_id": "t1"}\n', 'py')!;
    assert.match(headline(md)!, /^\*\*412\*\* · Riset\.ai Face API$/);
    assert.match(md, /also HTTP 412/);
  });
  it("…and in a PHP array", () => {
    const md = hoverAt("<?php\n$body = ['status' => '4|12', 'status_message' => 'Face not detected', 'trx_id' => 't1'];", 'php')!;
    assert.match(headline(md)!, /^\*\*412\*\* · Riset\.ai Face API$/);
  });
  it('a comparison elsewhere in a Riset file follows the document', () => {
    const md = hoverAt("<?php\n$r = ['trx_id' => $id, 'status_message' => ''];\nif ($r['status'] == '4|12') {}", 'php')!;
    assert.match(headline(md)!, /Riset\.ai Face API$/);
  });
  it('without Riset keys the same "412" is HTTP\'s', () => {
    assert.match(headline(hoverAt('body = {"status": "4|12"}\n', 'py'))!, /HTTP$/);
  });
  it('cases of one Python match resolve together', () => {
    const { doc } = withCaret('match body["code"]:\n    case 5004:\n        pass\n    case 400:\n        pass\n', 'py');
    const a = analysisOf(doc);
    const i = a.occurrences.toArray().findIndex((o) => o.code === '400');
    assert.ok(i >= 0, 'case 400 is found');
    assert.equal(a.resolve(i).candidates[0].vendor, 'faceki');
  });
});

describe('Python and PHP: completion', () => {
  const labels = (list: ReturnType<typeof completionsAt>) => (list?.items ?? []).map((i) => i.label);
  it('Python: after == on a code key, and in a status keyword argument', () => {
    assert.ok(labels(completionsAt('if r.status_code == 40|', 'py')).includes('404'));
    assert.ok(labels(completionsAt('raise HTTPException(status_code=4|', 'py')).includes('429'));
  });
  it('PHP: a status method after ->, a comparison with a property after ->, a string array key', () => {
    assert.ok(labels(completionsAt('<?php\n$response->assertStatus(|', 'php')).includes('404'));
    assert.ok(labels(completionsAt('<?php\nif ($this->statusCode === 40|', 'php')).includes('404'));
    assert.ok(labels(completionsAt("<?php\nif ($data['status'] == '4|", 'php')).includes('412'));
  });
  it('nothing outside code positions', () => {
    assert.equal(completionsAt('time.sleep(4|', 'py'), null);
    assert.equal(completionsAt('<?php\n$timeout = |', 'php'), null);
  });
});

describe('Python and PHP: diagnostics', () => {
  /** Diagnostics of a file at a path that is no test file (number diagnostics stay out of test files). */
  const problems = (path: string, lang: string, text: string) => {
    const doc = TextDocument.create(`file:///app/${path}`, lang, 1, text);
    return doValidation(doc, analysisOf(doc), registry, defaultSettings).map((d) => `${d.code}: ${d.message}`);
  };
  it('a status no one defines in a status call', () => {
    assert.deepEqual(problems('views.py', 'python', 'abort(491)\n'), ['unknown-code: 491 is not an HTTP status code.']);
    assert.deepEqual(problems('billing.php', 'php', '<?php\nhttp_response_code(491);\n'), ['unknown-code: 491 is not an HTTP status code.']);
  });
  it('constant-mismatch in a Python module and a PHP class constant', () => {
    assert.match(problems('codes.py', 'python', 'FACE_TOO_SMALL = 8009\n')[0], /^constant-mismatch: Faceki's FACE_TOO_SMALL is 8008, not 8009/);
    assert.match(problems('Codes.php', 'php', '<?php\nclass Codes { const FACE_TOO_SMALL = 8009; }\n')[0], /^constant-mismatch: Faceki's FACE_TOO_SMALL is 8008/);
  });
  it('did-you-mean for a mistyped symbolic code in a Faceki file', () => {
    const list = problems('kyc.py', 'python', "x = 'SELFIE_LIVENESS_FAILD'\nif body['code'] == 5004:\n    pass\n");
    assert.deepEqual(list, ['did-you-mean: Unknown error code SELFIE_LIVENESS_FAILD. Did you mean SELFIE_LIVENESS_FAILED (Faceki)?']);
  });
  it('no number diagnostics in test files (test_*.py, *Test.php)', () => {
    assert.deepEqual(problems('tests/test_views.py', 'python', 'abort(491)\n'), []);
    assert.deepEqual(problems('tests/BillingTest.php', 'php', '<?php\nhttp_response_code(491);\n'), []);
  });
});
