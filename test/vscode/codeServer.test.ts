// End to end in a real VS Code workbench, offline: code-server (VS Code 1.100 with its Node extension host, from the
// npm registry) served on 127.0.0.1 and driven by Debian's Chromium through playwright-core.
//  1. The extension-host Mocha suite (test/vscode/suite, the one @vscode/test-electron runs) via the `payload` query.
//  2. A walk through the UI: squiggle, CodeLens, Ctrl+. quick fix, status bar, the curve webview.
//  3. A walk while typing: inlay hint, completion of a scheduler name with its sparkline, the lens after the pick.
// Nothing here is skipped: a missing Chromium, ripgrep or a failed install fails the test with the reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuilt } from '../helpers/build';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../helpers/chromium';
import { REPO } from '../helpers/lspClient';
import { must } from '../helpers/must';
import { ensureCodeServer } from './codeServerInstall';
import { poll, runExtensionHostEntry, startCodeServer, workbenchUrl, workspaceCopy, type CodeServer } from './codeServerHarness';

const SCREENSHOTS = join(REPO, 'test-results', 'screenshots');
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** Text as the editor shows it (Monaco renders spaces as no-break spaces). */
const editorText = (page: Page) =>
  page.evaluate(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? '');

/** A Hugging Face run whose length is in epochs: LR Lens assumes the steps per epoch, and says so in the lens. */
const HF_EPOCHS = [
  '# A Hugging Face run measured in epochs (no max_steps).',
  'model_name_or_path: Qwen/Qwen2.5-0.5B',
  'output_dir: out/sft-epochs',
  'learning_rate: 2.0e-5',
  'lr_scheduler_type: cosine',
  'warmup_ratio: 0.03',
  'num_train_epochs: 3',
  '',
].join('\n');

/** A Hugging Face run being written: the scheduler value is still to be typed. */
const HF_TYPING = [
  '# A Hugging Face run being written.',
  'model_name_or_path: Qwen/Qwen2.5-0.5B',
  'output_dir: out/sft',
  'learning_rate: 2.0e-5',
  'warmup_ratio: 0.03',
  'max_steps: 2000',
  'lr_scheduler_type:',
  '',
].join('\n');

/** Opens a workspace file with Quick Open and waits until the editor shows `expected`. */
async function quickOpen(page: Page, name: string, expected: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
  await poll(`the editor to show ${name}`, async () => (await editorText(page)).includes(expected), 30_000);
}

