/**
 * How long a litgpt run is and where its built-in schedule turns, per command
 * (Lightning-AI/litgpt @26857050fe3ff627cd714fe92f5838f51a3d5efa):
 * - pretrain (litgpt/pretrain.py `fit`, lines 321-334; litgpt/args.py `warmup_iters`, `gradient_accumulation_iters`,
 *   `batch_size`): ws = devices × num_nodes, GA = (global_batch_size // ws) // micro_batch_size,
 *   max_iters = (max_tokens // ws) // (micro_batch_size × L) micro-batches with L = train.max_seq_length or the model's
 *   block_size; warmup Wi = min(max_iters, lr_warmup_steps × GA), or min(max_iters, ceil(fraction × len(train_dataloader)))
 *   micro-batches. The run makes floor(max_iters / GA) optimizer updates; `train.max_steps` only warns (line 518).
 * - finetune (litgpt/finetune/lora.py `main`, lines 201-202, and `fit`, lines 323-344): steps_per_epoch =
 *   len(train_dataloader) // GA, lr_max_steps M = min(epochs × steps_per_epoch, max_steps or inf); the run stops at
 *   max_steps or after `epochs` passes.
 */
import type { ConfigTree } from '../../dialects/configTree';
import type { DialectInput } from '../../dialects/dialect';
import { epochLength, stepLength, type PlanLength } from '../../dialects/trainingLength';
import { numberValue } from '../torch/torchParams';
import type { LitgptRecipe } from './recipe';

/** What `devices: auto` stands for when nothing else says: one device per node (torch.cuda.device_count() at run time). */
export const ASSUMED_DEVICES = 1;
/** The model's block_size when neither train.max_seq_length, model_config.block_size nor the table below says. */
export const ASSUMED_BLOCK_SIZE = 2048;

/**
 * block_size of the models litgpt's pretrain recipes name, by `model_name` (Lightning-AI/litgpt litgpt/config.py
 * @26857050fe3ff627cd714fe92f5838f51a3d5efa: the pythia entries, lines 376-464; tiny-llama-1.1b, line 2181;
 * micro-llama-300M, line 2212). Other models: litgpt/config.py has the figure, LR Lens assumes one and says so.
 */
const BLOCK_SIZES: Readonly<Record<string, number>> = {
  'pythia-14m': 512,
  'pythia-31m': 1024,
  'pythia-70m': 2048,
  'pythia-160m': 2048,
  'pythia-410m': 2048,
  'pythia-1b': 2048,
  'pythia-1.4b': 2048,
  'pythia-2.8b': 2048,
  'pythia-6.9b': 2048,
  'pythia-12b': 2048,
  'tiny-llama-1.1b': 2048,
  'micro-llama-300M': 2048,
};

export interface LitgptLength {
  length: PlanLength;
  schedule: Record<string, number>;
  /** In optimizer updates. */
  warmupSteps: number;
  warmupRatio?: number;
  lengthSource?: string;
}

const DEFAULTS = {
  pretrain: { global_batch_size: 512, micro_batch_size: 4, max_tokens: 3e12, lr_warmup_steps: 2000 },
  finetune: { global_batch_size: 16, micro_batch_size: 1, lr_warmup_steps: 100, epochs: 5 },
} as const;

export function litgptLength(
  recipe: LitgptRecipe,
  input: DialectInput,
  tree: ConfigTree,
  values: Readonly<Record<string, unknown>>,
  assumptions: string[],
): LitgptLength {
  return recipe === 'pretrain' ? pretrainLength(tree, values, assumptions) : finetuneLength(input, tree, values, assumptions);
}

function worldSize(tree: ConfigTree, values: Readonly<Record<string, unknown>>, fallback: number | 'auto', assumptions: string[]): number {
  const written = tree.get('devices');
  const devices = typeof written === 'number' && Number.isInteger(written) && written > 0 ? written : undefined;
  const nodes = numberValue(values, 'num_nodes') ?? 1;
  if (devices !== undefined) return devices * nodes;
  if (written === undefined || written === null) {
    if (fallback !== 'auto') return fallback * nodes;
  }
  assumptions.push(
    `${ASSUMED_DEVICES} device per node for \`devices: auto\` (the GPU count is known at run time; the update count barely depends on it)`,
  );
  return ASSUMED_DEVICES * nodes;
}

