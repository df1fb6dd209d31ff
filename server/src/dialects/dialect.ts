import type { Document } from 'yaml';
import type { Finding, TextEdit } from '../analysis/finding';
import type { ParsedConfig } from '../parse/parseConfig';
import type { TrainingPlan } from '../plan/trainingPlan';
import type { SweepPlan } from '../plan/sweepPlan';

export interface AnalysisSettings {
  /** Optimizer steps per epoch when a config gives its length in epochs only. */
  stepsPerEpoch?: number;
  /**
   * Glob → dialect id (`{"configs/train/**": "torchtune"}`), matched against the file's path. Applied after
   * the `# lr-lens: dialect=` comment and before content recognition.
   */
  dialectGlobs?: Record<string, string>;
  /**
   * Reads another file of the workspace by path (same separators as `fileName`), or undefined when it does not
   * exist. Given, Hydra `defaults:` lists are followed into sibling config-group files (`optimizer/adamw.yaml`);
   * absent, they are not, and values they would supply stay unknown. Injected so the core never touches a disk.
   */
  readFile?: (path: string) => string | undefined;
}

/** What a dialect sees of one YAML document. */
export interface DialectInput {
  parsed: ParsedConfig;
  document: Document.Parsed;
  documentIndex: number;
  fileName: string;
  settings: AnalysisSettings;
}

export interface Recognition {
  /** 0..1: how sure the dialect is that the document is one of its files. */
  confidence: number;
  /** Why, in words (shown in the curve view and `--format json`). */
  reason: string;
}

export interface Extraction {
  /** Absent when the document is so broken that no plan can be built. */
  plan?: TrainingPlan;
  /** Findings raised while reading the values (`invalid-value`). */
  findings: Finding[];
  /** The hyperparameter study the document declares (sweep files, and sweeps embedded in a config). */
  sweep?: SweepPlan;
}

export type DecayFamily = 'cosine' | 'linear';

export type ConfigLanguage = 'yaml' | 'toml';

export interface Dialect {
  id: string;
  name: string;
  recognize(input: DialectInput): Recognition | null;
  /**
   * File paths typical of this dialect (`ds_config*.json`, `hyp.*.yaml`): a second, weaker signal that
   * raises a content recognition's confidence, never recognizes a file on its own.
   */
  fileNameHints?: readonly RegExp[];
  /**
   * The languages whose documents this dialect reads (`ParsedConfig.language`, `yaml` for YAML and JSON); default
   * `['yaml']`. A TOML document is offered only to dialects that list `toml`, whose edits are TOML.
   */
  languages?: readonly ConfigLanguage[];
  extract(input: DialectInput): Extraction;
  /** Edits that give the run a linear or cosine decay in this framework's own vocabulary. */
  decayEdits(input: DialectInput, plan: TrainingPlan, family: DecayFamily): TextEdit[];
  /**
   * True when `decayEdits` may write the run's length into the file (a `T_max`, `total_num_steps`, ...): with an
   * assumed length, the fix's title then says what it assumed.
   */
  writesDecayHorizon?: boolean;
  /** A sentence the `constant-lr` finding adds for this dialect (where the finding comes from, what it cannot see). */
  constantLrNote?: string;
}
