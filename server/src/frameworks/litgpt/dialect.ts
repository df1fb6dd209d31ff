/**
 * litgpt recipes (jsonargparse YAML for `litgpt pretrain` / `litgpt finetune_*`): `train:` (global_batch_size,
 * micro_batch_size, lr_warmup_steps / lr_warmup_fraction, epochs, max_tokens, max_steps, max_seq_length, min_lr),
 * `optimizer:` (a name such as `AdamW`, or `class_path` + `init_args`), `data`, `devices`, `num_nodes`, `out_dir`,
 * `precision`, plus pretrain's `model_name`/`tokenizer_dir` or finetune's `checkpoint_dir`/`lora_*`.
 * No key names a scheduler: pretrain and finetune each hard-code theirs (./schedule.ts), so recipe.ts decides
 * which command the file is for and the plan says which one was assumed.
 * Defaults (Lightning-AI/litgpt @26857050fe3ff627cd714fe92f5838f51a3d5efa): litgpt/args.py `TrainArgs` (lines 7-74)
 * as replaced by each command's signature: pretrain.py `setup` (lines 48-75): global_batch_size 512, micro_batch_size
 * 4, max_tokens 3e12, min_lr 4e-5, lr_warmup_steps 2000, devices "auto"; finetune/lora.py `setup` (lines 49-80):
 * global_batch_size 16, micro_batch_size 1, lr_warmup_steps 100, epochs 5, devices 1; optimizer "AdamW" (torch's
 * lr 1e-3) in both; num_nodes 1.
 */
