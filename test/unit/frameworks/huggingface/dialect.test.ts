import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeConfig, applyEdits, curveOfAnalysis, type Finding } from '../../../../server/src';

const ids = (findings: Finding[]) => findings.map((f) => f.ruleId);
const analyze = (text: string, settings = {}) => analyzeConfig(text, 'config.yaml', settings);
const planOf = (text: string, settings = {}) => {
  const plan = analyze(text, settings).documents[0]?.plan;
  assert.ok(plan, 'the first document has a plan');
  return plan;
};

describe('Hugging Face defaults', () => {
  test('no lr_scheduler_type decays linearly: not a constant LR', () => {
    const a = analyze('output_dir: out\nlearning_rate: 2.0e-5\nmax_steps: 100\n');
    assert.deepEqual(ids(a.findings), []);
    const plan = a.documents[0]?.plan;
    assert.ok(plan);
    assert.equal(plan.schedule.name, 'linear');
    assert.equal(plan.schedule.explicit, false);
    assert.equal(plan.schedule.constantAfterWarmup, false);
    assert.deepEqual(
      {
        name: plan.optimizer.name,
        family: plan.optimizer.family,
        b1: plan.optimizer.beta1,
        b2: plan.optimizer.beta2,
        eps: plan.optimizer.epsilon,
      },
      { name: 'adamw_torch', family: 'adam', b1: 0.9, b2: 0.999, eps: 1e-8 },
    );
  });

  test('constant and constant_with_warmup are constant-lr, at the scheduler value', () => {
    for (const name of ['constant', 'constant_with_warmup']) {
      const text = `output_dir: out\nlearning_rate: 2.0e-5\nlr_scheduler_type: ${name}\nmax_steps: 100\n`;
      const [finding] = analyze(text).findings;
      assert.equal(finding?.ruleId, 'constant-lr');
      assert.ok(finding?.keySpan);
      assert.equal(text.slice(finding.span.start, finding.span.end), name);
      assert.equal(text.slice(finding.keySpan.start, finding.keySpan.end), 'lr_scheduler_type');
      assert.match(finding.message, /constant.*decay/);
    }
  });

  test('learning_rate absent means 5e-5; num_train_epochs absent means 3 epochs', () => {
    const plan = planOf('output_dir: out\nlr_scheduler_type: cosine\n# lr-lens: steps-per-epoch=10\n');
    assert.equal(plan.baseLr, 5e-5);
    assert.equal(plan.length.steps, 30);
    assert.equal(plan.length.assumed, false);
  });

  test('max_steps > 0 wins over epochs; -1 means epochs', () => {
    assert.equal(planOf('output_dir: o\nlearning_rate: 1.0e-4\nnum_train_epochs: 3\nmax_steps: 1000\n').length.steps, 1000);
    const epochs = planOf('output_dir: o\nlearning_rate: 1.0e-4\nnum_train_epochs: 2.5\nmax_steps: -1\n', { stepsPerEpoch: 7 });
    assert.equal(epochs.length.steps, 18, 'ceil(2.5 * 7)');
  });

  test('an epoch-only length without steps per epoch is an assumption, said in words', () => {
    const plan = planOf('output_dir: o\nlearning_rate: 1.0e-4\nnum_train_epochs: 1\n');
    assert.equal(plan.length.assumed, true);
    assert.match(plan.assumptions.join(), /steps per epoch/);
  });

  test('warmup: steps win over ratio (transformers v4); ratio is ceil(T * ratio)', () => {
    assert.equal(planOf('output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 1000\nwarmup_ratio: 0.031\n').warmup.steps, 31);
    assert.equal(planOf('output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 999\nwarmup_ratio: 0.03\n').warmup.steps, 30);
    assert.equal(planOf('output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 1000\nwarmup_ratio: 0.5\nwarmup_steps: 7\n').warmup.steps, 7);
  });

  test('numbers as users write them: 1e-5, quoted, TRL block style', () => {
    assert.equal(planOf("output_dir: o\nlearning_rate: '1e-4'\nmax_steps: 10\n").baseLr, 1e-4);
    assert.equal(planOf('output_dir: o\nlearning_rate:\n  0.0001\nlr_scheduler_type:\n  cosine\nmax_steps: 10\n').schedule.name, 'cosine');
  });
});

