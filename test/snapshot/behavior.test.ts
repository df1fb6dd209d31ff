// Behavior snapshot: findings, fixes, plans and curves of every corpus and example file, compared with
// test/snapshot/behavior.snapshot.json. A refactor must leave it unchanged; an intended change of behavior
// regenerates it with UPDATE_SNAPSHOT=1 and the diff is reviewed in the commit.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { analyzeConfig, curveOfAnalysis, onInternalError } from '../../server/src/index';
import { CORPUS_DIR, corpusFiles } from '../helpers/corpus';

onInternalError((error) => {
  throw error;
});

const root = join(__dirname, '..', '..');
const snapshotPath = join(__dirname, 'behavior.snapshot.json');

function readerFor(path: string): (other: string) => string | undefined {
  const base = dirname(path);
  return (other) => {
    if (!other.startsWith(base) && !other.startsWith(CORPUS_DIR)) return undefined;
    return existsSync(other) ? readFileSync(other, 'utf8') : undefined;
  };
}

function behaviorOf(path: string, text: string): unknown {
  const analysis = analyzeConfig(text, path, { readFile: readerFor(path) });
  const curve = curveOfAnalysis(analysis, { points: 24 });
  return {
    documents: analysis.documents.map((d) => ({
      index: d.documentIndex,
      dialect: d.dialect.id,
      reason: d.recognition.reason,
      plan: d.plan,
    })),
    findings: analysis.findings.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      message: f.message,
      span: [f.span.start, f.span.end],
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        preferred: fix.isPreferred,
        edits: fix.edits.map((e) => [e.span.start, e.span.end, e.newText]),
      })),
      elsewhere: f.elsewhere && relative(root, f.elsewhere.fileName),
    })),
    curve: curve && {
      schedule: curve.schedule,
      totalSteps: curve.totalSteps,
      markers: curve.markers,
      summary: curve.summary,
      points: curve.points.map((p) => [p.step, p.lr]),
    },
  };
}

test('behavior of every corpus and example file matches the snapshot', (t) => {
  const corpus = corpusFiles();
  assert.ok(corpus, `the shared corpus is missing at ${CORPUS_DIR}`);
  const files = [
    ...corpus.map((f) => ({ key: `corpus/${f.folder}/${f.name}`, path: f.path, text: f.text })),
    ...readdirSync(join(root, 'examples'))
      .sort()
      .map((name) => ({
        key: `examples/${name}`,
        path: join(root, 'examples', name),
        text: readFileSync(join(root, 'examples', name), 'utf8'),
      })),
  ];
  // Paths inside the behavior are made relative so the snapshot does not depend on the checkout's location.
  const actual: Record<string, unknown> = {};
  for (const file of files) {
    actual[file.key] = JSON.parse(
      JSON.stringify(behaviorOf(file.path, file.text)).split(CORPUS_DIR).join('<corpus>').split(root).join('<root>'),
    );
  }
  if (process.env.UPDATE_SNAPSHOT === '1') {
    writeFileSync(snapshotPath, `${JSON.stringify(actual, null, 1)}\n`);
    t.diagnostic(`wrote ${snapshotPath}`);
    return;
  }
  const expected = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), 'the set of files changed');
  for (const key of Object.keys(expected)) assert.deepEqual(actual[key], expected[key], `behavior of ${key} changed`);
});
