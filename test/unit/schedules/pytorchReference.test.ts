// Compares our PyTorch schedules with real torch (Debian python3-torch, run by /usr/bin/python3), step by step.
// The cases live in torchReferenceCases.json; torch_reference.py prints torch's LR for every step of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pytorchSchedule } from '../../../server/src/schedules/pytorch';

const here = join(process.cwd(), 'test/unit/schedules');
const casesPath = join(here, 'torchReferenceCases.json');
const PYTHON = '/usr/bin/python3';

interface Case {
  id: string;
  name: string;
  params: Record<string, unknown>;
  baseLr: number;
  steps: number;
}

function torchAvailable(): boolean {
  return spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;
}

function relativeError(ours: number, theirs: number): number {
  if (ours === theirs) return 0;
  return Math.abs(ours - theirs) / Math.max(Math.abs(ours), Math.abs(theirs));
}

test('every PyTorch case matches real torch at every step (relative error <= 1e-12)', (t) => {
  if (!torchAvailable()) {
    const message = `PyTorch reference SKIPPED: \`${PYTHON} -c "import torch"\` failed; install Debian python3-torch to compare with real torch`;
    console.error(message);
    t.skip(message);
    return;
  }
  const run = spawnSync(PYTHON, [join(here, 'torch_reference.py'), casesPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  const reference = JSON.parse(run.stdout) as { torch: string; cases: Record<string, number[]> };
  const cases = JSON.parse(readFileSync(casesPath, 'utf8')) as Case[];
  const worstByScheduler = new Map<string, { error: number; exact: number; steps: number }>();
  for (const c of cases) {
    const schedule = pytorchSchedule({ name: c.name, params: c.params, baseLr: c.baseLr, totalSteps: c.steps });
    assert.ok(schedule, `${c.id}: builder returned null`);
    const torchValues = reference.cases[c.id];
    assert.ok(torchValues && torchValues.length === c.steps, `${c.id}: torch printed ${torchValues?.length} values`);
    const summary = worstByScheduler.get(c.name) ?? { error: 0, exact: 0, steps: 0 };
    for (let step = 0; step < c.steps; step++) {
      const ours = schedule.lrAt(step);
      const theirs = torchValues[step];
      assert.ok(theirs !== undefined);
      const error = relativeError(ours, theirs);
      assert.ok(error <= 1e-12, `${c.id} step ${step}: ours ${ours} torch ${theirs} (relative error ${error})`);
      summary.error = Math.max(summary.error, error);
      summary.exact += ours === theirs ? 1 : 0;
      summary.steps += 1;
    }
    worstByScheduler.set(c.name, summary);
  }
  for (const [name, s] of worstByScheduler) {
    console.log(
      `torch ${reference.torch} ${name}: max relative error ${s.error.toExponential(2)}, ${s.exact}/${s.steps} steps bit-identical`,
    );
  }
});
