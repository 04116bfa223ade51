// Writes the release tree into DIR: what a release tag of this repository holds, so that the GitHub Action
// (`uses: …@tag`) and the pre-commit hook (`rev: tag`) work from the repository alone, with no build and no network.
// pre-commit installs a node hook by running `npm install` and `npm pack` in the repository's root and installing
// the packed root package; main's root is the extension, whose dev dependencies come from the registry and which has
// no bin. The tree's root package is the standalone CLI with no dependencies at all, its bundles committed, and
// action.yml and .pre-commit-hooks.yaml are main's own files at the same paths.
// Usage: node scripts/release-tree.mjs DIR   (after `node esbuild.mjs --production`; `npm run release:tree -- DIR`)
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/release-tree.mjs DIR');
  process.exit(2);
}
const standalone = 'packages/language-server';
const pkg = JSON.parse(readFileSync(path.join(root, standalone, 'package.json'), 'utf8'));
const bundles = [...pkg.files, 'dist/action.js'].map((f) => `${standalone}/${f}`);
const missing = bundles.filter((f) => !existsSync(path.join(root, f)));
if (missing.length) {
  console.error(`release-tree: missing ${missing.join(', ')}; run \`node esbuild.mjs --production\` first`);
  process.exit(1);
}

// A worktree of the release branch keeps its .git; everything else is written anew.
mkdirSync(out, { recursive: true });
for (const entry of readdirSync(out)) if (entry !== '.git') rmSync(path.join(out, entry), { recursive: true, force: true });
const copy = (from, to = from) => {
  mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
  copyFileSync(path.join(root, from), path.join(out, to));
};
for (const f of ['action.yml', '.pre-commit-hooks.yaml', 'LICENSE', `${standalone}/package.json`, `${standalone}/README.md`, ...bundles]) copy(f);
// The root package: the standalone one with its paths under packages/language-server/ and nothing to install.
const rootPkg = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  repository: { type: pkg.repository.type, url: pkg.repository.url },
  engines: pkg.engines,
  bin: Object.fromEntries(Object.entries(pkg.bin).map(([name, file]) => [name, `${standalone}/${file}`])),
  files: bundles,
};
writeFileSync(path.join(out, 'package.json'), JSON.stringify(rootPkg, null, 2) + '\n');
// Installing a package with no dependencies needs no registry; say so to npm, so it does not even ask for an audit.
writeFileSync(path.join(out, '.npmrc'), 'audit=false\nfund=false\nupdate-notifier=false\n');
writeFileSync(
  path.join(out, 'README.md'),
  `# API Error Codes ${pkg.version} — release tree\n\nThe GitHub Action (action.yml), the pre-commit hook (.pre-commit-hooks.yaml) and the ` +
    `\`api-error-codes\` command line, built from ${pkg.repository.url} by scripts/release-tree.mjs. ` +
    'The README of the main branch documents them.\n',
);
console.log(`release-tree: ${out}`);
