import type * as z from '../plan/zod';
import type { Finding } from '../analysis/finding';
import { PLAIN_VALUE_BUDGET, TOO_LARGE, type MapEntry } from '../parse/yamlAccess';
import { reportInvalidValue } from '../rules/invalidValue';
import { shownValue } from './shownValue';

/** How one config key is validated: a zod schema whose error messages are user-facing. */
export type SettingSchemas = Readonly<Record<string, z.ZodMiniType>>;

export interface SettingValues {
  /** Valid values by key (absent keys and invalid values are missing). */
  values: Record<string, unknown>;
  findings: Finding[];
}

/**
 * Validates the keys a dialect knows, each with its own schema; every failure becomes an `invalid-value`
 * finding on the value as written, with the schema's message.
 */
export function readSettings(entries: ReadonlyMap<string, MapEntry>, schemas: SettingSchemas): SettingValues {
  const values: Record<string, unknown> = {};
  const findings: Finding[] = [];
  for (const [key, schema] of Object.entries(schemas)) {
    const entry = entries.get(key);
    if (!entry) continue;
    if (entry.value === TOO_LARGE) {
      const limit = PLAIN_VALUE_BUDGET.toLocaleString('en-US');
      findings.push(
        reportInvalidValue(`\`${key}\` is too large to read (more than ${limit} values once its aliases are expanded).`, entry),
      );
      continue;
    }
    const result = schema.safeParse(entry.value);
    if (result.success) {
      values[key] = result.data;
      continue;
    }
    const problem = result.error.issues[0]?.message ?? 'has an invalid value';
    findings.push(reportInvalidValue(`\`${key}\` ${problem}; got ${shownValue(entry.value)}.`, entry));
  }
  return { values, findings };
}
