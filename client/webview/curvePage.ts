import uPlot from 'uplot';
import './curvePage.css';
import { curveSvg, type SvgCurve } from '../../server/src/analysis/curveSvg';
import { formatLr } from '../../server/src/analysis/describePlan';
import { parseHostMessage, type PageMessage, type ValidHostMessage } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

type Curve = NonNullable<NonNullable<ValidHostMessage['response']>['curve']>;
type Preview = NonNullable<ValidHostMessage['previews']>[number];

const vscode = acquireVsCodeApi();
const post = (message: PageMessage) => vscode.postMessage(message);
const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the curve page has no #${id}`);
  return element;
};
const title = byId('title');
const summary = byId('summary');
const status = byId('status');
const chartBox = byId('chart');
const readout = byId('readout');
const axisNote = byId('axis-note');
const description = byId('description');
const logButton = byId('log') as HTMLButtonElement;
const exportButtons = ['svg', 'png', 'csv'].map((format) => byId(`export-${format}`) as HTMLButtonElement);

let chart: uPlot | undefined;
/** What the chart was built for: a new chart only when this changes, otherwise `setData` on the existing one. */
let chartShape = '';
let curve: Curve | undefined;
let previews: Preview[] = [];
let logScale = false;
/** Bumped when VS Code changes the theme: the chart is rebuilt in the new colors. */
let themeVersion = 0;

/** Theme colors from VS Code's CSS variables (they change with the theme, so read them each time). */
function theme() {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const foreground = read('--vscode-editor-foreground', read('--vscode-foreground', '#333333'));
  return {
    foreground,
    grid: read('--vscode-editorWidget-border', '#88888855'),
    line: read('--vscode-charts-blue', '#1f77b4'),
    marker: read('--vscode-charts-orange', '#d18616'),
    compare: [
      read('--vscode-charts-green', '#388a34'),
      read('--vscode-charts-purple', '#652d90'),
      read('--vscode-charts-red', '#e51400'),
      read('--vscode-charts-yellow', '#bf8803'),
    ],
    font: `${read('--vscode-font-size', '12px')} ${read('--vscode-font-family', 'sans-serif')}`,
  };
}

function formatStep(step: number | null | undefined): string {
  return step == null ? '–' : String(Math.round(step));
}

function formatLrValue(lr: number | null | undefined): string {
  return lr == null ? '–' : formatLr(lr);
}

/** Aligned data: x = union of every curve's steps; on a log axis an LR of 0 cannot be drawn, so it becomes a gap. */
function chartData(shown: Curve): uPlot.AlignedData {
  const toTable = (points: { step: number; lr: number }[]): uPlot.AlignedData => [
    points.map((p) => p.step),
    points.map((p) => (logScale && p.lr <= 0 ? null : p.lr)) as (number | null)[],
  ];
  const tables = [shown.points, ...previews.map((p) => p.points)].map(toTable);
  const [only, ...more] = tables;
  return only && more.length === 0 ? only : uPlot.join(tables);
}

function axisLabel(c: Curve): string {
  return c.assumptions.length ? `${c.unit}s (length assumed)` : `${c.unit}s`;
}