describe('warmup-too-long', () => {
  test('fires above 10% of training, on the warmup value', () => {
    const text = 'output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 1000\nwarmup_steps: 101\n';
    const [f] = analyze(text).findings;
    assert.equal(f?.ruleId, 'warmup-too-long');
    assert.equal(text.slice(f.span.start, f.span.end), '101');
    assert.match(f.message, /10\.1% of training \(101 of 1000 steps\).*at most 100 steps/);
  });

  test('exactly 10% is fine', () => {
    assert.deepEqual(ids(analyze('output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 1000\nwarmup_steps: 100\n').findings), []);
    assert.deepEqual(ids(analyze('output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 1000\nwarmup_ratio: 0.1\n').findings), []);
  });

  test('stays silent when absolute warmup meets an assumed length, fires on a ratio regardless', () => {
    assert.deepEqual(ids(analyze('output_dir: o\nlearning_rate: 1.0e-4\nnum_train_epochs: 1\nwarmup_steps: 500\n').findings), []);
    assert.deepEqual(ids(analyze('output_dir: o\nlearning_rate: 1.0e-4\nnum_train_epochs: 1\nwarmup_ratio: 0.2\n').findings), [
      'warmup-too-long',
    ]);
  });
});

describe('invalid-value', () => {
  const cases: [string, string, RegExp][] = [
    ['learning_rate: fast', 'fast', /`learning_rate` must be a number/],
    ['learning_rate: 0', '0', /must be greater than 0/],
    ['learning_rate: -3.0e-4', '-3.0e-4', /must be greater than 0/],
    ['adam_beta1: 1.2', '1.2', /`adam_beta1` must lie in \[0, 1\)/],
    ['adam_beta2: 1', '1', /`adam_beta2` must lie in \[0, 1\)/],
    ['adam_beta1: -0.1', '-0.1', /must lie in \[0, 1\)/],
    ['adam_epsilon: 0', '0', /`adam_epsilon` must be greater than 0/],
    ['adam_epsilon: -1.0e-8', '-1.0e-8', /must be greater than 0/],
    ['warmup_steps: -5', '-5', /must not be negative/],
    ['warmup_ratio: 1.5', '1.5', /must lie in \[0, 1\]/],
    ['max_steps: 10.5', '10.5', /whole number/],
    ['lr_scheduler_type: [cosine]', '[cosine]', /must be one of linear, cosine/],
  ];
  for (const [line, value, message] of cases) {
    test(`${line}`, () => {
      const text = `output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 100\n${line}\n`;
      const findings = analyze(text).findings.filter((f) => f.ruleId === 'invalid-value');
      assert.equal(findings.length, 1, JSON.stringify(findings));
      const [finding] = findings;
      assert.ok(finding);
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, message);
      assert.equal(text.slice(finding.span.start, finding.span.end), value);
    });
  }

  test('an unknown scheduler lists the valid ones and offers the closest as a fix', () => {
    const text = 'output_dir: o\nlearning_rate: 1.0e-4\nlr_scheduler_type: "cosin"\nmax_steps: 100\n';
    const [f] = analyze(text).findings;
    assert.equal(f?.ruleId, 'invalid-value');
    assert.match(
      f.message,
      /'cosin' is not a Hugging Face scheduler \(did you mean 'cosine'\?\); valid: linear, cosine, cosine_with_restarts/,
    );
    const [fix] = f.fixes;
    assert.equal(fix?.title, "Change to 'cosine'");
    assert.equal(applyEdits(text, fix.edits), text.replace('"cosin"', '"cosine"'));
  });

  test('scheduler arguments the framework requires', () => {
    const [missingMin] = analyze('output_dir: o\nlearning_rate: 1.0e-4\nlr_scheduler_type: cosine_with_min_lr\nmax_steps: 100\n').findings;
    assert.ok(missingMin);
    assert.match(missingMin.message, /needs exactly one of `min_lr` or `min_lr_rate`/);
    const [wsd] = analyze('output_dir: o\nlearning_rate: 1.0e-4\nlr_scheduler_type: warmup_stable_decay\nmax_steps: 100\n').findings;
    assert.ok(wsd);
    assert.match(wsd.message, /num_decay_steps/);
    const kwargsJson = analyze(
      'output_dir: o\nlearning_rate: 1.0e-4\nlr_scheduler_type: cosine_with_min_lr\nlr_scheduler_kwargs: \'{"min_lr_rate": 0.1}\'\nmax_steps: 100\n',
    );
    assert.deepEqual(ids(kwargsJson.findings), []);
    assert.equal(kwargsJson.documents[0]?.plan?.schedule.params.min_lr_rate, 0.1);
  });
});

