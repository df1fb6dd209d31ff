/**
 * A unified diff (`diff -u` / `git diff` style, 3 lines of context) between two texts, for `check --fix-dry-run`.
 * Lines keep their own terminators, so a CRLF file diffs line by line; a missing final newline is marked.
 */

const CONTEXT = 3;
/** Above this many cells the middle is shown as one replacement instead of a line-by-line alignment. */
const MAX_LCS_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string; oldNo: number; newNo: number };

function splitLines(text: string): string[] {
  return text === '' ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

function align(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const am = a.slice(prefix, a.length - suffix);
  const bm = b.slice(prefix, b.length - suffix);
  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: ' ', line: a[i]!, oldNo: i, newNo: i });
  if (am.length * bm.length <= MAX_LCS_CELLS) {
    // LCS table from the end: lcs[i][j] = LCS length of am[i..] and bm[j..].
    const lcs = Array.from({ length: am.length + 1 }, () => new Uint32Array(bm.length + 1));
    for (let i = am.length - 1; i >= 0; i--) {
      for (let j = bm.length - 1; j >= 0; j--) lcs[i]![j] = am[i] === bm[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
    let i = 0;
    let j = 0;
    while (i < am.length || j < bm.length) {
      if (i < am.length && j < bm.length && am[i] === bm[j]) {
        ops.push({ kind: ' ', line: am[i]!, oldNo: prefix + i, newNo: prefix + j });
        i++;
        j++;
      } else if (i < am.length && (j === bm.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
        ops.push({ kind: '-', line: am[i]!, oldNo: prefix + i, newNo: prefix + j });
        i++;
      } else {
        ops.push({ kind: '+', line: bm[j]!, oldNo: prefix + i, newNo: prefix + j });
        j++;
      }
    }
  } else {
    am.forEach((line, k) => ops.push({ kind: '-', line, oldNo: prefix + k, newNo: prefix }));
    bm.forEach((line, k) => ops.push({ kind: '+', line, oldNo: prefix + am.length, newNo: prefix + k }));
  }
  for (let k = 0; k < suffix; k++) {
    ops.push({ kind: ' ', line: a[a.length - suffix + k]!, oldNo: a.length - suffix + k, newNo: b.length - suffix + k });
  }
  return ops;
}

function printed(op: Op): string {
  const body = op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line;
  return `${op.kind}${body}\n${op.line.endsWith('\n') ? '' : '\\ No newline at end of file\n'}`;
}

/** The diff of `before` → `after` for `path`; empty when the texts are equal. */
export function unifiedDiff(before: string, after: string, path: string): string {
  if (before === after) return '';
  const ops = align(splitLines(before), splitLines(after));
  const changed = ops.map((op, k) => (op.kind === ' ' ? -1 : k)).filter((k) => k >= 0);
  const hunks: Array<[number, number]> = [];
  for (const k of changed) {
    const last = hunks.at(-1);
    if (last && k - last[1] <= 2 * CONTEXT) last[1] = k;
    else hunks.push([k, k]);
  }
  const name = path.replace(/^\/+/, '');
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (const [first, lastChanged] of hunks) {
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length - 1, lastChanged + CONTEXT);
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? slice[0]!.oldNo : slice[0]!.oldNo + 1;
    const newStart = newCount === 0 ? slice[0]!.newNo : slice[0]!.newNo + 1;
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`;
    out += slice.map(printed).join('');
  }
  return out;
}
