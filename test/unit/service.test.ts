import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { doComplete, lastSwitchSubject } from '../../server/src/service/completion';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Registry } from '../../server/src/registry';
import { doCodeActions } from '../../server/src/service/codeActions';
import { Rule } from '../../server/src/service/diagnostics';
import { completionsAt, diagnosticsOf, hoverAt, registry, settings, withCaret, analysisOf } from '../helpers';

/** The first line of a hover: "**code** … · Vendor". */
function headline(md: string | null): string | null {
  return md ? md.split('\n')[0] : null;
}

describe('finding codes: hovers that must appear (best vendor first)', () => {
  const cases: [string, string, string, RegExp][] = [
    // TypeScript / JavaScript
    ['ts', 'statusCode === 403', 'if (resp.statusCode === 4|03) {}', /^\*\*403\*\* · HTTP$/],
    ['ts', 'case in a switch over error_code', 'switch (err.error_code) {\n  case 50|10:\n    break;\n}', /^\*\*5010\*\* `EXPIRED_DOCUMENT` · Faceki$/],
    ['ts', 'reply.code(429)', 'reply.code(42|9);', /^\*\*429\*\* · HTTP$/],
    ['ts', 'res.status(404)', 'res.status(40|4).json({});', /^\*\*404\*\* · HTTP$/],
    ['ts', 'res.sendStatus(401)', 'res.sendStatus(4|01);', /^\*\*401\*\* · HTTP$/],
    ['ts', "errorCode: 'FACE_CROPPED'", "const e = { errorCode: 'FACE_CR|OPPED' };", /^\*\*8004\*\* `FACE_CROPPED` · Faceki$/],
    ['ts', 'body.code === 5004', 'if (body.code === 50|04) retry();', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
    ['ts', '5004 === body.code (reversed)', 'if (50|04 === body.code) retry();', /^\*\*5004\*\*/],
    ['ts', 'res.statusCode = 404', 'res.statusCode = 4|04;', /^\*\*404\*\* · HTTP$/],
    ['ts', 'symbolic code in a string', "const detail = 'ERROR_NO_FACE_IN_F|ILE';", /^\*\*ERROR\\_NO\\_FACE\\_IN\\_FILE\*\* · AILabTools$/],
    ['ts', 'symbolic code in a comment', '// fails with SELFIE_LIVENESS_FA|ILED when blurry', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
    ['ts', 'symbolic code as a case label', "switch (r.name) { case 'SELFIE_LIVENESS_FAI|LED': break; }", /Faceki$/],
    ['ts', 'symbolic code as a member', 'if (x === Codes.ERROR_BLURRY_F|ACE) {}', /AILabTools$/],
    ['ts', "numeric string status: '412' with Riset sibling key", "const body = { status: '41|2', status_message: 'Face not detected' };", /^\*\*412\*\* · Riset\.ai Face API$/],
    ['ts', 'after a template literal', 'const s = `${a} ${`b`}`;\nif (res.status === 40|4) {}', /^\*\*404\*\* · HTTP$/],
    ['ts', "obj['status'] === 404", "if (obj['status'] === 4|04) {}", /^\*\*404\*\*/],
    ['ts', 'optional chain', 'if (err?.response?.status === 5|03) {}', /^\*\*503\*\* · HTTP$/],
    ['js', 'JavaScript file', 'if (res.statusCode !== 2|00) throw new Error();', /^\*\*200\*\* · HTTP$/],
    ['tsx', 'TSX file', 'const el = <div>{resp.status === 4|29 ? "slow down" : null}</div>;', /^\*\*429\*\*/],
    ['ts', 'interface literal type', 'interface R { status: 4|04; }', /^\*\*404\*\*/],
    // JSON
    ['json', 'Riset response with status_message', '{"status": "45|5", "status_message": "target_image is null"}', /^\*\*455\*\* · Riset\.ai Face API$/],
    ['json', 'AILabTools error_detail.code', '{"error_code": 422, "error_detail": {"code": "ERROR_NO_FACE_IN_F|ILE", "message": "x"}}', /AILabTools$/],
    ['json', 'Faceki numeric code', '{"code": 50|04, "message": "liveness"}', /^\*\*5004\*\* `SELFIE_LIVENESS_FAILED` · Faceki$/],
    ['json', 'statusCode without vendor hints', '{"statusCode": 4|13}', /^\*\*413\*\* · HTTP$/],
    ['json', 'codes in an array under a code key', '{"retry": {"status": [502, 50|3]}}', /^\*\*503\*\* · HTTP$/],
    ['json', 'JSONC with comments', '// settings\n{"httpStatus": 4|18, /* teapot */}', /^\*\*418\*\*/],
    ['json', 'symbolic code in a message string', '{"message": "upstream said FACE_NOT_FO|UND twice"}', /Faceki$/],
    // Logs
    ['log', 'upstream_status=502', '2026-11-02T10:00:00Z proxy upstream_status=5|02 bytes=10', /^\*\*502\*\* · HTTP$/],
    ['log', 'status=604 (PeduliLindungi)', 'ts=1 svc=kyc status=6|04 msg="timeout"', /^\*\*604\*\* · Riset\.ai Face API$/],
    ['log', 'access-log status', '127.0.0.1 - - [02/Nov/2026:10:00:00 +0000] "GET /x HTTP/1.1" 4|04 153', /^\*\*404\*\* · HTTP$/],
    ['log', 'access-log status, HTTP/2', '10.0.0.1 - - [02/Nov/2026:10:00:00 +0000] "POST /v1 HTTP/2" 5|03 0', /^\*\*503\*\* · HTTP$/],
    ['log', 'JSON fragment in a log line', 'INFO resp {"status": "45|5", "status_message": "target_image is null"}', /^\*\*455\*\* · Riset\.ai Face API$/],
    ['log', 'error_code=SYMBOL', 'WARN face error_code=ERROR_BLURRY_F|ACE', /AILabTools$/],
    ['log', 'code: 5004', 'kyc result code: 50|04 user=42', /^\*\*5004\*\*/],
    ['log', 'quoted value', 'status="4|12" facegallery_id=g1', /^\*\*412\*\* · Riset\.ai Face API$/],
  ];
  for (const [lang, name, src, expected] of cases) {
    it(`${lang}: ${name}`, () => {
      const md = hoverAt(src, lang);
      assert.ok(md, `no hover in ${JSON.stringify(src)}`);
      assert.match(headline(md)!, expected);
    });
  }
});

describe('finding codes: places that are not codes get no hover', () => {
  const cases: [string, string, string][] = [
    ['ts', 'const timeout = 5000', 'const timeout = 50|00;'],
    ['ts', 'padding: 412', 'const style = { padding: 4|12 };'],
    ['ts', 'new Array(400)', 'const a = new Array(4|00);'],
    ['ts', 'x * 451', 'const y = x * 4|51;'],
    ['ts', 'a port', 'app.listen(30|00);'],
    ['ts', 'a year', 'const year = 20|24;'],
    ['ts', 'at line 404 in a comment', '// at line 4|04 the parser stops'],
    ['ts', 'relational comparison', 'if (res.status >= 5|00) {}'],
    ['ts', 'number inside a string', 'const s = "status: 4|04";'],
    ['ts', 'regular expression', 'const re = /status: 4|04/;'],
    ['ts', 'setTimeout delay', 'setTimeout(fn, 4|04);'],
    ['ts', 'ternary branch', 'const v = ok ? status : 4|04;'],
    ['ts', 'zip_code', 'const a = { zip_code: 50|04 };'],
    ['ts', 'exitCode', 'if (proc.exitCode === |1) {}'],
    ['ts', 'decimal', 'if (res.status === 40|4.5) {}'],
    ['ts', 'unknown UPPER_SNAKE identifier', 'const MAX_RETRY_CO|UNT = 3;'],
    ['ts', 'case in a switch over something else', 'switch (kind) { case 4|04: break; }'],
    ['json', 'width', '{"width": 4|00}'],
    ['json', 'port', '{"port": 30|00}'],
    ['json', 'latency', '{"latency": 4|12}'],
    ['json', 'id string', '{"id": "4|04"}'],
    ['json', 'number in a message', '{"message": "status 4|04"}'],
    ['json', 'property key', '{"4|04": "x"}'],
    ['log', 'elapsed=490ms', 'req done elapsed=4|90ms'],
    ['log', 'latency=412ms', 'latency=4|12ms status_text=ok'],
    ['log', 'pid=5004', 'worker pid=50|04 started'],
    ['log', 'at line 404', 'parse error at line 4|04'],
    ['log', 'timestamp', '2026-11-02 12:4|04:00 INFO start'],
    ['log', 'status with a unit', 'status=4|04ms'],
    ['log', 'port', 'listening port=44|3'],
    ['log', 'bytes after an access-log status', '"GET / HTTP/1.1" 200 4|04'],
  ];
  for (const [lang, name, src] of cases) {
    it(`${lang}: ${name}`, () => assert.equal(hoverAt(src, lang), null));
  }
});

describe('vendor resolution', () => {
  it("Riset's 413 in a Riset-shaped file reads as Riset's, with HTTP as the alternative", () => {
    const md = hoverAt('{"facegallery_id": "g1", "status": "41|3", "status_message": "Face too small"}', 'json')!;
    assert.match(headline(md)!, /Riset\.ai Face API$/);
    assert.match(md, /Face too small/);
    assert.match(md, /also HTTP 413 Payload Too Large/);
  });
  it("…and the reverse: HTTP's 413 where nothing points to Riset", () => {
    const md = hoverAt('res.status(41|3).send("too big");', 'ts')!;
    assert.match(headline(md)!, /HTTP$/);
    assert.match(md, /also Riset\.ai Face API 413 Face too small/);
  });
  it('451 follows document hints: a Riset host in the file', () => {
    const md = hoverAt("const url = 'https://api.riset.ai/face';\nconst r = { status: 45|1 };", 'ts')!;
    assert.match(headline(md)!, /Riset\.ai Face API$/);
    assert.match(md, /image/);
  });
  it('sibling keys beat document hints', () => {
    const src = '[{"facegallery_id": "g"}, {"statusCode": 4|15}]';
    assert.match(headline(hoverAt(src, 'json'))!, /HTTP$/);
  });
  it('symbolic codes nearby imply the vendor', () => {
    const src = "if (err.name === 'SELFIE_LIVENESS_FAILED') {}\nif (err.code === 4|00) {}";
    assert.match(headline(hoverAt(src, 'ts'))!, /Faceki$/);
  });
  it('a disabled vendor neither hovers nor competes', () => {
    assert.equal(hoverAt('res.status(4|04);', 'ts', settings({ vendors: { http: false } })), null);
    const md = hoverAt('{"status": 4|13}', 'json', settings({ vendors: { http: false } }))!;
    assert.match(headline(md)!, /Riset/);
    assert.doesNotMatch(md, /also HTTP/);
  });
  it('an AILabTools-shaped response explains the HTTP status it carries', () => {
    const md = hoverAt('{"error_code": 4|22, "log_id": "x", "error_detail": {"code": "ERROR_BLURRY_FACE"}}', 'json')!;
    assert.match(headline(md)!, /HTTP$/);
    assert.match(md, /AILabTools answers HTTP 422 for \d+ of its codes/);
  });
  it('cases of one switch resolve together', () => {
    const { doc } = withCaret('switch (body.code) { case 5004: break; case 400: break; }', 'ts');
    const a = analysisOf(doc);
    const occ400 = a.resolve(a.occurrences.toArray().findIndex((o) => o.code === '400'));
    assert.equal(occ400.candidates[0].vendor, 'faceki');
    assert.equal(occ400.localVendor, 'faceki');
  });
  it('custom code keys are honoured', () => {
    assert.equal(hoverAt('const r = { outcome: 50|04 };', 'ts'), null);
    assert.match(headline(hoverAt('const r = { outcome: 50|04 };', 'ts', settings({ codeKeys: ['outcome'] })))!, /Faceki/);
  });
  it('errorCodes.enable false turns everything off', () => {
    assert.equal(hoverAt('res.status(4|04);', 'ts', settings({ enable: false })), null);
  });
});

describe('hover content', () => {
  it('shows code, vendor, category, description, notes and the docs link', () => {
    const md = hoverAt('res.status(4|04);', 'ts')!;
    assert.match(md, /\*Client Error\*|4xx Client Error/);
    assert.match(md, /The server can not find the requested resource/);
    assert.match(md, /No Content/); // the erratum note
    assert.match(md, /\(https:\/\/developer\.mozilla\.org\/en-US\/docs\/Web\/HTTP\/Reference\/Status\/404\)/);
  });
  it('shows the HTTP status of a string code', () => {
    assert.match(hoverAt("'ERROR_NO_FACE_IN_F|ILE'", 'ts')!, /HTTP 422/);
  });
  it('has a range covering exactly the code', () => {
    const { doc, offset } = withCaret('{"status": "45|5"}', 'json');
    const a = analysisOf(doc);
    const occ = a.occurrences.at(a.occurrences.indexAt(offset));
    assert.equal(doc.getText().slice(occ.start, occ.end), '455');
  });
  it('renders registry text inert: no links, commands, HTML or headings', () => {
    const evil = new Registry([
      {
        origin: 'workspace',
        file: 'evil.errorcodes.json',
        data: {
          vendor: { id: 'evil', displayName: 'Evil [x](command:workbench.action.quit)', docsUrl: 'https://example.com/a)(command:x' },
          entries: [
            {
              code: 'EVIL_CODE',
              title: '# Heading <img src=x onerror=alert(1)>',
              description: 'Click [here](command:workbench.action.quit) or <a href="command:x">this</a> `code` ' + 'x'.repeat(10000),
              category: '*bold*',
              notes: ['![img](https://example.com/t.png)'],
            },
          ],
        },
      },
    ]);
    const md = hoverAt("'EVIL_C|ODE'", 'ts', settings(), evil)!;
    assert.doesNotMatch(md, /\]\(command:/);
    assert.doesNotMatch(md, /<img|<a /);
    assert.doesNotMatch(md, /^#/m);
    assert.doesNotMatch(md, /!\[/);
    assert.ok(md.length < 4000, `hover is bounded (${md.length} chars)`);
    assert.match(md, /\(https:\/\/example\.com\/a%29%28command:x\)/);
  });
});

describe('diagnostics', () => {
  it('flags an unknown case in a Faceki switch, naming the vendor, with a quick fix to the nearest code', () => {
    const { doc, diagnostics } = diagnosticsOf('switch (err.error_code) {\n  case 5004: break;\n  case 5099: break;\n}', 'ts');
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0];
    assert.equal(doc.getText(d.range), '5099');
    assert.equal(d.message, '5099 is not a Faceki code.');
    assert.equal(d.source, 'error-codes');
    assert.equal(d.code, Rule.UnknownCode);
    assert.match(d.codeDescription!.href, /#rule-unknown-code$/);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    const actions = doCodeActions(doc, analysisOf(doc), registry, settings(), diagnostics[0].range, diagnostics);
    assert.equal(actions[0].edit!.changes![doc.uri][0].newText, '5009');
    assert.equal(actions[0].isPreferred, true);
  });
  it('says when another vendor defines the code', () => {
    const { diagnostics } = diagnosticsOf('{"status": "409", "status_message": "conflict"}', 'json');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].message, '409 is not a Riset.ai Face API code; HTTP defines it.');
    assert.equal(diagnostics[0].code, Rule.NotVendorCode);
  });
  it('flags a status no vendor defines', () => {
    const { diagnostics } = diagnosticsOf('res.status(299);', 'ts');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].message, '299 is not an HTTP status code.');
  });
  it('flags an HTTP call holding a vendor code, without offering the other vendor (an HTTP context is HTTP)', () => {
    const { diagnostics } = diagnosticsOf('res.status(5004);', 'ts');
    assert.equal(diagnostics[0].message, '5004 is not an HTTP status code.');
    assert.equal(diagnostics[0].code, Rule.UnknownCode);
    assert.equal(hoverAt('res.status(50|04);', 'ts'), null);
    assert.equal(diagnosticsOf('reply.code(1);', 'ts').diagnostics[0].message, '1 is not an HTTP status code.');
  });
  it('offers did-you-mean for a code-shaped string one typo away, and the fix replaces the token', () => {
    const { doc, diagnostics } = diagnosticsOf("if (r.reason === 'SELFIE_LIVENESS_FAILD') {}", 'ts');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, Rule.DidYouMean);
    assert.match(diagnostics[0].message as string, /Did you mean SELFIE_LIVENESS_FAILED \(Faceki\)\?/);
    const [fix] = doCodeActions(doc, analysisOf(doc), registry, settings(), diagnostics[0].range, diagnostics);
    assert.equal(doc.getText(fix.edit!.changes![doc.uri][0].range), 'SELFIE_LIVENESS_FAILD');
    assert.equal(fix.edit!.changes![doc.uri][0].newText, 'SELFIE_LIVENESS_FAILED');
  });
  it('did-you-mean in JSON and logs', () => {
    assert.match(diagnosticsOf('{"code": "ERROR_BLURY_FACE"}', 'json').diagnostics[0].message as string, /ERROR_BLURRY_FACE/);
    assert.match(diagnosticsOf('error_code=ERROR_BLURY_FACE', 'log').diagnostics[0].message as string, /ERROR_BLURRY_FACE/);
  });
  const quiet: [string, string, string][] = [
    ['ts', 'an app constant', 'const MAX_RETRY_COUNT = 3;'],
    ['ts', 'a code-shaped string far from any code', "const k = 'SOME_APP_SETTING';"],
    ['ts', 'an HTTP status in a Riset file', "const u = 'https://api.riset.ai';\nif (resp.status === 404) {}"],
    ['ts', 'code 0', 'if (body.code === 0) ok();'],
    ['ts', 'a compound key', 'const o = { order_status: 3 };'],
    ['ts', 'a small number without vendor context', 'if (err.code === 2) {}'],
    ['log', 'nginx 499 in a log line', 'status=499 upstream=api'],
    ['log', 'access-log status no vendor defines', '"GET / HTTP/1.1" 499 0'],
    ['log', 'an HTTP status on a line with a Riset key', 'upstream_status=502 trx_id=t-1'],
    ['log', 'an unknown code on a Riset line', 'status=777 facegallery_id=g'],
    ['ts', 'a compound key on a Riset object', "const o = { upstream_status: 502, facegallery_id: 'g' };"],
    ['json', 'known codes only', '{"status": "412", "status_message": "x"}'],
  ];
  for (const [lang, name, src] of quiet) {
    it(`no diagnostic for ${name}`, () => assert.deepEqual(diagnosticsOf(src, lang).diagnostics, []));
  }
  it('severity is configurable and "off" silences', () => {
    assert.equal(diagnosticsOf('res.status(299);', 'ts', settings({ unknownCodeSeverity: 'error' })).diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.equal(diagnosticsOf('res.status(299);', 'ts', settings({ unknownCodeSeverity: 'hint' })).diagnostics[0].severity, DiagnosticSeverity.Hint);
    assert.deepEqual(diagnosticsOf('res.status(299);', 'ts', settings({ unknownCodeSeverity: 'off' })).diagnostics, []);
  });
  it('caps the list and says it was cut, once', () => {
    const src = Array.from({ length: 5 }, (_, i) => `res.status(29${i});`).join('\n');
    const { diagnostics } = diagnosticsOf(src, 'ts', settings({ maxDiagnostics: 2 }));
    assert.equal(diagnostics.length, 3);
    assert.equal(diagnostics[2].code, Rule.TooMany);
    assert.match(diagnostics[2].message as string, /first 2 of 5/);
  });
});

