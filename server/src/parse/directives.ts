import type { Span } from './textSpan';

/**
 * In-file settings written as comments: `# lr-lens: dialect=huggingface`,
 * `# lr-lens: steps-per-epoch=500`, `# lr-lens: disable=constant-lr,warmup-too-long`.
 * Several may share one comment, separated by spaces or semicolons.
 */
export interface Directives {
  dialect?: string;
  stepsPerEpoch?: number;
  disabledRules: ReadonlySet<string>;
  /** Directives that could not be read, to report where they are written. */
  problems: readonly { message: string; span: Span }[];
}

const DIRECTIVE_LINE = /^[ \t]*(?:#|\/\/)[ \t]*lr-lens:(.*)$/gm;

export function parseDirectives(text: string): Directives {
  const disabled = new Set<string>();
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
          else problems.push({ message: `lr-lens directive \`steps-per-epoch\` needs a positive whole number, not \`${value}\`.`, span });
          break;
        }
        case 'disable':
          for (const rule of value.split(',')) if (rule) disabled.add(rule.trim());
          break;
        default:
          problems.push({ message: `Unknown lr-lens directive \`${name}\` (known: dialect=, steps-per-epoch=, disable=).`, span });
      }
    }
  }
  return { dialect, stepsPerEpoch, disabledRules: disabled, problems };
}
