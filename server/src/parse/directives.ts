import type { Span } from './textSpan';
import { shortPrefix } from '../dialects/shownValue';

/**
 * In-file settings written as comments: `# lr-lens: dialect=huggingface`,
 * `# lr-lens: steps-per-epoch=500`, `# lr-lens: disable=constant-lr,warmup-too-long`.
 * Several may share one comment, separated by spaces or semicolons.
 * `# lr-lens-disable-next-line <rule>[,<rule>]` silences rules on the line after the comment only
 * (all rules when none is named).
 */
export interface Directives {
  dialect?: string;
  stepsPerEpoch?: number;
  disabledRules: ReadonlySet<string>;
  /** 0-based line → rules silenced on it (an empty set silences every rule). */
  disabledLines: ReadonlyMap<number, ReadonlySet<string>>;
  /** Every rule id a directive names, with where, so unknown ids can be reported. */
  namedRules: readonly { rule: string; span: Span }[];
  /** Directives that could not be read, to report where they are written. */
  problems: readonly { message: string; span: Span }[];
}

const KNOWN_DIRECTIVES = 'dialect=, steps-per-epoch=, disable=';
const DIRECTIVE_LINE = /^[ \t]*(?:#|\/\/)[ \t]*lr-lens:(.*)$/gm;
const DISABLE_NEXT_LINE = /^[ \t]*(?:#|\/\/)[ \t]*lr-lens-disable-next-line\b(.*)$/gm;

/**
 * 0-based line numbers of increasing offsets, counted on from the previous one: one pass over the text for all the
 * directives of a file (counting from the start for each made 1 MB of directive lines take seconds).
 */
function lineCounter(text: string): (offset: number) => number {
  let line = 0;
  let next = text.indexOf('\n');
  return (offset) => {
    while (next !== -1 && next < offset) {
      line++;
      next = text.indexOf('\n', next + 1);
    }
    return line;
  };
}

export function parseDirectives(text: string): Directives {
  const disabled = new Set<string>();
  const disabledLines = new Map<number, Set<string>>();
  const namedRules: { rule: string; span: Span }[] = [];
  const lineOf = lineCounter(text);
  for (const match of text.matchAll(DISABLE_NEXT_LINE)) {
    const body = match[1] ?? '';
    const bodyStart = (match.index ?? 0) + match[0].length - body.length;
    const rules = new Set<string>();
    for (const item of body.matchAll(/[^\s,]+/g)) {
      rules.add(item[0]);
      namedRules.push({
        rule: item[0],
        span: { start: bodyStart + (item.index ?? 0), end: bodyStart + (item.index ?? 0) + item[0].length },
      });
    }
    disabledLines.set(lineOf(match.index ?? 0) + 1, rules);
  }
  const problems: { message: string; span: Span }[] = [];
  let dialect: string | undefined;
  let stepsPerEpoch: number | undefined;
  for (const match of text.matchAll(DIRECTIVE_LINE)) {
    const body = match[1] ?? '';
    const bodyStart = (match.index ?? 0) + match[0].length - body.length;
    for (const item of body.matchAll(/[^\s;]+/g)) {
      const word = item[0];
      const span = { start: bodyStart + (item.index ?? 0), end: bodyStart + (item.index ?? 0) + word.length };
      const [name, value = ''] = word.split('=', 2) as [string, string?];
      switch (name) {
        case 'dialect':
          if (value) dialect = value;
          else problems.push({ message: 'lr-lens directive `dialect` needs a value, e.g. `dialect=huggingface`.', span });
          break;
        case 'steps-per-epoch': {
          const n = Number(value);
          if (Number.isInteger(n) && n > 0) stepsPerEpoch = n;
          else {
            const message = `lr-lens directive \`steps-per-epoch\` needs a positive whole number, not \`${shortPrefix(value)}\`.`;
            problems.push({ message, span });
          }
          break;
        }
        case 'disable': {
          let at = span.start + 'disable='.length;
          for (const rule of value.split(',')) {
            if (rule) {
              disabled.add(rule.trim());
              namedRules.push({ rule: rule.trim(), span: { start: at, end: at + rule.length } });
            }
            at += rule.length + 1;
          }
          break;
        }
        default:
          problems.push({ message: `Unknown lr-lens directive \`${shortPrefix(name)}\` (known: ${KNOWN_DIRECTIVES}).`, span });
      }
    }
  }
  return { dialect, stepsPerEpoch, disabledRules: disabled, disabledLines, namedRules, problems };
}
