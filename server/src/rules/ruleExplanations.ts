// Generated from the `## Why` section of each page in docs/rules (the single source of the text): do not edit.
// Regenerate: UPDATE_RULE_DOCS=1 node --import tsx --test test/unit/ruleDocs.test.ts
import type { RuleId } from './index';

/** The longer why of each rule, in Markdown (hover, SARIF help). */
export const RULE_EXPLANATIONS: Readonly<Record<RuleId, string>> = {
  'constant-lr': [
    'Different learning rates work best at different points of training. A decaying schedule passes',
    'through the good ones; a constant LR never does. Which decay family is best is an open question,',
    'but linear and cosine decay are safe defaults, and the schedule should be tuned like any other',
    'hyperparameter (*Deep Learning Tuning Playbook*, learning-rate schedule appendix).',
    '',
    'A constant LR is legitimate in one procedure: a constant-LR sweep used to choose the number of',
    'training steps. Say so in the file with `# lr-lens: disable=constant-lr` and LR Lens stays quiet.',
  ].join('\n'),
  'piecewise-schedule': [
    'Complicated piecewise schedules usually record one person pausing a run and lowering the LR by hand',
    'until a deadline. Copying the result is a bad idea: the best schedule depends on many other',
    'hyperparameters. Copy the procedure if you must, or better, use linear or cosine decay over the',
    "run's length and tune that (*Deep Learning Tuning Playbook*).",
  ].join('\n'),
  'validation-driven-schedule': [
    'Validation-driven schedules are fine when fully automated: they are reproducible as long as the',
    'evaluation is. Their curve cannot be drawn ahead of the run, and the schedule interacts with how',
    'often and on what data you evaluate (*Deep Learning Tuning Playbook*). LR Lens draws the LR up to',
    'the first reduction and says so.',
  ].join('\n'),
  'schedule-family': [
    'Many families work; linear and cosine decay are the recommended defaults when nothing else is known',
    '(*Deep Learning Tuning Playbook*). This is a hint, not a problem.',
  ].join('\n'),
  'schedule-horizon': [
    'The decay schedule interacts strongly with the number of training steps: a schedule tuned for one',
    'step budget is tuned for that budget only (*Deep Learning Tuning Playbook*).',
  ].join('\n'),
  'warmup-too-long': [
    'Warmup ramps the LR from 0 to its base value to keep early training stable. The largest warmup',
    'worth trying is about 10% of `max_train_steps`; a longer one spends the run at a low LR',
    '(*Deep Learning Tuning Playbook*).',
    '',
    "When the run's length is given in epochs and nothing says how many steps an epoch has, an absolute",
    '`warmup_steps` cannot be compared with it: the rule stays silent rather than guess. A ratio is',
    'always judged. Tell LR Lens the epoch size with `# lr-lens: steps-per-epoch=N`.',
  ].join('\n'),
  'adam-overtuned': [
    "Adam's hyperparameters are not equally important. As a rough guide (*Deep Learning Tuning Playbook*):",
    'fewer than 10 trials, tune only the learning rate; 10 to 25 trials, add beta_1; 25 or more, add',
    "epsilon; substantially more than 25 (LR Lens: more than 50 by default), add beta_2 as well. The guide's",
    '"10 to 25" and "25 or more" overlap at 25; LR Lens keeps 25 trials in the beta_1 tier and adds epsilon from 26.',
    '',
    "The budget is the study's trial count: W&B `run_cap` (for `method: grid`, the number of combinations",
    'when that is smaller), Hydra Optuna `n_trials` (default 20; with the grid sampler at most the grid),',
    "Hydra's basic sweeper the number of combinations, Katib `maxTrialCount` (for `grid`, at most the",
    'combinations). Search-space names are matched across styles (`adam_beta2`, `beta2`, `b2`,',
    '`optimizer.betas`, `adam_eps`, `eps`, `epsilon`, ...) and only when the optimizer is Adam-family',
    '(Adam, AdamW, fused, 8-bit ...): named in the sweep, implied by an `adam_*` name, or by the training',
    'config a sweep is embedded in.',
    '',
    '"Substantially more than 25" is the setting `lrLens.budgetThreshold` (or `budgetThreshold` in',
    '`.lr-lens.yaml`).',
  ].join('\n'),
  'adam-undertuned': [
    "Adam's hyperparameters are not equally important, and a study's trial budget says how many of them",
    'it can tune (*Deep Learning Tuning Playbook*): fewer than 10 trials, the learning rate only; from 10,',
    'beta_1 too; from 26, epsilon (LR Lens keeps 25 trials in the beta_1 tier); more than',
    '`lrLens.budgetThreshold` (default 50), beta_2 as well. This is the `adam-overtuned` guide read the',
    "other way, and only a hint: a simpler setup with Adam's other hyperparameters fixed is a fine choice,",
    'especially early in a project. It only applies when the optimizer is Adam-family.',
  ].join('\n'),
  'tuned-train-steps': [
    'Pick one maximum number of training steps for every trial of a study; tuning it inside the study',
    'confounds every other comparison: longer trials win for being longer, and a schedule is tuned for one',
    'length only (*Deep Learning Tuning Playbook*).',
  ].join('\n'),
  'unknown-budget': [
    'How much of Adam a study can afford to tune depends on its trial budget (*Deep Learning Tuning',
    'Playbook*): beta_1 needs at least 10 trials, epsilon more than 25, beta_2 substantially more. Without',
    'a budget LR Lens cannot tell whether the study can afford the ones it tunes. Set a cap (`run_cap`,',
    '`hydra.sweeper.n_trials`, `maxTrialCount`, `MaxNumberOfTrainingJobs`).',
    '',
    'A study that tunes only the learning rate is not flagged: the learning rate is what even the',
    "smallest budget should tune, and keeping Adam's other hyperparameters fixed is a sound, simpler",
    'setup at any budget, so an unknown budget risks nothing there.',
  ].join('\n'),
  'file-too-large': [
    'An editor extension runs on every file you open; very large generated files are skipped to keep',
    'typing responsive. Raise the limit (the setting `lrLens.maxFileSizeMB`, 5 MB by default) if this',
    'file is a training config you want checked.',
  ].join('\n'),
  'invalid-value': ['The run would fail at start-up, or worse, silently do something nobody intended.'].join('\n'),
};
