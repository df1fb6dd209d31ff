import { parseArgs } from 'node:util';

/** Command-line arguments through Node's `util.parseArgs`: known flags only, values checked, clear messages. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--format json` or `--format=json`). */
  value?: boolean;
  choices?: readonly string[];
  integer?: { min: number; max?: number };
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Values are echoed in messages only this far (a value may be anything a script passed). */
const QUOTED_VALUE_LENGTH = 40;

export function quoteValue(value: string): string {
  const shown = value.length > QUOTED_VALUE_LENGTH ? `${value.slice(0, QUOTED_VALUE_LENGTH)}…` : value;
  return `'${escapeControlCharacters(shown)}'`;
}

/** Control characters but tabs (ESC, CR, newlines, …) as `\x1b`-style escapes, so output cannot rewrite a terminal. */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

/**
 * JSON as JSON.stringify writes it, with the characters it leaves raw that a terminal may act on (DEL, the C1
 * controls such as the 8-bit CSI, the Unicode line separators) written as `\uXXXX` escapes: the same JSON value.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function parseCommandLine(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.value ? 'string' : 'boolean' } as const]),
  );
  // Not strict: unknown options and missing values come back as tokens, and get this parser's own messages.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${escapeControlCharacters(token.rawName.slice(0, QUOTED_VALUE_LENGTH))}`);
    const name = `--${token.name}`;
    if (!spec.value) {
      if (token.inlineValue) throw new UsageError(`${name} takes no value`);
      flags.set(token.name, true);
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`${name} must be one of ${spec.choices.join(', ')} (got ${quoteValue(value)})`);
    }
    if (spec.integer) {
      const n = Number(value);
      const { min, max } = spec.integer;
      if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
        const bound = max === undefined ? `>= ${min}` : `from ${min} to ${max}`;
        throw new UsageError(`${name} must be a whole number ${bound} (got ${quoteValue(value)})`);
      }
    }
    flags.set(token.name, value);
  }
  return { positionals, flags };
}
