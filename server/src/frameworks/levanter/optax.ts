/**
 * The optax schedule pieces levanter and MaxText glue together, in float64 (optax evaluates in float32, so real
 * runs differ by about 1e-7 relative). Source: google-deepmind/optax optax/schedules/_schedule.py
 * (`constant_schedule`, `polynomial_schedule` behind `linear_schedule`, `cosine_decay_schedule`) and
 * optax/schedules/_join.py (`join_schedules`) @2edbcbe2390da13983b92cbef94ac0460ecde1c5.
 */
export type Piece = (count: number) => number;

export function constantPiece(value: number): Piece {
  return () => value;
}

/** linear_schedule(init, end, n): (init - end) * (1 - clip(c, 0, n) / n) + end; the constant init when n <= 0. */
export function linearPiece(init: number, end: number, n: number): Piece {
  if (n <= 0) return () => init;
  return (count) => (init - end) * (1 - Math.min(Math.max(count, 0), n) / n) + end;
}

/** cosine_decay_schedule(init, d, alpha, exponent); null where optax raises (d <= 0). */
export function cosinePiece(init: number, d: number, alpha: number, exponent = 1.0): Piece | null {
  if (!(d > 0)) return null;
  return (count) => {
    const c = Math.min(count, d);
    const cosineDecay = 0.5 * (1 + Math.cos((Math.PI * c) / d));
    return init * ((1 - alpha) * cosineDecay ** exponent + alpha);
  };
}

/**
 * join_schedules(pieces, boundaries): piece 0 at the step itself, then piece i + 1 from boundaries[i] on with its
 * count restarted (step - boundaries[i]); later pieces win, in order, even when boundaries are not ascending.
 * Extra boundaries are ignored (zip).
 */
export function joinPieces(pieces: readonly Piece[], boundaries: readonly number[]): Piece {
  const first = pieces[0];
  if (first === undefined) return () => NaN;
  return (step) => {
    let output = first(step);
    for (let i = 1; i < pieces.length && i - 1 < boundaries.length; i++) {
      const boundary = boundaries[i - 1] ?? Infinity;
      const piece = pieces[i];
      if (piece !== undefined && step >= boundary) output = piece(step - boundary);
    }
    return output;
  };
}
