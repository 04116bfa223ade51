import assert from 'node:assert/strict';
import fc from 'fast-check';
import { before, describe, it } from 'node:test';
import { tokenizeGo } from '../../server/src/service/tokenizeGo';
import { tokenizePhp } from '../../server/src/service/tokenizePhp';
import { tokenizePython } from '../../server/src/service/tokenizePython';
import { TokKind, type Tokens } from '../../server/src/service/tokens';
import { root } from '../helpers';
import { compareSpans, fixtures, grammar, grammarSpans, tokenizerSpans, type Lang } from '../tokenizers/oracle';

const TOKENIZE: Record<Lang, (text: string) => Tokens> = { python: tokenizePython, php: tokenizePhp, go: tokenizeGo };

/** Token texts, space-separated (strings quoted, synthetic zero-length tokens included), for shape assertions. */
const shape = (toks: Tokens) => toks.toks.toArray().map((t) => (t.t === TokKind.Str ? JSON.stringify(t.v) : t.v)).join(' ');
const strings = (toks: Tokens) => toks.toks.toArray().filter((t) => t.t === TokKind.Str);
const numbers = (toks: Tokens) => toks.toks.toArray().filter((t) => t.t === TokKind.Num).map((t) => t.v);
const commentTexts = (text: string, toks: Tokens) => toks.comments.map(([s, e]) => text.slice(s, e));

/** Every string form once: [source, the string's content, its raw text]. */
const PY_STRINGS: [string, string, string][] = [
  [`x = 'a'`, 'a', `'a'`],
  [`x = "a"`, 'a', `"a"`],
  [`x = '''a\nb'''`, 'a\nb', `'''a\nb'''`],
  [`x = """doc "q" """`, 'doc "q" ', `"""doc "q" """`],
  [`x = r'\\d+'`, '\\d+', `r'\\d+'`],
  [`x = b"\\x00"`, '\\x00', `b"\\x00"`],
  [`x = u'x'`, 'x', `u'x'`],
  [`x = f"{a}!"`, '{a}!', `f"{a}!"`],
  [`x = rb'x'`, 'x', `rb'x'`],
  [`x = BR"x"`, 'x', `BR"x"`],
  [`x = Fr'{x}'`, '{x}', `Fr'{x}'`],
  [`x = rF"x"`, 'x', `rF"x"`],
  [`x = 'it\\'s'`, "it\\'s", `'it\\'s'`],
  [`x = f'{d["k"]}'`, '{d["k"]}', `f'{d["k"]}'`],
  [`x = f"{d["k"]}"`, '{d["k"]}', `f"{d["k"]}"`], // PEP 701: the same quote inside a field
  [`x = f"{{literal}} {a:{w}}"`, '{{literal}} {a:{w}}', `f"{{literal}} {a:{w}}"`],
  [`x = f"""{a}\n{b!r}"""`, '{a}\n{b!r}', `f"""{a}\n{b!r}"""`],
  [`x = t"{a}"`, '{a}', `t"{a}"`],
];

