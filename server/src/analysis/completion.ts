/**
 * Completion in a recognized training config, in the framework's own vocabulary: scheduler and optimizer names at
 * the keys that take them, and the schedule's and optimizer's keys with their defaults. Each scheduler item
 * carries the curve that name gives under this file's plan (a sparkline) and one line of guidance. Nothing is
 * offered outside a recognized training config, nor at keys the framework does not define: items are few and
 * specific, so they do not crowd out a YAML schema's.
 */
import type { TrainingPlan } from '../plan/trainingPlan';
import { formatLr } from './describePlan';
import type { FamilyKind } from '../plan/scheduleFamily';
import type { Span } from '../parse/textSpan';
import type { ConfigAnalysis, DocumentAnalysis, LensSettings } from './analyzeConfig';
import { sweepCompletions } from './sweepCompletion';
import { sagemakerCompletions } from '../frameworks/sagemaker-tuning/completion';
import { hparamsCompletions } from '../frameworks/composer/hparamsCompletion';
import { hparamsView } from '../frameworks/composer/hparamsFormat';
import { curveWith, GUIDANCE, SORT_RANK } from './scheduleItem';
import { tomlCursorAt } from './tomlCursor';
import { yamlCursorAt, type YamlCursor } from './yamlCursor';

/** What completion needs to know of a framework: where names go, which names, and which keys. */
export interface CompletionVocabulary {
  /** Dotted key paths whose value is a scheduler name (matched against the end of the cursor's path). */
  schedulerKeys: readonly string[];
  schedulers: readonly string[];
  optimizerKeys: readonly string[];
  optimizers: readonly string[];
  keys: readonly { key: string; default?: unknown; meaning: string; snippet?: string }[];
  /** A line a scheduler name needs beside its key (`lr_scheduler_kwargs: {min_lr_rate: 0.1}`), added when missing. */
  schedulerNeeds?: Readonly<Record<string, string>>;
}

export interface CompletionHost {
  /** The vocabulary of a dialect, or null when it has none. */
  vocabularyOf(dialect: string): CompletionVocabulary | null;
  /** The family of a scheduler name in a plan's vocabulary (for ordering and guidance). */
  familyOf(plan: TrainingPlan, name: string): FamilyKind;
  /**
   * The plan of the file with another text (the same file name and settings), for a document that has no plan while
   * its scheduler value is being typed (`lr_scheduler_type:` with nothing after it yet is not a plan).
   */
  planOf?(text: string, documentIndex: number): TrainingPlan | undefined;
}

export interface CompletionEntry {
  label: string;
  /** `value`: another value a key takes (a sweep format's scaling types, strategies, parameter names). */
  kind: 'scheduler' | 'optimizer' | 'key' | 'value';
  /** Text that replaces `replace`; `$1`-style tab stops when `snippet`. */
  insertText: string;
  snippet: boolean;
  replace: Span;
  /** One line shown beside the label. */
  detail: string;
  /** Markdown shown in the documentation pane. */
  documentation: string;
  /** Orders items: decaying schedules first. */
  sortText: string;
  /** A name written at a key position (Composer's hparams format): like a key, not listed on a typed space or colon. */
  atKey?: boolean;
  /** Edits elsewhere that the item makes too (a key the name needs, on the next line). */
  additionalEdits?: { span: Span; newText: string }[];
}

/** Does the cursor's path (parents, then key) end with the dotted path? */
function endsWith(path: readonly string[], dotted: string): boolean {
  const tail = dotted.split('.');
  if (tail.length > path.length) return false;
  return tail.every((segment, i) => segment === '*' || path[path.length - tail.length + i] === segment);
}

/** The document (of a multi-document file) the offset is in. */
function documentAt(analysis: ConfigAnalysis, offset: number): DocumentAnalysis | undefined {
  return analysis.documents.find((d) => {
    const range = d.input.document.range as [number, number, number] | undefined;
    return range && offset >= range[0] && offset <= range[2];
  });
}

/**
 * Keys that take a dotted import path (Lightning's `class_path`, torchtune's and Hydra's `_component_`/`_target_`): a torch
 * class name is written with its module, as the framework imports it.
 */
const DOTTED_PATH_KEYS = new Set(['class_path', '_component_', '_target_']);

