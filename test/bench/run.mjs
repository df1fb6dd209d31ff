// Runs every benchmark file test/bench/*.bench.{mjs,js,ts} in turn (TypeScript loaded by tsx); figures are printed
// with their targets and ratios, and written with the machine they came from to bench/results.json.
// `node test/bench/run.mjs WORD...` runs only the files whose names contain a WORD and replaces their entries.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const repo = join(here, '../..');
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => /\.bench\.(mjs|js|ts)$/.test(name))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();
const scratch = mkdtempSync(join(tmpdir(), 'lr-lens-bench-'));
const machine = () => ({ nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', loadavg: loadavg().map((n) => +n.toFixed(2)), memoryGB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version });
const resultsFile = join(repo, 'bench', 'results.json');
const results = only.length > 0 && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { benches: {} };
let failed = false;
for (const file of files) {
  console.log(`\n== ${file}`);
  const out = join(scratch, `${file}.json`);
  const entry = { date: new Date().toISOString(), machineAtStart: machine() };
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit', cwd: repo, env: { ...process.env, BENCH_OUT: out } });
  if (result.status !== 0) failed = true;
  entry.machineAtEnd = machine();
  entry.figures = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : [];
  if (result.status !== 0) entry.error = `exit ${result.status}`;
  results.benches[file] = entry;
}
rmSync(scratch, { recursive: true, force: true });
mkdirSync(join(repo, 'bench'), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
process.exit(failed ? 1 : 0);
