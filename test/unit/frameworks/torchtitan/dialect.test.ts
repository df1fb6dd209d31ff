import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, dialectOf, planOf, ruleIds } from '../../dialects/analyze';
import { fixedBy } from '../fixedBy';
import { curveOfAnalysis } from '../../../../server/src/analysis/curve';

const CONFIGS = join(__dirname, 'configs');
const real = (name: string) => readFileSync(join(CONFIGS, name), 'utf8');
const toml = (...lines: string[]) => `${lines.join('\n')}\n`;

const config = (scheduler: string[], steps = 1000) =>
  toml(
    '[job]',
    'dump_folder = "./outputs"',
    '',
    '[model]',
    'name = "llama3"',
    'flavor = "debugmodel"',
    '',
    '[optimizer]',
    'name = "AdamW"',
    'lr = 3e-4  # peak',
    'eps = 1e-8',
    '',
    '[lr_scheduler]',
    ...scheduler,
    '',
    '[training]',
    'local_batch_size = 8',
    'seq_len = 2048',
    `steps = ${steps}`,
  );

test('torchtitan: the real configs at 238fa995 are recognized and planned as torchtitan runs them', () => {
  const files = readdirSync(CONFIGS).filter((f) => f.endsWith('.toml'));
  assert.ok(files.length >= 3);
  for (const file of files) assert.equal(dialectOf(real(file), `train_configs/${file}`), 'torchtitan', file);
  const deepseek = planOf(real('deepseek_v3_deepseek_v3_16b.toml'), 'torchtitan', 'deepseek_v3_16b.toml');
  assert.deepEqual(
    [deepseek.schedule.name, deepseek.baseLr, deepseek.warmup.steps, deepseek.length.steps, deepseek.optimizer.epsilon],
    ['cosine', 2.2e-4, 200, 1000, 1e-8],
  );
  assert.deepEqual(deepseek.schedule.params, {
    training_steps: 1000,
    decay_type: 'cosine',
    warmup_steps: 200,
    decay_ratio: 0.8,
    min_lr_factor: 0.1,
  });
  // llama3_8b writes no decay keys: linear decay over every step after warmup (job_config.py defaults).
  const llama = planOf(real('llama3_llama3_8b.toml'), 'torchtitan', 'llama3_8b.toml');
  assert.deepEqual([llama.schedule.name, llama.schedule.explicit, llama.schedule.constantAfterWarmup], ['linear', false, false]);
  // warmup 200 of 1000 steps is 20%: warmup-too-long; flux's decay_ratio 0.0 is constant-lr.
  assert.deepEqual(ruleIds(real('llama3_llama3_8b.toml'), 'llama3_8b.toml'), ['warmup-too-long']);
  assert.deepEqual(ruleIds(real('flux_flux_dev_model.toml'), 'flux_dev_model.toml'), ['constant-lr']);
});

test('torchtitan: the curve of a real config starts at lr / W and keeps float64 values', () => {
  const analysis = analyze(real('deepseek_v3_deepseek_v3_16b.toml'), 'deepseek_v3_16b.toml');
  const curve = curveOfAnalysis(analysis, { points: 50, everyStep: true });
  assert.ok(curve);
  const first = curve.points.find((p) => p.step === 0);
  assert.equal(first?.lr, 2.2e-4 / 200);
});

test('torchtitan: defaults for absent keys (job_config.py @238fa995)', () => {
  const plan = planOf(
    toml(
      '[job]',
      'dump_folder = "x"',
      '[model]',
      'name = "llama3"',
      'flavor = "8B"',
      '[optimizer]',
      'name = "AdamW"',
      '[training]',
      'seq_len = 8',
    ),
    'torchtitan',
    'a.toml',
  );
  assert.deepEqual(
    [plan.baseLr, plan.warmup.steps, plan.length.steps, plan.schedule.name, plan.optimizer.beta2, plan.optimizer.weightDecay],
    [8e-4, 200, 10000, 'linear', 0.95, 0.1],
  );
  assert.ok(plan.assumptions.some((a) => a.includes('training.steps 10000')));
});

