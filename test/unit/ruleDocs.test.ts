// Rule pages: one per rule, with a Why section (the single source of the longer why shown on hover and in SARIF,
// copied into server/src/rules/ruleExplanations.ts, which this test checks and rewrites with UPDATE_RULE_DOCS=1),
// and examples that are run.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeConfig, RULES } from '../../server/src';
import { RULE_MODULES } from '../../server/src/rules';
import { RULE_EXPLANATIONS } from '../../server/src/rules/ruleExplanations';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'rules');
const EXPLANATIONS = join(ROOT, 'server', 'src', 'rules', 'ruleExplanations.ts');

/** A page's `## Why` section, without its heading, up to the next heading. */
function whySection(page: string): string {
  const match = /^## Why\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page);
  return match?.[1]?.trim() ?? '';
}

/** A string literal in the repository's style. */
const quoted = (line: string) => `'${line.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function explanationsSource(): string {
  const entries = RULE_MODULES.flatMap(({ meta }) => {
    const lines = whySection(readFileSync(join(ROOT, meta.docs), 'utf8')).split('\n');
    return [`  '${meta.id}': [`, ...lines.map((line) => `    ${quoted(line)},`), "  ].join('\\n'),"];
  });
  return [
    '// Generated from the `## Why` section of each page in docs/rules (the single source of the text): do not edit.',
    '// Regenerate: UPDATE_RULE_DOCS=1 node --import tsx --test test/unit/ruleDocs.test.ts',
    "import type { RuleId } from './index';",
    '',
    '/** The longer why of each rule, in Markdown (hover, SARIF help). */',
    'export const RULE_EXPLANATIONS: Readonly<Record<RuleId, string>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

describe('rule documentation', () => {
  for (const { meta } of RULE_MODULES) {
    test(`${meta.id} has a page with the why and how to silence it`, () => {
      const page = join(ROOT, meta.docs);
      assert.ok(existsSync(page), `${meta.docs} is missing`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${meta.id}\\n`));
      assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${meta.defaultSeverity}\\n`));
      assert.ok(whySection(text).length > 40, `${meta.docs} has no Why section`);
    });
  }

  test('the longer why in the catalog is the Why section of each page', (t) => {
    if (process.env.UPDATE_RULE_DOCS === '1') {
      writeFileSync(EXPLANATIONS, explanationsSource());
      t.diagnostic(`wrote ${EXPLANATIONS}; run again without UPDATE_RULE_DOCS to check it`);
      return;
    }
    for (const { meta } of RULE_MODULES) {
      const why = whySection(readFileSync(join(ROOT, meta.docs), 'utf8'));
      assert.equal(RULE_EXPLANATIONS[meta.id], why, `${meta.docs} changed: regenerate ruleExplanations.ts with UPDATE_RULE_DOCS=1`);
      assert.equal(RULES[meta.id].explanation, why);
      assert.equal(RULES[meta.id].why, meta.why);
    }
  });

  test('the index of docs/rules lists every rule with its default severity, and every page is a rule', () => {
    const index = readFileSync(join(DOCS, 'README.md'), 'utf8');
    const rows = [...index.matchAll(/^\| \[([a-z-]+)\]\(([a-z-]+)\.md\) \| (\w+) \|/gm)].map(([, id, page, severity]) => ({
      id,
      page,
      severity,
    }));
    assert.deepEqual(
      rows,
      RULE_MODULES.map(({ meta }) => ({ id: meta.id, page: meta.id, severity: meta.defaultSeverity })),
    );
    const pages = readdirSync(DOCS).filter((name) => name.endsWith('.md') && name !== 'README.md');
    assert.deepEqual(pages.sort(), RULE_MODULES.map(({ meta }) => `${meta.id}.md`).sort());
  });

  // The examples in the pages are run: a page that says "fires" must fire, "ok" must not.
  for (const id of Object.keys(RULES)) {
    const page = join(DOCS, `${id}.md`);
    if (!existsSync(page)) continue;
    const examples = [...readFileSync(page, 'utf8').matchAll(/```yaml (fires|ok)\n([\s\S]*?)```/g)];
    examples.forEach(([, expectation, yaml = ''], i) => {
      test(`${id} example ${i + 1} (${expectation})`, () => {
        const analysis = analyzeConfig(yaml, 'example.yaml');
        assert.ok(analysis.documents.length > 0, `example not recognized:\n${yaml}`);
        const fired = analysis.findings.some((f) => f.ruleId === id);
        assert.equal(fired, expectation === 'fires', yaml);
      });
    });
  }
});
