// Real-world accuracy: LR Lens on configs from outside the shared corpus (test/realWorld/configs, provenance in
// SOURCES.tsv), compared with what each framework does (expectations.json, written from the frameworks' sources
// before LR Lens was run). Prints dialect accuracy and constant-LR precision/recall; fails on any mismatch not
// listed in KNOWN_MISSES (each with its reason), and on a listed miss that no longer misses.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, curveOfAnalysis, onInternalError } from '../../server/src/index';

onInternalError((error) => {
  throw error;
});

interface Expectation {
  dialect: string | null;
  constant: boolean | null;
  mustHave?: string[];
  mustNotHave?: string[];
  summaryIncludes?: string[];
  family?: string;
  peakNot?: number;
  /** The file's path in a repository of its kind: file-name hints read it, not the local name. */
  path: string;
  what: string;
}

const dir = join(__dirname, 'configs');
const expectations = (JSON.parse(readFileSync(join(__dirname, 'expectations.json'), 'utf8')) as { files: Record<string, Expectation> })
  .files;

/** Files LR Lens still reads wrong, with why (an entry here that starts passing fails the test: remove it). */
const KNOWN_MISSES: Record<string, string> = {};

interface Outcome {
  dialect: string | null;
  constant: boolean;
  problems: string[];
}

function run(name: string, expected: Expectation): Outcome {
  const path = join(dir, name);
  const text = readFileSync(path, 'utf8');
  const analysis = analyzeConfig(text, join('/workspace', expected.path), {});
  const dialect = analysis.documents[0]?.dialect.id ?? null;
  const rules = new Set(analysis.findings.map((f) => f.ruleId));
  const constant = rules.has('constant-lr');
  const problems: string[] = [];
  if (dialect !== expected.dialect) problems.push(`dialect ${dialect} (expected ${expected.dialect})`);
  if (expected.constant !== null && constant !== expected.constant) problems.push(`constant-lr ${constant ? 'reported' : 'missing'}`);
  if (expected.constant === null && constant) problems.push('constant-lr reported where the schedule is unknown');
  for (const rule of expected.mustHave ?? []) if (!rules.has(rule as never)) problems.push(`no ${rule}`);
  for (const rule of expected.mustNotHave ?? []) if (rules.has(rule as never)) problems.push(`unexpected ${rule}`);
  if (expected.dialect === null && analysis.findings.length > 0)
    problems.push(`findings on a file no dialect should claim: ${[...rules].join(', ')}`);
  const curve = expected.summaryIncludes || expected.peakNot !== undefined ? curveOfAnalysis(analysis, { points: 64 }) : null;
  for (const words of expected.summaryIncludes ?? []) {
    const said = [curve?.summary.text ?? '', ...(curve?.assumptions ?? [])].join(' ');
    if (!said.includes(words)) problems.push(`the curve does not say "${words}"`);
  }
  if (expected.peakNot !== undefined && curve) {
    const peak = Math.max(...curve.points.map((p) => p.lr));
    if (Math.abs(peak - expected.peakNot) <= 1e-12) problems.push(`the curve peaks at ${peak}, a value the framework ignores`);
  }
  if (expected.family) {
    const schedule = analysis.documents[0]?.plan?.schedule.name ?? '';
    if (!schedule.toLowerCase().includes(expected.family)) problems.push(`schedule ${schedule || 'none'} (expected ${expected.family})`);
  }
  return { dialect, constant, problems };
}

test('LR Lens reads real-world configs the way their frameworks do', (t) => {
  const files = readdirSync(dir).sort();
  assert.deepEqual(files, Object.keys(expectations).sort(), 'every config has an expectation and every expectation a config');
  let dialectRight = 0;
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  const misses: Record<string, string> = {};
  for (const name of files) {
    const expected = expectations[name];
    if (!expected) continue;
    const outcome = run(name, expected);
    if (outcome.dialect === expected.dialect) dialectRight++;
    if (expected.constant === true && outcome.constant) truePositive++;
    if (expected.constant !== true && outcome.constant) falsePositive++;
    if (expected.constant === true && !outcome.constant) falseNegative++;
    if (outcome.problems.length > 0) misses[name] = outcome.problems.join('; ');
  }
  const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  t.diagnostic(`${files.length} configs; dialect right for ${dialectRight} (${pct(dialectRight, files.length)})`);
  t.diagnostic(
    `constant-LR precision ${pct(truePositive, truePositive + falsePositive)} (${truePositive}/${truePositive + falsePositive}), ` +
      `recall ${pct(truePositive, truePositive + falseNegative)} (${truePositive}/${truePositive + falseNegative})`,
  );
  for (const [name, why] of Object.entries(misses)) t.diagnostic(`miss: ${name}: ${why}`);
  assert.deepEqual(Object.keys(misses).sort(), Object.keys(KNOWN_MISSES).sort(), 'the files read wrong are exactly the known misses');
});