test('torchtitan: no false claims (pyproject.toml, Cargo.toml, other TOML; YAML with the same keys)', () => {
  const pyproject = toml(
    '[project]',
    'name = "torchtitan"',
    '[tool.ruff]',
    'line-length = 88',
    '[build-system]',
    'requires = ["setuptools"]',
  );
  const cargo = toml('[package]', 'name = "x"', 'version = "0.1.0"', '[dependencies]', 'serde = "1"');
  const other = toml(
    '[training]',
    'steps = 10',
    '[optimizer]',
    'lr = 1e-3',
    '[server]',
    'port = 80',
    '[database]',
    'url = "x"',
    '[logging]',
    'level = 1',
  );
  for (const [name, text] of [
    ['pyproject.toml', pyproject],
    ['Cargo.toml', cargo],
    ['train_configs/other.toml', other],
  ] as const) {
    const analysis = analyze(text, name);
    assert.equal(analysis.parsed.language, 'toml', `${name} read as TOML`);
    assert.equal(analysis.parsed.syntaxProblems.length, 0, name);
    assert.equal(analysis.documents.length, 0, name);
    assert.deepEqual(analysis.findings, [], name);
  }
  // The same tables as YAML: torchtitan reads TOML only.
  const yamlLike =
    'job: {dump_folder: x}\nmodel: {name: llama3, flavor: 8B}\noptimizer: {name: AdamW, lr: 3e-4}\n' +
    'lr_scheduler: {warmup_steps: 2}\ntraining: {steps: 10, seq_len: 8}\n';
  assert.notEqual(dialectOf(yamlLike, 'config.yaml'), 'torchtitan');
  // A YAML dialect is never offered a TOML document, even when the file forces it.
  assert.equal(dialectOf(`# lr-lens: dialect=huggingface\n${config(['warmup_steps = 10'])}`, 'a.toml'), null);
});

test('torchtitan: constant-lr for decay_ratio 0; the cosine fix sets the type and the ratio of the steps after warmup', () => {
  const text = config(['warmup_steps = 100  # warm', 'decay_ratio = 0.0  # no decay']);
  assert.deepEqual(ruleIds(text, 'a.toml'), ['constant-lr']);
  const fixed = fixedBy(text, 'constant-lr', 'Use cosine decay', 'a.toml');
  assert.equal(fixed, text.replace('decay_ratio = 0.0  # no decay', 'decay_ratio = 0.9  # no decay\ndecay_type = "cosine"'));
  const linear = fixedBy(text, 'constant-lr', 'Use linear decay', 'a.toml');
  assert.ok(linear.includes('decay_type = "linear"\n\n[training]'), linear);
  // min_lr_factor 1: no decay either; the fix lowers it to the default 0.0 and replaces the type in place.
  const floor = config(['warmup_steps = 10', 'decay_type = "linear"', 'min_lr_factor = 1.0']);
  assert.deepEqual(ruleIds(floor, 'a.toml'), ['constant-lr']);
  assert.equal(
    fixedBy(floor, 'constant-lr', 'Use cosine decay', 'a.toml'),
    floor.replace('"linear"', '"cosine"').replace('min_lr_factor = 1.0', 'min_lr_factor = 0.0'),
  );
});

test('torchtitan: keys of older versions are reported; a fix keeps CRLF line breaks', () => {
  // warmup_steps under [training] is the pre-2025-03 place: reported (torchtitan at 238fa995 rejects it).
  const old = config(['decay_type = "cosine"']).replace('[training]', '[training]\nwarmup_steps = 1');
  const findings = analyze(old, 'a.toml').findings;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, old.slice(f.span.start, f.span.end)]),
    [['invalid-value', 'warmup_steps']],
  );
  assert.match(findings[0]?.message ?? '', /moved to `\[lr_scheduler\] warmup_steps`/);
  const crlf = config(['warmup_steps = 5', 'decay_ratio = 0'], 100).replace(/\n/g, '\r\n');
  const fixed = fixedBy(crlf, 'constant-lr', 'Use cosine decay', 'a.toml');
  assert.equal(fixed, crlf.replace('decay_ratio = 0\r\n', 'decay_ratio = 0.95\r\ndecay_type = "cosine"\r\n'));
});

