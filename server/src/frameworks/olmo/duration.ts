/**
 * OLMo's `max_duration` as the trainer reads it from scratch (allenai/OLMo olmo/train.py `max_steps` / `max_tokens`
 * @59a53e3f68e546330ca5a99ec626e58f9ab96494): an int is steps; a string ending in `T` is tokens, turned into
 * ceil(tokens / (global_train_batch_size * max_sequence_length)) steps; `…ep` needs the dataset size (not known
 * here); any other string is int(float(s)) steps (so YAML 1.2's string `739_328` still works in Python).
 */
export interface OlmoDuration {
  /** The horizon in optimizer steps (max_steps). */
  steps: number;
  /** The horizon in tokens when the duration was given in tokens (max_tokens). */
  tokens?: number;
}

/** Python float() of a string: accepts `_` between digits, surrounding whitespace, exponents. */
function pythonFloat(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d(_?\d)*)?$/.test(trimmed) || !/\d/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** The run's horizon from `max_duration`, or undefined when it cannot be known from the config alone. */
export function olmoDuration(maxDuration: unknown, tokensPerStep: number | undefined): OlmoDuration | undefined {
  if (typeof maxDuration === 'number') return Number.isInteger(maxDuration) ? { steps: maxDuration } : undefined;
  if (typeof maxDuration !== 'string') return undefined;
  if (maxDuration.endsWith('T')) {
    const tokens = pythonFloat(maxDuration.slice(0, -1));
    if (tokens === undefined || tokensPerStep === undefined || !(tokensPerStep > 0)) return undefined;
    const maxTokens = Math.trunc(tokens);
    return { steps: Math.ceil(Math.max(maxTokens, 0) / tokensPerStep), tokens: maxTokens };
  }
  if (maxDuration.endsWith('ep')) return undefined;
  const steps = pythonFloat(maxDuration);
  return steps === undefined ? undefined : { steps: Math.trunc(steps) };
}
