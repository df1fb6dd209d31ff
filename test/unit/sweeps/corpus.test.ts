// The real sweep files under ../shared/corpus (outside this repository; never copied in): every one analyzed
// without an internal error, read into a sweep plan, and its derived figures (method, budget, how many entries
// are tuned, which Adam hyperparameters, whether the length is tuned, rules) pinned in a reviewed snapshot.
// Update with LR_LENS_UPDATE_SNAPSHOT=1 and review the diff.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, onInternalError } from '../../../server/src/index';
import { isTuned } from '../../../server/src/plan/sweepPlan';
import { ADAM_ROLES, roleOf, tunedAdamRoles } from '../../../server/src/plan/searchSpaceRoles';
import { CORPUS_DIR, corpusFiles } from '../../helpers/corpus';

const SNAPSHOT = join(__dirname, 'corpus.snapshot.json');
const SWEEP_FOLDERS: Record<string, string> = { wandb_sweep: 'wandb-sweep', hydra_optuna: 'hydra-sweep', katib: 'katib' };

interface Figures {
  method: string;
  trials: number | null;
  cap: number | null;
  gridSize: number | null;
  entries: number;
  tuned: number;
  optimizer: string;
  adamTuned: string[];
  lengthTuned: boolean;
  rules: string[];
}

test('corpus sweeps: every file read into a sweep plan, figures match the reviewed snapshot', (t) => {
  const files = corpusFiles()?.filter((f) => f.folder in SWEEP_FOLDERS);
  if (!files) {
    console.error(`\n*** sweeps/corpus.test.ts: corpus folder ${CORPUS_DIR} is ABSENT: the corpus sweep checks did NOT run ***\n`);
    t.skip(`corpus folder absent: ${CORPUS_DIR}`);
    return;
  }
  assert.ok(files.length >= 25, `expected the corpus sweep folders, found ${files.length} files`);
  const errors: string[] = [];
  let current = '';
  onInternalError((error) => errors.push(`${current}: ${error instanceof Error ? error.stack : String(error)}`));
  const actual: Record<string, Figures> = {};
  try {
    for (const file of files) {
      current = `${file.folder}/${file.name}`;
      const analysis = analyzeConfig(file.text, file.path);
      const document = analysis.documents[0];
      assert.equal(document?.dialect.id, SWEEP_FOLDERS[file.folder], `${current}: dialect`);
      const sweep = document?.sweep;
      assert.ok(sweep, `${current}: no sweep plan`);
      const tunedRoles = tunedAdamRoles(sweep);
      actual[current] = {
        method: sweep.method,
        trials: sweep.budget.trials,
        cap: sweep.budget.cap,
        gridSize: sweep.budget.gridSize,
        entries: sweep.entries.length,
        tuned: sweep.entries.filter(isTuned).length,
        optimizer: sweep.optimizer.family,
        adamTuned: ADAM_ROLES.filter((r) => tunedRoles.has(r)),
        lengthTuned: sweep.entries.some((e) => isTuned(e) && roleOf(e.name) === 'length'),
        rules: [...new Set(analysis.findings.map((f) => f.ruleId))].sort(),
      };
    }
  } finally {
    onInternalError(() => undefined);
  }
  assert.deepEqual(errors, []);
  if (process.env.LR_LENS_UPDATE_SNAPSHOT === '1') {
    writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
    console.error(`sweeps/corpus.test.ts: wrote ${SNAPSHOT}; review it before committing`);
  }
  assert.ok(existsSync(SNAPSHOT), 'sweeps/corpus.snapshot.json is missing: run with LR_LENS_UPDATE_SNAPSHOT=1 and review it');
  assert.deepEqual(actual, JSON.parse(readFileSync(SNAPSHOT, 'utf8')));
});
