/**
 * The optimizer and scheduler a Hydra config instantiates: mappings whose `_target_` names a class or factory from
 * `torch.optim` / `torch.optim.lr_scheduler`, `transformers` (AdamW, Adafactor, `get_*_schedule*`), `timm.optim`,
 * `bitsandbytes.optim` or `torch_optimizer`, found anywhere in the (composed, interpolated) tree.
 * Layout: ashleve/lightning-hydra-template configs/model/mnist.yaml @bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144 (both
 * under the LightningModule's `optimizer:` / `scheduler:`, each `_partial_: true`).
 */
import { UNKNOWN } from '../../dialects/interpolation';

export interface TargetNode {
  /** Dotted path of the mapping (`model.optimizer`, `` for the root). */
  path: string;
  target: string;
  node: Readonly<Record<string, unknown>>;
}

const OPTIMIZER = new RegExp(
  [
    String.raw`torch\.optim\.(?!lr_scheduler\.)[A-Za-z_]\w*`,
    String.raw`transformers(\.optimization)?\.(AdamW|Adafactor)`,
    String.raw`timm\.optim\.[\w.]+`,
    String.raw`bitsandbytes\.optim\.\w+`,
    String.raw`torch_optimizer\.\w+`,
  ]
    .map((p) => `^${p}$`)
    .join('|'),
);
const SCHEDULER = /^(torch\.optim\.lr_scheduler\.\w+|transformers(\.optimization)?\.get_\w*schedule\w*)$/;

export function isOptimizerTarget(target: string): boolean {
  return OPTIMIZER.test(target);
}

export function isSchedulerTarget(target: string): boolean {
  return SCHEDULER.test(target);
}

/** A `_target_` LR Lens cannot evaluate that still sets the LR: a custom or other library's scheduler. */
function isOtherScheduler(path: readonly string[], target: string): boolean {
  const key = path.at(-1) ?? '';
  const name = target.split('.').at(-1) ?? '';
  return /(^|_)(scheduler|sched|lr_multiplier)$/i.test(key) || /schedul|(LR|Lr)$/.test(name);
}

export interface Targets {
  optimizers: TargetNode[];
  schedulers: TargetNode[];
  /** Schedulers of other libraries or the project's own code (`src.utils.WarmupCosine`, timm, fvcore). */
  otherSchedulers: TargetNode[];
  /** Every `_target_` class path seen (to leave other frameworks' files alone). */
  all: string[];
}

/** Every optimizer and scheduler mapping, in document order; a found one is not searched further (SequentialLR's children). */
export function findTargets(root: unknown, maxDepth = 6): Targets {
  const optimizers: TargetNode[] = [];
  const schedulers: TargetNode[] = [];
  const otherSchedulers: TargetNode[] = [];
  const all: string[] = [];
  const visit = (node: unknown, path: string[], depth: number): void => {
    if (node === UNKNOWN || !node || typeof node !== 'object' || Array.isArray(node) || depth > maxDepth) return;
    const map = node as Record<string, unknown>;
    const target = map['_target_'];
    if (typeof target === 'string') {
      const found = { path: path.join('.'), target: target.trim(), node: map };
      all.push(found.target);
      if (isOptimizerTarget(found.target)) return void optimizers.push(found);
      if (isSchedulerTarget(found.target)) return void schedulers.push(found);
      if (isOtherScheduler(path, found.target)) return void otherSchedulers.push(found);
    }
    for (const [key, value] of Object.entries(map)) visit(value, [...path, key], depth + 1);
  };
  visit(root, [], 0);
  return { optimizers, schedulers, otherSchedulers, all };
}
