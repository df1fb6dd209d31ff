// Runs every benchmark file test/bench/*.bench.{mjs,js,ts} in turn (TypeScript loaded by tsx); figures are printed
// with their targets and ratios, and written with the machine they came from to bench/results.json.
// `node test/bench/run.mjs WORD...` runs only the files whose names contain a WORD and replaces their entries.
// `BENCH_RUNS=N` runs each file N times and records each figure as the median of N, with its min and max.
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
const machine = () => ({
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  loadavg: loadavg().map((n) => +n.toFixed(2)),
  memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
  node: process.version,
});
const resultsFile = join(repo, 'bench', 'results.json');
const results = only.length > 0 && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { benches: {} };
let failed = false;
/** BENCH_RUNS=N runs each file N times: each figure is the median of its N values, with their min and max. */
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1) || 1);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** One figure from its values over the runs (the target's verdict is that of the median). */
function merged(values) {
  const value = median(values.map((f) => f.value));
  const { target } = values[0];
  const ratio = target === null ? null : target.op === '<=' ? value / target.value : target.value / value;
  const spread = { runs: values.length, min: Math.min(...values.map((f) => f.value)), max: Math.max(...values.map((f) => f.value)) };
  return { ...values[0], value, ratio, meets: ratio === null ? null : ratio <= 1, spread };
}
for (const file of files) {
  const entry = { date: new Date().toISOString(), machineAtStart: machine(), runs };
  const byName = new Map();
  for (let run = 1; run <= runs; run++) {
    console.log(`\n== ${file}${runs > 1 ? ` (run ${run} of ${runs})` : ''}`);
    const out = join(scratch, `${file}.${run}.json`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
      stdio: 'inherit',
      cwd: repo,
      env: { ...process.env, BENCH_OUT: out },
    });
    if (result.status !== 0) {
      failed = true;
      entry.error = `exit ${result.status}`;
    }
    for (const f of existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : []) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  }
  entry.machineAtEnd = machine();
  entry.figures = [...byName.values()].map(merged);
  results.benches[file] = entry;
}
rmSync(scratch, { recursive: true, force: true });
mkdirSync(join(repo, 'bench'), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
process.exit(failed ? 1 : 0);
