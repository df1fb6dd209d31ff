// The built curve page (dist/webview) in headless Chromium, as a VS Code webview runs it: a strict CSP with a nonce, a
// stub `acquireVsCodeApi`, messages posted the way VS Code posts them, and every request answered from dist/ (anything
// else is recorded: the page must load no remote resources). Shared by the browser tests and the webview benchmark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { curvePageHtml } from '../../client/webview/pageHtml';
import { launchChromium } from '../helpers/chromium';
import { REPO } from '../helpers/lspClient';

export const ORIGIN = 'https://lr-lens-webview.test';
export const NONCE = 'TestNonce0123456789abcdefghijklm';

export const DARK = {
  '--vscode-foreground': '#cccccc',
  '--vscode-editor-foreground': '#d4d4d4',
  '--vscode-editor-background': '#1e1e1e',
  '--vscode-editorWidget-border': '#454545',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-green': '#89d185',
  '--vscode-button-secondaryBackground': '#3a3d41',
  '--vscode-button-secondaryForeground': '#cccccc',
  '--vscode-button-background': '#0e639c',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
};
export const LIGHT = {
  ...DARK,
  '--vscode-foreground': '#616161',
  '--vscode-editor-foreground': '#333333',
  '--vscode-editor-background': '#ffffff',
  '--vscode-editorWidget-border': '#c8c8c8',
  '--vscode-charts-blue': '#1a85ff',
  '--vscode-charts-green': '#388a34',
  '--vscode-button-secondaryBackground': '#e5e5e5',
  '--vscode-button-secondaryForeground': '#3b3b3b',
};

export interface Harness {
  page: Page;
  errors: string[];
  offOrigin: string[];
  posted(): Promise<unknown[]>;
  send(message: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function openPage(viewport = { width: 900, height: 720 }): Promise<Harness> {
  const chromium = await launchChromium({ viewport });
  const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
  const errors: string[] = [];
  const offOrigin: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const html = curvePageHtml({
    nonce: NONCE,
    cspSource: ORIGIN,
    scriptUri: `${ORIGIN}/dist/webview/curvePage.js`,
    styleUri: `${ORIGIN}/dist/webview/curvePage.css`,
  });
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      offOrigin.push(url.href);
      return route.abort();
    }
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: html });
    const file = url.pathname.slice(1);
    if (!/^dist\/webview\/[\w.]+$/.test(file)) return route.fulfill({ status: 404 });
    const contentType = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ contentType, body: readFileSync(join(REPO, file)) });
  });
  // VS Code's webview API, stubbed: the page's messages are collected; CSP violations are recorded.
  // (A string, not a function: tsx's keep-names helper `__name` would not exist in the page; it is defined here so
  // the functions given to page.evaluate below run as written.)
  await page.addInitScript(`
    globalThis.__name = (target) => target;
    window.__posted = [];
    window.__violations = [];
    window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__posted.push(message), getState: () => undefined, setState: () => undefined });
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
  `);
  page.setDefaultTimeout(10_000);
  await page.goto(`${ORIGIN}/`);
  return {
    page,
    errors,
    offOrigin,
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message as never),
    close: () => chromium.close(),
  };
}

export async function setTheme(page: Page, kind: 'vscode-light' | 'vscode-dark', variables: Record<string, string>): Promise<void> {
  // As VS Code does: CSS variables on the root element, the theme kind as the body's class.
  await page.evaluate(
    ({ kind, variables }) => {
      for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(name, value);
      document.body.className = kind;
    },
    { kind, variables },
  );
}