describe('completion', () => {
  const labels = (list: ReturnType<typeof completionsAt>) => (list?.items ?? []).map((i) => i.label);
  it('ERROR_NO_F in any TS string offers ERROR_NO_FACE_IN_FILE, with vendor and documentation', () => {
    const list = completionsAt("log('x', 'ERROR_NO_F|');", 'ts')!;
    assert.deepEqual(labels(list), ['ERROR_NO_FACE_IN_FILE']);
    const item = list.items[0];
    assert.match(item.detail!, /^AILabTools · No face detected/);
    assert.match((item.documentation as { value: string }).value, /HTTP 422/);
    assert.deepEqual(item.textEdit, { range: { start: { line: 0, character: 10 }, end: { line: 0, character: 20 } }, newText: 'ERROR_NO_FACE_IN_FILE' });
  });
  it('case 8… in a switch over a code key offers Faceki 8004-8024 and nothing else', () => {
    const list = completionsAt('switch (body.code) {\n  case 8|\n}', 'ts')!;
    assert.deepEqual(labels(list), ['8004', '8005', '8006', '8007', '8008', '8009', '8024']);
    assert.ok(list.items.every((i) => i.detail!.startsWith('Faceki')));
  });
  it('after === on a code key, numbers', () => {
    const l = labels(completionsAt('if (res.statusCode === 40|', 'ts'));
    assert.ok(l.includes('404') && l.includes('400') && l.every((x) => x.startsWith('40')));
  });
  it('inside res.status(', () => assert.ok(labels(completionsAt('res.status(|', 'ts')).includes('429')));
  it('string code position offers symbolic codes', () => {
    const l = labels(completionsAt("const e = { errorCode: 'FACE_|' };", 'ts'));
    assert.ok(l.includes('FACE_CROPPED') && l.includes('FACE_NOT_FOUND'));
  });
  it('nothing outside code positions', () => {
    assert.equal(completionsAt('const timeout = |', 'ts'), null);
    assert.equal(completionsAt('const style = { padding: 4| };', 'ts'), null);
    assert.equal(completionsAt("const s = 'hello |';", 'ts'), null);
    assert.equal(completionsAt('{"width": |}', 'json'), null);
    assert.equal(completionsAt('latency=|', 'log'), null);
  });
  it('JSON: code key value, numbers and (in strings) symbolic codes', () => {
    assert.ok(labels(completionsAt('{"status": 4|}', 'json')).includes('412'));
    const l = labels(completionsAt('{"code": "ERROR_NO_|"}', 'json'));
    assert.ok(l.includes('ERROR_NO_FACE_IN_FILE'));
  });
  it('logs: after a code key', () => {
    assert.ok(labels(completionsAt('ts=1 status=6|', 'log')).includes('604'));
  });
  it('the resolved vendor comes first', () => {
    const list = completionsAt('{"facegallery_id": "x", "status": 4|}', 'json')!;
    assert.match(list.items[0].detail!, /^Riset\.ai Face API/);
  });
  it('a disabled vendor is not offered', () => {
    const l = labels(completionsAt('switch (body.code) {\n  case 8|\n}', 'ts', settings({ vendors: { faceki: false } })));
    assert.deepEqual(l, []);
  });
});

