import type { OptimizerFamily, Source, TrainingPlan } from '../plan/trainingPlan';
import { TrainingPlanSchema } from '../plan/trainingPlan';
import type { ConfigTree } from './configTree';
import type { DialectInput } from './dialect';
import { optimizerFamily } from './optimizerFamily';
import { copyOrigin } from './valueOrigin';
import { MAX_INTERPOLATED_LENGTH, MAX_INTERPOLATED_TOTAL } from './interpolation';

/** What a dialect worked out, before it becomes a validated plan. */
export interface PlanDraft {
  optimizer: {
    name: string;
    family?: OptimizerFamily;
    beta1?: number | undefined;
    beta2?: number | undefined;
    epsilon?: number | undefined;
    weightDecay?: number | undefined;
  };
  baseLr: number;
  schedule: TrainingPlan['schedule'];
  warmup: TrainingPlan['warmup'];
  length: TrainingPlan['length'];
  /** Plan field (`baseLr`, `schedule`, `warmup`, `length`, `optimizer`, `beta1`, ...) → key path in the file, or a source. */
  sources: Record<string, string | Source | undefined>;
  assumptions: string[];
  /** Why the file does not fix the peak LR (then baseLr is 1: the curve is the normalized shape). */
  peakUnknown?: string;
}

const INTERPOLATION_TOO_LONG =
  `values whose \`\${...}\` interpolation builds more than ${MAX_INTERPOLATED_LENGTH / 1024} KB of text ` +
  `(${MAX_INTERPOLATED_TOTAL / (1024 * 1024)} MB for the whole file) are not computed and are treated as unknown`;

/** Turns a draft into a plan: Adam hyperparameters only for Adam-family optimizers, sources as spans. */
export function buildPlan(dialectId: string, input: DialectInput, tree: ConfigTree, draft: PlanDraft): TrainingPlan {
  const family = draft.optimizer.family ?? optimizerFamily(draft.optimizer.name);
  const sources: Record<string, Source> = {};
  for (const [field, path] of Object.entries(draft.sources)) {
    const source = typeof path === 'object' ? path : tree.source(path);
    if (source) sources[field] = source;
  }
  const { beta1, beta2, epsilon, weightDecay } = draft.optimizer;
  const assumptions = [...draft.assumptions];
  if (tree.interpolationTooLong) assumptions.push(INTERPOLATION_TOO_LONG);
  const unread = tree.composition?.label ? [] : (tree.composition?.unresolved ?? []);
  if (unread.length > 0) assumptions.push(`Hydra defaults not read: ${unread.slice(0, 3).join(', ')}${unread.length > 3 ? ', …' : ''}`);
  if (tree.composition?.groups.length) {
    assumptions.push(
      `values composed from ${tree.composition.label ?? 'Hydra defaults'}: ${tree.composition.groups.map((g) => g.file.split(/[\\/]/).slice(-2).join('/')).join(', ')}`,
    );
  }
  const plan = TrainingPlanSchema.parse({
    dialect: dialectId,
    documentIndex: input.documentIndex,
    optimizer: {
      name: draft.optimizer.name,
      family,
      ...(family === 'adam' ? { beta1, beta2, epsilon } : {}),
      weightDecay,
    },
    baseLr: draft.baseLr,
    ...(draft.peakUnknown ? { peakUnknown: draft.peakUnknown } : {}),
    schedule: draft.schedule,
    warmup: { ...draft.warmup, steps: Math.max(0, Math.round(draft.warmup.steps)) },
    length: draft.length,
    sources,
    assumptions,
  });
  // Parsing copies the sources: carry over where composed values are written (findings on them are placed there).
  for (const [field, source] of Object.entries(sources)) {
    const copy = plan.sources[field];
    if (copy) {
      copyOrigin(source.key, copy.key);
      copyOrigin(source.value, copy.value);
    }
  }
  return plan;
}

/** A short class name from a dotted class path: `torch.optim.lr_scheduler.StepLR` → `StepLR`. */
export function shortClassName(classPath: string): string {
  const parts = classPath.trim().split('.');
  return parts[parts.length - 1] ?? classPath;
}

/** Plain numbers of a mapping's values where they are numeric strings ('1e-4' → 0.0001); other values as they are. */
export function numericParams(params: unknown, convert: (value: unknown) => unknown): Record<string, unknown> {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = convert(value);
  return out;
}

type AdamField = 'beta1' | 'beta2' | 'epsilon' | 'weightDecay';

/**
 * A draft's optimizer from where a framework writes it: the name (a validated setting) and each Adam number at its
 * path, every one falling back to the framework's own default.
 */
export function optimizerDraft<Path extends string>(
  written: { name: string | undefined; number: (path: Path) => number | undefined },
  paths: Readonly<Record<AdamField, Path>>,
  defaults: Readonly<Record<AdamField, number> & { name: string }>,
): PlanDraft['optimizer'] {
  return {
    name: written.name ?? defaults.name,
    beta1: written.number(paths.beta1) ?? defaults.beta1,
    beta2: written.number(paths.beta2) ?? defaults.beta2,
    epsilon: written.number(paths.epsilon) ?? defaults.epsilon,
    weightDecay: written.number(paths.weightDecay) ?? defaults.weightDecay,
  };
}
