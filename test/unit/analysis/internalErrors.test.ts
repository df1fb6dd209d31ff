// Faults inside dialects and rules: logged through the host's logger in production, thrown under test.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { analyzeConfig, type AnalysisLogger } from '../../../server/src/index';
import { INTERNAL_ERRORS_ENV } from '../../../server/src/analysis/internalErrors';

// A run measured in epochs: the dialect reads the steps-per-epoch setting, whose getter (the host's) throws.
const CONFIG = 'learning_rate: 2.0e-5\nlr_scheduler_type: cosine\nnum_train_epochs: 3\n';
const faulty = <T extends object>(settings: T): T =>
  Object.defineProperty(settings, 'stepsPerEpoch', {
    get: () => {
      throw new Error('disk on fire');
    },
  });
const saved = process.env[INTERNAL_ERRORS_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[INTERNAL_ERRORS_ENV];
  else process.env[INTERNAL_ERRORS_ENV] = saved;
});

test('with a logger, the fault is logged and the document is still recognized', () => {
  process.env[INTERNAL_ERRORS_ENV] = 'throw';
  const logged: string[] = [];
  const logger: AnalysisLogger = { internalError: (error, where) => logged.push(`${where}: ${String(error)}`) };
  const analysis = analyzeConfig(CONFIG, '/ws/train.yaml', faulty({ logger }));
  assert.deepEqual(
    analysis.documents.map((d) => d.dialect.id),
    ['huggingface'],
  );
  assert.equal(logged.length, 1, logged.join('\n'));
  assert.match(logged[0] ?? '', /^dialect huggingface: Error: disk on fire$/);
});

test('without a logger, under test (LR_LENS_INTERNAL_ERRORS=throw), the fault is thrown', () => {
  process.env[INTERNAL_ERRORS_ENV] = 'throw';
  assert.throws(() => analyzeConfig(CONFIG, '/ws/train.yaml', faulty({})), /disk on fire/);
});

test('without a logger in production, the fault goes to stderr and the analysis goes on', (t) => {
  delete process.env[INTERNAL_ERRORS_ENV];
  const written: string[] = [];
  t.mock.method(process.stderr, 'write', (chunk: string) => written.push(chunk) > 0);
  const analysis = analyzeConfig(CONFIG, '/ws/train.yaml', faulty({}));
  t.mock.restoreAll();
  assert.deepEqual(
    analysis.documents.map((d) => d.dialect.id),
    ['huggingface'],
  );
  assert.match(written.join(''), /LR Lens internal error in dialect huggingface: Error: disk on fire/);
});
