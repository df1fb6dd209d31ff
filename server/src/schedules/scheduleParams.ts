/**
 * Readers for a plan's `schedule.params` (the framework's own config keys as written). Each returns undefined when
 * the key is absent or not of the expected type, so builders apply the framework's default with `??`.
 */
export type Params = Readonly<Record<string, unknown>>;

export function numberParam(params: Params, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = params[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  }
  return undefined;
}

export function stringParam(params: Params, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = params[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export function booleanParam(params: Params, ...keys: string[]): boolean | undefined {
  for (const key of keys) {
    const value = params[key];
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'True') return true;
    if (value === 'false' || value === 'False') return false;
  }
  return undefined;
}

/** A list of numbers (a bare number counts as a one-element list), or undefined. */
export function numberListParam(params: Params, ...keys: string[]): number[] | undefined {
  for (const key of keys) {
    const value = params[key];
    if (typeof value === 'number' && Number.isFinite(value)) return [value];
    if (Array.isArray(value)) {
      const numbers = value.map((v) => (typeof v === 'string' ? Number(v) : v));
      if (numbers.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) return numbers;
      return undefined;
    }
  }
  return undefined;
}

/** A nested object (e.g. a child scheduler `{name, params}`), or undefined. */
export function objectParam(value: unknown): Params | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : undefined;
}
