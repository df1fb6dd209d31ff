import { optimizerFamily } from '../dialects/optimizerFamily';
import { isTuned, type SweepDraft, type SweepEntry, type SweepOptimizer } from './sweepPlan';

/**
 * What a search-space name means for the tuning rules, across naming styles: the base LR, Adam's beta_1,
 * beta_2 and epsilon (or both betas as one tuple), the optimizer itself, the training length, the schedule.
 */
export type SearchRole = 'lr' | 'beta1' | 'beta2' | 'epsilon' | 'betas' | 'optimizer' | 'length' | 'schedule' | 'annealFlag';

export type AdamRole = 'lr' | 'beta1' | 'epsilon' | 'beta2';

/** Adam's hyperparameters in order of importance (the order in which a growing budget adds them). */
export const ADAM_ROLES: readonly AdamRole[] = ['lr', 'beta1', 'epsilon', 'beta2'];

export const ROLE_WORDS: Record<AdamRole, string> = { lr: 'the learning rate', beta1: 'beta_1', epsilon: 'epsilon', beta2: 'beta_2' };

/** PyTorch's Adam/AdamW defaults (also Optax's and most frameworks'), written into "fix at default" edits. */
export const ADAM_DEFAULTS: Record<Exclude<AdamRole, 'lr'>, number> = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** `optimizer.adam_beta1`, `Optim/LR`, `learningRate`, `num-epochs` → the segments, snake_case, lower case. */
function segments(name: string): string[] {
  return name
    .split(/[./:]/)
    .map((s) =>
      s
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/-/g, '_')
        .toLowerCase(),
    )
    .filter((s) => s.length > 0);
}

const LR_NAMES = new Set([
  'lr',
  'learning_rate',
  'learn_rate',
  'lr0',
  'base_lr',
  'max_lr',
  'peak_lr',
  'init_lr',
  'initial_lr',
  'lr_max',
  'adam_lr',
  'adam_learning_rate',
  'blr',
]);
/** `*_lr` names that are not the base LR: the end of a decay, warmup starts, final fractions. */
const NOT_BASE_LR = /^(min|end|final|ending|warmup|warmup_bias|start|last|lr_min|cosine_min)_?lr$/;
const BETA1 = new Set(['beta1', 'beta_1', 'adam_beta1', 'adam_beta_1', 'b1', 'adam_b1']);
const BETA2 = new Set(['beta2', 'beta_2', 'adam_beta2', 'adam_beta_2', 'b2', 'adam_b2']);
const BETAS = new Set(['betas', 'adam_betas']);
const EPSILON = new Set(['eps', 'epsilon', 'adam_eps', 'adam_epsilon', 'eps_adam', 'adam_eps_value']);
const OPTIMIZER = new Set([
  'optimizer',
  'optim',
  'optimizer_name',
  'optimizer_type',
  'optimizer_cls',
  'opt',
  'optimizer_class',
  'optimizer',
]);
/** Keys that name the class when they sit under an optimizer section (`optimizer._target_`, `optim.name`). */
const CLASS_KEYS = new Set(['_target_', 'name', 'type', 'class_path', 'cls', 'class', 'target']);
const LENGTH = new Set([
  // Not `num_steps` or `steps`: in RL and scheduler configs they are rollout lengths and milestones.
  'max_steps',
  'train_steps',
  'max_train_steps',
  'num_train_steps',
  'total_steps',
  'training_steps',
  'max_iter',
  'max_iters',
  'num_iters',
  'iterations',
  'max_iterations',
  'train_iters',
  'num_updates',
  'max_update',
  'max_updates',
  'epochs',
  'num_epochs',
  'max_epochs',
  'n_epochs',
  'num_train_epochs',
  'train_epochs',
  'epoch',
  'max_duration',
  'total_timesteps',
  'num_timesteps',
  'total_num_steps',
  'train_steps_per_run',
]);
const SCHEDULE = new Set([
  'lr_scheduler',
  'lr_scheduler_type',
  'scheduler',
  'lr_schedule',
  'schedule',
  'scheduler_type',
  'lr_decay_style',
  'decay_style',
  'sched',
  'lr_policy',
]);
const OPTIMIZER_SECTIONS = new Set(['optimizer', 'optim', 'opt', 'optimizers', 'optimizer_config']);

