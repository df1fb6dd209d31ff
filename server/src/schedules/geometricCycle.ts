/**
 * Where step t falls in a train of cycles whose lengths grow geometrically (period, period·mult, …), as
 * fairseq's cosine (`t_mult`) and timm's cosine/tanh/poly (`cycle_mul`) compute it in float64.
 */
export interface CyclePosition {
  /** 0-based cycle index. */
  index: number;
  /** The cycle's length. */
  length: number;
  /** Steps since the cycle began. */
  offset: number;
}

export function geometricCycle(t: number, period: number, mult: number): CyclePosition {
  if (mult !== 1) {
    const index = Math.floor(Math.log(1 - (t / period) * (1 - mult)) / Math.log(mult));
    return { index, length: mult ** index * period, offset: t - ((1 - mult ** index) / (1 - mult)) * period };
  }
  const index = Math.floor(t / period);
  return { index, length: period, offset: t - period * index };
}
