// Issue 9, item 1: typical configs. Full analysis (parse, dialect, plan, rules, fixes, curve, code lenses) per
// corpus file, and the CLI checking the whole corpus including process start.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { analyzeConfig } from '../../server/src/analysis/analyzeConfig';
import { curveOfAnalysis } from '../../server/src/analysis/curve';
import { codeLensesOf } from '../../server/src/analysis/codeLens';
import { CORPUS_DIR, corpusFiles } from '../helpers/corpus';
import { figure, median, medianTime } from './figures';

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

// Warm the code paths once over the corpus (an editor's server is warm after the first file).
for (const file of files) fullAnalysis(file.text, file.path);
const perFile = files.map((file) => ({ file, ms: medianTime(() => fullAnalysis(file.text, file.path), 9, 1) }));
perFile.sort((a, b) => a.ms - b.ms);
figure(`full analysis per corpus file, median of ${files.length} files`, median(perFile.map((f) => f.ms)), 'ms', { op: '<=', value: 2 });
const slowest = perFile.at(-1)!;
figure('full analysis, slowest corpus file', slowest.ms, 'ms', null, `${slowest.file.folder}/${slowest.file.name}, ${slowest.file.text.split('\n').length} lines`);
figure('full analysis, 90th percentile corpus file', perFile[Math.floor(perFile.length * 0.9)]!.ms, 'ms');

// The CLI over the whole corpus, as a user runs it: process start, reading, analysing, printing.
const cliTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['bin/lr-lens.js', 'check', CORPUS_DIR, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  cliTimes.push(performance.now() - start);
  if (result.status === 2 || !result.stdout.startsWith('[')) {
    console.error(`lr-lens check failed (exit ${result.status}): ${result.stderr}`);
    process.exit(1);
  }
}
figure(`CLI check of the whole corpus (${files.length} files) incl. process start, median of 5`, median(cliTimes), 'ms', { op: '<=', value: 1000 });
const nodeStart: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  nodeStart.push(performance.now() - start);
}
figure('bare `node -e 0` start, for context', median(nodeStart), 'ms');
