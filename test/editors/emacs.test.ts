import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import { must } from '../helpers/must';

const REPO = join(__dirname, '..', '..');

test(
  'Emacs (eglot) gets diagnostics, applies the quick fix and completes a scheduler name from lr-lens-language-server',
  { timeout: 120_000 },
  async (t) => {
    const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
    const eglot =
      existsSync('/usr/share/emacs/site-lisp/elpa') &&
      spawnSync('sh', ['-c', 'ls /usr/share/emacs/site-lisp/elpa | grep -q eglot']).status === 0;
    if (version.status !== 0 || !eglot) {
      console.error('NOT RUN: emacs with eglot is not installed (Debian packages `emacs-nox` and `elpa-eglot`; .ci/run installs them)');
      t.skip('emacs/eglot missing');
      return;
    }
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-emacs-'));
    const file = join(dir, 'recipe.yaml');
    const original = '# recipe\noutput_dir: out\nlearning_rate: 2.0e-5  # peak\nlr_scheduler_type: constant\nmax_steps: 1000\n';
    writeFileSync(file, original);
    const out = join(dir, 'result.txt');
    const run = spawnSync('emacs', ['--batch', '-Q', '-l', join(REPO, 'test', 'editors', 'emacs.el')], {
      env: {
        ...process.env,
        HOME: dir,
        LR_LENS_SERVER: join(REPO, 'bin', 'lr-lens-language-server.js'),
        LR_LENS_FILE: file,
        LR_LENS_OUT: out,
      },
      encoding: 'utf8',
      timeout: 90_000,
    });
    assert.ok(existsSync(out), `Emacs wrote no result; status ${run.status}; stderr: ${run.stderr}`);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('error')),
      [],
    );
    assert.match(must(lines[0], 'the first line Emacs wrote'), /^diagnostic 4 .*constant-lr/);
    assert.deepEqual(
      lines.filter((l) => l.startsWith('action')),
      ['action Use cosine decay', 'action Use linear decay'],
    );
    assert.ok(lines.includes('applied Use cosine decay'));
    assert.ok(lines.includes('cleared yes'), lines.join('\n'));
    assert.equal(readFileSync(file, 'utf8'), original.replace('constant\n', 'cosine\n'));
    // Completion at the scheduler value, and a typed prefix completed in place (eglot applies the item's edit).
    const candidates =
      lines
        .find((l) => l.startsWith('candidates '))
        ?.split(' ')
        .slice(1) ?? [];
    assert.ok(candidates.includes('cosine_with_min_lr') && candidates.includes('linear'), lines.join('\n'));
    assert.ok(lines.includes('completed lr_scheduler_type: cosine_with_min_lr'), lines.join('\n'));
    // Inlay hints need eglot-inlay-hints-mode (eglot 1.10+): without it, a skipped test with its reason, never a pass.
    const inlay = lines.find((l) => l.startsWith('inlay-hints '));
    assert.ok(inlay, lines.join('\n'));
    await t.test('inlay hints are shown (eglot-inlay-hints-mode, eglot 1.10+)', (st) => {
      if (inlay.startsWith('inlay-hints unsupported')) {
        const eglotVersion = inlay.replace('inlay-hints unsupported by ', '');
        const reason = `${eglotVersion} has no eglot-inlay-hints-mode (eglot 1.10+): Emacs cannot show inlay hints`;
        console.error(`NOT RUN: ${reason}`);
        st.skip(reason);
        return;
      }
      assert.ok(lines.includes('hint = 50 steps'), lines.join('\n'));
    });
  },
);
