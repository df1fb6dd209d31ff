import * as z from '../plan/zod';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { LensSettings } from '../analysis/analyzeConfig';
import type { Finding } from '../analysis/finding';
import { RULES } from '../rules/ruleCatalog';
import { reportInvalidValue } from '../rules/invalidValue';

/**
 * `.lr-lens.yaml` at a project's root: the team's settings, read by the language server and the CLI alike.
 *
 *   rules: { constant-lr: error, schedule-family: off }
 *   dialects: { "configs/train/**": torchtune }
 *   stepsPerEpoch: 500
 *   maxFileSizeMB: 5
 *   budgetThreshold: 50     # "substantially more than 25" trials (sweeps)
 */
export const PROJECT_CONFIG_NAMES = ['.lr-lens.yaml', '.lr-lens.yml'] as const;

export function isProjectConfigFile(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return (PROJECT_CONFIG_NAMES as readonly string[]).includes(base);
}

const SeveritySchema = z.enum(['error', 'warning', 'information', 'hint', 'off'], {
  error: 'must be one of error, warning, information, hint, off',
});

const ProjectConfigSchema = z.strictObject({
  rules: z.optional(z.record(z.string(), SeveritySchema, { error: 'must map rule ids to severities' })),
  dialects: z.optional(z.record(z.string(), z.string({ error: 'must be a dialect id' }), { error: 'must map globs to dialect ids' })),
  stepsPerEpoch: z.optional(
    z
      .number({ error: 'must be a whole number of steps' })
      .check(z.int({ error: 'must be a whole number of steps' }), z.positive({ error: 'must be greater than 0' })),
  ),
  maxFileSizeMB: z.optional(z.number({ error: 'must be a number of megabytes' }).check(z.positive({ error: 'must be greater than 0' }))),
  budgetThreshold: z.optional(
    z
      .number({ error: 'must be a whole number of trials' })
      .check(z.int({ error: 'must be a whole number of trials' }), z.positive({ error: 'must be greater than 0' })),
  ),
});

export interface ProjectConfig {
  settings: LensSettings;
  /** Problems in the config file itself, at the key or value concerned. */
  findings: Finding[];
}

/** Where the value at `path` is written (or its key, with `onKey`); the nearest existing ancestor otherwise. */
function spanAt(document: ReturnType<typeof parseDocument>, path: readonly PropertyKey[], onKey = false): { start: number; end: number } {
  let node: unknown = document.contents;
  let span = { start: 0, end: 0 };
  for (const [i, key] of path.entries()) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
    if (!pair) break;
    const target = ((onKey && i === path.length - 1) || !pair.value ? pair.key : pair.value) as Node;
    const range = target.range ?? (pair.key as Node).range;
    if (range) span = { start: range[0], end: range[1] };
    node = pair.value;
  }
  return span;
}

/** Reads and validates a project config; invalid entries are reported and ignored, valid ones apply. */
export function readProjectConfig(text: string, knownDialects: readonly string[]): ProjectConfig {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const findings: Finding[] = [];
  const problem = (message: string, span: { start: number; end: number }) =>
    findings.push(reportInvalidValue(`.lr-lens.yaml: ${message}`, span));
  for (const error of document.errors) {
    const [firstLine = ''] = error.message.split('\n');
    problem(firstLine, { start: error.pos[0], end: error.pos[1] });
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    problem('could not be read (too many aliases?)', { start: 0, end: 0 });
    return { settings: {}, findings };
  }
  const result = ProjectConfigSchema.safeParse(raw);
  let data: z.infer<typeof ProjectConfigSchema> = {};
  if (result.success) {
    data = result.data;
  } else {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problem(
            `unknown setting \`${key}\` (known: rules, dialects, stepsPerEpoch, maxFileSizeMB, budgetThreshold)`,
            spanAt(document, [...issue.path, key], true),
          );
        }
      } else {
        problem(`\`${issue.path.join('.') || 'the file'}\` ${issue.message}`, spanAt(document, issue.path));
      }
    }
    // Keep what is valid: each top-level setting on its own.
    const shape = ProjectConfigSchema.shape;
    const object = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
      const parsed = shape[key].safeParse(object[key]);
      if (parsed.success && parsed.data !== undefined) (data as Record<string, unknown>)[key] = parsed.data;
    }
  }
  for (const rule of Object.keys(data.rules ?? {})) {
    if (!(rule in RULES)) problem(`unknown rule \`${rule}\` (known: ${Object.keys(RULES).join(', ')})`, spanAt(document, ['rules', rule]));
  }
  for (const [glob, id] of Object.entries(data.dialects ?? {})) {
    if (!knownDialects.includes(id))
      problem(`unknown dialect \`${id}\` (known: ${knownDialects.join(', ')})`, spanAt(document, ['dialects', glob]));
  }
  const settings: LensSettings = {};
  if (data.rules) settings.severities = data.rules;
  if (data.dialects) settings.dialectGlobs = data.dialects;
  if (data.stepsPerEpoch) settings.stepsPerEpoch = data.stepsPerEpoch;
  if (data.maxFileSizeMB) settings.maxFileSize = Math.round(data.maxFileSizeMB * 1024 * 1024);
  if (data.budgetThreshold) settings.budgetThreshold = data.budgetThreshold;
  return { settings, findings };
}

/** Editor or command-line settings over the project's: what the user set explicitly wins, rule by rule. */
export function mergeSettings(project: LensSettings, user: LensSettings): LensSettings {
  return {
    ...project,
    ...Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)),
    severities: { ...project.severities, ...user.severities },
    dialectGlobs: { ...project.dialectGlobs, ...user.dialectGlobs },
  };
}
