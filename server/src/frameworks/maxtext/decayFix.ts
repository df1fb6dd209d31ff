/**
 * MaxText decay fix, in MaxText's own keys (AI-Hypercomputer/maxtext src/maxtext/utils/maxtext_utils.py
 * @e591f30cbbf217ed67ef71263ec0538239f9c3b8): cosine is `lr_schedule_type: cosine`; linear is a WSD schedule whose
 * linear decay covers everything after warmup (`lr_schedule_type: wsd`, `wsd_decay_style: linear`,
 * `wsd_decay_steps_fraction` = 1 - warmup_steps_fraction). A final fraction of 1 (no decay) becomes 0.1, the default.
 * Configs that still write `cosine_learning_rate_final_fraction` run a MaxText without WSD: they get the cosine only.
 * A `learning_rate_schedule_steps` that disagrees with `steps` is set to it (else the run ends at LR 0 or mid-schedule).
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { float, setPaths, type EditValue } from '../../fixes/pathEdits';
import { horizonToWrite } from '../gpt-neox/horizonEdit';
import { maxtextHorizon } from './horizon';

export function maxtextDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const { params } = plan.schedule;
  const legacy = params['cosine_learning_rate_final_fraction'] !== undefined && params['learning_rate_final_fraction'] === undefined;
  if (legacy && family === 'linear') return [];
  const changes: Array<readonly [string, EditValue]> = [];
  const finalKey = legacy ? 'cosine_learning_rate_final_fraction' : 'learning_rate_final_fraction';
  if ((params[finalKey] ?? 0.1) === 1) changes.push([finalKey, float(0.1)]);
  if (family === 'cosine') {
    if (!legacy) changes.push(['lr_schedule_type', 'cosine']);
  } else {
    const warmup = typeof params['warmup_steps_fraction'] === 'number' ? params['warmup_steps_fraction'] : 0.1;
    changes.push(
      ['lr_schedule_type', 'wsd'],
      ['wsd_decay_style', 'linear'],
      ['wsd_decay_steps_fraction', float(Number((1 - warmup).toPrecision(12)))],
    );
  }
  const horizon = horizonToWrite(plan, maxtextHorizon);
  if (horizon) changes.push([horizon.key, horizon.expected]);
  return setPaths(input, changes, { beside: 'learning_rate' });
}