describe('Python tokenizer', () => {
  for (const [src, content, raw] of PY_STRINGS) {
    it(`string ${raw.replace(/\n/g, '\\n')}`, () => {
      const s = strings(tokenizePython(src));
      assert.equal(s.length, 1, shape(tokenizePython(src)));
      assert.equal(s[0].v, content);
      assert.equal(src.slice(s[0].s, s[0].e), raw);
      assert.equal(src.slice(s[0].cs!, s[0].cs! + content.length), content);
    });
  }
  it('an unterminated single-quoted string ends at its line end; the next line is code', () => {
    const src = "x = 'abc\ny = 404\n";
    const t = tokenizePython(src);
    assert.equal(strings(t)[0].v, 'abc');
    assert.deepEqual(numbers(t), ['404']);
  });
  it('comments: # to the line end, not inside strings', () => {
    const src = "x = '#no'  # status 404 here\n# whole line\n";
    const t = tokenizePython(src);
    assert.deepEqual(commentTexts(src, t), [' status 404 here', ' whole line']);
    assert.deepEqual(numbers(t), []);
  });
  it('numbers: every form, with its text', () => {
    const src = 'a = [404, 1_000, 0x1F, 0XfF, 0o17, 0b101, 1.5, .5, 10., 1e10, 1E-3, 2j, 1.5J, 1_0.0_1e+1_0]';
    assert.deepEqual(numbers(tokenizePython(src)), ['404', '1_000', '0x1F', '0XfF', '0o17', '0b101', '1.5', '.5', '10.', '1e10', '1E-3', '2j', '1.5J', '1_0.0_1e+1_0']);
  });
  it('operators', () => {
    const t = tokenizePython('a == b != c is not d -> e := f ** g // h @ i **= j //= k >>= l <= m ... n.o');
    assert.equal(shape(t), 'a == b != c is not d -> e := f ** g // h @ i **= j //= k >>= l <= m ... n . o ;');
  });
  it('Unicode identifiers', () => {
    assert.equal(shape(tokenizePython('名前 = café\n')), '名前 = café ;');
  });
  it('indented blocks are zero-length { }, logical line ends zero-length ;', () => {
    const src = 'if x:\n    a = 1\nb = 2\n';
    const t = tokenizePython(src);
    assert.equal(shape(t), 'if x : { a = 1 ; } b = 2 ;');
    for (const tok of t.toks.toArray().filter((k) => k.v === '{' || k.v === '}' || k.v === ';')) assert.equal(tok.s, tok.e, `${tok.v} at ${tok.s} is zero-length`);
    // `{` sits at the first token of the indented line, `;` at the line break.
    assert.equal(t.toks.start(3), src.indexOf('a ='));
    assert.equal(t.toks.toArray().find((k) => k.v === ';')!.s, src.indexOf('\n', src.indexOf('a =')));
  });
  it('nested blocks close together; the end of the text closes what is open', () => {
    assert.equal(shape(tokenizePython('def f():\n    if x:\n        return 1\n    return 2\n')), 'def f ( ) : { if x : { return 1 ; } return 2 ; }');
    assert.equal(shape(tokenizePython('class A:\n  def f(self):\n    pass')), 'class A : { def f ( self ) : { pass ; } }');
  });
  it('blank lines and comment lines do not change the indentation', () => {
    assert.equal(shape(tokenizePython('if x:\n\n# c\n    a\n  \n    b\n')), 'if x : { a ; b ; }');
  });
  it('no line ends inside brackets; backslash continuation joins lines', () => {
    assert.equal(shape(tokenizePython('f(a,\n  b)\nx = [1,\n2]\n')), 'f ( a , b ) ; x = [ 1 , 2 ] ;');
    assert.equal(shape(tokenizePython('x = 1 + \\\n    2\ny = 3\n')), 'x = 1 + 2 ; y = 3 ;');
  });
  it('a real ; separates statements; CRLF line ends', () => {
    assert.equal(shape(tokenizePython('a; b\r\nif x:\r\n    c\r\n')), 'a ; b ; if x : { c ; }');
  });
  it('keyword arguments in a call emit : ; assignments, comparisons and dict keys keep theirs', () => {
    assert.equal(shape(tokenizePython('raise HTTPException(status_code=404, detail="x")')), 'raise HTTPException ( status_code : 404 , detail : "x" ) ;');
    assert.equal(shape(tokenizePython('Response(status=201)')), 'Response ( status : 201 ) ;');
    assert.equal(shape(tokenizePython('x = 1')), 'x = 1 ;');
    assert.equal(shape(tokenizePython('f(a == 1, b <= 2)')), 'f ( a == 1 , b <= 2 ) ;');
    assert.equal(shape(tokenizePython('d = {"code": 5004}')), 'd = { "code" : 5004 } ;');
    assert.equal(shape(tokenizePython('x[i] = 2')), 'x [ i ] = 2 ;');
    assert.equal(shape(tokenizePython('f(g(a=1), b=2)')), 'f ( g ( a : 1 ) , b : 2 ) ;');
    assert.equal(shape(tokenizePython('f(x := 3)')), 'f ( x := 3 ) ;');
    // Default parameters have the keyword-argument shape and are emitted the same way (documented).
    assert.equal(shape(tokenizePython('def f(a, status=404): pass')), 'def f ( a , status : 404 ) : pass ;');
    // `(` after a keyword is no call.
    assert.equal(shape(tokenizePython('if (a) == 1: pass')), 'if ( a ) == 1 : pass ;');
  });
});