describe('LR Lens in a real VS Code workbench (code-server, offline)', { timeout: INSTALL_TIMEOUT_MS + 5 * 60_000 }, () => {
  let root: string;
  let server: CodeServer | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const timings: string[] = [];
  const offOrigin: string[] = [];

  before(async () => {
    requireChromium();
    let started = Date.now();
    const entry = ensureCodeServer((line) => console.log(`# ${line}`));
    timings.push(`code-server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    ensureBuilt();
    const suite = spawnSync(process.execPath, ['test/vscode/buildSuite.mjs'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(suite.status, 0, `the extension-host suite must build:\n${suite.stderr}`);
    root = mkdtempSync(join(tmpdir(), 'lr-lens-code-server-'));
    server = await startCodeServer(entry, root);
    const origin = server.origin;
    chromium = await launchChromium({ viewport: { width: 1400, height: 900 } });
    // The browser talks to code-server only; anything else is refused and reported.
    await chromium.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      offOrigin.push(url);
      return route.abort();
    });
    timings.push(`build + code-server start + chromium in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    const started = Date.now();
    await chromium?.close();
    await server?.stop();
    timings.push(`shut down in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (root) rmSync(root, { recursive: true, force: true });
    for (const line of timings) console.log(`# ${line}`);
    if (offOrigin.length) console.log(`# requests refused (not to code-server): ${[...new Set(offOrigin)].join(', ')}`);
  });

  test('the extension-host Mocha suite passes inside code-server (exit code 0)', async () => {
    const started = Date.now();
    const codeServer = must(server, 'code-server, started before the tests');
    const folder = workspaceCopy(root, 'suite-workspace');
    const { code, log } = await runExtensionHostEntry(must(chromium, 'Chromium, launched before the tests').context, codeServer, {
      folder,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: join(REPO, 'dist', 'test', 'vscode', 'suite', 'index.js'),
      timeoutMs: 180_000,
    });
    timings.push(`extension-host suite in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const report = log.join('\n');
    assert.match(report, /passing/, `the Mocha report came back:\n${report}`);
    assert.equal(code, 0, `the suite failed:\n${report}\n--- code-server ---\n${codeServer.output.join('').slice(-3000)}`);
    assert.match(report, /5 passing/, report);
  });

  test('UI walk: the epochs lens on first open, squiggle and CodeLens, Ctrl+. applies the cosine fix, the curve webview draws it', async () => {
    const started = Date.now();
    const codeServer = must(server, 'code-server, started before the tests');
    const page = await must(chromium, 'Chromium, launched before the tests').context.newPage();
    page.setDefaultTimeout(60_000);
    const folder = workspaceCopy(root, 'ui-workspace');
    writeFileSync(join(folder, 'hf-epochs.yaml'), HF_EPOCHS);
    await page.goto(
      workbenchUrl(codeServer, folder, [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${codeServer.port}${REPO}`]]),
    );
    await page.waitForSelector('.monaco-workbench');
    try {
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      // First file opened (it activates the extension), length in epochs, no edit before looking: the lens is there.
      await quickOpen(page, 'hf-epochs.yaml', 'num_train_epochs: 3');
      const assumed = await page.waitForSelector('.monaco-editor .codelens-decoration:has-text("(assumed)")', { timeout: 30_000 });
      assert.match(
        must(await assumed.textContent(), 'the text of the epochs lens'),
        /^LR [▁▂▃▄▅▆▇█]{16} {2}cosine · peak 2e-5 · warmup 90 steps · .+ · 3000 steps \(assumed\)\s*\|\s*Preview$/,
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-codelens-epochs.png') });

      // Quick Open the example.
      await quickOpen(page, 'hf-constant.yaml', 'lr_scheduler_type: constant_with_warmup');

      // The server's warning, as a squiggle, and the CodeLens summary above the scheduler line.
      const squiggle = await page.waitForSelector('.monaco-editor .squiggly-warning');
      const lens = await page.waitForSelector('.monaco-editor .codelens-decoration:has-text("Preview")');
      assert.match(
        must(await lens.textContent(), 'the text of the constant-lr lens'),
        /^LR [▁▂▃▄▅▆▇█]{16} {2}constant_with_warmup · peak 1e-5 · warmup 100 steps · ends at 1e-5 · 800 steps\s*\|\s*Preview$/,
      );
      const status = await page.waitForSelector('.statusbar-item:has-text("Hugging Face Trainer")');
      assert.ok(status);
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-squiggle-codelens.png') });

      // Hover on the LR key: the curve as an image (a data: SVG) with the summary.
      const lrKey = await page.waitForSelector('.monaco-editor .view-line span:text-is("learning_rate")');
      await lrKey.hover();
      const image = await page.waitForSelector('.monaco-hover img[src^="data:image/svg+xml;base64,"]');
      const size = await image.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
      assert.deepEqual(size, { width: 560, height: 190 }, 'the SVG decodes and renders at its size');
      await page.waitForSelector('.monaco-hover-content:has-text("constant_with_warmup · peak 1e-5 · warmup 100 steps")');
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-hover.png') });
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);

      // Cursor on the squiggle, Ctrl+., Enter on the highlighted (preferred) fix.
      const box = must(await squiggle.boundingBox(), 'the box of the squiggle');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.press('Control+.');
      await page.waitForSelector('.action-widget .monaco-list-row:has-text("Use cosine decay")');
      const rows = await page.$$eval('.action-widget .monaco-list-row', (items) => items.map((i) => i.textContent?.trim()));
      assert.ok(
        rows.some((r) => r?.includes('Use linear decay')),
        `both fixes are offered: ${rows.join(' | ')}`,
      );
      await page.keyboard.press('Enter');
      await poll('the fix to be applied', async () => (await editorText(page)).includes('lr_scheduler_type: cosine'), 30_000);
      // The constant-lr squiggle goes (the cosine run may have other findings, on other lines).
      const onSchedulerLine = async () => {
        const boxes = await Promise.all((await page.$$('.monaco-editor .squiggly-warning')).map((s) => s.boundingBox()));
        return boxes.some((b) => b && Math.abs(b.y - box.y) < box.height / 2);
      };
      await poll('the constant-lr squiggle to go', async () => !(await onSchedulerLine()), 30_000);
      await page.waitForSelector('.monaco-editor .codelens-decoration:has-text("cosine · peak 1e-5")');

      // The preview, from the command palette.
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type('LR Lens: Show Learning-Rate Curve');
      await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("Show Learning-Rate Curve")');
      await page.keyboard.press('Enter');
      // Webviews are nested iframes: find the frame holding the page.
      const frame = await poll<Frame>(
        'the curve webview to draw the fixed curve',
        async () => {
          for (const f of page.frames()) {
            const summary = await f.evaluate(() => document.getElementById('summary')?.textContent ?? '').catch(() => '');
            if (summary.includes('cosine · peak 1e-5') && (await f.$('#chart canvas').catch(() => null))) return f;
          }
          return undefined;
        },
        60_000,
      );
      assert.match(
        must(await frame.textContent('#summary'), 'the webview summary'),
        /^cosine · peak 1e-5 · warmup 100 steps · ends at .+ · 800 steps$/,
      );
      assert.equal(await frame.textContent('#axis-note'), 'x: 800 steps');
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-curve-webview.png') });
    } catch (error) {
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-failure.png') }).catch(() => undefined);
      throw error;
    } finally {
      await page.close();
      timings.push(`UI walk in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });

  test('UI walk: typing a scheduler value offers names with sparklines; the pick updates the lens and the warmup inlay hint shows', async () => {
    const started = Date.now();
    assert.ok(chromium && server, 'code-server and Chromium started');
    const page = await chromium.context.newPage();
    page.setDefaultTimeout(60_000);
    const folder = workspaceCopy(root, 'typing-workspace');
    writeFileSync(join(folder, 'hf-typing.yaml'), HF_TYPING);
    await page.goto(workbenchUrl(server, folder, [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${REPO}`]]));
    await page.waitForSelector('.monaco-workbench');
    try {
      await page.waitForSelector('.explorer-folders-view .monaco-list-row');
      await quickOpen(page, 'hf-typing.yaml', 'lr_scheduler_type:');
      // The server has analyzed the file (the empty scheduler is an error) before anything is typed.
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
      // Cursor at the end of the scheduler line; the space after the colon is a trigger character.
      await page.keyboard.press('Control+G');
      await page.waitForSelector('.quick-input-widget input');
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
      await page.waitForSelector('.suggest-widget .monaco-list-row[aria-label*="cosine"]');
      const labels = await page.$$eval('.suggest-widget .monaco-list-row', (rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
      assert.match(labels[0] ?? '', /^cosine/, `decaying schedules first: ${labels.join(' | ')}`);
      // The details pane (Ctrl+Space toggles it) shows the resolved item's sparkline under this file's plan.
      if (!(await page.$('.suggest-details-container .suggest-details:visible'))) await page.keyboard.press('Control+Space');
      await page.waitForSelector('.suggest-details:has-text("Recommended default")');
      await page.waitForSelector('.suggest-details:has-text("cosine · peak 2e-5")');
      const details = (await page.textContent('.suggest-details')) ?? '';
      assert.match(details, /[▁▂▃▄▅▆▇█]{24}/);
      // The README's still (media/completion-sparkline.png) is a copy of this picture.
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-completion.png') });
      // Pick `linear`: typing filters the list, Enter inserts the item's edit.
      await page.keyboard.type('linear');
      await page.waitForSelector('.suggest-widget .monaco-list-row.focused[aria-label^="linear"]');
      await page.keyboard.press('Enter');
      await poll('the picked scheduler', async () => (await editorText(page)).includes('lr_scheduler_type: linear'), 30_000);
      // The curve updates: the lens above the scheduler now draws linear decay.
      await page.waitForSelector('.monaco-editor .codelens-decoration:has-text("linear · peak 2e-5 · warmup 60 steps")', {
        timeout: 30_000,
      });
      // With a plan, the inlay hint after the warmup ratio: injected text, drawn as a span's text or its CSS content.
      const renderedLines = () =>
        // (No named functions inside: tsx would wrap them in a helper the page does not have.)
        page.$$eval('.monaco-editor .view-line', (lines) =>
          lines.map((line) =>
            Array.from(line.querySelectorAll('span'))
              .filter((span) => span.children.length === 0)
              .map((span) =>
                ['::before', '', '::after']
                  .map((where) =>
                    where
                      ? getComputedStyle(span, where)
                          .content.replace(/^"(.*)"$/, '$1')
                          .replace(/^none$/, '')
                      : (span.textContent ?? ''),
                  )
                  .join(''),
              )
              .join('')
              .replace(/\u00a0/g, ' '),
          ),
        );
      await poll(
        'the warmup inlay hint',
        async () => (await renderedLines()).some((line) => /^warmup_ratio: 0\.03\s*= 60 steps$/.test(line)),
        30_000,
      );
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-completion-picked.png') });
    } catch (error) {
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-completion-failure.png') }).catch(() => undefined);
      throw error;
    } finally {
      await page.close();
      timings.push(`completion walk in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });
});
