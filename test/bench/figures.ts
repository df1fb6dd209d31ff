// Benchmark figures: printed with their target and ratio, and collected for bench/results.json.
// Figures, not tests: a missed target is reported, never thrown.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { must } from '../helpers/must';

export interface Figure {
  /** What was measured. */
  name: string;
  value: number;
  unit: string;
  /** The issue's target, or null for figures shown only for context (e.g. a baseline). */
  target: { op: '<=' | '>='; value: number } | null;
  /** value / target (<= targets) or target / value (>= targets): 1 or less meets the target. Null without a target. */
  ratio: number | null;
  meets: boolean | null;
  note?: string;
}

const figures: Figure[] = [];

/** Records and prints one figure. */
export function figure(name: string, value: number, unit: string, target: Figure['target'] = null, note?: string): Figure {
  const ratio = target === null ? null : target.op === '<=' ? value / target.value : target.value / value;
  const entry: Figure = { name, value, unit, target, ratio, meets: ratio === null ? null : ratio <= 1, ...(note ? { note } : {}) };
  figures.push(entry);
  const shown = `${format(value)} ${unit}`;
  const goal =
    target && ratio !== null
      ? ` (target ${target.op} ${format(target.value)} ${unit}; ratio ${ratio.toFixed(2)}${entry.meets ? ', meets' : ', MISSES'})`
      : '';
  console.log(`${name}: ${shown}${goal}${note ? ` [${note}]` : ''}`);
  return entry;
}

function format(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(3);
}

/** The run's figures go where test/bench/run.mjs asks (BENCH_OUT); run alone, they are only printed. */
process.on('exit', () => {
  const out = process.env.BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify(figures, null, 2));
});

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = must(sorted[mid], `the middle of ${sorted.length} values`);
  return sorted.length % 2 ? upper : (must(sorted[mid - 1], `the middle of ${sorted.length} values`) + upper) / 2;
}

/** Median wall time of `run` in ms after a warm-up. */
export function medianTime(run: () => void, repeats = 21, warmup = 3): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}