describe('recognition', () => {
  test('files that are not training configs get no findings', () => {
    for (const text of [
      'name: ci\non:\n  push: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n',
      'version: "3"\nservices:\n  web:\n    image: nginx\n',
      'openapi: 3.0.0\ninfo:\n  title: x\npaths: {}\n',
      'learning_rate: 1\n',
      '',
      '- a\n- b\n',
      'just a string',
    ]) {
      const a = analyze(text);
      assert.deepEqual(a.documents, [], text);
      assert.deepEqual(a.findings, [], text);
    }
  });

  test('an Axolotl file sharing key names is not read as Hugging Face', () => {
    const a = analyze(
      'base_model: x\nmicro_batch_size: 2\nlearning_rate: 0.0002\nlr_scheduler: constant\noutput_dir: out\ngradient_accumulation_steps: 4\n',
    );
    assert.ok(a.documents.every((d) => d.dialect.id !== 'huggingface'));
  });

  test('a directive forces the dialect; an unknown directive is reported where written', () => {
    const forced = analyze('# lr-lens: dialect=huggingface\nlearning_rate: 0.001\nlr_scheduler_type: constant\n');
    assert.equal(forced.documents[0]?.dialect.id, 'huggingface');
    assert.deepEqual(ids(forced.findings), ['constant-lr']);
    const text = '# lr-lens: color=blue\noutput_dir: o\nlearning_rate: 0.001\n';
    const [f] = analyze(text).findings;
    assert.ok(f);
    assert.match(f.message, /Unknown lr-lens directive `color`/);
    assert.equal(text.slice(f.span.start, f.span.end), 'color=blue');
  });

  test('`# lr-lens: disable=constant-lr` marks an intended constant LR', () => {
    const a = analyze('# lr-lens: disable=constant-lr\noutput_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\n');
    assert.deepEqual(a.findings, []);
  });

  test('multi-document files: each document is analyzed on its own, ranges in the whole file', () => {
    const text =
      'output_dir: a\nlearning_rate: 0.001\nmax_steps: 10\n---\noutput_dir: b\nlearning_rate: 0.001\nlr_scheduler_type: constant\nmax_steps: 10\n';
    const a = analyze(text);
    assert.equal(a.documents.length, 2);
    assert.equal(a.findings.length, 1);
    assert.equal(a.findings[0]?.span.start, text.indexOf('constant'));
    assert.equal(curveOfAnalysis(a)?.schedule, 'linear');
    assert.equal(curveOfAnalysis(a, { documentIndex: 1 })?.schedule, 'constant');
  });

  test('duplicate keys: the last one wins, as in PyYAML', () => {
    const plan = planOf('output_dir: o\nlearning_rate: 0.1\nlearning_rate: 0.002\nmax_steps: 10\n');
    assert.equal(plan.baseLr, 0.002);
  });

  test('anchors and aliases are followed; alias bombs do not explode', { timeout: 60_000 }, () => {
    assert.equal(planOf('output_dir: o\nbase: &lr 0.003\nlearning_rate: *lr\nmax_steps: 10\n').baseLr, 0.003);
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const text = `${bomb.join('\n')}\noutput_dir: o\nlearning_rate: 0.001\nlr_scheduler_kwargs: *j\nmax_steps: 10\n`;
    const analysis = analyze(text);
    assert.equal(analysis.documents[0]?.plan?.baseLr, 0.001);
  });
});

