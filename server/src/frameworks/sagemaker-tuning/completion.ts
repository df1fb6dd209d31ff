/**
 * Completion in a SageMaker hyperparameter tuning job (JSON), in SageMaker's own syntax (SageMaker API Reference:
 * CreateHyperParameterTuningJob, HyperParameterTuningJobConfig, ParameterRanges, ContinuousParameterRange,
 * CategoricalParameterRange):
 * - in the `ContinuousParameterRanges` / `CategoricalParameterRanges` list, the Adam hyperparameters the job does not
 *   tune yet, as a range object with string values, each saying whether `ResourceLimits.MaxNumberOfTrainingJobs`
 *   supports tuning it;
 * - at a range's `Name`, those names; at its `ScalingType`, the scales SageMaker accepts (`ReverseLogarithmic` only for
 *   continuous ranges); at `Strategy`, the search strategies.
 */
import { isMap } from 'yaml';
import type { CompletionEntry } from '../../analysis/completion';
import { jsonCursorAt, nextMark, previousMark, type JsonCursor } from '../../analysis/jsonCursor';
import { budgetNote, CHOICES, LOG_RANGE, NAMES, placeholder, untunedRoles } from '../../analysis/sweepCompletion';
import { blankJsonComments } from '../../parse/jsonComments';
import type { Span } from '../../parse/textSpan';
import type { AdamRole } from '../../plan/searchSpaceRoles';
import type { SweepPlan } from '../../plan/sweepPlan';
import type { Document } from 'yaml';

const RANGE_LISTS = ['ContinuousParameterRanges', 'CategoricalParameterRanges', 'IntegerParameterRanges'] as const;
type RangeList = (typeof RANGE_LISTS)[number];

const SCALING_TYPES: readonly (readonly [string, string, boolean])[] = [
  ['Auto', 'SageMaker chooses the scale for the hyperparameter.', true],
  ['Linear', 'Searches the range on a linear scale.', true],
  ['Logarithmic', 'Searches on a log scale (the range must be above 0): the usual scale for learning rates and epsilon.', true],
  ['ReverseLogarithmic', 'Searches on a reverse log scale (the range within [0, 1)): for values close to 1, like beta_2.', false],
];

const STRATEGIES: readonly (readonly [string, string])[] = [
  ['Bayesian', "Bayesian optimization (SageMaker's default)."],
  ['Random', 'Random search: each job samples the ranges independently.'],
  ['Hyperband', 'Hyperband: stops jobs that lag behind early, by the objective metric after each epoch.'],
  ['Grid', 'Grid search over categorical ranges only: the budget is the number of combinations.'],
];

/** The path of the tuning-job config: the request's `HyperParameterTuningJobConfig`, or the root itself. */
function configDepth(path: readonly (string | number)[]): number | null {
  if (path[0] === 'HyperParameterTuningJobConfig') return 1;
  return path[0] === 'ParameterRanges' || path.length === 0 ? 0 : null;
}

/** The range list the cursor's path names, after the config's own path: `ParameterRanges.<list>`. */
function rangeListAt(path: readonly (string | number)[], from: number): RangeList | undefined {
  const list = path[from + 1];
  return path[from] === 'ParameterRanges' && RANGE_LISTS.includes(list as RangeList) ? (list as RangeList) : undefined;
}

/** `{"Name": "adam_beta2", "MinValue": "0.98", ...}` for a role, with tab stops. */
function rangeObject(role: AdamRole, list: RangeList): string {
  const name = `"Name": "${placeholder(1, NAMES[role])}"`;
  if (list === 'CategoricalParameterRanges') {
    return `{${name}, "Values": [${placeholder(2, CHOICES[role].map((c) => `"${c}"`).join(', '))}]}`;
  }
  const log = LOG_RANGE[role];
  const [min, max] = log ?? [CHOICES[role][0] ?? '0', CHOICES[role].at(-1) ?? '1'];
  const scale = log ? 'Logarithmic' : 'Linear';
  return `{${name}, "MinValue": "${placeholder(2, min)}", "MaxValue": "${placeholder(3, max)}", "ScalingType": "${placeholder(4, scale)}"}`;
}

