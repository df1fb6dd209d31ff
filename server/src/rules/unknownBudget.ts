import { ADAM_ROLES, ROLE_WORDS, tunedAdamRoles } from '../plan/searchSpaceRoles';
import { isAdam, list, optimizerNote } from './adamBudget';
import { report, type RuleModule } from './rule';

/** The setting that caps a study's trials, per sweep format. */
const CAP_KEYS: Record<string, string> = { 'wandb-sweep': '`run_cap`', 'hydra-sweep': '`hydra.sweeper.n_trials`', katib: '`spec.maxTrialCount`', 'sagemaker-tuning': '`ResourceLimits.MaxNumberOfTrainingJobs`' };

/** `unknown-budget`: a study over Adam whose trial count nothing bounds. */
export const unknownBudget: RuleModule<'unknown-budget'> = {
  meta: {
    id: 'unknown-budget',
    defaultSeverity: 'information',
    why: 'without a trial budget LR Lens cannot tell how much of Adam the study can afford to tune',
    docs: 'docs/rules/unknown-budget.md',
  },

  checkSweep(context) {
    const { sweep } = context;
    const optimizer = sweep.optimizer;
    if (!isAdam(optimizer) || sweep.budget.trials !== null) return [];
    const tuned = tunedAdamRoles(sweep);
    if (tuned.size === 0) return [];
    const capKey = CAP_KEYS[sweep.dialect] ?? 'a trial cap';
    const why = sweep.assumptions.length > 0 ? ` ${sweep.assumptions.join(' ')}` : '';
    return [
      report(unknownBudget.meta, {
        message: `The number of trials of this ${sweep.method} study is unknown, so LR Lens cannot tell whether it can afford to tune ${list(ADAM_ROLES.filter((r) => tuned.has(r)).map((r) => ROLE_WORDS[r]))}.${why} Set ${capKey}.${optimizerNote(optimizer)}`,
        span: sweep.anchor,
        fixes: [],
      }),
    ];
  },
};
