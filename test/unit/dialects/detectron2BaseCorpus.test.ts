// detectron2 `_BASE_` chains on the real files of ../shared/corpus/detectron2 (read at run time, never copied
// in). The corpus is flat (`owner__repo__configs__COCO-Detection__x.yaml`); a reader maps the repository paths
// the chain names back onto those flat names, so a chain is followed exactly where its base is in the corpus.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { analyze, planOf } from './analyze';

const FOLDER = join(__dirname, '../../../../shared/corpus/detectron2');
const ROOT = '/corpus/';

const flatName = (path: string) => path.slice(ROOT.length).split('/').join('__');
const readFile = (path: string): string | undefined => {
  if (!path.startsWith(ROOT)) return undefined;
  const file = join(FOLDER, flatName(path));
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

/** SOLVER.<key> as the file writes it, read independently of the dialect. */
function solver(text: string, key: string): unknown {
  const value = (parse(text) as { SOLVER?: Record<string, unknown> } | null)?.SOLVER?.[key];
  return typeof value === 'string' && /^[-+0-9.e]+$/i.test(value) ? Number(value) : value;
}

test('detectron2 corpus files whose _BASE_ is in the corpus take their missing values from it', (t) => {
  if (!existsSync(FOLDER)) {
    t.skip(`corpus folder ${FOLDER} is absent: detectron2 _BASE_ chains on real files NOT tested`);
    console.warn(`SKIPPED: ${FOLDER} is absent`);
    return;
  }
  let followed = 0;
  for (const name of readdirSync(FOLDER).filter((n) => n.endsWith('.yaml'))) {
    const text = readFileSync(join(FOLDER, name), 'utf8');
    const fileName = ROOT + name.split('__').join('/');
    const base = (parse(text) as { _BASE_?: string } | null)?._BASE_;
    const baseText = typeof base === 'string' ? readFile(new URL(base, `file://${fileName}`).pathname) : undefined;
    const analysis = analyze(text, fileName, { readFile });
    const plan = analysis.documents[0]?.plan;
    assert.ok(plan, `${name}: no plan`);
    for (const finding of analysis.findings) {
      if (finding.elsewhere)
        assert.ok(readFile(finding.elsewhere.fileName) !== undefined, `${name}: a finding placed in a file that was not read`);
    }
    if (baseText === undefined) continue;
    followed++;
    const expectedLr = solver(text, 'BASE_LR') ?? solver(baseText, 'BASE_LR') ?? planOf(text, 'detectron2', fileName).baseLr;
    assert.equal(plan.baseLr, expectedLr, `${name}: BASE_LR from the file, else from its base`);
    assert.ok(!plan.assumptions.some((a) => a.includes('not read')), `${name}: ${plan.assumptions.join(' | ')}`);
  }
  // Three files of the corpus name configs/Base-RCNN-FPN.yaml, which is in the corpus too.
  assert.ok(followed >= 1, `no detectron2 corpus file had its _BASE_ in the corpus (followed ${followed})`);
});