test('torchtitan: total_steps shorter than training.steps is schedule-horizon (the LR goes negative); longer never finishes', () => {
  const short = config(['warmup_steps = 10', 'total_steps = 800'], 1000);
  const analysis = analyze(short, 'a.toml');
  const finding = analysis.findings.find((f) => f.ruleId === 'schedule-horizon');
  assert.ok(finding, analysis.findings.map((f) => f.message).join('\n'));
  assert.match(finding.message, /not clamped/);
  assert.equal(short.slice(finding.span.start, finding.span.end), '800');
  assert.equal(
    fixedBy(short, 'schedule-horizon', 'Match the schedule', 'a.toml'),
    short.replace('total_steps = 800', 'total_steps = 1000'),
  );
  const curve = curveOfAnalysis(analysis, { points: 50, everyStep: true });
  assert.ok(curve && curve.points.some((p) => p.lr < 0), 'the drawn curve goes below 0 as torchtitan does');
  assert.match(analyze(config(['warmup_steps = 10', 'total_steps = 2000'], 1000), 'a.toml').findings[0]?.message ?? '', /never finishes/);
});

test('torchtitan: invalid values, renamed keys and syntax errors are reported where written', () => {
  const bad = config(['warmup_steps = -1', 'decay_type = "exponential"', 'min_lr_factor = 1.5']);
  const findings = analyze(bad, 'a.toml').findings;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, bad.slice(f.span.start, f.span.end)]),
    [
      ['invalid-value', '-1'],
      ['invalid-value', '"exponential"'],
      ['invalid-value', '1.5'],
    ],
  );
  const old = config(['warmup_steps = 10', 'lr_min = 0.1']);
  assert.match(analyze(old, 'a.toml').findings[0]?.message ?? '', /renamed `min_lr_factor`/);
  // A broken line: the file is still recognized (the rest parsed), the error is reported at its position.
  const broken = config(['warmup_steps = = 10', 'decay_type = "cosine"']);
  const result = analyze(broken, 'a.toml');
  assert.equal(result.documents[0]?.dialect.id, 'torchtitan');
  assert.equal(result.findings.length, 1);
  const at = result.findings[0];
  assert.ok(at);
  assert.equal(at.ruleId, 'invalid-value');
  assert.match(at.message, /^TOML: .*line 14, column 16/);
  assert.equal(broken.slice(at.span.start, at.span.end), '=');
});

test('torchtitan: a file of before 2025-03-11 ([training] warmup_steps, no [lr_scheduler]) is read with that schedule', () => {
  const text = toml(
    '[job]',
    'dump_folder = "./outputs"',
    '[model]',
    'name = "llama3"',
    'flavor = "8B"',
    '[optimizer]',
    'name = "AdamW"',
    'lr = 3e-4',
    '[training]',
    'batch_size = 1',
    'seq_len = 8192',
    'warmup_steps = 200  # lr scheduler warm up',
    'steps = 1000',
  );
  const plan = planOf(text, 'torchtitan', 'llama3_8b.toml');
  assert.deepEqual([plan.schedule.name, plan.warmup.steps, plan.length.steps], ['linear', 200, 1000]);
  assert.ok(plan.assumptions.some((a) => a.includes('0da8901b')));
  const analysis = analyze(text, 'llama3_8b.toml');
  // warmup 200 of 1000: warmup-too-long on the [training] key; no invalid-value for the old layout
  assert.deepEqual(
    analysis.findings.map((f) => [f.ruleId, text.slice(f.span.start, f.span.end)]),
    [['warmup-too-long', '200']],
  );
  const curve = curveOfAnalysis(analysis, { points: 50, everyStep: true });
  assert.equal(curve?.points.find((p) => p.step === 0)?.lr, 3e-4 * (1 / 201));
  // lr_min of 2025-03..07 files: read as min_lr_factor, with a warning
  const lrMin = config(['warmup_steps = 10', 'decay_type = "cosine"', 'lr_min = 0.1']);
  const withLrMin = analyze(lrMin, 'a.toml');
  assert.deepEqual(
    withLrMin.findings.map((f) => [f.ruleId, f.severity]),
    [['invalid-value', 'warning']],
  );
  assert.equal(withLrMin.documents[0]?.plan?.schedule.params['min_lr_factor'], 0.1);
});