describe('completion: a bounded, linear look-back (issue 19, fault 4)', () => {
  it('1,600 unclosed `switch (` then `case `: answers at once (the backtracking RegExp took 35 s) and still reads a switch before them', () => {
    const { doc, offset } = withCaret('switch (body.code) {\n' + 'switch ('.repeat(1600) + '\n  case |', 'ts');
    const analysis = analysisOf(doc);
    const t0 = performance.now();
    const list = doComplete(doc, analysis, offset, registry, settings());
    // A hang guard, not a speed figure: the fixed look-back takes milliseconds, the old one tens of seconds.
    assert.ok(performance.now() - t0 < 3000, `completion took ${Math.round(performance.now() - t0)} ms`);
    assert.ok(list && list.items.length > 0, 'the switch over body.code is still found');
    assert.equal(completionsAt('switch ('.repeat(1600) + '\n  case |', 'ts'), null, 'no complete switch, no completion');
  });

  it('finds the same switch subject as the old RegExp on short texts (property)', () => {
    const OLD = /\bswitch\s*\(([^)]*(?:\([^)]*\))?[^)]*)\)\s*\{/g;
    const old = (w: string) => {
      let last: RegExpExecArray | null = null;
      OLD.lastIndex = 0;
      for (let s = OLD.exec(w); s; s = OLD.exec(w)) last = s;
      return last?.[1];
    };
    const piece = fc.constantFrom('switch', 'switch (', '(', ')', '{', ' ', '\n', 'x.code', 'f', 'a)', 'case ', '}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (parts) => {
        const w = parts.join('');
        assert.equal(lastSwitchSubject(w, 0, w.length), old(w), JSON.stringify(w));
      }),
      { numRuns: 3000, seed: 19 },
    );
  });
});
