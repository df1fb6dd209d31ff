import type { TrainingPlan } from '../plan/trainingPlan';
import { huggingFaceSchedule, isHuggingFaceScheduler } from './huggingFace';
import type { Schedule } from './schedule';

/** The schedule a plan's framework will run, or null when LR Lens cannot draw it. */
export function scheduleOfPlan(plan: TrainingPlan): Schedule | null {
  const { schedule } = plan;
  switch (schedule.framework) {
    case 'huggingface':
      if (!isHuggingFaceScheduler(schedule.name)) return null;
      return huggingFaceSchedule({
        name: schedule.name,
        baseLr: plan.baseLr,
        warmupSteps: plan.warmup.steps,
        totalSteps: plan.length.steps,
        kwargs: schedule.params,
      });
    default:
      return null;
  }
}
