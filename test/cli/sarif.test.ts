import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import Ajv from 'ajv';

const REPO = join(__dirname, '..', '..');
const SCHEMA = join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function validator() {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, meta: false, validateSchema: false, unknownFormats: 'ignore' });
  ajv.addMetaSchema(JSON.parse(readFileSync(join(REPO, 'node_modules', 'ajv', 'lib', 'refs', 'json-schema-draft-04.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

test('check --format sarif writes a SARIF 2.1.0 log that validates against the schema', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-sarif-'));
  writeFileSync(join(dir, 'a b.yaml'), 'output_dir: o\nadam_beta2: 1\nlr_scheduler_type: constant\nmax_steps: 10\n');
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lr-lens.js'), 'check', dir, '--format', 'sarif'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  const log = JSON.parse(r.stdout);
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  const [run] = log.runs;
  assert.equal(run.tool.driver.name, 'LR Lens');
  assert.deepEqual(
    run.results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]),
    [
      ['invalid-value', 'error'],
      ['constant-lr', 'warning'],
    ],
  );
  const region = run.results[1].locations[0].physicalLocation.region;
  assert.deepEqual(region, { startLine: 3, startColumn: 20, endLine: 3, endColumn: 28 });
  assert.match(run.results[0].locations[0].physicalLocation.artifactLocation.uri, /a%20b\.yaml$/);
  assert.equal(run.tool.driver.rules[run.results[1].ruleIndex].id, 'constant-lr');
  // The validator is not a rubber stamp.
  assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false);
});

test('a finding about a composed value validates with its related location (the composing file)', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'lr-lens-sarif-'));
  mkdirSync(join(dir, 'lr_scheduler'));
  writeFileSync(join(dir, 'lr_scheduler', 'cosine.yaml'), '_name: cosine\nwarmup_updates: 500\n');
  writeFileSync(
    join(dir, 'config.yaml'),
    'defaults:\n  - lr_scheduler: cosine\ncommon: {}\ntask: {_name: audio_pretraining}\ncriterion: {_name: wav2vec}\noptimization: {max_update: 1000, lr: [0.0005]}\n',
  );
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lr-lens.js'), 'check', join(dir, 'config.yaml'), '--format', 'sarif'], {
    encoding: 'utf8',
  });
  const log = JSON.parse(r.stdout);
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const [result] = log.runs[0].results;
  assert.equal(result.ruleId, 'warmup-too-long');
  assert.equal(result.relatedLocations.length, 1);
});
