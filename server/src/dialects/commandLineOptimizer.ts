/**
 * The optimizer a launch command fixes for every trial (`--optimizer=adamw`, `--optim adam`, `--optimizer_name
 * AdamW`): Katib trial templates and W&B sweep `command` lists carry the training flags that are not swept.
 * A flag whose value is substituted per trial (`${trialParameters.optimizer}`) fixes nothing.
 */
const FLAG = /(?:^|\s)--optim(?:izer)?(?:[_-](?:name|type))?(?:=|\s+)["']?([A-Za-z][\w.]*)(?=["'\s]|$)/;

/** Every string inside a plain JSON-like value (depth-limited). */
function strings(value: unknown, out: string[], depth = 0): string[] {
  if (depth > 32 || out.length > 10_000) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, out, depth + 1);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) strings(item, out, depth + 1);
  return out;
}

export function commandLineOptimizer(value: unknown): string | undefined {
  const all = strings(value, []);
  // Flags may be one string (`python train.py --optimizer=adam`) or list items (`--optimizer`, `adam`).
  for (const text of [...all, all.join(' ')]) {
    const match = text.match(FLAG);
    if (match) return match[1];
  }
  return undefined;
}
