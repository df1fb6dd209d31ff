import { AssertionError } from 'node:assert';

/**
 * `value`, or an `AssertionError` naming `what` was missing when it is null or undefined: the test's way to say
 * "this must be there" about an expression (an array element, an optional field) where `assert.ok` cannot narrow.
 */
export function must<T>(value: T, what: string): NonNullable<T> {
  if (value === null || value === undefined) {
    throw new AssertionError({
      message: `expected ${what}, got ${String(value)}`,
      actual: value,
      expected: what,
      operator: 'must',
      stackStartFn: must,
    });
  }
  return value;
}
