/**
 * OLMo decay fix: `scheduler.name: cosine_with_warmup` or `linear_with_warmup` (decay to alpha_f × learning_rate
 * over max_duration or t_max; allenai/OLMo olmo/optim.py @59a53e3f68e546330ca5a99ec626e58f9ab96494). Other scheduler
 * keys are kept; t_warmup keeps its value (100 when absent); a `t_max` that disagrees with max_duration is set to it.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setPath } from '../../fixes/pathEdits';
import { horizonToWrite } from '../gpt-neox/horizonEdit';
import { olmoHorizon } from './horizon';

export function olmoDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const edits = setPath(input, ['scheduler', 'name'], family === 'cosine' ? 'cosine_with_warmup' : 'linear_with_warmup', {
    beside: 'optimizer',
  });
  const horizon = horizonToWrite(plan, olmoHorizon);
  return horizon ? [...edits, ...setPath(input, ['scheduler', horizon.key], horizon.expected)] : edits;
}
