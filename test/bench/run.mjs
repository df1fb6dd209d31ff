// Runs every benchmark file test/bench/*.bench.{mjs,js,ts} in turn (TypeScript loaded by tsx); figures are printed.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const files = readdirSync(here).filter((name) => /\.bench\.(mjs|js|ts)$/.test(name)).sort();
let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit', cwd: join(here, '../..') });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
