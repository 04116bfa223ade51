/**
 * The grammar oracle for the hand tokenizers: VS Code's prebuilt tree-sitter grammars (`@vscode/tree-sitter-wasm`,
 * a dev dependency) give the string, comment and number ranges of a file; a tokenizer must report the same ones.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TokKind, type Tokens } from '../../server/src/service/tokens';

export type Lang = 'python' | 'php' | 'go';
export type Kind = 'str' | 'comment' | 'num';
/** A range the oracle compares: kind and offsets of the whole literal (quotes, prefix and comment markers included). */
export interface Span {
  kind: Kind;
  s: number;
  e: number;
}

interface TsNode {
  type: string;
  startIndex: number;
  endIndex: number;
  children: TsNode[];
  isNamed: boolean;
  isMissing: boolean;
}
interface TsParser {
  setLanguage(l: unknown): void;
  parse(text: string): { rootNode: TsNode; delete(): void } | null;
}

const KIND: Record<Lang, Record<string, Kind>> = {
  python: { string: 'str', comment: 'comment', integer: 'num', float: 'num' },
  php: { string: 'str', encapsed_string: 'str', heredoc: 'str', nowdoc: 'str', shell_command_expression: 'str', comment: 'comment', integer: 'num', float: 'num' },
  go: { interpreted_string_literal: 'str', raw_string_literal: 'str', rune_literal: 'str', comment: 'comment', int_literal: 'num', float_literal: 'num', imaginary_literal: 'num' },
};

/** The tree-sitter module (web-tree-sitter's API), loaded once. */
interface TreeSitter {
  Parser: { new (): TsParser; init(): Promise<void> };
  Language: { load(b: Uint8Array): Promise<unknown> };
}
let ts: TreeSitter | undefined;
const parsers = new Map<Lang, TsParser>();

/** A parser for the language; throws when the grammar package is not installed (the oracle never skips). */
export async function grammar(lang: Lang): Promise<TsParser> {
  const cached = parsers.get(lang);
  if (cached) return cached;
  let t = ts;
  if (!t) {
    t = require('@vscode/tree-sitter-wasm') as TreeSitter;
    await t.Parser.init();
    ts = t;
  }
  const wasm = require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${lang}.wasm`);
  const language = await t.Language.load(fs.readFileSync(wasm));
  const parser = new t.Parser();
  parser.setLanguage(language);
  parsers.set(lang, parser);
  return parser;
}

/** What the grammar says: literal spans (not those nested in a string, e.g. inside an f-string field), error ranges, inline HTML. */
export function grammarSpans(parser: TsParser, lang: Lang, text: string): { spans: Span[]; errors: [number, number][]; html: [number, number][] } {
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  const spans: Span[] = [];
  const errors: [number, number][] = [];
  const html: [number, number][] = [];
  const kinds = KIND[lang];
  const walk = (node: TsNode) => {
    if (node.type === 'ERROR' || node.isMissing) errors.push([node.startIndex, node.endIndex]);
    if (lang === 'php' && node.type === 'text') html.push([node.startIndex, node.endIndex]);
    // Named nodes only: tree-sitter-php's type keyword `string` is an anonymous node of type "string".
    const kind = node.isNamed ? kinds[node.type] : undefined;
    if (kind) {
      let e = node.endIndex;
      // tree-sitter-php: a `//` comment whose last character is `?` takes the line break too (PHP ends it before).
      if (kind === 'comment') while (e > node.startIndex && (text.charCodeAt(e - 1) === 10 || text.charCodeAt(e - 1) === 13)) e--;
      spans.push({ kind, s: node.startIndex, e });
      if (kind === 'str') return; // what a string holds is its content
    }
    for (const child of node.children) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return { spans, errors, html };
}

/** What a tokenizer says, in the same terms: comment content ranges widened by their markers. */
export function tokenizerSpans(lang: Lang, text: string, tokens: Tokens): Span[] {
  const spans: Span[] = [];
  for (const t of tokens.toks.toArray()) {
    if (t.t === TokKind.Str) spans.push({ kind: 'str', s: t.s, e: t.e });
    else if (t.t === TokKind.Num) spans.push({ kind: 'num', s: t.s, e: t.e });
  }
  for (const [s, e] of tokens.comments) {
    if ((lang === 'python' || lang === 'php') && text.charCodeAt(s - 1) === 35 /* # */) spans.push({ kind: 'comment', s: s - 1, e });
    else if (text.startsWith('/*', s - 2)) spans.push({ kind: 'comment', s: s - 2, e: text.startsWith('*/', e) ? e + 2 : e });
    else spans.push({ kind: 'comment', s: s - 2, e });
  }
  return spans.sort((a, b) => a.s - b.s || a.e - b.e);
}

/** Spans one side has and the other lacks, each with a little of the text around it. */
export function compareSpans(text: string, mine: Span[], theirs: Span[]): { onlyMine: string[]; onlyGrammar: string[] } {
  const key = (x: Span) => `${x.kind}:${x.s}:${x.e}`;
  const a = new Set(mine.map(key));
  const b = new Set(theirs.map(key));
  const show = (x: Span) => {
    const line = text.slice(0, x.s).split('\n').length;
    return `${x.kind} line ${line} [${x.s},${x.e}) ${JSON.stringify(text.slice(x.s, Math.min(x.e, x.s + 60)))}`;
  };
  return { onlyMine: mine.filter((x) => !b.has(key(x))).map(show), onlyGrammar: theirs.filter((x) => !a.has(key(x))).map(show) };
}

export interface Fixture {
  file: string;
  lang: Lang;
  text: string;
}

/**
 * Real Python and PHP files: this oracle's own (test/tokenizers/fixtures) and the real-world corpus's (test/corpus);
 * each manifest gives origin, commit and licence.
 */
/**
 * Corpus files the grammar cannot read, so it is no oracle for them: PEAR's HTTP_WebDAV_Server is PHP 4/5 code whose
 * `$http_stat{0}` string offsets PHP 8 removed and tree-sitter-php does not parse. The tokenizers still read them in
 * the corpus gate; the fuzz tests cover the syntax.
 */
const NO_ORACLE = new Set([
  'files/pear__HTTP_WebDAV_Server/HTTP/WebDAV/Server.php',
  'files/pear__HTTP_WebDAV_Server/HTTP/WebDAV/Server/Filesystem.php',
]);

export function fixtures(root: string): Fixture[] {
  const own = path.join(root, 'test', 'tokenizers', 'fixtures');
  const ownFiles = (JSON.parse(fs.readFileSync(path.join(own, 'manifest.json'), 'utf8')) as { files: { file: string }[] }).files.map(({ file }) => path.join(own, file));
  const corpus = path.join(root, 'test', 'corpus');
  const corpusFiles = (JSON.parse(fs.readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { file: string; language: string }[])
    .filter((r) => r.language === 'python' || r.language === 'php' || r.language === 'go')
    .filter((r) => !NO_ORACLE.has(r.file))
    .map((r) => path.join(corpus, r.file));
  const langOf = (file: string): Lang => (file.endsWith('.py') ? 'python' : file.endsWith('.go') ? 'go' : 'php');
  return [...ownFiles, ...corpusFiles].map((file) => ({ file: path.relative(root, file), lang: langOf(file), text: fs.readFileSync(file, 'utf8') }));
}
