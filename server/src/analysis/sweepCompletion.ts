/**
 * Completion in a sweep's search space: the Adam hyperparameters the study does not tune yet, each written in the
 * sweep format's own distribution syntax (one line, so no client has to re-indent a block), and each saying whether
 * the study's trial budget supports tuning it (the tuning playbook's tiers, as the study rules apply them).
 */
import { DEFAULT_BUDGET_THRESHOLD, neededWords, supportedRoles } from '../rules/adamBudget';
import { ADAM_DEFAULTS, ADAM_ROLES, roleOf, ROLE_WORDS, type AdamRole } from '../plan/searchSpaceRoles';
import type { SweepEntry, SweepPlan } from '../plan/sweepPlan';
import type { CompletionEntry } from './completion';
import type { YamlCursor } from './yamlCursor';

interface SweepFormat {
  /** The mapping (or list) that holds the search space: the cursor's parents end with these keys. */
  parents: readonly string[];
  /** Only directly under `parents` (W&B's `parameters` is top-level). */
  topLevel?: boolean;
  /** The line written for a role: `$1` the parameter's name, `$2` its range. */
  line(role: AdamRole, name: string, sweep: SweepPlan): string;
}

/** Ranges of the playbook's usual searches: the LR and epsilon on a log scale, the betas as a few choices. */
export const CHOICES: Record<AdamRole, readonly string[]> = {
  lr: ['1.0e-5', '1.0e-4', '1.0e-3'],
  beta1: ['0.8', '0.9', '0.95'],
  epsilon: ['1.0e-10', '1.0e-8', '1.0e-6'],
  beta2: ['0.98', '0.99', '0.999'],
};
export const LOG_RANGE: Partial<Record<AdamRole, readonly [string, string]>> = { lr: ['1.0e-5', '1.0e-2'], epsilon: ['1.0e-10', '1.0e-6'] };

/** The parameter names written, in each format's usual style (a tab stop: the user's script decides). */
export const NAMES: Record<AdamRole, string> = { lr: 'learning_rate', beta1: 'adam_beta1', epsilon: 'adam_epsilon', beta2: 'adam_beta2' };

/** Snippet text: `$`, `}` and `\` are escaped inside placeholders. */
export const placeholder = (index: number, text: string) => `\${${index}:${text.replace(/[$}\\]/g, (c) => `\\${c}`)}}`;

const FORMATS: Readonly<Record<string, SweepFormat>> = {
  // W&B sweep configuration: `parameters: {name: {values: [...]}}` or `{distribution: log_uniform_values, min, max}`.
  'wandb-sweep': {
    parents: ['parameters'],
    topLevel: true,
    line: (role, name) => {
      const range = LOG_RANGE[role];
      const values = range
        ? `distribution: log_uniform_values, min: ${range[0]}, max: ${range[1]}`
        : `values: [${CHOICES[role].join(', ')}]`;
      return `${placeholder(1, name)}: {${placeholder(2, values)}}`;
    },
  },
  // Hydra sweeper overrides: `choice(...)` for the basic sweeper; Optuna's `tag(log, interval(a, b))` for ranges.
  'hydra-sweep': {
    parents: ['sweeper', 'params'],
    line: (role, name, sweep) => {
      const range = LOG_RANGE[role];
      const values =
        range && sweep.method !== 'basic' ? `tag(log, interval(${range[0]}, ${range[1]}))` : `choice(${CHOICES[role].join(', ')})`;
      return `${placeholder(1, `optimizer.${name}`)}: ${placeholder(2, values)}`;
    },
  },
  // Katib Experiment: a list item with parameterType double and a feasible space (strings, as Katib wants them).
  katib: {
    parents: ['spec', 'parameters'],
    line: (role, name) => {
      const range = LOG_RANGE[role] ?? [CHOICES[role][0] ?? '0', CHOICES[role].at(-1) ?? '1'];
      return `- {name: ${placeholder(1, name)}, parameterType: double, feasibleSpace: {min: "${range[0]}", max: "${range[1]}"}}`;
    },
  },
};

/** The column an entry's line starts at: its key's, or its list item's `- ` (Katib: `- name: lr`). */
function entryColumn(text: string, keyStart: number): number {
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  return /^ */.exec(text.slice(lineStart, keyStart))?.[0].length ?? 0;
}

function endsWith(path: readonly string[], tail: readonly string[]): boolean {
  return tail.length <= path.length && tail.every((segment, i) => path[path.length - tail.length + i] === segment);
}

/** Adam hyperparameters to add at a key position of a sweep's search space; empty elsewhere or for other formats. */
export function sweepCompletions(
  sweep: SweepPlan,
  text: string,
  cursor: YamlCursor,
  dialectName: string,
  budgetThreshold: number | undefined,
): CompletionEntry[] {
  const format = FORMATS[sweep.dialect];
  if (!format || cursor.kind !== 'key') return [];
  if (!endsWith(cursor.parents, format.parents) || (format.topLevel && cursor.parents.length !== format.parents.length)) return [];
  // At the column the search space's entries start at (a list item's `- `, for Katib), not inside one of them.
  const first = sweep.entries[0];
  if (first && cursor.indent !== entryColumn(text, first.keySpan.start)) return [];
  return untunedRoles(sweep, cursor.prefix).map((role) => ({
    ...budgetNote(role, sweep, dialectName, budgetThreshold),
    label: NAMES[role],
    kind: 'key' as const,
    insertText: format.line(role, NAMES[role], sweep),
    snippet: true,
    replace: cursor.replace,
  }));
}

/** Adam's hyperparameters that the study does not tune yet (besides `except`, an entry being rewritten), by name prefix. */
export function untunedRoles(sweep: SweepPlan, prefix: string, except?: SweepEntry): AdamRole[] {
  const tuned = new Set(
    sweep.entries
      .filter((entry) => entry !== except)
      .flatMap((entry) => {
        const role = roleOf(entry.name);
        return role === 'betas' ? ['beta1', 'beta2'] : role ? [role] : [];
      }),
  );
  return ADAM_ROLES.filter((role) => !tuned.has(role) && NAMES[role].startsWith(prefix));
}

/** What an item that adds a role to the study says: whether the study's trial budget supports tuning it. */
export function budgetNote(
  role: AdamRole,
  sweep: SweepPlan,
  dialectName: string,
  budgetThreshold: number | undefined,
): Pick<CompletionEntry, 'detail' | 'documentation' | 'sortText'> {
  const trials = sweep.budget.trials;
  const supported = trials === null ? null : supportedRoles(trials, budgetThreshold);
  const affordable = supported === null || supported.includes(role);
  const fixed = role === 'lr' ? '' : ` Keep it at Adam's default (${ADAM_DEFAULTS[role]}) instead.`;
  const budget =
    trials === null
      ? 'The study sets no trial budget, so LR Lens cannot say whether it supports tuning this.'
      : affordable
        ? `${trials} trials support tuning ${ROLE_WORDS[role]}.`
        : `${trials} trials do not support tuning ${ROLE_WORDS[role]}: that takes ${neededWords(role, budgetThreshold ?? DEFAULT_BUDGET_THRESHOLD)}.${fixed}`;
  return {
    detail: `Adam ${ROLE_WORDS[role]} · ${affordable ? 'the budget supports it' : `not with ${trials} trials`} · ${dialectName}`,
    documentation: `Tune ${ROLE_WORDS[role]} in this study. ${budget}`,
    // Most important first (the playbook's order: learning rate, beta_1, epsilon, beta_2); what the budget affords before what it does not.
    sortText: `${affordable ? 0 : 1}${ADAM_ROLES.indexOf(role)}`,
  };
}
