/**
 * Plain Hydra `_target_` projects (the ashleve/lightning-hydra-template layout): a `configs/` tree composed by
 * `defaults:` lists, the LightningModule's `optimizer:` / `scheduler:` each a `_target_` with `_partial_: true`, and
 * the run's length in `trainer.max_epochs` / `trainer.max_steps`.
 * Source: ashleve/lightning-hydra-template @bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144: configs/train.yaml (defaults:
 * `_self_`, data, model, callbacks, logger, trainer, ...), configs/model/mnist.yaml (torch.optim.Adam lr 0.001,
 * ReduceLROnPlateau), configs/trainer/default.yaml (max_epochs 10), src/models/mnist_module.py `configure_optimizers`
 * (lines 192-213: the scheduler is stepped with `interval: "epoch"`, `frequency: 1`, `monitor: "val/loss"`, set in
 * Python). Lightning's own default with neither max_epochs nor max_steps is 1000 epochs (Lightning-AI/pytorch-lightning
 * src/lightning/pytorch/trainer/trainer.py @000699b5). Torch classes keep torch's argument defaults (pytorch/pytorch
 * torch/optim/lr_scheduler.py @008f727e); curves use the shared PyTorch engine, transformers factories the Hugging Face
 * one.
 */
import type { Dialect, DialectInput, Extraction, Recognition } from '../../dialects/dialect';
import { ConfigTree, topLevelKeys } from '../../dialects/configTree';
import { buildPlan, shortClassName, type PlanDraft } from '../../dialects/planBuilder';
import { coerceParams, NO_SCHEDULER, torchOptimizer, torchSchedulerTraits } from '../../dialects/torchDefaults';
import { numberSetting } from '../../dialects/numbers';
import { betasSetting } from '../../dialects/numberLists';
import { readSettings } from '../../dialects/settingReader';
import * as z from '../../plan/zod';
import { HUGGING_FACE_CONSTANT_SCHEDULERS, isHuggingFaceScheduler } from '../huggingface/schedule';
import { hydraDecayEdits } from './decayFix';
import { hydraLength } from './length';
import { findTargets, type TargetNode } from './targets';
import { TRANSFORMERS_FACTORIES } from './transformers';

export const HYDRA_DEFAULTS = {
  /** torch.optim.Adam / AdamW default lr. */
  lr: 1e-3,
  /** Lightning's max_epochs when the trainer sets neither max_epochs nor max_steps. */
  max_epochs: 1000,
  /** lightning-hydra-template's configure_optimizers steps the scheduler once per epoch. */
  interval: 'epoch',
  /** No scheduler instantiated: the LR stays constant. */
  scheduler: null,
} as const;

/** What tells a composed training config (not one config group on its own). */
function isComposedRoot(tree: ConfigTree): boolean {
  return (tree.composition?.groups.length ?? 0) > 0 || tree.has('trainer');
}

function recognize(input: DialectInput): Recognition | null {
  const keys = topLevelKeys(input.document);
  // NeMo (`model.optim`, exp_manager), Hydra sweeps, torchtune (`_component_`) keep their dialects.
  if (keys.has('exp_manager') || keys.has('hparams_search')) return null;
  const plain = new ConfigTree(input.document, { interpolate: false });
  if (plain.has('model.optim') || plain.has('hydra.sweeper')) return null;
  // The template's eval.yaml composes the same model and trainer to test a checkpoint: no training runs.
  if (plain.get('task_name') === 'eval' || plain.get('train') === false) return null;
  let tree = plain;
  let targets = findTargets(plain.root);
  if (targets.optimizers.length + targets.schedulers.length === 0 && keys.has('defaults') && input.settings.readFile) {
    // A composing root (`train.yaml`): its optimizer and scheduler come from the config groups it lists.
    tree = new ConfigTree(input.document, { interpolate: false, compose: { fileName: input.fileName, readFile: input.settings.readFile } });
    targets = findTargets(tree.root);
    if (tree.has('model.optim') || tree.has('exp_manager')) return null;
  }
  const { optimizers, schedulers } = targets;
  const found = [...optimizers, ...schedulers];
  if (found.length === 0) return null;
  // detectron2 LazyConfig dumps (`lr_multiplier`, detectron2.* targets) schedule the LR their own way.
  if (tree.has('lr_multiplier') || targets.all.some((t) => /^(detectron2|mmengine|mmcv)\./.test(t))) return null;
  const what = found.slice(0, 2).map((t) => `${t.path || '(root)'}: ${t.target}`);
  const trainer = tree.has('trainer._target_') || tree.has('trainer.max_epochs') ? 0.1 : 0;
  return { confidence: Math.min(0.9, 0.65 + 0.05 * found.length + trainer), reason: `Hydra \`_target_\` ${what.join(', ')}` };
}

