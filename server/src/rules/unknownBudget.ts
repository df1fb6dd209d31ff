import { ADAM_ROLES, ROLE_WORDS, tunedAdamRoles } from '../plan/searchSpaceRoles';
import { budgetThreshold, isAdam, list, neededWords, optimizerNote } from './adamBudget';
import { report, type RuleModule } from './rule';

/** The setting that caps a study's trials, per sweep format. */
const CAP_KEYS: Record<string, string> = {
  'wandb-sweep': '`run_cap`',
  'hydra-sweep': '`hydra.sweeper.n_trials`',
  katib: '`spec.maxTrialCount`',
  'sagemaker-tuning': '`ResourceLimits.MaxNumberOfTrainingJobs`',
};

/**
 * `unknown-budget`: a study that tunes Adam beyond its learning rate and whose trial count nothing bounds. A study
 * that tunes only the learning rate is not flagged: that is what the smallest budget supports (fewer than 10 trials),
 * and fixing Adam's other hyperparameters is a sound simpler setup at any budget, so its unknown budget risks nothing.
 */
export const unknownBudget: RuleModule<'unknown-budget'> = {
  meta: {
    id: 'unknown-budget',
    defaultSeverity: 'information',
    why: 'without a trial budget LR Lens cannot tell whether the study can afford to tune Adam beyond its learning rate',
    docs: 'docs/rules/unknown-budget.md',
  },

  checkSweep(context) {
    const { sweep } = context;
    const optimizer = sweep.optimizer;
    if (!isAdam(optimizer) || sweep.budget.trials !== null) return [];
    const tuned = tunedAdamRoles(sweep);
    const beyondLr = ADAM_ROLES.filter((role) => role !== 'lr' && tuned.has(role));
    if (beyondLr.length === 0) return [];
    const threshold = budgetThreshold(context);
    const needs = list(beyondLr.map((role) => `${ROLE_WORDS[role]} needs ${neededWords(role, threshold)}`));
    const capKey = CAP_KEYS[sweep.dialect] ?? 'a trial cap';
    const why = sweep.assumptions.length > 0 ? ` ${sweep.assumptions.join(' ')}` : '';
    return [
      report(unknownBudget.meta, {
        message:
          `The number of trials of this ${sweep.method} study is unknown, so LR Lens cannot tell whether it can afford to tune ` +
          `${list(beyondLr.map((r) => ROLE_WORDS[r]))}: ${needs}.${why} Set ${capKey}.${optimizerNote(optimizer)}`,
        span: sweep.anchor,
        fixes: [],
      }),
    ];
  },
};
