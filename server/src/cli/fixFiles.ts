import { accessSync, chmodSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import { planFixAll } from '../fixes/fixAll';
import { unifiedDiff } from '../fixes/unifiedDiff';
import { applyEdits } from '../fixes/yamlEdits';
import { parseConfig } from '../parse/parseConfig';
import { parseTomlConfig } from '../parse/tomlConfig';

export interface FileFix {
  /** The fixed text, or undefined when nothing is fixed (no fix, or the file could not be parsed). */
  fixed?: string;
  /** The preferred fixes applied, by title. */
  titles: string[];
  /** Why the file is left alone, when it is. */
  refused?: string;
}

/**
 * What `check --fix` would write: every finding's preferred fix that overlaps no other. A file that does not parse
 * cleanly is never touched, nor is a result that would parse worse than the original.
 */
export function fixOfFile(text: string, analysis: ConfigAnalysis): FileFix {
  if (analysis.parsed.syntaxProblems.length > 0) return { titles: [], refused: 'it does not parse cleanly' };
  const plan = planFixAll(analysis.findings);
  if (plan.edits.length === 0) return { titles: [] };
  const fixed = applyEdits(text, plan.edits);
  const reparsed = analysis.parsed.language === 'toml' ? parseTomlConfig(fixed) : parseConfig(fixed);
  if (reparsed.syntaxProblems.length > 0) return { titles: [], refused: 'the fixed text would not parse (please report this)' };
  return { fixed, titles: plan.chosen.map((c) => `${c.finding.ruleId}: ${c.fix.title}`) };
}

export function diffOfFix(path: string, text: string, fix: FileFix): string {
  return fix.fixed === undefined ? '' : unifiedDiff(text, fix.fixed, path.replace(/\\/g, '/'));
}

/** Replace a file's content atomically: a temporary file beside it (same mode), then a rename over it. */
export function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.lr-lens-${process.pid}.tmp`);
  const mode = statSync(path).mode & 0o7777;
  accessSync(path, constants.W_OK); // a read-only file stays as it is (a rename would bypass its permissions)
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx', mode });
    chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    throw error;
  }
}
