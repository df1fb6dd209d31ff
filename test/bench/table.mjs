// Prints bench/results.json as a Markdown table (for the README's Performance section): node test/bench/table.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(new URL('.', import.meta.url).pathname, '../..');
const results = JSON.parse(readFileSync(join(repo, 'bench', 'results.json'), 'utf8'));
const number = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
const first = Object.values(results.benches)[0].machineAtStart;
console.log(`Machine: ${first.nproc} × ${first.cpu}, ${first.memoryGB} GB, Node ${first.node}.\n`);
/** The value, with its spread when the figure was measured over several runs (BENCH_RUNS). */
const shown = (f) =>
  `${number(f.value)} ${f.unit}${f.spread && f.spread.runs > 1 ? ` (${number(f.spread.min)}–${number(f.spread.max)}, ${f.spread.runs} runs)` : ''}`;
console.log('| Figure | Value (median; min–max over runs) | Target | Ratio | |');
console.log('|---|---|---|---|---|');
for (const [file, { date, machineAtStart: start, machineAtEnd: end, figures }] of Object.entries(results.benches)) {
  console.log(`| *${file}, ${date.slice(0, 16).replace('T', ' ')} UTC, load average ${start.loadavg[0]} → ${end.loadavg[0]}* | | | | |`);
  for (const f of figures) {
    const target = f.target ? `${f.target.op} ${number(f.target.value)} ${f.unit}` : '';
    const verdict = f.meets === null ? '' : f.meets ? 'meets' : '**misses**';
    console.log(
      `| ${f.name}${f.note ? ` (${f.note})` : ''} | ${shown(f)} | ${target} | ${f.ratio === null ? '' : number(f.ratio)} | ${verdict} |`,
    );
  }
}