/** Module paths of the names a dotted-path key takes (torch.optim and torchtune; other names are written as listed). */
const MODULE_OF: Readonly<Record<'scheduler' | 'optimizer', string>> = { scheduler: 'torch.optim.lr_scheduler', optimizer: 'torch.optim' };
/** torchtune's own scheduler functions, by the module that defines them (torchtune/training/lr_schedulers.py). */
const TORCHTUNE_FUNCTIONS = new Set(['get_cosine_schedule_with_warmup']);

function writtenName(name: string, kind: 'scheduler' | 'optimizer', key: string | undefined): string {
  if (!key || !DOTTED_PATH_KEYS.has(key) || name.includes('.')) return name;
  if (TORCHTUNE_FUNCTIONS.has(name)) return `torchtune.training.lr_schedulers.${name}`;
  return /^[A-Z]/.test(name) ? `${MODULE_OF[kind]}.${name}` : name;
}

/** Text inserted at a value: a space first when the cursor sits right after the key's colon (`key:|`). */
function valueText(text: string, cursor: YamlCursor, value: string): string {
  // A quoted value replaced whole (the cursor before its opening quote) keeps its quotes: JSON needs them.
  const quoted = cursor.quote ? `${cursor.quote}${value}${cursor.quote}` : value;
  const before = text[cursor.replace.start - 1];
  return before === ':' || before === '=' ? ` ${quoted}` : quoted;
}

/** The plan the file would have with the first offered scheduler name written at the cursor (mid-edit files). */
function planWithFirstName(
  text: string,
  cursor: YamlCursor,
  names: readonly string[],
  document: DocumentAnalysis,
  host: CompletionHost,
): TrainingPlan | undefined {
  const first = names[0];
  if (first === undefined || !host.planOf) return undefined;
  const written = valueText(text, cursor, writtenName(first, 'scheduler', cursor.key));
  return host.planOf(`${text.slice(0, cursor.replace.start)}${written}${text.slice(cursor.replace.end)}`, document.documentIndex);
}

/** The line a name needs, inserted after the cursor's line at the same indentation, unless its key is written there already. */
function neededLine(
  text: string,
  cursor: YamlCursor,
  line: string | undefined,
): { line: string; edit: { span: Span; newText: string } } | undefined {
  const key = line?.split(':')[0];
  if (!line || !key || cursor.siblings.has(key)) return undefined;
  const lineEnd = text.indexOf('\n', cursor.replace.end);
  const eol = lineEnd > 0 && text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  const newText = `${' '.repeat(cursor.indent)}${line}${eol}`;
  // At the end of a file without a final line break, the line break goes first.
  const edit =
    lineEnd < 0
      ? { span: { start: text.length, end: text.length }, newText: `${eol}${newText.slice(0, -eol.length)}` }
      : { span: { start: lineEnd + 1, end: lineEnd + 1 }, newText };
  return { line, edit };
}

function nameEntries(
  text: string,
  cursor: YamlCursor,
  names: readonly string[],
  kind: 'scheduler' | 'optimizer',
  document: DocumentAnalysis,
  host: CompletionHost,
  options: CompletionOptions,
  needsOf?: Readonly<Record<string, string>>,
): CompletionEntry[] {
  const plan = document.plan ?? (kind === 'scheduler' ? planWithFirstName(text, cursor, names, document, host) : undefined);
  const prefix = cursor.prefix.toLowerCase();
  return names
    .map((name) => writtenName(name, kind, cursor.key))
    .filter((name) => prefix === '' || name.toLowerCase().includes(prefix))
    .filter((name) => options.only === undefined || name === options.only)
    .map((name) => {
      const family = kind === 'scheduler' && plan ? host.familyOf(plan, name) : 'unknown';
      // The sparkline is a curve per item: drawn only when asked (completionItem/resolve asks for one item).
      const curve = kind === 'scheduler' && plan && options.documentation !== false ? curveWith(plan, name, family) : null;
      const documentation =
        kind === 'scheduler'
          ? `${curve ? `${curve}\n\n` : ''}${GUIDANCE[family]}${plan ? `\n\nPeak ${formatLr(plan.baseLr)} over ${plan.length.steps} ${plan.length.unit}s${plan.length.assumed ? ' (assumed)' : ''}.` : ''}`
          : `An optimizer ${document.dialect.name} accepts.`;
      const needs = kind === 'scheduler' ? neededLine(text, cursor, needsOf?.[name]) : undefined;
      return {
        ...(needs ? { additionalEdits: [needs.edit] } : {}),
        label: name,
        kind,
        insertText: valueText(text, cursor, name),
        snippet: false,
        replace: cursor.replace,
        detail:
          kind === 'scheduler'
            ? `${family === 'unknown' ? 'schedule' : `${family} schedule`} · ${document.dialect.name}`
            : `optimizer · ${document.dialect.name}`,
        documentation: needs
          ? `${documentation}\n\nAlso adds \`${needs.line}\` (${document.dialect.name} cannot run it without).`
          : documentation,
        sortText: `${kind === 'scheduler' ? SORT_RANK[family] : 0}${name}`,
      };
    });
}

