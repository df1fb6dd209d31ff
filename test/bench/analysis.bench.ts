// Issue 9, item 1: typical configs. Full analysis (parse, dialect, plan, rules, fixes, curve, code lenses) per
// corpus file in a warm process, and the CLI checking the whole corpus including process start.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { analyzeConfig } from '../../server/src/analysis/analyzeConfig';
import { curveOfAnalysis } from '../../server/src/analysis/curve';
import { codeLensesOf } from '../../server/src/analysis/codeLens';
import { CORPUS_DIR, corpusFiles, type CorpusFile } from '../helpers/corpus';
import { must } from '../helpers/must';
import { figure, median } from './figures';

const files = corpusFiles();
if (!files) {
  console.error(`corpus not found at ${CORPUS_DIR}: no figures`);
  process.exit(1);
}

/** Everything an editor asks of a freshly changed document: findings (with fixes), curve, lenses. */
function fullAnalysis(text: string, path: string): number {
  const analysis = analyzeConfig(text, path);
  const curve = curveOfAnalysis(analysis, { points: 200 });
  const lenses = codeLensesOf(analysis, { sparkline: true });
  return analysis.findings.length + (curve?.points.length ?? 0) + lenses.length;
}

// How the per-file figure is measured (an editor's language server is a long-lived process that re-analyses
// a document on every change, so its code is warm; but no timing may ride on a run of the same file just
// before it, which would prime exactly that file's shapes and caches):
// 1. warm-up: six passes over the even-numbered half of the corpus (after two, V8 is still optimizing);
// 2. first sight: each file of the other half analyzed once, timed (a file the warm server has never seen);
// 3. steady state, the target: ROUNDS rounds over the whole corpus, each in its own shuffled order (seeded),
//    each file timed once per round; per file the median of its rounds, then the median over files.
//    Between two timings of a file, every other file is analyzed once.
const ROUNDS = 9;
const timed = (file: CorpusFile): number => {
  const start = performance.now();
  fullAnalysis(file.text, file.path);
  return performance.now() - start;
};
const warmUp = files.filter((_, i) => i % 2 === 0);
const heldOut = files.filter((_, i) => i % 2 === 1);
for (let pass = 0; pass < 6; pass++) for (const file of warmUp) fullAnalysis(file.text, file.path);
const firstSight = heldOut.map(timed);
let seed = 9;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const times = new Map<CorpusFile, number[]>(files.map((file) => [file, []]));
for (let round = 0; round < ROUNDS; round++) {
  const order = [...files];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const [a, b] = [must(order[i], `corpus file ${i}`), must(order[j], `corpus file ${j}`)];
    [order[i], order[j]] = [b, a];
  }
  for (const file of order) must(times.get(file), `the times of ${file.name}`).push(timed(file));
}
const perFile = files.map((file) => ({ file, ms: median(must(times.get(file), `the times of ${file.name}`)) }));
perFile.sort((a, b) => a.ms - b.ms);
figure(
  `full analysis per corpus file, median of ${files.length} files`,
  median(perFile.map((f) => f.ms)),
  'ms',
  { op: '<=', value: 2 },
  `warm server: each file's median over ${ROUNDS} shuffled rounds of the whole corpus, never timed right after itself`,
);
const slowest = must(perFile.at(-1), 'the slowest corpus file');
figure(
  'full analysis, slowest corpus file',
  slowest.ms,
  'ms',
  null,
  `${slowest.file.folder}/${slowest.file.name}, ${slowest.file.text.split('\n').length} lines`,
);
figure(
  'full analysis, 90th percentile corpus file',
  must(perFile[Math.floor(perFile.length * 0.9)], 'the 90th percentile corpus file').ms,
  'ms',
);
figure(
  `full analysis of a file seen for the first time, median of ${heldOut.length} files`,
  median(firstSight),
  'ms',
  null,
  'warm server (six passes over the other half of the corpus), each file analyzed once',
);

// The CLI over the whole corpus, as a user runs it: process start, reading, analyzing, printing. One unmeasured
// run first writes the V8 code cache if the bundle changed (as any earlier use of the CLI would have); bare
// `node -e 0` is timed between the CLI runs, so both see the same load.
const cli = () =>
  spawnSync(process.execPath, ['bin/lr-lens.js', 'check', CORPUS_DIR, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
cli();
const cliTimes: number[] = [];
const nodeStart: number[] = [];
for (let i = 0; i < 5; i++) {
  let start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  nodeStart.push(performance.now() - start);
  start = performance.now();
  const result = cli();
  cliTimes.push(performance.now() - start);
  if (result.status === 2 || !result.stdout.startsWith('[')) {
    console.error(`lr-lens check failed (exit ${result.status}): ${result.stderr}`);
    process.exit(1);
  }
}
figure(
  `CLI check of the whole corpus (${files.length} files) incl. process start, median of 5`,
  median(cliTimes),
  'ms',
  { op: '<=', value: 1000 },
  'code cache warm',
);
figure('bare `node -e 0` start, for context', median(nodeStart), 'ms');
