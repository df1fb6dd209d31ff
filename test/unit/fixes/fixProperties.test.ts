// Property test over the real corpus (../shared/corpus, read in place, never copied) and our examples/: for every
// finding with a fix, apply each fix; the text re-parses (JSON stays JSON), the finding is gone, no new error appears,
// bytes outside the edited ranges are identical, and the new plan runs the family the fix named (and can be drawn).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig } from '../../../server/src/analysis/analyzeConfig';
import { planFixAll } from '../../../server/src/fixes/fixAll';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';
import { checkFix } from './fixChecks';

const CORPUS = join(__dirname, '../../../../shared/corpus');
const EXAMPLES = join(__dirname, '../../../examples');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ya?ml|json)$/i.test(name) ? [path] : [];
  });
}

test('every quick fix on the corpus and the examples holds', (t) => {
  if (!existsSync(CORPUS)) {
    console.error(`\n*** fixProperties.test.ts: corpus folder ${CORPUS} is ABSENT: only examples/ checked ***\n`);
  }
  const files = [...filesUnder(CORPUS), ...filesUnder(EXAMPLES)];
  let findingsWithFixes = 0;
  let fixesTried = 0;
  const byRule = new Map<string, number>();
  const failures: string[] = [];
  let held = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const before = analyzeConfig(text, file);
    for (const finding of before.findings) {
      if (finding.fixes.length === 0) continue;
      findingsWithFixes++;
      for (const fix of finding.fixes) {
        fixesTried++;
        byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
        const problems = checkFix(text, file, before, finding, fix);
        if (problems.length === 0) held++;
        for (const problem of problems)
          failures.push(`${file.split('/').slice(-2).join('/')}: ${finding.ruleId} / ${fix.title}: ${problem}`);
      }
    }
  }
  const figures = `${files.length} files, ${findingsWithFixes} findings with fixes, ${fixesTried} fixes applied (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}), ${held} held`;
  t.diagnostic(figures);
  console.error(`fixProperties: ${figures}`);
  assert.deepEqual(failures, []);
  // Not vacuous: the corpus has real constant, piecewise, plateau and horizon findings with fixes (38 fixes today,
  // 46 with our examples).
  if (existsSync(CORPUS)) {
    assert.ok(fixesTried >= 30, `expected at least 30 fixes over the corpus, tried ${fixesTried}`);
    for (const rule of ['constant-lr', 'piecewise-schedule', 'validation-driven-schedule', 'schedule-horizon'])
      assert.ok(byRule.has(rule), `no ${rule} fix was tried`);
  }
});

test('fix all (the preferred fix of every finding, non-overlapping) holds on the corpus and the examples', (t) => {
  const files = [...filesUnder(CORPUS), ...filesUnder(EXAMPLES)];
  const failures: string[] = [];
  let filesFixed = 0;
  let fixesApplied = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const before = analyzeConfig(text, file);
    const plan = planFixAll(before.findings);
    if (plan.edits.length === 0) continue;
    filesFixed++;
    fixesApplied += plan.chosen.length;
    const fixed = applyEdits(text, plan.edits);
    const after = analyzeConfig(fixed, file);
    const name = file.split('/').slice(-2).join('/');
    if (after.parsed.syntaxProblems.length > before.parsed.syntaxProblems.length) failures.push(`${name}: does not re-parse`);
    const errorsBefore = new Set(before.findings.filter((f) => f.severity === 'error').map((f) => f.message));
    for (const f of after.findings)
      if (f.severity === 'error' && !errorsBefore.has(f.message)) failures.push(`${name}: new error ${f.message}`);
    for (const { finding } of plan.chosen) {
      if (after.findings.some((f) => f.ruleId === finding.ruleId)) failures.push(`${name}: ${finding.ruleId} still reported after fix all`);
    }
  }
  t.diagnostic(`fix all: ${fixesApplied} fixes in ${filesFixed} files`);
  console.error(`fixProperties: fix all applied ${fixesApplied} fixes in ${filesFixed} files`);
  assert.deepEqual(failures, []);
  if (existsSync(CORPUS)) assert.ok(filesFixed >= 15, `expected at least 15 files with fixes, got ${filesFixed}`);
});
