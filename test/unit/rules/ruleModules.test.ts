// The shape every rule keeps: one source file, one docs page and one test table, named after its id.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../../server/src';
import { PLAN_RULES, RULE_MODULES, SWEEP_RULES } from '../../../server/src/rules';

const ROOT = join(__dirname, '..', '..', '..');
const camel = (id: string) => id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

test('every rule is one module in its own file, with a docs page and a test table', async () => {
  assert.equal(RULE_MODULES.length, 12);
  for (const module of RULE_MODULES) {
    const { id, docs } = module.meta;
    const file = join(ROOT, 'server', 'src', 'rules', `${camel(id)}.ts`);
    assert.ok(existsSync(file), `server/src/rules/${camel(id)}.ts`);
    const exported = (await import(file)) as Record<string, unknown>;
    assert.equal(exported[camel(id)], module, `${camel(id)}.ts exports the module as ${camel(id)}`);
    assert.ok(existsSync(join(ROOT, docs)), docs);
    assert.ok(existsSync(join(__dirname, `${camel(id)}.test.ts`)), `test/unit/rules/${camel(id)}.test.ts`);
    // A rule either checks something or is raised by a reader through a helper exported beside it.
    const helpers = Object.keys(exported).filter((name) => name.startsWith('report'));
    assert.ok(module.checkPlan || module.checkSweep || helpers.length > 0, `${id}: no check and no reporting helper`);
  }
});

test('the catalog and the check lists come from the modules', () => {
  assert.deepEqual(
    Object.keys(RULES),
    RULE_MODULES.map((m) => m.meta.id),
  );
  assert.equal(new Set(Object.keys(RULES)).size, RULE_MODULES.length);
  assert.deepEqual(
    PLAN_RULES,
    RULE_MODULES.flatMap((m) => ('checkPlan' in m ? [m.checkPlan] : [])),
  );
  assert.deepEqual(
    SWEEP_RULES,
    RULE_MODULES.flatMap((m) => ('checkSweep' in m ? [m.checkSweep] : [])),
  );
  assert.equal(PLAN_RULES.length, 6);
  assert.equal(SWEEP_RULES.length, 5);
});
