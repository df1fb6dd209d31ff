/**
 * What one framework (or sweep format) contributes to LR Lens, as one module object exported by the `index.ts` of
 * its folder `server/src/frameworks/<id>/` and listed once in `registry.ts`.
 */
import type { Dialect } from '../dialects/dialect';
import type { TrainingPlan } from '../plan/trainingPlan';
import type { Schedule } from '../schedules/schedule';
import type { ScheduleFamily } from './family';
import type { ScheduleHorizon } from './horizon';

/** `training`: a config that runs a schedule (builds a plan); `sweep`: a hyperparameter-search format. */
export type FrameworkKind = 'training' | 'sweep';

/**
 * A scheduler vocabulary: the names a plan's `schedule.name` may take when its `schedule.framework` is this
 * vocabulary's key, and what LR Lens knows about each.
 */
export interface SchedulerVocabulary {
  /** The schedule the plan runs, or null when it cannot be drawn (unknown name, missing parameters). */
  build(plan: TrainingPlan): Schedule | null;
  /**
   * The family of a scheduler, by its class name (the last segment of a dotted path) and the plan's params.
   * Called after the plan-level traits (validation-driven, constant after warmup) were checked.
   */
  family(name: string, params: Readonly<Record<string, unknown>>): ScheduleFamily;
  /** The schedule's own horizon parameter and the value the run's length implies, or null when it has none. */
  horizon(plan: TrainingPlan): ScheduleHorizon | null;
}

/** Where a default or a formula comes from, upstream: repository, file, and the commit it was read at. */
export interface UpstreamSource {
  /** `owner/name`, e.g. `huggingface/transformers`. */
  repository: string;
  path: string;
  /** Full or abbreviated commit hash, when the reading was pinned to one. */
  commit?: string;
  /** What was read there, when the path alone does not say. */
  what?: string;
}

/** The framework's defaults for the keys LR Lens reads (its own key names), with where they come from. */
export interface DefaultsTable {
  values: Readonly<Record<string, unknown>>;
  sources: readonly UpstreamSource[];
}

/** One schedule or optimizer key a config of this framework may set. */
export interface ConfigKey {
  /** Dotted key path as written in the framework's files (`lr_scheduler_type`, `optimizer.lr`, ...). */
  key: string;
  /** The framework's default, when it has one. */
  default?: unknown;
  /** What the key means, in one line. */
  meaning: string;
}

/** Names and keys a user may write in this framework's files: data for completion and hover. */
export interface EditingVocabulary {
  /** Dotted key paths whose value is a scheduler name (`lr_scheduler_type`, `lr_scheduler.class_path`). */
  schedulerKeys: readonly string[];
  /**
   * Scheduler names the framework accepts, as written in its files (torch classes by class name: a key that takes
   * a dotted path such as `class_path` wants `torch.optim.lr_scheduler.<name>`).
   */
  schedulers: readonly string[];
  /** Dotted key paths whose value is an optimizer name. */
  optimizerKeys: readonly string[];
  /** Optimizer names the framework accepts (as written in its files; torch classes by class name). */
  optimizers: readonly string[];
  /** The schedule and optimizer keys, with default and one-line meaning. */
  keys: readonly ConfigKey[];
  /**
   * A line (`key: value`) a scheduler name cannot run without, added beside the scheduler key when completion writes
   * that name into a file without the key (HF `cosine_with_min_lr` needs `lr_scheduler_kwargs` with a floor).
   */
  schedulerNeeds?: Readonly<Record<string, string>>;
}

/**
 * One framework or sweep format. `Id` is its dialect id (a public contract: `# lr-lens: dialect=<id>`,
 * `lrLens.dialects`, `check --format json`); `V` the scheduler vocabularies it defines (usually its own id).
 */
export interface FrameworkModule<Id extends string = string, V extends string = string> {
  id: Id;
  /** Display name (`Hugging Face Trainer`). */
  name: string;
  kind: FrameworkKind;
  /** Recognition, extraction into the plan, and decay fixes. */
  dialect: Dialect;
  /**
   * Scheduler vocabularies this module defines, by the `schedule.framework` key its plans use: `{ timm: ... }`;
   * `{}` when its plans use another module's vocabulary (Lightning: the shared `pytorch` one) or it builds none.
   */
  schedulers: Readonly<Record<V, SchedulerVocabulary>>;
  /** Defaults with upstream citations; null for formats without defaults of their own (sweeps). */
  defaults: DefaultsTable | null;
  /** Names and keys for completion; null for formats without a scheduler vocabulary (sweeps). */
  vocabulary: EditingVocabulary | null;
}
