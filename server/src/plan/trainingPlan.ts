import * as z from './zod';
// Types only: the registry imports every framework, whose dialects build plans with this schema.
import type { FrameworkId, ScheduleVocabularyId } from '../frameworks/registry';

/**
 * The framework-neutral training plan: what a run will do, whatever file format said it.
 * Dialects build one from a config; rules and curves read nothing else.
 */

const SpanSchema = z.object({ start: z.number().check(z.int(), z.nonnegative()), end: z.number().check(z.int(), z.nonnegative()) });

/** Where a plan field is written: the key and the value in the file's text. */
export const SourceSchema = z.object({ path: z.string(), key: SpanSchema, value: SpanSchema });
export type Source = z.infer<typeof SourceSchema>;

export const OptimizerFamilySchema = z.enum(['adam', 'sgd', 'adafactor', 'rmsprop', 'lion', 'other']);
export type OptimizerFamily = z.infer<typeof OptimizerFamilySchema>;

export const TrainingPlanSchema = z.object({
  /**
   * Dialect id, e.g. `huggingface`: typed by the framework registry (a dialect can only write an id it lists); the
   * registry's dispatchers throw on any other at run time.
   */
  dialect: z.custom<FrameworkId>((value) => typeof value === 'string', 'must be a dialect id'),
  /** Index of the YAML document in a multi-document file. */
  documentIndex: z.number().check(z.int(), z.nonnegative()),
  optimizer: z.object({
    name: z.string(),
    family: OptimizerFamilySchema,
    beta1: z.optional(z.number().check(z.gte(0), z.lt(1))),
    beta2: z.optional(z.number().check(z.gte(0), z.lt(1))),
    epsilon: z.optional(z.number().check(z.positive())),
    weightDecay: z.optional(z.number()),
  }),
  baseLr: z.number().check(z.positive()),
  /**
   * Why the file does not fix the peak LR (DeepSpeed `"auto"`, Ultralytics `optimizer: auto`), when it does not:
   * `baseLr` is then 1 and the curve is the schedule's shape, normalized to its peak.
   */
  peakUnknown: z.optional(z.string()),
  schedule: z.object({
    /** Whose scheduler vocabulary `name` is in, e.g. `huggingface`, or the shared `pytorch` (one of the registry's). */
    framework: z.custom<ScheduleVocabularyId>((value) => typeof value === 'string', 'must be a scheduler vocabulary'),
    name: z.string(),
    params: z.record(z.string(), z.unknown()),
    /** False when the framework's default applies because the config names no schedule. */
    explicit: z.boolean(),
    /** The LR never changes after warmup. */
    constantAfterWarmup: z.boolean(),
    validationDriven: z.boolean(),
  }),
  warmup: z.object({
    steps: z.number().check(z.int(), z.nonnegative()),
    /** The ratio of training the config asked for, when it gave one. */
    ratio: z.optional(z.number().check(z.gte(0))),
  }),
  length: z.object({
    /** Scheduler steps the run takes (T), counted in `unit`. */
    steps: z.number().check(z.int(), z.positive()),
    /**
     * What one scheduler step is: an optimizer update (`step`) or an epoch (`epoch`, e.g. a PyTorch scheduler
     * stepped once per epoch by Lightning's default interval). Schedules are evaluated at t = 0..steps-1 of it.
     */
    unit: z.enum(['step', 'epoch']),
    epochs: z.optional(z.number().check(z.positive())),
    stepsPerEpoch: z.optional(z.number().check(z.int(), z.positive())),
    /** True when `steps` rests on an assumption (e.g. steps per epoch nobody gave). */
    assumed: z.boolean(),
    /** How `steps` was derived, in words. */
    basis: z.string(),
  }),
  /** Where each field was written, by plan field name (`baseLr`, `schedule`, `warmup`, `length`, `beta1`, …). */
  sources: z.record(z.string(), SourceSchema),
  /** Everything the plan assumed, in words a user can check. */
  assumptions: z.array(z.string()),
});

export type TrainingPlan = z.infer<typeof TrainingPlanSchema>;