/** The role of a search-space name, whatever the optimizer (callers check the optimizer family). */
export function roleOf(name: string): SearchRole | null {
  const parts = segments(name);
  const last = parts.at(-1);
  if (!last) return null;
  const parent = parts.at(-2);
  if (last === 'anneal_lr') return 'annealFlag';
  if (LR_NAMES.has(last)) return 'lr';
  if (/_(lr|learning_rate)$/.test(last) && !NOT_BASE_LR.test(last)) return 'lr';
  if (BETA1.has(last)) return 'beta1';
  if (BETA2.has(last)) return 'beta2';
  if (BETAS.has(last)) return 'betas';
  if (EPSILON.has(last)) return 'epsilon';
  if (OPTIMIZER.has(last)) return 'optimizer';
  if (parent && OPTIMIZER_SECTIONS.has(parent) && CLASS_KEYS.has(last)) return 'optimizer';
  if (LENGTH.has(last)) return 'length';
  if (SCHEDULE.has(last) || (parent && /sched/.test(parent) && CLASS_KEYS.has(last))) return 'schedule';
  return null;
}

/** Which optimizer the study trains with: an optimizer entry, the surrounding config's, or Adam-specific parameter names. */
export function readOptimizer(sweep: SweepDraft): SweepOptimizer {
  const entry = sweep.entries.find((e) => roleOf(e.name) === 'optimizer' && e.values && e.values.length > 0);
  if (entry) {
    const names = (entry.values ?? []).map(String);
    const adam = names.filter((n) => optimizerFamily(n) === 'adam');
    const tuned = isTuned(entry);
    const family = adam.length === 0 ? 'none' : adam.length === names.length ? 'adam' : 'mixed';
    return { family, names, entryName: entry.name, tuned, basis: `\`${entry.name}\`: ${names.join(', ')}` };
  }
  if (sweep.optimizerName) {
    const family = optimizerFamily(sweep.optimizerName) === 'adam' ? 'adam' : 'none';
    return { family, names: [sweep.optimizerName], tuned: false, basis: `the training config's optimizer ${sweep.optimizerName}` };
  }
  const adamNamed = sweep.entries.find((e) => /adam/i.test(e.name) && roleOf(e.name) !== null);
  if (adamNamed) return { family: 'adam', names: [], tuned: false, basis: `\`${adamNamed.name}\` names Adam` };
  const adamShaped = sweep.entries.find((e) => ['beta1', 'beta2', 'betas', 'epsilon'].includes(roleOf(e.name) ?? '') && isTuned(e));
  if (adamShaped)
    return {
      family: 'adam',
      names: [],
      tuned: false,
      basis: `assumed Adam-family: the sweep names no optimizer and tunes \`${adamShaped.name}\``,
    };
  return { family: 'unknown', names: [], tuned: false, basis: 'the sweep names no optimizer' };
}

/** The tuned Adam hyperparameters, each with the entry that tunes it (a betas tuple tunes the components that vary). */
export function tunedAdamRoles(sweep: SweepDraft): Map<AdamRole, SweepEntry> {
  const tuned = new Map<AdamRole, SweepEntry>();
  for (const entry of sweep.entries) {
    if (!isTuned(entry)) continue;
    const role = roleOf(entry.name);
    if (role === 'lr' || role === 'beta1' || role === 'beta2' || role === 'epsilon') {
      if (!tuned.has(role)) tuned.set(role, entry);
    } else if (role === 'betas') {
      for (const component of varyingBetas(entry)) if (!tuned.has(component)) tuned.set(component, entry);
    }
  }
  return tuned;
}

/** Which of beta_1 and beta_2 a tuple-valued `betas` entry varies (both when the pairs cannot be read). */
export function varyingBetas(entry: SweepEntry): Array<'beta1' | 'beta2'> {
  const pairs = (entry.values ?? []).map(betaPair);
  if (pairs.length === 0 || pairs.some((p) => p === null)) return ['beta1', 'beta2'];
  const read = pairs as Array<[number, number]>;
  const out: Array<'beta1' | 'beta2'> = [];
  if (new Set(read.map((p) => p[0])).size > 1) out.push('beta1');
  if (new Set(read.map((p) => p[1])).size > 1) out.push('beta2');
  return out;
}

/** `[0.9, 0.999]`, `'(0.9,0.98)'`, `'[0.9, 0.95]'` → the pair. */
export function betaPair(value: unknown): [number, number] | null {
  let items: unknown[] | null = Array.isArray(value) ? value : null;
  if (typeof value === 'string') {
    const m = value.trim().match(/^[([]\s*([^,\s]+)\s*,\s*([^,\s)\]]+)\s*[)\]]$/);
    items = m ? [m[1], m[2]] : null;
  }
  if (!items || items.length !== 2) return null;
  const [a, b] = items.map((x) => (typeof x === 'number' ? x : Number(x)));
  return Number.isFinite(a) && Number.isFinite(b) ? [a as number, b as number] : null;
}
