import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeConfig, RULES } from '../../server/src';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

describe('rule documentation', () => {
  for (const id of Object.keys(RULES)) {
    test(`${id} has a page with the why and how to silence it`, () => {
      const page = join(DOCS, `${id}.md`);
      assert.ok(existsSync(page), `docs/rules/${id}.md is missing`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${id}\\n`));
      assert.match(text, /## Why/);
    });
  }

  // The examples in the pages are run: a page that says "fires" must fire, "ok" must not.
  for (const id of Object.keys(RULES)) {
    const page = join(DOCS, `${id}.md`);
    if (!existsSync(page)) continue;
    const examples = [...readFileSync(page, 'utf8').matchAll(/```yaml (fires|ok)\n([\s\S]*?)```/g)];
    examples.forEach(([, expectation, yaml], i) => {
      test(`${id} example ${i + 1} (${expectation})`, () => {
        const fired = analyzeConfig(yaml!, 'example.yaml').findings.some((f) => f.ruleId === id);
        assert.equal(fired, expectation === 'fires', yaml);
      });
    });
  }
});
