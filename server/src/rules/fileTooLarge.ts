import type { Finding } from '../analysis/finding';
import { report, type RuleModule } from './rule';

/** `file-too-large`: not a tuning rule; the file is above the size limit and was not analyzed. */
export const fileTooLarge: RuleModule<'file-too-large'> = {
  meta: {
    id: 'file-too-large',
    defaultSeverity: 'information',
    why: 'very large files are not analyzed, to keep the editor responsive',
    docs: 'docs/rules/file-too-large.md',
  },
};

const megabytes = (n: number) => `${+(n / (1024 * 1024)).toFixed(1)} MB`;

/** The finding on the first line of a file (`text`) skipped for being above `limit` characters. */
export function reportFileTooLarge(text: string, limit: number): Finding {
  return report(fileTooLarge.meta, {
    message:
      `LR Lens skipped this file: it is ${megabytes(text.length)}, ` +
      `above the ${megabytes(limit)} limit (setting lrLens.maxFileSizeMB).`,
    span: { start: 0, end: Math.min(text.length, text.search(/\r?\n|$/)) },
    fixes: [],
  });
}
