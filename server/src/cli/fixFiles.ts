import { isUtf8 } from 'node:buffer';
import { accessSync, chmodSync, chownSync, closeSync, constants, fsyncSync, ftruncateSync, openSync, realpathSync } from 'node:fs';
import { renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import { readRegularFile } from '../config/readRegularFile';
import { planFixAll } from '../fixes/fixAll';
import { unifiedDiff } from '../fixes/unifiedDiff';
import { checkEdits } from '../fixes/checkedEdits';
import { parseConfig } from '../parse/parseConfig';
import { parseTomlConfig } from '../parse/tomlConfig';
import { escapeControlCharacters } from './args';
import { MAX_INPUT_BYTES } from './files';

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
 * cleanly is never touched, nor is a result that would parse worse than the original, nor a file that is not valid
 * UTF-8 (its text is read with U+FFFD for the bytes that are not, so writing it back would change them).
 */
export function fixOfFile(text: string, analysis: ConfigAnalysis, bytes?: Buffer): FileFix {
  if (analysis.parsed.syntaxProblems.length > 0) return { titles: [], refused: 'it does not parse cleanly' };
  const plan = planFixAll(analysis.findings);
  if (plan.edits.length === 0) return { titles: [] };
  if (bytes && !isUtf8(bytes)) return { titles: [], refused: 'it is not valid UTF-8 (writing it back would change bytes outside the fix)' };
  const reparsed = () => (analysis.parsed.language === 'toml' ? parseTomlConfig(text) : parseConfig(text));
  const checked = text === analysis.parsed.text ? checkEdits(analysis.parsed, plan.edits) : checkEdits(reparsed(), plan.edits);
  if (!checked.ok) return { titles: [], refused: `${checked.reason} (please report this)` };
  const fixed = checked.fixed;
  return { fixed, titles: plan.chosen.map((c) => `${c.finding.ruleId}: ${c.fix.title}`) };
}

/**
 * The unified diff of a fix, for a terminal or a CI log: control characters in the file name and the lines shown
 * are escaped (`\x1b`), but tabs and the CR of CRLF line ends, which a patch needs, are kept.
 */
export function diffOfFix(path: string, text: string, fix: FileFix): string {
  if (fix.fixed === undefined) return '';
  const diff = unifiedDiff(text, fix.fixed, escapeControlCharacters(path.replace(/\\/g, '/')));
  return diff
    .split('\n')
    .map((line) => (line.endsWith('\r') ? `${escapeControlCharacters(line.slice(0, -1))}\r` : escapeControlCharacters(line)))
    .join('\n');
}

/** Why a fix was not written: `changed` when the file changed since it was analyzed (skipped, not an error). */
export class FixNotWritten extends Error {
  constructor(
    message: string,
    readonly changed = false,
  ) {
    super(message);
  }
}

/**
 * Writes a fixed text over the file it was computed from, keeping what the file is:
 * - the file is read again first, and left alone if it changed since `analyzed` was read (an edit made meanwhile
 *   is never lost);
 * - a symbolic link is followed: the real file is written, the link stays;
 * - mode and owner are kept; a read-only file (no write bit for anyone) is refused, also when running as root;
 * - a file with several hard links, or owned by someone else, is rewritten in place (the links stay one file);
 *   any other file atomically (a temporary file beside it, then a rename over it).
 */
export function writeFix(path: string, analyzed: Buffer, fixed: string): void {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    throw new FixNotWritten((error as NodeJS.ErrnoException).code ?? String(error));
  }
  const current = readRegularFile(real, MAX_INPUT_BYTES);
  if (!current.ok) throw new FixNotWritten(current.reason);
  if (!current.bytes.equals(analyzed)) throw new FixNotWritten('it changed since it was read; run again to fix it', true);
  const { stats } = current;
  if ((stats.mode & 0o222) === 0) throw new FixNotWritten('it is read-only');
  try {
    accessSync(real, constants.W_OK);
  } catch {
    throw new FixNotWritten('permission denied');
  }
  const bytes = Buffer.from(fixed, 'utf8');
  const uid = process.getuid?.();
  const keepsOwner = uid === undefined || uid === 0 || uid === stats.uid;
  if (stats.nlink > 1 || !keepsOwner || !writeAtomically(real, bytes, stats.mode & 0o7777, { uid: stats.uid, gid: stats.gid })) {
    writeInPlace(real, bytes);
  }
}

function writeInPlace(path: string, bytes: Buffer): void {
  const fd = openSync(path, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A temporary file beside the file (same mode, owner and group), then a rename over it. False, with nothing
 * changed, when the temporary file cannot be made so (a folder we may not write in, a group we are not in).
 */
function writeAtomically(path: string, bytes: Buffer, mode: number, owner: { uid: number; gid: number }): boolean {
  const temp = join(dirname(path), `.${basename(path)}.lr-lens-${process.pid}.tmp`);
  let created = false;
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode });
    created = true;
    chmodSync(temp, mode);
    if (process.getuid !== undefined) chownSync(temp, owner.uid, owner.gid);
  } catch {
    if (created) unlinkSync(temp);
    return false;
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw new FixNotWritten((error as NodeJS.ErrnoException).code ?? String(error));
  }
  return true;
}