describe('silencing rules', () => {
  test('`# lr-lens-disable-next-line <rule>` silences that rule on the next line only', () => {
    const text =
      'output_dir: o\nlearning_rate: 0.001\n# lr-lens-disable-next-line constant-lr\nlr_scheduler_type: constant\nwarmup_ratio: 0.5\nmax_steps: 10\n';
    assert.deepEqual(ids(analyze(text).findings), []);
    const other = text.replace('disable-next-line constant-lr', 'disable-next-line warmup-too-long');
    assert.deepEqual(ids(analyze(other).findings), ['constant-lr']);
    const all = text.replace(' constant-lr\n', '\n');
    assert.deepEqual(ids(analyze(all).findings), []);
  });

  test('an unknown rule id in a directive is reported where it is written', () => {
    const text = '# lr-lens: disable=constant-lr,const-lr\noutput_dir: o\nlearning_rate: 0.001\nlr_scheduler_type: constant\n';
    const findings = analyze(text).findings;
    assert.equal(findings.length, 1);
    const [finding] = findings;
    assert.ok(finding);
    assert.match(finding.message, /Unknown rule `const-lr`/);
    assert.equal(text.slice(finding.span.start, finding.span.end), 'const-lr');
  });
});

describe('lr_scheduler_kwargs', () => {
  const withKwargs = (scheduler: string, kwargs: string) =>
    `output_dir: o\nlearning_rate: 1.0e-4\nmax_steps: 100\nlr_scheduler_type: ${scheduler}\nlr_scheduler_kwargs:\n${kwargs}`;

  test('an argument the scheduler does not take is an error at its key (TypeError in transformers)', () => {
    const text = withKwargs('cosine', '  num_cycles: 0.5\n  min_lr_rate: 0.1\n');
    const [f] = analyze(text).findings;
    assert.equal(f?.ruleId, 'invalid-value');
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.span.start, f.span.end), 'min_lr_rate');
    assert.match(f.message, /not an argument of the `cosine` scheduler.*accepts: num_cycles.*cosine_with_min_lr/);
  });

  test('schedulers the Trainer never passes kwargs to get a warning that they have no effect', () => {
    // (inverse_sqrt also gets the schedule-family hint; this test is about the kwargs warning)
    const [f] = analyze(withKwargs('inverse_sqrt', '  timescale: 500\n')).findings.filter((x) => x.ruleId !== 'schedule-family');
    assert.equal(f?.severity, 'warning');
    assert.match(f.message, /`inverse_sqrt` never receives `lr_scheduler_kwargs`.*`timescale` has no effect/);
  });

  test('accepted arguments pass; WSD shapes are checked', () => {
    const notHints = (text: string) => analyze(text).findings.filter((x) => x.ruleId !== 'schedule-family');
    assert.deepEqual(notHints(withKwargs('polynomial', '  lr_end: 1.0e-6\n  power: 2\n')), []);
    assert.deepEqual(notHints(withKwargs('warmup_stable_decay', '  num_decay_steps: 20\n  decay_type: 1-sqrt\n')), []);
    const text = withKwargs('warmup_stable_decay', '  num_decay_steps: 20\n  decay_type: exponential\n');
    const [f] = notHints(text);
    assert.ok(f);
    assert.equal(text.slice(f.span.start, f.span.end), 'exponential');
    assert.match(f.message, /must be one of linear, cosine, 1-sqrt/);
  });
});