describe('PHP tokenizer', () => {
  it('inline HTML outside <?php … ?> and <?= … ?> yields nothing; ?> ends a statement', () => {
    const src = '<p>404 here</p>\n<?php $a = 1 ?>\n<b>500</b><?= $status ?><?PHP echo 2;\n';
    const t = tokenizePhp(src);
    assert.equal(shape(t), '$a = 1 ; $status ; echo 2 ;');
    assert.deepEqual(numbers(t), ['1', '2']);
  });
  it('a file with no open tag is all HTML; <?xml is no PHP tag', () => {
    assert.equal(tokenizePhp('<?xml version="1.0"?>\n<status>404</status>').toks.length, 0);
  });
  const PHP_STRINGS: [string, string, string][] = [
    [`'a'`, 'a', `'a'`],
    [`'it\\'s'`, "it\\'s", `'it\\'s'`],
    [`"a {$b['c']} d"`, "a {$b['c']} d", `"a {$b['c']} d"`],
    [`"x{$a["k"]}y"`, 'x{$a["k"]}y', `"x{$a["k"]}y"`],
    [`"x\${a}"`, 'x${a}', `"x\${a}"`],
    [`"$a[0] \\" q"`, '$a[0] \\" q', `"$a[0] \\" q"`],
    ['`ls -l`', 'ls -l', '`ls -l`'],
    [`b'bin'`, 'bin', `b'bin'`],
    [`'multi\nline'`, 'multi\nline', `'multi\nline'`],
    [`<<<EOT\nhello $name\nEOT`, 'hello $name', `<<<EOT\nhello $name\nEOT`],
    [`<<<"EOT"\nq\nEOT`, 'q', `<<<"EOT"\nq\nEOT`],
    [`<<<'EOT'\nraw {$x}\nEOT`, 'raw {$x}', `<<<'EOT'\nraw {$x}\nEOT`],
    [`<<<EOT\n    indented\n    EOTX\n    EOT`, '    indented\n    EOTX', `<<<EOT\n    indented\n    EOTX\n    EOT`],
    [`<<<EOT\nEOT`, '', `<<<EOT\nEOT`],
  ];
  for (const [lit, content, raw] of PHP_STRINGS) {
    it(`string ${raw.replace(/\n/g, '\\n')}`, () => {
      const src = `<?php\n$x = ${lit};\n$y = 404;\n`;
      const t = tokenizePhp(src);
      const s = strings(t);
      assert.equal(s.length, 1, shape(t));
      assert.equal(s[0].v, content);
      assert.equal(src.slice(s[0].s, s[0].e), raw);
      assert.equal(src.slice(s[0].cs!, s[0].cs! + content.length), content);
      assert.deepEqual(numbers(t), ['404'], 'the code after the string is read as code');
    });
  }
  it('comments: //, #, /* */, /** */; #[ is an attribute; a line comment ends at ?>', () => {
    const src = '<?php\n// one\n# two\n/* three */ /** four */\n#[Attr(404)]\nfunction f() {} // five ?> <b>html 500</b>';
    const t = tokenizePhp(src);
    assert.deepEqual(commentTexts(src, t), [' one', ' two', ' three ', '* four ', ' five ']);
    assert.deepEqual(numbers(t), ['404']);
    assert.ok(shape(t).startsWith('#[ Attr ( 404 ) ]'), shape(t));
  });
  it('numbers: every form, with its text', () => {
    const src = '<?php $a = [404, 1_000, 0x1F, 0b101, 0o17, 017, 1.5, .5, 1e3, 1.5e-3, 1.];';
    assert.deepEqual(numbers(tokenizePhp(src)), ['404', '1_000', '0x1F', '0b101', '0o17', '017', '1.5', '.5', '1e3', '1.5e-3', '1.']);
  });
  it('variables keep their $; member access, static access and => follow the token model', () => {
    const src = "<?php $response->status() === 404; $e?->getCode() !== 5004; Response::HTTP_NOT_FOUND; ['status' => '412'];";
    assert.equal(shape(tokenizePhp(src)), `$response . status ( ) === 404 ; $e . getCode ( ) !== 5004 ; Response . HTTP_NOT_FOUND ; [ "status" : "412" ] ;`);
  });
  it('comparison operators; concatenation is .. (never member access)', () => {
    const t = tokenizePhp("<?php a == b != c <> d <=> e <= f >= g; $s = 'a' . $b; $s .= 'c'; h ?? i ??= j;");
    assert.equal(shape(t), 'a == b != c <> d <=> e <= f >= g ; $s = "a" .. $b ; $s .= "c" ; h ?? i ??= j ;');
  });
});

