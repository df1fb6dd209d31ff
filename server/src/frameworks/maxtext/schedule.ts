/**
 * MaxText learning-rate schedule (`create_learning_rate_schedule`).
 * Source: AI-Hypercomputer/maxtext src/maxtext/utils/maxtext_utils.py (`create_learning_rate_schedule`),
 * src/maxtext/configs/base.yml and src/maxtext/configs/types.py (defaults; learning_rate_schedule_steps -1 means
 * `steps`) @e591f30cbbf217ed67ef71263ec0538239f9c3b8. Before the WSD change (e886dd2120fcbfff0c465907f60ccecc8499015c,
 * 2026-01-13) the final fraction was `cosine_learning_rate_final_fraction` and the cosine used p = c / C
 * (src/MaxText/maxtext_utils.py @08216c67963777a346b22ec600d8c3d4a0a9fa9d); newer versions reject that key, so a
 * config that writes it runs an older MaxText and gets the older curve here.
 *
 * Contract with the dialect:
 * - `name`: `lr_schedule_type` (`cosine` default, or `wsd`).
 * - `params`: `learning_rate_final_fraction` or `cosine_learning_rate_final_fraction` (0.1), `warmup_steps_fraction`
 *   (0.1), `learning_rate_schedule_steps` (-1: `steps`), `wsd_decay_steps_fraction` (0.1), `wsd_decay_style` (`linear`).
 * - `baseLr`: `learning_rate` (3e-5). `totalSteps`: `steps` (150_001; -1 means learning_rate_schedule_steps).
 *
 * Update k uses the optax count k. S = schedule steps, W = int(S * warmup_steps_fraction): warmup lin(0 -> lr, W);
 * cosine over C = S - W steps with p = c / (C - 1) (1 when C = 1): lr * a + lr_f * (1 - a), a = (cos(pi p) + 1) / 2,
 * reaching lr_f at k = S - 1; WSD: lr for S - W - D steps, then D = int(S * wsd_decay_steps_fraction) steps of
 * lin(lr -> lr_f, D - 1) or the cosine above over D; from k = S on, 0 when steps > S.
 */
import { closedFormSchedule, marker, type ScheduleInput } from '../../schedules/closedFormSchedule';
import type { Schedule, ScheduleMarker } from '../../schedules/schedule';
import { numberParam, stringParam } from '../../schedules/scheduleParams';
import { constantPiece, joinPieces, linearPiece, type Piece } from '../levanter/optax';

export const MAXTEXT_SCHEDULE_TYPES = ['cosine', 'wsd'] as const;

/** make_cos_schedule: `legacy` is the pre-2026-01-13 p = c / C. */
function cosPiece(initLr: number, finalLr: number, lenSteps: number, legacy: boolean): Piece {
  return (step) => {
    const pct = legacy ? step / lenSteps : lenSteps > 1 ? step / (lenSteps - 1) : 1.0;
    const a = 0.5 * (Math.cos(Math.PI * pct) + 1);
    return initLr * a + finalLr * (1 - a);
  };
}

/** The schedule length S: learning_rate_schedule_steps, with -1 meaning `steps`. */
export function maxtextScheduleSteps(params: Readonly<Record<string, unknown>>, steps: number): number {
  const s = numberParam(params, 'learning_rate_schedule_steps') ?? -1;
  return s === -1 ? steps : s;
}

export function maxtextSchedule(input: ScheduleInput): Schedule | null {
  const type = input.name;
  if (!MAXTEXT_SCHEDULE_TYPES.some((t) => t === type)) return null;
  const p = input.params;
  const legacy = p['cosine_learning_rate_final_fraction'] !== undefined && p['learning_rate_final_fraction'] === undefined;
  if (legacy && type !== 'cosine') return null; // WSD did not exist yet
  const eta = input.baseLr;
  const steps = input.totalSteps;
  const S = maxtextScheduleSteps(p, steps);
  const finalLr = eta * (numberParam(p, 'learning_rate_final_fraction', 'cosine_learning_rate_final_fraction') ?? 0.1);
  const W = Math.trunc(S * (numberParam(p, 'warmup_steps_fraction') ?? 0.1));
  const zeroSteps = steps - S;
  const pieces: Piece[] = [];
  const boundaries: number[] = [];
  const markers: ScheduleMarker[] = [];
  const breakpoints: number[] = [W];
  if (legacy) {
    // Older code always appended the warmup (a constant 0 when W is 0) and the cosine piece.
    pieces.push(linearPiece(0.0, eta, W), cosPiece(eta, finalLr, S - W, true));
    boundaries.push(W, S);
  } else {
    if (W > 0) {
      pieces.push(linearPiece(0.0, eta, W));
      boundaries.push(W);
    }
    if (type === 'cosine') {
      const cosSteps = S - W;
      if (cosSteps > 0) {
        pieces.push(cosPiece(eta, finalLr, cosSteps, false));
        boundaries.push(W + cosSteps);
      }
    } else {
      const D = Math.trunc(S * (numberParam(p, 'wsd_decay_steps_fraction') ?? 0.1));
      const stable = S - W - D;
      if (stable > 0) {
        pieces.push(constantPiece(eta));
        boundaries.push(W + stable);
      }
      if (D > 0) {
        const style = stringParam(p, 'wsd_decay_style') ?? 'linear';
        if (style !== 'linear' && style !== 'cosine') return null;
        pieces.push(style === 'linear' ? linearPiece(eta, finalLr, D - 1) : cosPiece(eta, finalLr, D, false));
        boundaries.push(W + stable + D);
        markers.push(marker(W + Math.max(stable, 0), 'decay-start', 'decay starts'));
        breakpoints.push(W + stable);
      }
    }
  }
  if (zeroSteps > 0) {
    pieces.push(constantPiece(0.0));
    boundaries.push(S);
    markers.push(marker(S, 'phase-end', 'learning_rate_schedule_steps reached: LR 0'));
  }
  if (pieces.length === 0) return null; // join_schedules of nothing fails
  if (W > 0) markers.unshift(marker(W, 'warmup-end', 'warmup ends'));
  breakpoints.push(S - 1, S);
  return closedFormSchedule({ family: type, totalSteps: steps, lrAt: joinPieces(pieces, boundaries), breakpoints, markers });
}
