import { defined } from '../defined';

/**
 * A curve defined by a recursion `lr_t = next(lr_{t-1}, t)` (PyTorch's chainable `get_lr`, which multiplies the
 * optimizer's current LR), evaluated once per step in order and cached, so random access `at(t)` reproduces the
 * exact float sequence the framework produces. Past `limit` steps the recursion is not run (memory, time): `at`
 * answers with `fallback(t)` (the closed form).
 */
export class RecursiveCurve {
  private values: Float64Array;
  private computed = 0;

  constructor(
    private readonly first: () => number,
    private readonly next: (previous: number, t: number) => number,
    private readonly fallback: (t: number) => number,
    private readonly limit: number,
    /** Steps expected to be asked for (the run's length): the storage is sized for them at once. */
    expected = 1024,
    /** `next` for t = from .. to-1 in one loop (values[t] = next(values[t-1], t)), when the recursion has one. */
    private readonly nextInto?: (values: Float64Array, from: number, to: number) => void,
  ) {
    this.values = new Float64Array(Math.max(1, Math.min(limit, expected)));
  }

  /** Fills `out` with the values at t = 0 .. out.length-1 (all within the limit). */
  valuesInto(out: Float64Array): void {
    if (out.length === 0) return;
    if (out.length > this.limit) {
      for (let t = 0; t < out.length; t++) out[t] = this.at(t);
      return;
    }
    if (out.length > this.computed) this.extendTo(out.length - 1);
    out.set(this.values.subarray(0, out.length));
  }

  at(t: number): number {
    if (!Number.isInteger(t) || t < 0 || t >= this.limit) return this.fallback(t);
    if (t >= this.computed) this.extendTo(t);
    return defined(this.values[t], 'steps below `computed` are in the array');
  }

  private extendTo(t: number): void {
    if (t >= this.values.length) {
      const grown = new Float64Array(Math.min(this.limit, Math.max(t + 1, this.values.length * 2)));
      grown.set(this.values.subarray(0, this.computed));
      this.values = grown;
    }
    let i = this.computed;
    if (i === 0) {
      this.values[0] = this.first();
      i = 1;
    }
    if (this.nextInto) this.nextInto(this.values, i, t + 1);
    else for (; i <= t; i++) this.values[i] = this.next(defined(this.values[i - 1], 'the array holds every step up to t'), i);
    this.computed = t + 1;
  }
}
