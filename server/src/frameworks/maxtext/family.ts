import type { ScheduleFamily } from '../family';

/**
 * The family of a MaxText `lr_schedule_type`
 * (AI-Hypercomputer/maxtext src/maxtext/utils/maxtext_utils.py @e591f30cbbf217ed67ef71263ec0538239f9c3b8).
 */
export function maxtextFamily(name: string, params: Readonly<Record<string, unknown>>): ScheduleFamily {
  if (name === 'cosine') return { kind: 'cosine', name: 'cosine' };
  if (name !== 'wsd') return { kind: 'unknown', name };
  const warmup = typeof params['warmup_steps_fraction'] === 'number' ? params['warmup_steps_fraction'] : 0.1;
  const decay = typeof params['wsd_decay_steps_fraction'] === 'number' ? params['wsd_decay_steps_fraction'] : 0.1;
  const style = params['wsd_decay_style'] === 'cosine' ? 'cosine' : 'linear';
  // A WSD whose decay covers everything after warmup is a plain linear or cosine decay.
  if (warmup + decay >= 0.999) return { kind: style, name: style };
  return { kind: 'other', name: `warmup-stable-decay (${style} decay)` };
}
