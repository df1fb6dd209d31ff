import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PRESENTATION, DEFAULT_SETTINGS, toLensSettings, toPresentationSettings } from '../../server/src/lsp/settings';

test('client settings are read; a malformed setting falls back to its default, the others still apply', () => {
  assert.deepEqual(
    toLensSettings({
      stepsPerEpoch: 100,
      maxFileSizeMB: 2,
      rules: { 'constant-lr': 'off' },
      dialects: { '*.yml': 'nemo' },
      budgetThreshold: 5,
    }),
    {
      stepsPerEpoch: 100,
      maxFileSize: 2 * 1024 * 1024,
      severities: { 'constant-lr': 'off' },
      dialectGlobs: { '*.yml': 'nemo' },
      budgetThreshold: 5,
    },
  );
  assert.deepEqual(toLensSettings({ stepsPerEpoch: -1, maxFileSizeMB: 'big', dialects: [], budgetThreshold: 1.5, sparkline: 3 }), {});
  assert.deepEqual(toLensSettings({ stepsPerEpoch: 1.5, maxFileSizeMB: 1 }), { maxFileSize: 1024 * 1024 });
  // An unknown severity is read as 'warning'; a rules value that is not a mapping is dropped whole.
  assert.deepEqual(toLensSettings({ rules: { a: 'fatal', b: 'hint', c: undefined } }).severities, {
    a: 'warning',
    b: 'hint',
    c: 'warning',
  });
  assert.equal(toLensSettings({ rules: 'off' }).severities, undefined);
  assert.deepEqual(toLensSettings(null), {});
  assert.equal(toLensSettings([1]), DEFAULT_SETTINGS);
});

test('presentation settings default to on and turn off only with false', () => {
  assert.deepEqual(toPresentationSettings({ sparkline: false, inlayHints: 'no' }), { sparkline: false, inlayHints: true });
  assert.deepEqual(toPresentationSettings(undefined), { sparkline: true, inlayHints: true });
  assert.equal(toPresentationSettings('x'), DEFAULT_PRESENTATION);
});
