import type { TrainingPlan } from '../plan/trainingPlan';
import { axolotlSchedule } from '../frameworks/axolotl/schedule';
import type { ScheduleInput } from './closedFormSchedule';
import { composerSchedule } from '../frameworks/composer/schedule';
import { deepspeedSchedule } from '../frameworks/deepspeed/schedule';
import { detectron2Schedule } from '../frameworks/detectron2/schedule';
import { fairseqSchedule } from '../frameworks/fairseq/schedule';
import { huggingFaceSchedule, isHuggingFaceScheduler } from '../frameworks/huggingface/schedule';
import { nemoSchedule } from '../frameworks/nemo/schedule';
import { openNmtSchedule } from '../frameworks/opennmt/schedule';
import { pytorchSchedule } from './pytorch';
import type { Schedule } from './schedule';
import { tfModelGardenSchedule } from '../frameworks/tf-model-garden/schedule';
import { timmSchedule } from '../frameworks/timm/schedule';
import { torchtuneSchedule } from '../frameworks/torchtune/schedule';
import { ultralyticsSchedule } from '../frameworks/ultralytics/schedule';

/**
 * Builds the schedule a plan will run, for plans whose `schedule.framework` is this builder's key.
 * Returns null when the schedule cannot be drawn (unknown name, missing parameters).
 * Each framework module's header documents the params it reads (the contract with the dialects).
 */
export type ScheduleBuilder = (plan: TrainingPlan) => Schedule | null;

/** The plan fields the framework builders read. */
export function scheduleInputOf(plan: TrainingPlan): ScheduleInput {
  return {
    name: plan.schedule.name,
    params: plan.schedule.params,
    baseLr: plan.baseLr,
    warmupSteps: plan.warmup.steps,
    totalSteps: plan.length.steps,
    stepsPerEpoch: plan.length.stepsPerEpoch,
    unit: plan.length.unit,
  };
}

/** One builder per scheduler vocabulary (`schedule.framework` of the plan). */
export const SCHEDULE_BUILDERS: Readonly<Record<string, ScheduleBuilder>> = {
  huggingface: (plan) =>
    isHuggingFaceScheduler(plan.schedule.name)
      ? huggingFaceSchedule({
          name: plan.schedule.name,
          baseLr: plan.baseLr,
          warmupSteps: plan.warmup.steps,
          totalSteps: plan.length.steps,
          kwargs: plan.schedule.params,
        })
      : null,
  pytorch: (plan) =>
    pytorchSchedule({ name: plan.schedule.name, params: plan.schedule.params, baseLr: plan.baseLr, totalSteps: plan.length.steps }),
  torchtune: (plan) => torchtuneSchedule(scheduleInputOf(plan)),
  axolotl: (plan) => axolotlSchedule(scheduleInputOf(plan)),
  timm: (plan) => timmSchedule(scheduleInputOf(plan)),
  ultralytics: (plan) => ultralyticsSchedule(scheduleInputOf(plan)),
  composer: (plan) => composerSchedule(scheduleInputOf(plan)),
  nemo: (plan) => nemoSchedule(scheduleInputOf(plan)),
  fairseq: (plan) => fairseqSchedule(scheduleInputOf(plan)),
  detectron2: (plan) => detectron2Schedule(scheduleInputOf(plan)),
  deepspeed: (plan) => deepspeedSchedule(scheduleInputOf(plan)),
  opennmt: (plan) => openNmtSchedule(scheduleInputOf(plan)),
  'tf-model-garden': (plan) => tfModelGardenSchedule(scheduleInputOf(plan)),
};

/** The schedule a plan's framework will run, or null when LR Lens cannot draw it. */
export function scheduleOfPlan(plan: TrainingPlan): Schedule | null {
  return SCHEDULE_BUILDERS[plan.schedule.framework]?.(plan) ?? null;
}
