// Shared by the tests of the pretraining-stack frameworks (gpt-neox, olmo, nanotron, levanter, maxtext): a finding's
// fix applied, after checking it holds (fixChecks: bytes outside the edits kept, re-parses, the curve changes family).
import assert from 'node:assert/strict';
import { analyzeConfig } from '../../../server/src/analysis/analyzeConfig';
import { applyEdits } from '../../../server/src/fixes/yamlEdits';
import { checkFix } from '../fixes/fixChecks';

/** The text after applying the fix titled `title` of the first `rule` finding; fails if the fix does not hold. */
export function fixedBy(text: string, rule: string, title: string, fileName = 'config.yaml'): string {
  const before = analyzeConfig(text, fileName);
  const finding = before.findings.find((f) => f.ruleId === rule);
  assert.ok(finding, `${rule} expected; got ${before.findings.map((f) => f.ruleId).join(', ') || 'none'}`);
  const fix = finding.fixes.find((f) => f.title.startsWith(title));
  assert.ok(fix, `no fix titled ${title} (have ${finding.fixes.map((f) => f.title).join(', ')})`);
  assert.deepEqual(checkFix(text, fileName, before, finding, fix), [], fix.title);
  return applyEdits(text, fix.edits);
}
