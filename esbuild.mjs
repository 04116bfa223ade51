// One script, all bundles: dist/extension.js (client, runs in the extension host) and dist/server.js (language server)
// for the VS Code extension; packages/language-server/dist/{server,cli}.js for the standalone package (npm), each
// self-contained (the built-in registry is embedded). Flags: --production (minified, no source maps), --watch.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';

const standalone = 'packages/language-server';
const standaloneVersion = JSON.parse(readFileSync(`${standalone}/package.json`, 'utf8')).version;
mkdirSync(`${standalone}/dist`, { recursive: true });
copyFileSync('LICENSE', `${standalone}/dist/LICENSE`);

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the shape of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow; its ESM build is static.
  mainFields: ['module', 'main'],
  plugins: watch ? [problemMatcher] : [],
};

const contexts = await Promise.all([
  esbuild.context({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.context({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  // The CLI in the extension too: VS Code starts its `mcp` verb for agent mode (client/src/mcp.ts).
  esbuild.context({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    define: { __PACKAGE_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  }),
  ...[
    ['server/src/standalone.ts', 'server.js'],
    ['server/src/cli/main.ts', 'cli.js'],
    // The log summary's scanning thread, next to the server and the CLI that start it.
    ['server/src/summary/worker.ts', 'summaryWorker.js'],
    // The workspace index's thread, next to the server that starts it.
    ['server/src/index/worker.ts', 'indexWorker.js'],
    // The GitHub Action (action.yml): one file, its check threads included; shipped by the release tree, not npm.
    ['server/src/action/main.ts', 'action.js'],
  ].map(([entry, out]) =>
    esbuild.context({
      ...common,
      entryPoints: [entry],
      outfile: `${standalone}/dist/${out}`,
      banner: { js: '#!/usr/bin/env node' },
      define: { __PACKAGE_VERSION__: JSON.stringify(standaloneVersion) },
    }),
  ),
  // The log summary's scanning thread, started by the server and the summarize CLI (server/src/summary/).
  esbuild.context({ ...common, entryPoints: ['server/src/summary/worker.ts'], outfile: 'dist/summaryWorker.js' }),
  esbuild.context({ ...common, entryPoints: ['server/src/summary/main.ts'], outfile: 'dist/summarize.js' }),
  // The workspace index's thread (server/src/index/).
  esbuild.context({ ...common, entryPoints: ['server/src/index/worker.ts'], outfile: 'dist/indexWorker.js' }),
]);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
