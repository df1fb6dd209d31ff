import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatch } from 'diff';
import { unifiedDiff } from '../../server/src/fixes/unifiedDiff';

test('unified diffs: git-style header, 3 lines of context, CRLF kept, missing final newline marked', () => {
  assert.equal(unifiedDiff('a\n', 'a\n', 'f.yaml'), '');
  assert.equal(
    unifiedDiff('x: 1\r\ny: 2\r\n', 'x: 1\r\ny: 3\r\n', '/abs/f.yaml'),
    '--- a/abs/f.yaml\n+++ b/abs/f.yaml\n@@ -1,2 +1,2 @@\n x: 1\r\n-y: 2\r\n+y: 3\r\n',
  );
  assert.equal(
    unifiedDiff('a\nb', 'a\nc', 'f'),
    '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
  );
  assert.equal(unifiedDiff('', 'a\n', 'f'), '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n');
  const before = Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('');
  const after = before.replace('line 3\n', 'line three\n').replace('line 30\n', 'line thirty\n');
  const diff = unifiedDiff(before, after, 'f');
  assert.equal(diff.match(/^@@/gm)?.length, 2, 'far-apart changes are separate hunks');
  assert.equal(applyPatch(before, diff), after);
});
