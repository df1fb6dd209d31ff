import { curveSvg } from '../../server/src/analysis/curveSvg';
import type { CurveResult } from '../../server/src/analysis/curve';
import { HostMessageSchema } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const title = document.getElementById('title')!;
const status = document.getElementById('status')!;
const chart = document.getElementById('chart')!;
const description = document.getElementById('description')!;

function render(data: unknown): void {
  const parsed = HostMessageSchema.safeParse(data);
  if (!parsed.success) return;
  const { fileName, response } = parsed.data;
  title.textContent = `Learning-Rate Curve · ${fileName}`;
  description.replaceChildren(
    ...(response?.description ?? []).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
  if (!response?.curve) {
    chart.replaceChildren();
    status.textContent = response?.dialect
      ? 'This training config has no schedule LR Lens can draw yet (see the Problems panel).'
      : 'This file is not a training config LR Lens recognises.';
    return;
  }
  status.textContent = response.curve.validationDriven ? 'The LR depends on validation metrics: shown until the first reduction.' : '';
  // The SVG is built from numbers and escaped text only; it never contains markup from the file.
  chart.innerHTML = curveSvg(response.curve as unknown as Omit<CurveResult, 'plan'>, { foreground: 'currentColor', width: 720, height: 340 });
}

window.addEventListener('message', (event) => render(event.data));
vscode.postMessage({ type: 'ready' });
