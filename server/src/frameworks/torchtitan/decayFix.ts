/**
 * torchtitan decay fix, written into the TOML byte-for-byte (parse/tomlEdits.ts): `decay_type = "cosine"` or
 * `"linear"` in `[lr_scheduler]` (the table is added after `[optimizer]` when missing). When nothing decays, the
 * setting that stops it changes too: `decay_ratio = 0` becomes the ratio that decays over every step after warmup
 * (the shortest decimal r with round(N · r) = N − W, what an absent decay_ratio gives, without torchtitan's warning
 * for warmup + decay > N), and `min_lr_factor = 1` becomes 0.0, the default
 * (pytorch/torchtitan torchtitan/components/lr_scheduler.py @238fa9953e4aec2a62582121564273d7cbb1e9f1).
 */
import type { TextEdit } from '../../analysis/finding';
import type { DecayFamily, DialectInput } from '../../dialects/dialect';
import type { TrainingPlan } from '../../plan/trainingPlan';
import { setTomlKeys, tomlFloat, type TomlValue } from '../../parse/tomlEdits';
import { pythonRound, torchtitanPhases } from './schedule';

/** The shortest decimal ratio r ≤ 1 for which torchtitan's round(total · r) is `decay`. */
export function decayRatioFor(total: number, decay: number): number {
  const exact = decay / total;
  for (let digits = 1; digits <= 17; digits++) {
    const r = Number(exact.toPrecision(digits));
    if (r <= 1 && pythonRound(total * r) === decay) return r;
  }
  return exact;
}

export function torchtitanDecayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[] {
  const params = plan.schedule.params;
  // The versions that read `[training] warmup_steps` have one schedule, linear: there is nothing to switch to.
  if (params['legacy_warmup'] === true) return [];
  const { total, warmup, decay } = torchtitanPhases(params, plan.length.steps);
  const changes: Array<readonly [string, TomlValue]> = [['decay_type', family]];
  if (decay === 0) {
    // Warmup takes every step: no decay setting can help (warmup-too-long says so).
    if (total - warmup <= 0) return [];
    changes.push(['decay_ratio', tomlFloat(decayRatioFor(total, total - warmup))]);
  }
  if (params['min_lr_factor'] === 1) changes.push(['min_lr_factor', tomlFloat(0)]);
  return setTomlKeys(input.parsed, input.document, 'lr_scheduler', changes, { after: 'optimizer' });
}
