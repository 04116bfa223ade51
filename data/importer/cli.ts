/**
 * `npm run data`: regenerates data/registry/*.json from the vendor pages and prints what the importer recognised and
 * skipped. `--check` writes nothing and exits 1 when a committed file differs from what the pages produce.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildBuiltinRegistry, buildValidatorModule } from './builtin';

const root = path.resolve(__dirname, '..', '..', '..');
const check = process.argv.includes('--check');
const { files, reports } = buildBuiltinRegistry(root);
files.set('server/src/generated/validateRegistry.js', buildValidatorModule(root));

for (const { vendor, file, report } of reports) {
  const byShape = new Map<string, { blocks: number; codes: number }>();
  for (const r of report.recognized) {
    const s = byShape.get(r.shape) ?? { blocks: 0, codes: 0 };
    s.blocks++;
    s.codes += r.count;
    byShape.set(r.shape, s);
  }
  const shapes = [...byShape].map(([shape, s]) => `${s.codes} from ${s.blocks} ${shape}${s.blocks > 1 ? 's' : ''}`).join(', ');
  console.log(`${vendor} ← ${file}: ${report.entries.length} codes (${shapes || 'nothing recognised'})`);
  for (const s of report.skipped) console.log(`  skipped line ${s.line} (${s.block}): ${s.reason}`);
}

let stale = 0;
for (const [rel, content] of files) {
  const target = path.join(root, rel);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (current === content) continue;
  if (check) {
    console.error(`stale: ${rel} differs from what data/sources produces; run \`npm run data\``);
    stale++;
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    console.log(`wrote ${rel}`);
  }
}
process.exit(stale ? 1 : 0);
