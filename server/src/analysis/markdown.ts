/**
 * Text from a config (values, names, messages that quote them) placed in Markdown. Editors render hovers as
 * Markdown: a value must not become an image, a link, a `command:` link, HTML or a heading there. Code spans
 * LR Lens writes itself (`name`, no backtick or line break inside) stay code spans, whose content Markdown shows
 * literally; everywhere else every character Markdown gives a meaning is escaped with a backslash (CommonMark
 * allows one before any ASCII punctuation), and line breaks become spaces.
 */

const SPECIAL = /[\\`*_[\]<>!&|~#]/g;
const CODE_SPAN = /`[^`\r\n]*`/g;

/** An underscore inside a word (`max_steps`) cannot open or close emphasis (CommonMark's flanking rules): it stays. */
const INTRAWORD = /[\p{L}\p{N}]/u;

function escapeOutsideCode(text: string): string {
  const line = text.replace(/\r?\n|\r/g, ' ');
  return line.replace(SPECIAL, (c, at: number) =>
    c === '_' && INTRAWORD.test(line.charAt(at - 1)) && INTRAWORD.test(line.charAt(at + 1)) ? c : `\\${c}`,
  );
}

/** `text` as Markdown that renders as exactly that text (code spans kept as code). */
export function markdownText(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    result += escapeOutsideCode(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  result += escapeOutsideCode(text.slice(last));
  // A line may not start a list, a heading underline or a numbered list.
  return result.replace(
    /^(\s*)([-+=]|\d+(?=[.)]))/,
    (_m, space: string, lead: string) => `${space}${/^\d/.test(lead) ? `${lead}\\` : `\\${lead}`}`,
  );
}

/** Image alt text: brackets (which would close the image) become spaces, the rest is escaped as above. */
export function markdownAlt(text: string): string {
  return markdownText(text.replace(/[[\]\\]/g, ' '));
}