function pretrainLength(tree: ConfigTree, values: Readonly<Record<string, unknown>>, assumptions: string[]): LitgptLength {
  const num = (key: string): number | undefined => numberValue(values, key);
  const D = DEFAULTS.pretrain;
  const ws = worldSize(tree, values, 'auto', assumptions);
  const micro = num('train.micro_batch_size') ?? D.micro_batch_size;
  const ga = Math.max(1, Math.floor(Math.floor((num('train.global_batch_size') ?? D.global_batch_size) / ws) / micro));
  const modelName = tree.get('model_name');
  let seq =
    num('train.max_seq_length') ?? num('model_config.block_size') ?? (typeof modelName === 'string' ? BLOCK_SIZES[modelName] : undefined);
  let seqAssumed = false;
  if (seq === undefined) {
    seq = ASSUMED_BLOCK_SIZE;
    seqAssumed = true;
    assumptions.push(
      `sequence length ${ASSUMED_BLOCK_SIZE} (the model's block_size: ` +
        'neither train.max_seq_length nor model_config.block_size is in this file)',
    );
  }
  const tokens = num('train.max_tokens') ?? D.max_tokens;
  if (num('train.max_tokens') === undefined) assumptions.push(`train.max_tokens ${D.max_tokens} (pretrain's default)`);
  const maxIters = Math.floor(Math.floor(tokens / ws) / (micro * seq));
  const updates = Math.max(1, Math.floor(maxIters / ga));
  if (num('train.max_steps') !== undefined)
    assumptions.push("train.max_steps is not read by pretrain's loop (litgpt only warns): the run length comes from train.max_tokens");
  const fraction = num('train.lr_warmup_fraction');
  const warmupWritten = tree.get('train.lr_warmup_steps');
  const warmupSteps = warmupWritten === undefined ? D.lr_warmup_steps : (num('train.lr_warmup_steps') ?? 0);
  let warmupIters: number;
  if (fraction) {
    // A fraction of one epoch's micro-batches; the dataloader's length is not in the file: one pass = the whole run.
    assumptions.push(
      'lr_warmup_fraction taken of the whole run (litgpt takes it of one epoch of micro-batches, len(train_dataloader), unknown here)',
    );
    warmupIters = Math.min(maxIters, Math.ceil(fraction * maxIters));
  } else {
    warmupIters = warmupSteps ? Math.min(maxIters, warmupSteps * ga) : 0;
  }
  const basis =
    `train.max_tokens: ${tokens} → ${maxIters} micro-batches of ${micro}×${seq} tokens on ${ws} device(s), ` +
    `÷ ${ga} accumulated = ${updates} updates`;
  const length: PlanLength = { ...stepLength(updates, basis), assumed: seqAssumed };
  assumptions.push(
    `pretrain.py sets the LR per micro-batch: linear warmup over ${warmupIters} micro-batches, ` +
      `then cosine to train.min_lr at ${maxIters}; update k uses micro-batch (k+1)×${ga}−1`,
  );
  return {
    length,
    schedule: { warmup_iters: warmupIters, max_iters: maxIters, grad_accum: ga },
    warmupSteps: Math.max(0, Math.ceil((warmupIters + 1) / ga) - 1),
    ...(fraction ? { warmupRatio: fraction } : {}),
    lengthSource: tree.has('train.max_tokens') ? 'train.max_tokens' : undefined,
  };
}

function finetuneLength(
  input: DialectInput,
  tree: ConfigTree,
  values: Readonly<Record<string, unknown>>,
  assumptions: string[],
): LitgptLength {
  const num = (key: string): number | undefined => numberValue(values, key);
  const D = DEFAULTS.finetune;
  const epochs = num('train.epochs') ?? D.epochs;
  if (num('train.epochs') === undefined) assumptions.push(`train.epochs ${D.epochs} (finetune's default)`);
  const maxSteps = num('train.max_steps');
  const byEpochs = epochLength(input, epochs, `train.epochs: ${epochs}`, assumptions);
  let length: PlanLength = byEpochs;
  let lengthSource = tree.has('train.epochs') ? 'train.epochs' : undefined;
  if (maxSteps !== undefined && (byEpochs.assumed || maxSteps < byEpochs.steps)) {
    length = stepLength(maxSteps, `train.max_steps: ${maxSteps}`);
    lengthSource = 'train.max_steps';
    if (byEpochs.assumed)
      assumptions.push(
        `the run ends at train.max_steps unless train.epochs (${epochs}) ends it sooner (the dataset size is not in the file)`,
      );
  }
  const warmupWritten = tree.get('train.lr_warmup_steps');
  const warmup = warmupWritten === undefined ? D.lr_warmup_steps : (num('train.lr_warmup_steps') ?? 0);
  const lrMaxSteps = length.steps;
  assumptions.push(
    `finetune steps its scheduler per optimizer update: LambdaLR warmup over ${warmup} updates, ` +
      `then CosineAnnealingLR to 0 at lr_max_steps ${lrMaxSteps} (SequentialLR)`,
  );
  return { length, schedule: { warmup_steps: warmup, lr_max_steps: lrMaxSteps }, warmupSteps: warmup, lengthSource };
}
