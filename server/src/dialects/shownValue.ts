/**
 * A user's value as a message quotes it: at most a short prefix, so that a message (a diagnostic, CLI text, SARIF)
 * never carries a whole token or secret read from a file, and control characters escaped so that it cannot move
 * the cursor of a terminal or break a line.
 */
export const MAX_SHOWN_LENGTH = 16;

/** Characters that may not appear raw in a message: C0 and C1 controls, DEL, line and paragraph separators, bidi controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first `max` characters of a text (whole code points), with `…` when it was longer. */
export function shortPrefix(text: string, max = MAX_SHOWN_LENGTH): string {
  if (text.length <= max) return escapeControls(text);
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${escapeControls(text.slice(0, end))}…`;
}

/** `'text'` for strings, JSON for other values, `nothing` for null: always cut to a short prefix. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return `'${shortPrefix(value)}'`;
  if (value === null || value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeof value;
  }
  return shortPrefix(text);
}
