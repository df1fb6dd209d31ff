/** The curve page's HTML: a strict CSP with a nonce, no inline handlers, only the bundled script and stylesheet. */
export interface PageHtmlOptions {
  nonce: string;
  /** The webview's `cspSource` (VS Code's origin for local resources). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
}

export function newNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

function attr(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function curvePageHtml({ nonce, cspSource, scriptUri, styleUri }: PageHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Learning-Rate Curve</title>
<link rel="stylesheet" nonce="${nonce}" href="${attr(styleUri)}">
</head>
<body>
<header>
  <h3 id="title">Learning-Rate Curve</h3>
  <div id="toolbar" role="toolbar" aria-label="Chart">
    <button id="log" type="button" aria-pressed="false" title="Logarithmic y-axis">Log y</button>
    <button id="export-svg" type="button">Export SVG</button>
    <button id="export-png" type="button">Export PNG</button>
    <button id="export-csv" type="button">Export CSV</button>
  </div>
</header>
<div id="summary"></div>
<div id="status" role="status">Open a training config to see its learning-rate curve.</div>
<div id="chart"></div>
<div id="readout" aria-live="polite"></div>
<div id="axis-note"></div>
<ul id="description"></ul>
<script nonce="${nonce}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}
