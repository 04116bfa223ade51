/**
 * The docs hold together offline: every relative link and anchor in the README, CONTRIBUTING, CHANGELOG and docs/
 * points at a file and heading that exist, and the README is the Marketplace page it should be (short, opening with
 * the two commands that work on a new machine).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { compareResults } from '../../bench/compare';
import { root } from '../helpers';

const DOCS = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'packages/language-server/README.md', 'test/corpus/README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The text outside fenced code blocks and inline code, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchors for a document's headings (lower case, punctuation dropped, spaces to dashes, repeats numbered). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  for (const m of markdown.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]);
  return out;
}

describe('docs', () => {
  for (const doc of DOCS) {
    it(`${doc}: every relative link and anchor resolves`, () => {
      const file = path.join(root, doc);
      const text = fs.readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const m of prose(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:, command links are not files
        const [rel, anchor] = target.split('#');
        const dest = rel ? path.resolve(path.dirname(file), decodeURIComponent(rel)) : file;
        if (!fs.existsSync(dest)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor && dest.endsWith('.md') && !anchors(fs.readFileSync(dest, 'utf8')).has(anchor)) broken.push(`${target}: no such heading`);
      }
      assert.deepEqual(broken, []);
    });
  }

  it('the README is a page for users: at most 450 lines, opening with the two commands', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.ok(readme.split('\n').length <= 450, `${readme.split('\n').length} lines`);
    const first = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.match(first, /^npm ci && npm run package\b/m);
    assert.match(first, /^npm test\b/m);
  });

  it('anchors follow GitHub’s rules', () => {
    const a = anchors('# A Title\n## rule: unknown-code\n## Neovim 0.7 (built-in client) — run here\n## A Title\n```\n# not a heading\n```\n');
    assert.deepEqual([...a], ['a-title', 'rule-unknown-code', 'neovim-07-built-in-client--run-here', 'a-title-1']);
  });
});

describe('bench: the change against the committed results', () => {
  it('marks a throughput that fell or a time that grew beyond the noise, and nothing within it', () => {
    const before = [
      { name: 'scan', value: 100, unit: 'MB/s' },
      { name: 'hover', value: 2, unit: 'ms' },
      { name: 'steady', value: 50, unit: 'MB/s' },
    ];
    const now = [
      { name: 'scan', value: 60, unit: 'MB/s' },
      { name: 'hover', value: 1, unit: 'ms' },
      { name: 'steady', value: 55, unit: 'MB/s' },
      { name: 'new', value: 1, unit: 'ms' },
    ];
    const { lines, worse } = compareResults(before, now);
    assert.deepEqual(worse, ['scan']);
    assert.equal(lines.length, 3);
    assert.match(lines[1], /better$/);
    assert.doesNotMatch(lines[2], /WORSE|better/);
  });
});
