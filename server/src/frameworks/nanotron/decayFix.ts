/**
 * nanotron decay fix: `lr_decay_style: cosine` or `linear` in `optimizer.learning_rate_scheduler`; when
 * `min_decay_lr` is absent or equal to learning_rate (nanotron then never decays: huggingface/nanotron
 * src/nanotron/config/config.py @2411b022a75fb7f7561a1bb4166706da5e1b76de) it is set to a tenth of learning_rate; an
 * explicit `lr_decay_steps` that disagrees with the steps after the decay start is set to them.
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, RawText, setPaths, type EditValue } from '../../fixes/pathEdits';
import { horizonToWrite } from '../gpt-neox/horizonEdit';
import { nanotronHorizon } from './horizon';

const SCHEDULER = 'optimizer.learning_rate_scheduler';

export function nanotronDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const changes: Array<readonly [string, EditValue]> = [[`${SCHEDULER}.lr_decay_style`, family]];
  const floor = plan.schedule.params['min_decay_lr'];
  if (floor === undefined || floor === plan.baseLr)
    changes.push([`${SCHEDULER}.min_decay_lr`, yaml11Float(Number((plan.baseLr / 10).toPrecision(12)))]);
  const horizon = horizonToWrite(plan, nanotronHorizon);
  if (horizon) changes.push([`${SCHEDULER}.${horizon.key}`, horizon.expected]);
  return setPaths(input, changes, { beside: 'lr_warmup_style' });
}

/** A float PyYAML's SafeLoader (YAML 1.1) reads as a float: `1.0e-07`, never `1e-7` (a string there, which dacite rejects). */
function yaml11Float(value: number): RawText {
  const text = float(value).text;
  return /e/i.test(text) && !text.includes('.') ? new RawText(text.replace(/e/i, '.0e')) : float(value);
}
