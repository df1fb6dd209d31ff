import type { CurveResult } from './curve';
import { formatLr } from './describePlan';

export interface SvgOptions {
  width?: number;
  height?: number;
  /** Colors; defaults suit a white page. The webview passes theme colors instead. */
  foreground?: string;
  line?: string;
  grid?: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rounded, readable tick values between 0 and max. */
function ticks(max: number, count: number): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const values: number[] = [];
  for (let v = 0; v <= max * 1.0001; v += step) values.push(+v.toPrecision(12));
  return values;
}

/** What the chart needs of a curve. */
export type SvgCurve = Pick<CurveResult, 'points' | 'markers' | 'totalSteps' | 'summary' | 'unit' | 'assumptions'>;

/** A standalone SVG chart of a curve: axes with ticks, the LR line, markers, and the plan in one line. */
export function curveSvg(curve: SvgCurve, options: SvgOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const fg = options.foreground ?? '#333';
  const lineColor = options.line ?? '#1f77b4';
  const grid = options.grid ?? '#ddd';
  const margin = { left: 64, right: 16, top: 28, bottom: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const lastStep = Math.max(1, curve.totalSteps - 1);
  const maxLr = Math.max(...curve.points.map((p) => p.lr), 0) || 1;
  const yTicks = ticks(maxLr, 4);
  const yMax = Math.max(maxLr, yTicks.at(-1) ?? maxLr);
  const xTicks = ticks(lastStep, 5).filter((v) => v <= lastStep);
  const x = (step: number) => margin.left + (step / lastStep) * plotW;
  const y = (lr: number) => margin.top + plotH - (lr / yMax) * plotH;
  const path = curve.points.map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(2)},${y(p.lr).toFixed(2)}`).join('');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(curve.summary.text)}</title>`,
    `<text x="${margin.left}" y="16" fill="${fg}" font-size="12">${escapeXml(curve.summary.text)}</text>`,
  ];
  for (const v of yTicks) {
    parts.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(v).toFixed(2)}" y2="${y(v).toFixed(2)}" stroke="${grid}" class="lr-grid"/>`,
    );
    parts.push(`<text x="${margin.left - 6}" y="${(y(v) + 4).toFixed(2)}" fill="${fg}" text-anchor="end">${formatLr(v)}</text>`);
  }
  for (const v of xTicks) {
    parts.push(
      `<line x1="${x(v).toFixed(2)}" x2="${x(v).toFixed(2)}" y1="${margin.top + plotH}" y2="${margin.top + plotH + 4}" stroke="${fg}"/>`,
    );
    parts.push(`<text x="${x(v).toFixed(2)}" y="${margin.top + plotH + 16}" fill="${fg}" text-anchor="middle">${v}</text>`);
  }
  for (const marker of curve.markers) {
    parts.push(
      `<line x1="${x(marker.step).toFixed(2)}" x2="${x(marker.step).toFixed(2)}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="${fg}" stroke-dasharray="3,3" opacity="0.6" class="lr-marker"><title>${escapeXml(`${marker.label} (step ${marker.step})`)}</title></line>`,
    );
  }
  parts.push(`<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="${fg}"/>`);
  parts.push(
    `<line x1="${margin.left}" x2="${width - margin.right}" y1="${margin.top + plotH}" y2="${margin.top + plotH}" stroke="${fg}"/>`,
  );
  parts.push(`<path d="${path}" fill="none" stroke="${lineColor}" stroke-width="1.5" class="lr-line"/>`);
  const assumed = curve.assumptions.length ? ' (assumed length)' : '';
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 6}" fill="${fg}" text-anchor="middle">${escapeXml(`${curve.unit}${assumed}`)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n');
}

/** The chart as a `data:` URI (base64, UTF-8), for markdown images in hovers. */
export function curveSvgDataUri(curve: SvgCurve, options: SvgOptions = {}): string {
  const bytes = new TextEncoder().encode(curveSvg(curve, options));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
