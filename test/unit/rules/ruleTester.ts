// A small RuleTester in the manner of ESLint's: one table of valid and invalid files per rule. Every case first
// asserts that the file was recognized (the dialect, and a plan or a study for the rule to read); a valid case then
// asserts that the rule raised nothing, an invalid one the findings it raised: message, line and the exact text
// under the finding. Internal errors throw (analyzeConfig would otherwise swallow a rule's fault and report nothing).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  analyzeConfig,
  applyEdits,
  onInternalError,
  type ConfigAnalysis,
  type LensSettings,
  type RuleId,
  type Severity,
} from '../../../server/src/index';
import { RULE_MODULES } from '../../../server/src/rules';
import { RULES } from '../../../server/src/rules/ruleCatalog';

onInternalError((error) => {
  throw error;
});

export interface RuleCase {
  /** What the case shows (the test's name). */
  name: string;
  /** The file, one source line per line of the file. */
  lines: string[];
  fileName?: string;
  /** The dialect that must recognize the file; null: a file that is rightly not analyzed as a training config. */
  dialect: string | null;
  settings?: LensSettings;
}

export interface ExpectedFinding {
  /** Fragments of the message (each must match). */
  message: RegExp | RegExp[];
  /** 1-based line of the finding's start. */
  line: number;
  /** The text under the finding (its whole range). */
  text: string;
  /** The severity, when it is not the rule's default. */
  severity?: Severity;
  /** 1-based column of the start, when `text` occurs more than once on the line. */
  column?: number;
  /** The fix titles, in order. */
  fixes?: string[];
  /** The file after the first fix, one line per element. */
  output?: string[];
}

export interface InvalidRuleCase extends RuleCase {
  findings: ExpectedFinding[];
}

const textOf = (lines: string[]) => `${lines.join('\n')}\n`;

/** Analyzes a case and asserts it was recognized as the case says, with something for the rule to read. */
function recognized(id: RuleId, kase: RuleCase): ConfigAnalysis {
  const analysis = analyzeConfig(textOf(kase.lines), kase.fileName ?? 'config.yaml', kase.settings);
  if (kase.dialect === null) {
    assert.deepEqual(
      analysis.documents.map((d) => d.dialect.id),
      [],
      'expected no training config',
    );
    return analysis;
  }
  const document = analysis.documents.find((d) => d.dialect.id === kase.dialect);
  assert.ok(document, `expected dialect ${kase.dialect}, got ${analysis.documents.map((d) => d.dialect.id).join(', ') || 'none'}`);
  const module = RULE_MODULES.find((m) => m.meta.id === id);
  assert.ok(module, `no rule module ${id}`);
  const readsPlan = 'checkPlan' in module;
  const readsSweep = 'checkSweep' in module;
  if (readsPlan && readsSweep) assert.ok(document.plan ?? document.sweep, `${kase.dialect}: neither a plan nor a study`);
  else if (readsPlan) assert.ok(document.plan, `${kase.dialect}: no plan`);
  else if (readsSweep) assert.ok(document.sweep, `${kase.dialect}: no study`);
  return analysis;
}

/** Runs the table of one rule as node:test tests. */
export function ruleTester(id: RuleId, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(id, () => {
    assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a rule table has valid and invalid cases');
    for (const kase of cases.valid) {
      test(`valid: ${kase.name}`, () => {
        const analysis = recognized(id, kase);
        const raised = analysis.findings.filter((f) => f.ruleId === id);
        assert.deepEqual(
          raised.map((f) => f.message),
          [],
        );
      });
    }
    for (const kase of cases.invalid) {
      test(`invalid: ${kase.name}`, () => {
        assert.ok(kase.findings.length > 0, 'an invalid case expects findings');
        const text = textOf(kase.lines);
        const analysis = recognized(id, kase);
        const raised = analysis.findings.filter((f) => f.ruleId === id);
        assert.equal(
          raised.length,
          kase.findings.length,
          `findings: ${JSON.stringify(
            raised.map((f) => f.message),
            null,
            1,
          )}`,
        );
        raised.forEach((finding, i) => {
          const expected = kase.findings[i];
          assert.ok(expected);
          for (const fragment of [expected.message].flat()) assert.match(finding.message, fragment);
          assert.equal(finding.severity, expected.severity ?? RULES[id].defaultSeverity, 'severity');
          assert.equal(text.slice(finding.span.start, finding.span.end), expected.text);
          const start = analysis.parsed.lines.positionAt(finding.span.start);
          assert.equal(start.line + 1, expected.line, 'line');
          const line = kase.lines[start.line] ?? '';
          assert.equal(start.character + 1, expected.column ?? line.indexOf(expected.text) + 1, 'column');
          if (expected.fixes)
            assert.deepEqual(
              finding.fixes.map((f) => f.title),
              expected.fixes,
            );
          if (expected.output) {
            const [first] = finding.fixes;
            assert.ok(first, 'no fix to apply');
            assert.equal(applyEdits(text, first.edits), textOf(expected.output));
          }
        });
      });
    }
  });
}