describe('tokenizers on any input', () => {
  // Pieces that open and close every construct, so random text reaches unterminated and nested states.
  const pieces = ['"', "'", '"""', "'''", 'f"{', '}', '{', '(', ')', '[', ']', '\\', '\n', '\r\n', '    ', '\t', '#', '//', '/*', '*/', '<?php ', '?>', '<?=', '<<<EOT\n', 'EOT', "<<<'N'\n", 'N;', '$a', '->', '=>', '=', '==', ':', '404', '1.5e3', '0x1F', 'b"', "rb'", 'x', 'if', ':\n', '`', '{$', '${', 'é', '\u{1F600}'];
  const arbitraryText = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 60 }).map((a) => a.join(''));
  for (const lang of ['python', 'php', 'go'] as const) {
    it(`${lang}: never throws; tokens and comments are in order, inside the text and apart`, () => {
      fc.assert(
        fc.property(arbitraryText, (text) => {
          const { toks, comments } = TOKENIZE[lang](text);
          let last = 0;
          for (const t of toks.toArray()) {
            assert.ok(t.s >= last && t.e >= t.s && t.e <= text.length, `token ${JSON.stringify(t)} after ${last} in ${JSON.stringify(text)}`);
            if (t.t === TokKind.Str) assert.ok(t.cs !== undefined && t.cs >= t.s && t.cs + t.v.length <= t.e && text.startsWith(t.v, t.cs), `string ${JSON.stringify(t)}`);
            last = t.e;
          }
          let end = 0;
          for (const [s, e] of comments) {
            assert.ok(s >= end && e >= s && e <= text.length, `comment [${s},${e})`);
            end = e;
          }
        }),
        { numRuns: 3000, seed: 14 },
      );
    });
  }
});

describe('grammar oracle: string, comment and number ranges agree with tree-sitter', () => {
  const parsers = new Map<Lang, Awaited<ReturnType<typeof grammar>>>();
  before(async () => {
    parsers.set('python', await grammar('python'));
    parsers.set('php', await grammar('php'));
    parsers.set('go', await grammar('go'));
  });

  /** Asserts that the tokenizer and the grammar report the same spans; returns how many were compared. */
  const agree = (lang: Lang, text: string, label: string): number => {
    const g = grammarSpans(parsers.get(lang)!, lang, text);
    assert.deepEqual(g.errors, [], `${label}: the grammar reads the file without errors (else it is no oracle for it)`);
    const mine = tokenizerSpans(lang, text, TOKENIZE[lang](text));
    const diff = compareSpans(text, mine, g.spans);
    assert.deepEqual(diff, { onlyMine: [], onlyGrammar: [] }, `${label}: spans differ`);
    // Nothing the tokenizer reports lies in inline HTML.
    const toks = TOKENIZE[lang](text).toks.toArray().filter((t) => t.e > t.s);
    for (const [s, e] of g.html) assert.ok(!toks.some((t) => t.s >= s && t.e <= e && text.slice(s, e).trim() !== ''), `${label}: a token inside inline HTML [${s},${e})`);
    return g.spans.length;
  };

  it('Python: every form in one file', () => {
    const forms = PY_STRINGS.map(([src]) => src).join('\n') + '\n# comment\nn = [404, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 10., 1e10, 1E-3, 2j, 1.5J]\nif x:\n    y = 1  # c\n';
    assert.ok(agree('python', forms, 'forms') >= PY_STRINGS.length + 13);
  });
  it('PHP: every form in one file', () => {
    const forms = `<p>404</p>\n<?php\n$a = 'a'; $b = "a {$b['c']} d"; $c = "x{$a["k"]}y"; $d = \`ls\`;\n$h = <<<EOT\n  hi $a\n  EOT;\n$n = <<<'N'\nraw\nN;\n// one\n# two\n/* three */\n#[Attr(1)]\nfunction f() {}\n$x = [404, 1_000, 0x1F, 0b101, 0o17, 017, 1.5, .5, 1e3, 1.5e-3];\n?>\n<b>500</b><?= $s ?>\n`;
    assert.ok(agree('php', forms, 'forms') >= 18);
  });
  it('Go: every form in one file', () => {
    const forms = 'package p\n\n// line\n/* block */\nvar s = "a \\"b\\" c"\nvar r = `raw\n404`\nvar c = \'x\'\nvar n = []int{404, 1_000, 0x1F, 0o17, 0b101, 017}\nvar f = []float64{1.5, .5, 1e3, 1.5e-3}\nvar i = 2i\n';
    assert.ok(agree('go', forms, 'forms') >= 16);
  });
  for (const lang of ['python', 'php', 'go'] as const) {
    it(`${lang}: real files from public projects (test/tokenizers/fixtures)`, () => {
      const files = fixtures(root).filter((f) => f.lang === lang);
      assert.ok(files.length >= 5, `at least 5 ${lang} fixtures, found ${files.length}`);
      let spans = 0;
      for (const f of files) spans += agree(lang, f.text, f.file);
      assert.ok(spans > 1000, `compared ${spans} spans`);
    });
  }
});