const lrSetting = numberSetting('must be a number (the learning rate)').check(z.refine((v) => v > 0, { error: 'must be greater than 0' }));

/** The Hugging Face schedule a transformers factory builds (`get_scheduler` takes it as `name`), if any. */
function transformersSchedule(node: TargetNode): string | undefined {
  const factory = shortClassName(node.target);
  if (factory !== 'get_scheduler') return TRANSFORMERS_FACTORIES[factory];
  const name = node.node['name'];
  return typeof name === 'string' && isHuggingFaceScheduler(name) ? name : undefined;
}

/**
 * A torch scheduler's arguments as the shared engine reads them: SequentialLR / ChainedScheduler children written as
 * `_target_` mappings become `{class_path, init_args}`.
 */
function torchParams(node: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const params = coerceParams(node, ['_target_', '_partial_', 'optimizer']);
  if (Array.isArray(params.schedulers)) {
    params.schedulers = params.schedulers.map((child: unknown) => {
      if (!child || typeof child !== 'object' || Array.isArray(child)) return child;
      const { _target_: target, ...rest } = child as Record<string, unknown>;
      return typeof target === 'string' ? { class_path: target, init_args: torchParams(rest) } : child;
    });
  }
  return params;
}

function extract(input: DialectInput): Extraction {
  const tree = new ConfigTree(input.document, {
    interpolate: true,
    compose: { fileName: input.fileName, readFile: input.settings.readFile },
  });
  const { optimizers, schedulers, otherSchedulers } = findTargets(tree.root);
  // A scheduler LR Lens cannot evaluate (the project's own class, timm, fvcore): no plan rather than a wrong one.
  if (schedulers.length === 0 && otherSchedulers.length > 0) return { findings: [] };
  const optimizerNode = optimizers.find((t) => /(^|\.)optimizer$/.test(t.path)) ?? optimizers[0];
  const schedulerNode = schedulers.find((t) => /(^|\.)scheduler$/.test(t.path)) ?? schedulers[0];
  const at = (node: TargetNode | undefined, key: string) => (node ? (node.path ? `${node.path}.${key}` : key) : key);
  const settings = optimizerNode ? { [at(optimizerNode, 'lr')]: lrSetting, [at(optimizerNode, 'betas')]: betasSetting() } : {};
  const { values, findings } = readSettings(tree.entries(Object.keys(settings)), settings);
  if (findings.length > 0) return { findings };
  const assumptions: string[] = [];
  const root = isComposedRoot(tree);
  // The model group's scheduler written as null: the LightningModule returns the optimizer alone (constant LR).
  const schedulerParent = optimizerNode?.path.split('.').slice(0, -1).join('.') ?? '';
  const schedulerPath = schedulerParent ? `${schedulerParent}.scheduler` : 'scheduler';
  const nullScheduler = optimizerNode !== undefined && tree.has(schedulerPath) && tree.get(schedulerPath) === null;
  // One config group alone that instantiates only an optimizer: the scheduler and the length are other groups'.
  if (!schedulerNode && !(root || nullScheduler)) return { findings };
  if (!optimizerNode && !schedulerNode) return { findings };

  const optimizerName = optimizerNode ? shortClassName(optimizerNode.target) : 'Adam';
  const lrPath = optimizerNode ? at(optimizerNode, 'lr') : undefined;
  if (lrPath !== undefined && tree.isUnknown(lrPath)) return { findings };
  const lr = lrPath !== undefined ? (values[lrPath] as number | undefined) : undefined;
  if (!optimizerNode)
    assumptions.push(`learning rate ${HYDRA_DEFAULTS.lr}: the optimizer is chosen in another config group (not composed here)`);
  else if (lr === undefined) assumptions.push(`learning rate ${HYDRA_DEFAULTS.lr} (torch's default for ${optimizerName})`);
  const num = (key: string): number | undefined => {
    const v = optimizerNode?.node[key];
    return typeof v === 'number' ? v : undefined;
  };
  const optimizer = torchOptimizer(optimizerName, {
    betas: optimizerNode && (values[at(optimizerNode, 'betas')] as [number, number] | undefined),
    eps: num('eps'),
    weightDecay: num('weight_decay'),
  });
  const sources: PlanDraft['sources'] = {
    baseLr: lrPath,
    optimizer: optimizerNode ? at(optimizerNode, '_target_') : undefined,
    beta1: optimizerNode ? at(optimizerNode, 'betas') : undefined,
    beta2: optimizerNode ? at(optimizerNode, 'betas') : undefined,
    epsilon: optimizerNode ? at(optimizerNode, 'eps') : undefined,
  };

  let schedule: PlanDraft['schedule'];
  let warmupSteps = 0;
  const factory = schedulerNode ? transformersSchedule(schedulerNode) : undefined;
  if (!schedulerNode) {
    schedule = { ...NO_SCHEDULER };
    sources.schedule = nullScheduler ? schedulerPath : lrPath;
    assumptions.push(
      nullScheduler
        ? `\`${schedulerPath}: null\`: the composed config instantiates no scheduler (code outside the config could still add one)`
        : 'the composed config instantiates no scheduler anywhere (code outside the config could still add one)',
    );
  } else if (factory) {
    const params = coerceParams(schedulerNode.node, ['_target_', '_partial_', 'optimizer', 'name']);
    warmupSteps = typeof params.num_warmup_steps === 'number' ? params.num_warmup_steps : 0;
    schedule = {
      framework: 'huggingface',
      name: factory,
      params,
      explicit: true,
      constantAfterWarmup: (HUGGING_FACE_CONSTANT_SCHEDULERS as readonly string[]).includes(factory),
      validationDriven: false,
    };
    sources.schedule = at(schedulerNode, '_target_');
  } else {
    const name = shortClassName(schedulerNode.target);
    const params = torchParams(schedulerNode.node);
    schedule = { framework: 'pytorch', name, params, explicit: true, ...torchSchedulerTraits(name, params) };
    sources.schedule = at(schedulerNode, '_target_');
  }
  const { length, source } = hydraLength(input, tree, schedule, schedulerNode, root, assumptions);
  sources.length = source;
  const plan = buildPlan('hydra', input, tree, {
    optimizer,
    baseLr: lr ?? HYDRA_DEFAULTS.lr,
    schedule,
    warmup: { steps: warmupSteps },
    length,
    sources,
    assumptions,
  });
  return { plan, findings };
}

export const hydraDialect: Dialect = {
  id: 'hydra',
  name: 'Hydra `_target_` project',
  recognize,
  fileNameHints: [/configs?[\\/](model|module|optimizer|scheduler|experiment)[\\/]/],
  extract,
  decayEdits: hydraDecayEdits,
  writesDecayHorizon: true,
  constantLrNote:
    'LR Lens reads this from the composed config (after `defaults:` and interpolation): code outside the config, ' +
    "such as the LightningModule's configure_optimizers, could still add a scheduler.",
};