function keyEntries(cursor: YamlCursor, vocabulary: CompletionVocabulary, document: DocumentAnalysis, toml: boolean): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  for (const item of vocabulary.keys) {
    const segments = item.key.split('.');
    const name = segments.at(-1) ?? item.key;
    // The key belongs here when its parent path ends the cursor's parents (top-level keys only at the top).
    const parent = segments.slice(0, -1).join('.');
    if (parent ? !endsWith(cursor.parents, parent) : cursor.parents.length > 0) continue;
    if (cursor.siblings.has(name) || !name.startsWith(cursor.prefix)) continue;
    const shown = item.default === undefined ? '' : ` (default ${JSON.stringify(item.default)})`;
    entries.push({
      label: name,
      kind: 'key',
      // Snippets are YAML; in TOML a key is `name = `.
      insertText: toml ? `${name} = ` : (item.snippet ?? `${name}: `),
      snippet: !toml && item.snippet !== undefined,
      replace: cursor.replace,
      detail: `${document.dialect.name}${shown}`,
      documentation: item.meaning,
      sortText: `5${name}`,
    });
  }
  return entries;
}

export interface CompletionOptions {
  /** Draw each scheduler's sparkline into its documentation (default true; false leaves it for a resolve request). */
  documentation?: boolean;
  /** Only the item with this label (to resolve one item's documentation). */
  only?: string;
}

/** Completion items at an offset of a recognized training config; empty elsewhere. */
export function completionsAt(
  analysis: ConfigAnalysis,
  text: string,
  offset: number,
  host: CompletionHost,
  options: CompletionOptions = {},
): CompletionEntry[] {
  // TOML (torchtitan) has its own cursor reader and writes `key = "name"`; a TOML file is one document.
  const toml = analysis.parsed.language === 'toml';
  const document = toml ? analysis.documents[0] : documentAt(analysis, offset);
  if (!document) return [];
  const vocabulary = host.vocabularyOf(document.dialect.id);
  if (!vocabulary && document.sweep && !toml) {
    const threshold = (document.input.settings as LensSettings).budgetThreshold;
    // SageMaker tuning jobs are JSON: their cursor is read from the parsed document, their items written as JSON.
    if (document.sweep.dialect === 'sagemaker-tuning') {
      return sagemakerCompletions(document.sweep, document.input.document, text, offset, document.dialect.name, threshold);
    }
    const cursor = yamlCursorAt(text, offset);
    return cursor ? sweepCompletions(document.sweep, text, cursor, document.dialect.name, threshold) : [];
  }
  // Composer's older hparams format writes names as keys (`schedulers: [{cosine_decay: {…}}]`): its own completer.
  const hparams = document.dialect.id === 'composer' && !toml ? hparamsView(document.input) : undefined;
  if (hparams) {
    const at = yamlCursorAt(text, offset);
    return at ? hparamsCompletions(hparams, text, at, document.plan, host, options) : [];
  }
  const cursor = vocabulary && (toml ? tomlCursorAt(text, offset) : yamlCursorAt(text, offset));
  if (!vocabulary || !cursor) return [];
  if (cursor.kind === 'value') {
    const path = [...cursor.parents, cursor.key ?? ''];
    const needs = toml ? undefined : vocabulary.schedulerNeeds;
    if (vocabulary.schedulerKeys.some((key) => endsWith(path, key)))
      return nameEntries(text, cursor, vocabulary.schedulers, 'scheduler', document, host, options, needs);
    if (vocabulary.optimizerKeys.some((key) => endsWith(path, key)))
      return nameEntries(text, cursor, vocabulary.optimizers, 'optimizer', document, host, options);
    return [];
  }
  // Keys are inserted as YAML (`key: `) or TOML: none are offered in a JSON file.
  if (!toml && /^\s*\{/.test(text)) return [];
  return keyEntries(cursor, vocabulary, document, toml);
}
