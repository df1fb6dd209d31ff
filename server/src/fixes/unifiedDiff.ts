import { structuredPatch } from 'diff';

/**
 * A unified diff (`diff -u` / `git diff` style, 3 lines of context) between two texts, for `check --fix-dry-run`,
 * computed by jsdiff. Lines keep their own terminators, so a CRLF file diffs line by line; a missing final newline
 * is marked.
 */
export function unifiedDiff(before: string, after: string, path: string): string {
  if (before === after) return '';
  const name = path.replace(/^\/+/, '');
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (const hunk of structuredPatch(name, name, before, after, undefined, undefined, { context: 3 }).hunks) {
    // An empty side starts at line 0, as GNU diff writes it.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out += `@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@\n`;
    out += hunk.lines.map((line) => `${line}\n`).join('');
  }
  return out;
}
