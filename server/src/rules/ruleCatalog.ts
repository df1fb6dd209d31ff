import type { RuleId, Severity } from '../analysis/finding';

export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line of why, used inside diagnostics. */
  why: string;
  /** The longer why, in Markdown, shown on hover. */
  explanation: string;
}

const PLAYBOOK = 'Deep Learning Tuning Playbook (Google Research), learning-rate schedule appendix';

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'constant-lr': {
    id: 'constant-lr',
    defaultSeverity: 'warning',
    why: 'a decaying schedule passes through the LRs that work best late in training; a constant one never does',
    explanation: [
      'Different learning rates work best at different points of training. A run with *some* decaying schedule',
      'is likelier to pass through a good one than a run that holds one LR throughout, and the schedule should be',
      'tuned like any other hyperparameter. Linear decay and cosine decay are the recommended defaults.',
      '',
      'A constant LR is legitimate in one procedure: a constant-LR sweep used to choose `max_steps`. If this run',
      'is that, say so with a comment `# lr-lens: disable=constant-lr`.',
      '',
      `Source: ${PLAYBOOK}.`,
    ].join('\n'),
  },
  'piecewise-schedule': {
    id: 'piecewise-schedule',
    defaultSeverity: 'warning',
    why: 'hand-picked piecewise schedules usually record one human-in-the-loop run and do not transfer',
    explanation: [
      'Complicated piecewise schedules usually come from pausing a run, lowering the LR by hand, and repeating.',
      'Copying the resulting schedule is a bad idea: the best schedule depends on many other hyperparameters.',
      'Prefer linear or cosine decay over the run\'s length and tune that.',
      '',
      `Source: ${PLAYBOOK}.`,
    ].join('\n'),
  },
  'validation-driven-schedule': {
    id: 'validation-driven-schedule',
    defaultSeverity: 'information',
    why: 'a schedule driven by validation metrics is fine only when fully automated and reproducible',
    explanation: [
      'Reduce-on-plateau style schedules change the LR when a validation metric stalls. That is fine when it is',
      'fully automated; its curve cannot be drawn before the run, and small changes to evaluation change it.',
      '',
      `Source: ${PLAYBOOK}.`,
    ].join('\n'),
  },
  'schedule-family': {
    id: 'schedule-family',
    defaultSeverity: 'hint',
    why: 'linear and cosine decay are the recommended default families',
    explanation: `Many decay families work; linear and cosine decay are the recommended defaults.\n\nSource: ${PLAYBOOK}.`,
  },
  'schedule-horizon': {
    id: 'schedule-horizon',
    defaultSeverity: 'warning',
    why: 'a decay schedule is tuned for one training length only',
    explanation: `The decay schedule interacts strongly with the number of training steps: a schedule whose length disagrees with the run's length does not do what was tuned.\n\nSource: ${PLAYBOOK}.`,
  },
  'warmup-too-long': {
    id: 'warmup-too-long',
    defaultSeverity: 'warning',
    why: 'the largest warmup worth trying is 10% of training',
    explanation: [
      'Warmup ramps the LR from 0 to its base value. Its purpose is stability early in training; the largest',
      'warmup worth trying is about 10% of the run\'s steps. Longer warmups spend the run at a low LR.',
      '',
      `Source: ${PLAYBOOK}.`,
    ].join('\n'),
  },
  'adam-overtuned': {
    id: 'adam-overtuned',
    defaultSeverity: 'warning',
    why: 'a small trial budget supports tuning only the most important Adam hyperparameters',
    explanation: `Fewer than 10 trials: tune only the learning rate. 10-25 trials: add beta_1. More than 25: add epsilon. Substantially more than 25 (by default more than 50, setting lrLens.budgetThreshold): add beta_2.\n\nSource: ${PLAYBOOK}.`,
  },
  'adam-undertuned': {
    id: 'adam-undertuned',
    defaultSeverity: 'hint',
    why: 'the trial budget supports tuning more of Adam than this study does',
    explanation: `Fewer than 10 trials: tune only the learning rate. 10-25 trials: add beta_1. More than 25: add epsilon. Substantially more than 25 (by default more than 50, setting lrLens.budgetThreshold): add beta_2.\n\nSource: ${PLAYBOOK}.`,
  },
  'tuned-train-steps': {
    id: 'tuned-train-steps',
    defaultSeverity: 'warning',
    why: 'the maximum number of training steps should be one value for every trial',
    explanation: `Never tune the training length inside a study: pick one value for all trials.\n\nSource: ${PLAYBOOK}.`,
  },
  'unknown-budget': {
    id: 'unknown-budget',
    defaultSeverity: 'information',
    why: 'without a trial budget LR Lens cannot tell how much of Adam the study can afford to tune',
    explanation: `Set a trial cap so the study's budget is known.\n\nSource: ${PLAYBOOK}.`,
  },
  'file-too-large': {
    id: 'file-too-large',
    defaultSeverity: 'information',
    why: 'very large files are not analysed, to keep the editor responsive',
    explanation: 'LR Lens does not analyse files above the size limit (setting `lrLens.maxFileSizeMB`, default 5 MB).',
  },
  'invalid-value': {
    id: 'invalid-value',
    defaultSeverity: 'error',
    why: 'the framework would reject this value or it makes no sense',
    explanation: 'The value is of the wrong type or outside the range the framework accepts; the run would fail or silently misbehave.',
  },
};
