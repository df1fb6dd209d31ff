import type { SchedulerVocabulary } from '../framework';
import { family } from '../family';
import { pytorchSchedule } from '../../schedules/pytorch';
import { pytorchFamily } from './family';
import { torchHorizon } from './horizon';

/**
 * The shared torch.optim.lr_scheduler vocabulary (`schedule.framework: pytorch`): not a framework of its own, the
 * scheduler classes Lightning, torchtune, DeepSpeed and NeMo configs name by class path.
 */
export const pytorchVocabulary: SchedulerVocabulary = {
  build: (plan) =>
    pytorchSchedule({ name: plan.schedule.name, params: plan.schedule.params, baseLr: plan.baseLr, totalSteps: plan.length.steps }),
  family: (name, params) => pytorchFamily(name, params) ?? family('unknown', name),
  horizon: torchHorizon,
};
