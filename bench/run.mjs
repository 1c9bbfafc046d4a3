// `npm run bench [-- scenario ...]`: runs the named scenarios (all of the default ones when none
// is named), prints each one's figures beside its bare baseline, and writes bench/results/*.json.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

const dir = join(ROOT, 'bench/scenarios');
const scenarios = new Map();
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(pathToFileURL(join(dir, file)).href);
  scenarios.set(mod.name, mod);
}

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((n) => !scenarios.has(n));
if (unknown.length) {
  console.error(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${[...scenarios.keys()].join(', ')}`);
  process.exit(2);
}
const chosen = asked.length
  ? asked
  : [...scenarios.values()].filter((s) => s.byDefault !== false).map((s) => s.name);

for (const name of chosen) {
  const scenario = scenarios.get(name);
  console.log(`\n== ${name}: ${scenario.description}`);
  const record = await scenario.run();
  console.log(JSON.stringify(record, null, 2));
}
