/**
 * Composer time strings (composer/core/time.py) and their conversion to batches as Composer's schedulers do it
 * (`_convert_time` in composer/optim/scheduler.py). Units: `ba` (batches = optimizer steps), `ep` (epochs), `dur`
 * (fraction of max_duration), `iter`, `sp` (samples), `tok` (tokens), `sec` (not allowed in schedulers).
 * LR Lens converts to batches: `sp` times (and `dur` of a max_duration in `sp`) only when the samples per batch are
 * known (a fixed global batch: sample count = batch × batches, so a sample time is a fractional number of batches);
 * `tok`/`sec` need run data and make the conversion fail (undefined).
 */
export type ComposerUnit = 'ba' | 'ep' | 'dur' | 'iter' | 'sp' | 'tok' | 'sec';

export interface ComposerTime {
  value: number;
  unit: ComposerUnit;
}

const UNITS: readonly ComposerUnit[] = ['ba', 'ep', 'dur', 'iter', 'sp', 'tok', 'sec'];

/** Parses `100ba`, `1ep`, `0.05dur`, `3e4tok`; ints (`int()` applied) except dur. Bare numbers: `defaultUnit`. */
export function parseComposerTime(raw: unknown, defaultUnit: ComposerUnit = 'ep'): ComposerTime | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: defaultUnit === 'dur' ? raw : Math.trunc(raw), unit: defaultUnit };
  if (typeof raw !== 'string') return undefined;
  // `<number><unit>`, read by its suffix (no unit is a suffix of another): no regular expression, linear in the length.
  const text = raw.trim().replace(/_/g, '');
  const lower = text.toLowerCase();
  if (/[\n\r\u2028\u2029]/.test(text)) return undefined;
  const unit = UNITS.find((u) => lower.length > u.length && lower.endsWith(u));
  if (!unit) return undefined;
  const value = Number(text.slice(0, text.length - unit.length));
  if (!Number.isFinite(value)) return undefined;
  return { value: unit === 'dur' ? value : Math.trunc(value), unit };
}

export interface ComposerTimeContext {
  /** The trainer's max_duration (an int in YAML means epochs). */
  maxDuration: ComposerTime;
  /** Batches per epoch (`dataloader_len`); needed for `ep` times and epoch max_durations. */
  dataloaderLen?: number;
  /** scale_schedule_ratio (1.0 unless set). */
  ssr?: number;
  /** Samples per optimizer step (llm-foundry's global_train_batch_size), for `sp` times. */
  samplesPerBatch?: number;
}

/** `_convert_time(time, state, ssr)` resolved to a number of batches, or undefined when it cannot be. */
export function composerTimeToBatches(time: ComposerTime, context: ComposerTimeContext, ssr = 1.0): number | undefined {
  const { maxDuration, dataloaderLen, samplesPerBatch } = context;
  const perBatch = samplesPerBatch !== undefined && samplesPerBatch > 0 ? samplesPerBatch : undefined;
  if (time.unit === 'dur') {
    if (maxDuration.unit === 'ep')
      return dataloaderLen === undefined ? undefined : Math.trunc(time.value * dataloaderLen * maxDuration.value);
    if (maxDuration.unit === 'ba' || maxDuration.unit === 'iter') return Math.trunc(time.value * maxDuration.value);
    // int(value × max_duration) samples, compared with the sample count (batch × batches).
    if (maxDuration.unit === 'sp' && perBatch) return Math.trunc(time.value * maxDuration.value) / perBatch;
    return undefined;
  }
  if (time.unit === 'sp') return perBatch ? Math.trunc(time.value * ssr) / perBatch : undefined;
  let batches: number;
  if (time.unit === 'ep') {
    if (dataloaderLen === undefined) return undefined;
    batches = time.value * dataloaderLen;
  } else if (time.unit === 'ba' || time.unit === 'iter') {
    batches = time.value;
  } else {
    return undefined;
  }
  return Math.trunc(batches * ssr);
}
