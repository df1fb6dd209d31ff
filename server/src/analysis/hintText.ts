import type { Span } from '../parse/textSpan';

/** `3000` → `3,000`. Not toLocaleString: its first call loads ICU data (~20 ms), which an inlay-hint request must not pay. */
export const groupedCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The text written at a span without its surrounding blanks and quotes; null when empty or longer than `maxLength`. */
export function writtenText(text: string, span: Span, maxLength: number): string | null {
  const raw = text
    .slice(span.start, span.end)
    .trim()
    .replace(/^["']|["']$/g, '');
  return raw === '' || raw.length > maxLength ? null : raw;
}