/** The new range objects for an array position of a range list: commas added where JSON needs them. */
function rangeItems(
  sweep: SweepPlan,
  text: string,
  cursor: JsonCursor,
  list: RangeList,
  dialectName: string,
  threshold: number | undefined,
): CompletionEntry[] {
  // Integer ranges take integers: no Adam hyperparameter belongs there. Grid search takes categorical ranges only.
  if (cursor.inString || list === 'IntegerParameterRanges' || (sweep.isGrid && list !== 'CategoricalParameterRanges')) return [];
  const blanked = blankJsonComments(text);
  const before = previousMark(blanked, cursor.replace.start);
  const after = nextMark(blanked, cursor.replace.end);
  // A comma after the previous item: at the item's end when it is on another line (the edit keeps the cursor's line).
  const needsComma = before !== '[' && before !== ',';
  const markAt = blanked.lastIndexOf(before, cursor.replace.start - 1);
  const commaEdit: { span: Span; newText: string } | undefined =
    needsComma && markAt + 1 < cursor.replace.start ? { span: { start: markAt + 1, end: markAt + 1 }, newText: ',' } : undefined;
  const lead = needsComma && !commaEdit ? ', ' : '';
  const trail = after === ']' || after === ',' || after === '' ? '' : ',';
  return untunedRoles(sweep, cursor.prefix).map((role) => {
    const note = budgetNote(role, sweep, dialectName, threshold);
    const object = rangeObject(role, list).replace(/\$\{\d+:([^}]*)\}/g, '$1');
    return {
      ...note,
      ...(commaEdit ? { additionalEdits: [commaEdit] } : {}),
      label: NAMES[role],
      kind: 'key' as const,
      insertText: `${lead}${rangeObject(role, list)}${trail}`,
      snippet: true,
      replace: cursor.replace,
      documentation: `${note.documentation}\n\n\`\`\`json\n${object}\n\`\`\``,
    };
  });
}

/** A string value written at the cursor: quoted unless the cursor is inside the quotes; a space after a bare colon. */
function stringValue(text: string, cursor: JsonCursor, value: string): string {
  if (cursor.inString) return value;
  return `${text[cursor.replace.start - 1] === ':' ? ' ' : ''}"${value}"`;
}

function valueItems(text: string, cursor: JsonCursor, values: readonly (readonly [string, string])[], detail: string): CompletionEntry[] {
  return values
    .filter(([value]) => value.toLowerCase().startsWith(cursor.prefix.toLowerCase()))
    .map(([value, meaning], i) => ({
      label: value,
      kind: 'value' as const,
      insertText: stringValue(text, cursor, value),
      snippet: false,
      replace: cursor.replace,
      detail,
      documentation: meaning,
      sortText: `${i}`,
    }));
}

/** Completion items at an offset of a SageMaker tuning job; empty elsewhere. */
export function sagemakerCompletions(
  sweep: SweepPlan,
  document: Document,
  text: string,
  offset: number,
  dialectName: string,
  threshold: number | undefined,
): CompletionEntry[] {
  const cursor = jsonCursorAt(document, text, offset);
  if (!cursor) return [];
  const depth = configDepth(cursor.path);
  if (depth === null) return [];
  const list = rangeListAt(cursor.path, depth);
  if (cursor.kind === 'item' && list && cursor.path.length === depth + 2)
    return rangeItems(sweep, text, cursor, list, dialectName, threshold);
  if (cursor.kind !== 'value') return [];
  if (list && cursor.path.length === depth + 3 && isMap(cursor.container)) {
    if (cursor.key === 'ScalingType' && list !== 'CategoricalParameterRanges') {
      const scales = SCALING_TYPES.filter(([, , integer]) => integer || list === 'ContinuousParameterRanges');
      return valueItems(
        text,
        cursor,
        scales.map(([value, meaning]) => [value, meaning] as const),
        `scaling type · ${dialectName}`,
      );
    }
    if (cursor.key === 'Name' && list !== 'IntegerParameterRanges') {
      const range = cursor.container.range;
      const entry = range ? sweep.entries.find((e) => e.span.start === range[0]) : undefined;
      return untunedRoles(sweep, cursor.prefix, entry).map((role) => ({
        ...budgetNote(role, sweep, dialectName, threshold),
        label: NAMES[role],
        kind: 'value' as const,
        insertText: stringValue(text, cursor, NAMES[role]),
        snippet: false,
        replace: cursor.replace,
      }));
    }
    return [];
  }
  if (cursor.key === 'Strategy' && cursor.path.length === depth)
    return valueItems(text, cursor, STRATEGIES, `search strategy · ${dialectName}`);
  return [];
}
