import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import { must } from '../helpers/must';

const REPO = join(__dirname, '..', '..');

function nvimVersion(): string | null {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? must(r.stdout.split('\n')[0], 'the first line of nvim --version') : null;
}

test(
  'Neovim (built-in LSP client) gets diagnostics, a quick fix, hover, completion and inlay hints from lr-lens-language-server',
  { timeout: 120_000 },
  async (t) => {
    const version = nvimVersion();
    if (!version) {
      console.error('NOT RUN: nvim is not installed (Debian package `neovim`; .ci/run installs it)');
      t.skip('nvim missing');
      return;
    }
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'lr-lens-nvim-'));
    const file = join(dir, 'recipe.yaml');
    const original = '# recipe\nlearning_rate: 2.0e-5  # peak\nlr_scheduler_type: constant\noutput_dir: out\nmax_steps: 1000\n';
    writeFileSync(file, original);
    const out = join(dir, 'result.json');
    const env = {
      ...process.env,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_CACHE_HOME: join(dir, 'cache'),
      LR_LENS_SERVER: join(REPO, 'bin', 'lr-lens-language-server.js'),
      LR_LENS_FILE: file,
      LR_LENS_OUT: out,
    };
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', join(REPO, 'test', 'editors', 'neovim.lua')], {
      env,
      encoding: 'utf8',
      timeout: 90_000,
    });
    assert.ok(existsSync(out), `Neovim wrote no result (${version}); status ${run.status}; stderr: ${run.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(result.errors, []);
    assert.equal(result.diagnostics.length, 1);
    assert.deepEqual(
      {
        lnum: result.diagnostics[0].lnum,
        col: result.diagnostics[0].col,
        code: result.diagnostics[0].code,
        source: result.diagnostics[0].source,
      },
      { lnum: 2, col: 19, code: 'constant-lr', source: 'lr-lens' },
    );
    assert.deepEqual(result.actions, ['Use cosine decay', 'Use linear decay']);
    assert.equal(result.applied, 'Use cosine decay');
    assert.equal(result.cleared, true, 'the diagnostic is gone after the fix');
    assert.equal(readFileSync(file, 'utf8'), original.replace('constant\n', 'cosine\n'));
    assert.match(result.hover, /cosine/);
    // Completion at the scheduler value: decaying schedules offered, the chosen item's edit replaces the value only.
    assert.ok(result.completion.includes('cosine_with_min_lr'), JSON.stringify(result.completion));
    assert.equal(result.completed_line, 'lr_scheduler_type: linear');
    // Inlay hints after a warmup ratio is typed in, asked for over Neovim's client (every version can ask).
    assert.deepEqual(result.inlay_hints, ['= 50 steps']);
    // Showing them needs vim.lsp.inlay_hint (Neovim 0.10+): on an older Neovim, a skipped test with its reason, never a pass.
    await t.test('inlay hints are displayed in the buffer (vim.lsp.inlay_hint, Neovim 0.10+)', (st) => {
      if (!result.inlay_hint_display) {
        const reason = `${version} cannot display inlay hints (vim.lsp.inlay_hint came in Neovim 0.10); the server's answer was checked`;
        console.error(`NOT RUN: ${reason}`);
        st.skip(reason);
        return;
      }
      assert.equal(result.inlay_hint_enabled, true, 'vim.lsp.inlay_hint.enable failed');
    });
  },
);
