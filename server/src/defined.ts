/**
 * `value`, which the caller's own invariant guarantees is there (`why` says which): an index within a list of
 * known length, say. When the invariant breaks, an internal error that names it rather than an `undefined` read on.
 */
export function defined<T>(value: T | undefined, why: string): T {
  if (value === undefined) throw new Error(`LR Lens internal error: ${why}`);
  return value;
}