import type { Finding } from '../../analysis/finding';
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { integerSetting, numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import { buildPlan, shortClassName } from '../../dialects/planBuilder';
import { torchOptimizer } from '../../dialects/torchDefaults';
import * as z from '../../plan/zod';
import { reportInvalidValue } from '../../rules/invalidValue';
import { numberValue } from '../torch/torchParams';
import { litgptDecayEdits } from './decayFix';
import { litgptLength } from './length';
import { litgptRecipe } from './recipe';

export const LITGPT_DEFAULTS = {
  optimizer: 'AdamW',
  /** torch.optim.AdamW's lr, what `optimizer: AdamW` runs with. */
  lr: 1e-3,
  num_nodes: 1,
  pretrain: { global_batch_size: 512, micro_batch_size: 4, max_tokens: 3e12, min_lr: 4e-5, lr_warmup_steps: 2000, devices: 'auto' },
  finetune: { global_batch_size: 16, micro_batch_size: 1, lr_warmup_steps: 100, epochs: 5, devices: 1 },
} as const;

const TRAIN_KEYS = [
  'global_batch_size',
  'micro_batch_size',
  'lr_warmup_steps',
  'lr_warmup_fraction',
  'epochs',
  'max_tokens',
  'max_steps',
  'max_seq_length',
  'min_lr',
  'save_interval',
  'log_interval',
  'max_norm',
  'tie_embeddings',
];
/** Top-level keys only litgpt's pretrain / finetune commands take. */
const LITGPT_OWN_KEYS = ['model_name', 'checkpoint_dir', 'tokenizer_dir', 'initial_checkpoint_dir', 'logger_name', 'quantize', 'lora_r'];
const LITGPT_TOP_KEYS = [
  'model_name',
  'checkpoint_dir',
  'out_dir',
  'precision',
  'devices',
  'num_nodes',
  'tokenizer_dir',
  'initial_checkpoint_dir',
  'logger_name',
  'quantize',
  'lora_r',
  'eval',
];

const positive = (what: string) => z.nullable(integerSetting(what).check(z.refine((v) => v > 0, { error: 'must be above 0' })));

const SETTINGS = {
  'optimizer.class_path': z.string({ error: 'must be an optimizer class such as torch.optim.AdamW' }),
  'optimizer.init_args.lr': numberSetting('must be a number (the learning rate)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  'optimizer.init_args.betas': betasSetting(),
  'optimizer.init_args.eps': numberSetting('must be a number (e.g. 1e-8)').check(
    z.refine((v) => v > 0, { error: 'must be greater than 0' }),
  ),
  'optimizer.init_args.weight_decay': numberSetting('must be a number'),
  'train.lr_warmup_steps': z.nullable(
    integerSetting('must be a whole number of steps').check(z.refine((v) => v >= 0, { error: 'must not be negative' })),
  ),
  'train.lr_warmup_fraction': z.nullable(
    numberSetting('must be a fraction of an epoch').check(z.refine((v) => v >= 0 && v <= 1, { error: 'must lie in [0, 1]' })),
  ),
  'train.epochs': positive('must be a whole number of epochs'),
  'train.max_steps': positive('must be a whole number of steps'),
  'train.max_tokens': z.nullable(numberSetting('must be a number of tokens').check(z.refine((v) => v > 0, { error: 'must be above 0' }))),
  'train.global_batch_size': positive('must be a whole number of samples'),
  'train.micro_batch_size': positive('must be a whole number of samples'),
  'train.max_seq_length': positive('must be a whole number of tokens'),
  'train.min_lr': numberSetting('must be a number (the final learning rate)').check(
    z.refine((v) => v >= 0, { error: 'must not be negative' }),
  ),
  num_nodes: integerSetting('must be a whole number of nodes').check(z.refine((v) => v > 0, { error: 'must be above 0' })),
  'model_config.block_size': positive('must be a whole number of tokens'),
};

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  // Lightning CLI (`trainer:`), Hydra and other frameworks' files keep their dialects.
  if (!keys.has('train') || keys.has('trainer') || keys.has('_target_') || keys.has('defaults') || keys.has('hydra')) return null;
  const tree = new ConfigTree(input.document, { interpolate: false });
  const train = tree.keys('train').filter((k) => TRAIN_KEYS.includes(k));
  const top = LITGPT_TOP_KEYS.filter((k) => keys.has(k));
  const optimizer = typeof tree.get('optimizer') === 'string' || typeof tree.get('optimizer.class_path') === 'string';
  const litgptData = /^litgpt\.data\./.test(String(tree.get('data.class_path') ?? ''));
  // A `train:` block beside a key only litgpt's commands take (or its data modules); without one, litgpt's own
  // schedule keys beside a litgpt-style optimizer. Generic keys such as devices, precision or out_dir do not count.
  const schedule =
    train.some((k) => ['lr_warmup_steps', 'lr_warmup_fraction', 'max_tokens', 'min_lr'].includes(k)) ||
    (train.includes('global_batch_size') && train.includes('micro_batch_size'));
  const own = top.filter((k) => LITGPT_OWN_KEYS.includes(k)).length + (litgptData ? 1 : 0);
  if (train.length < 2 || (own === 0 && !(schedule && optimizer && train.length >= 3))) return null;
  const count = train.length + top.length + (optimizer ? 1 : 0) + (litgptData ? 2 : 0);
  return {
    confidence: Math.min(0.97, 0.5 + 0.04 * count),
    reason: `litgpt recipe: ${[...train.slice(0, 3).map((k) => `train.${k}`), ...top.slice(0, 2)].join(', ')}`,
  };
}

function invalid(tree: ConfigTree, path: string, message: string): Finding[] {
  const entry = tree.entry(path);
  return entry ? [reportInvalidValue(message, entry)] : [];
}

/** jsonargparse reads `key:` with no value as None, as if absent (the command's default then applies). */
function setValue(tree: ConfigTree, path: string): unknown {
  const value = tree.get(path);
  return value === null ? undefined : value;
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, { interpolate: false });
  const { values, findings } = readSettings(tree.entries(Object.keys(SETTINGS)), SETTINGS);
  if (findings.length > 0) return { findings };
  const num = (key: string): number | undefined => numberValue(values, key);
  const keys = topLevelKeys(input.document);
  const { recipe, why, sure } = litgptRecipe(tree, keys, input.fileName);
  const assumptions: string[] = [
    `litgpt ${recipe} recipe (${why}): the schedule is the one ${recipe === 'pretrain' ? 'pretrain.py' : 'finetune/*.py'} hard-codes`,
  ];

  // Values each command rejects before training starts (args.py TrainArgs.__post_init__, each validate_args).
  const fraction = num('train.lr_warmup_fraction');
  const warmupWritten = tree.get('train.lr_warmup_steps');
  if (recipe === 'finetune' && sure) {
    for (const key of ['max_tokens', 'max_norm', 'tie_embeddings', 'lr_warmup_fraction']) {
      if (setValue(tree, `train.${key}`) !== undefined)
        findings.push(...invalid(tree, `train.${key}`, `litgpt finetune rejects \`train.${key}\` (validate_args): remove it.`));
    }
    if (tree.has('train.epochs') && tree.get('train.epochs') === null) {
      findings.push(...invalid(tree, 'train.epochs', 'litgpt finetune requires `train.epochs` (validate_args); an empty value is None.'));
    }
    if (warmupWritten === null || warmupWritten === 0) {
      findings.push(
        ...invalid(
          tree,
          'train.lr_warmup_steps',
          'litgpt finetune divides by `train.lr_warmup_steps` (LambdaLR `step / warmup_steps`): ' +
            '0 or an empty value crashes when the scheduler is built.',
        ),
      );
    }
  } else if (sure) {
    if (setValue(tree, 'train.epochs') !== undefined)
      findings.push(
        ...invalid(
          tree,
          'train.epochs',
          "litgpt pretrain rejects `train.epochs` (validate_args): set the run's length with `train.max_tokens`.",
        ),
      );
    for (const key of ['max_tokens', 'max_norm']) {
      if (tree.has(`train.${key}`) && tree.get(`train.${key}`) === null)
        findings.push(
          ...invalid(tree, `train.${key}`, `litgpt pretrain requires \`train.${key}\` (validate_args); an empty value is None.`),
        );
    }
    const steps = warmupWritten === undefined ? LITGPT_DEFAULTS.pretrain.lr_warmup_steps : num('train.lr_warmup_steps');
    if (fraction && steps) {
      findings.push(
        ...invalid(
          tree,
          'train.lr_warmup_fraction',
          'litgpt raises when both `lr_warmup_fraction` and `lr_warmup_steps` are set' +
            (warmupWritten === undefined ? ` (lr_warmup_steps defaults to ${steps}: set \`lr_warmup_steps: null\`).` : '.'),
        ),
      );
    }
  }
  // args.py `batch_size` / `gradient_accumulation_iters` assert (global_batch_size // ws) // micro_batch_size > 0.
  const defaults = LITGPT_DEFAULTS[recipe];
  const devices = tree.get('devices');
  const ws = (typeof devices === 'number' && devices > 0 ? devices : 1) * (num('num_nodes') ?? LITGPT_DEFAULTS.num_nodes);
  const global = num('train.global_batch_size') ?? defaults.global_batch_size;
  const micro = num('train.micro_batch_size') ?? defaults.micro_batch_size;
  if (Math.floor(Math.floor(global / ws) / micro) < 1) {
    const at = tree.has('train.global_batch_size') ? 'train.global_batch_size' : 'train.micro_batch_size';
    findings.push(
      ...invalid(
        tree,
        at,
        `litgpt asserts (global_batch_size ${global} // ${ws} device(s)) // micro_batch_size ${micro} > 0 ` +
          '(gradient accumulation iterations): raise global_batch_size.',
      ),
    );
  }
  if (findings.length > 0) return { findings };

  // The optimizer: a name (`AdamW`, a dotted path) or class_path + init_args (litgpt/utils.py instantiate_torch_optimizer).
  const written = tree.get('optimizer');
  const classPath =
    typeof written === 'string' ? written : ((values['optimizer.class_path'] as string | undefined) ?? LITGPT_DEFAULTS.optimizer);
  const optimizerName = shortClassName(classPath);
  const lrWritten = num('optimizer.init_args.lr');
  if (lrWritten === undefined)
    assumptions.push(`learning rate ${LITGPT_DEFAULTS.lr} (torch's default for ${optimizerName}; not in this file)`);
  const baseLr = lrWritten ?? LITGPT_DEFAULTS.lr;
  const optimizer = torchOptimizer(optimizerName, {
    betas: values['optimizer.init_args.betas'] as [number, number] | undefined,
    eps: num('optimizer.init_args.eps'),
    weightDecay: num('optimizer.init_args.weight_decay'),
  });
  const { length, schedule, warmupSteps, warmupRatio, lengthSource } = litgptLength(recipe, input, tree, values, assumptions);
  const minLr = num('train.min_lr') ?? (recipe === 'pretrain' ? LITGPT_DEFAULTS.pretrain.min_lr : undefined);
  if (recipe === 'finetune' && tree.has('train.min_lr'))
    assumptions.push('train.min_lr is not read by finetune: its cosine ends at 0 (CosineAnnealingLR eta_min 0)');
  const plan = buildPlan('litgpt', input, tree, {
    optimizer,
    baseLr,
    schedule: {
      framework: 'litgpt',
      name: recipe,
      params: { ...schedule, ...(recipe === 'pretrain' ? { min_lr: minLr } : {}) },
      explicit: false,
      constantAfterWarmup: recipe === 'pretrain' && minLr !== undefined && minLr >= baseLr,
      validationDriven: false,
    },
    warmup: { steps: warmupSteps, ...(warmupRatio !== undefined ? { ratio: warmupRatio } : {}) },
    length,
    sources: {
      baseLr: 'optimizer.init_args.lr',
      // No key names the schedule; the floor is what a user changes (pretrain), else the warmup.
      schedule: recipe === 'pretrain' && tree.has('train.min_lr') ? 'train.min_lr' : undefined,
      warmup: tree.has('train.lr_warmup_fraction') && fraction ? 'train.lr_warmup_fraction' : 'train.lr_warmup_steps',
      length: lengthSource,
      optimizer: typeof written === 'string' ? 'optimizer' : 'optimizer.class_path',
      beta1: 'optimizer.init_args.betas',
      beta2: 'optimizer.init_args.betas',
      epsilon: 'optimizer.init_args.eps',
    },
    assumptions,
  });
  return { plan, findings };
}

export const litgptDialect: Dialect = {
  id: 'litgpt',
  name: 'litgpt',
  recognize,
  fileNameHints: [/config_hub[\\/](pretrain|finetune)[\\/]/, /litgpt/i],
  extract,
  decayEdits: litgptDecayEdits,
};