function buildChart(shown: Curve): void {
  chart?.destroy();
  const colors = theme();
  const width = Math.max(200, chartBox.clientWidth || 640);
  const axis = {
    stroke: colors.foreground,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
    font: colors.font,
    labelFont: colors.font,
  };
  const markerPlugin: uPlot.Plugin = {
    hooks: {
      draw: [
        (u) => {
          if (!curve) return;
          const { ctx } = u;
          const { top, height } = u.bbox;
          ctx.save();
          ctx.strokeStyle = colors.marker;
          ctx.fillStyle = colors.marker;
          ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
          ctx.lineWidth = devicePixelRatio;
          ctx.font = `${11 * devicePixelRatio}px sans-serif`;
          ctx.textBaseline = 'top';
          ctx.textAlign = 'left';
          for (const marker of curve.markers) {
            const x = Math.round(u.valToPos(marker.step, 'x', true));
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            ctx.fillText(marker.label, x + 3 * devicePixelRatio, top + 2 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
      setCursor: [
        (u) => {
          const index = u.cursor.idx;
          if (index == null) {
            readout.textContent = '';
            return;
          }
          const step = u.data[0][index];
          const lrs = u.series.slice(1).map((series, i) => `${series.label}: ${formatLrValue(u.data[i + 1]?.[index])}`);
          readout.textContent = `step ${formatStep(step)} · ${lrs.join(' · ')}`;
        },
      ],
    },
  };
  const options: uPlot.Options = {
    width,
    height: Math.max(220, Math.min(420, Math.round(width * 0.5))),
    scales: { x: { time: false }, y: logScale ? { distr: 3 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
    series: [
      { label: 'step', value: (_u, v) => formatStep(v) },
      { label: 'LR', stroke: colors.line, width: 2, spanGaps: true, points: { show: false }, value: (_u, v) => formatLrValue(v) },
      ...previews.map((p, i): uPlot.Series => ({
        label: p.title,
        stroke: colors.compare[i % colors.compare.length],
        width: 1.5,
        dash: [6, 4],
        spanGaps: true,
        points: { show: false },
        value: (_u, v) => formatLrValue(v),
      })),
    ],
    axes: [
      { ...axis, label: axisLabel(shown) },
      {
        ...axis,
        size: 70,
        values: (_u, values) => values.map((v) => formatLrValue(v)),
        label: logScale ? 'learning rate (log)' : 'learning rate',
      },
    ],
    cursor: { drag: { x: false, y: false }, points: { show: true } },
    legend: { show: true, live: true },
    plugins: [markerPlugin],
  };
  chart = new uPlot(options, chartData(shown), chartBox);
}

function shapeOf(c: Curve): string {
  return JSON.stringify([logScale, axisLabel(c), previews.map((p) => p.title), themeVersion]);
}

/** Redraw on the existing chart when only the numbers changed; rebuild only when series, axes or theme changed. */
function draw(): void {
  if (!curve) return;
  const shape = shapeOf(curve);
  if (chart && shape === chartShape) {
    chart.setData(chartData(curve));
  } else {
    buildChart(curve);
    chartShape = shape;
  }
}

function clearChart(): void {
  chart?.destroy();
  chart = undefined;
  chartShape = '';
  curve = undefined;
  readout.textContent = '';
  axisNote.textContent = '';
  summary.textContent = '';
}

function render(data: unknown): void {
  const parsed = parseHostMessage(data);
  if (!parsed) return; // a malformed message is ignored, never rendered
  const { fileName, response } = parsed;
  title.textContent = `Learning-Rate Curve · ${fileName}`;
  description.replaceChildren(
    ...(response?.description ?? []).map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }),
  );
  const next = response?.curve;
  for (const button of exportButtons) button.disabled = !next;
  if (!next || next.points.length === 0) {
    clearChart();
    status.textContent = response?.dialect
      ? 'This training config has no schedule LR Lens can draw yet (see the Problems panel).'
      : 'This file is not a training config LR Lens recognizes.';
    return;
  }
  curve = next;
  previews = parsed.previews ?? [];
  summary.textContent = next.summary.text;
  status.textContent = next.validationDriven ? 'The LR depends on validation metrics: shown until the first reduction.' : '';
  axisNote.textContent = [
    `x: ${next.totalSteps} ${next.unit}s`,
    ...next.assumptions.map((a) => `assumed: ${a}`),
    ...(previews.length ? [`dashed: the curve after each quick fix (${previews.map((p) => p.title).join(', ')})`] : []),
  ].join(' · ');
  draw();
}

function exportSvg(): void {
  // A standalone file: fixed colors that read on a white page, whatever the editor theme.
  if (curve) post({ type: 'export', format: 'svg', content: curveSvg(curve as unknown as SvgCurve, { width: 800, height: 400 }) });
}

logButton.addEventListener('click', () => {
  logScale = !logScale;
  logButton.setAttribute('aria-pressed', String(logScale));
  draw();
});
byId('export-svg').addEventListener('click', exportSvg);
byId('export-png').addEventListener('click', () => {
  if (chart) post({ type: 'export', format: 'png', content: chart.ctx.canvas.toDataURL('image/png') });
});
byId('export-csv').addEventListener('click', () => {
  if (curve) post({ type: 'export', format: 'csv' });
});
for (const button of exportButtons) button.disabled = true;

// VS Code switches themes by rewriting the root's CSS variables and the body's class: redraw in the new colors.
const onThemeChange = () => {
  themeVersion++;
  draw();
};
new MutationObserver(onThemeChange).observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
new MutationObserver(onThemeChange).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let lastWidth = 0;
new ResizeObserver(() => {
  const width = chartBox.clientWidth;
  if (!chart || width === lastWidth || width === 0) return;
  lastWidth = width;
  chart.setSize({ width, height: Math.max(220, Math.min(420, Math.round(width * 0.5))) });
}).observe(chartBox);

window.addEventListener('message', (event) => render(event.data));
post({ type: 'ready' });
