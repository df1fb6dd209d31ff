/**
 * JSON with comments (VS Code's `jsonc`, DeepSpeed configs in the wild): comments are blanked out with
 * spaces, keeping every offset and line break, so the YAML parser reads plain JSON and ranges stay exact.
 * Applied only to texts that open like JSON (`{` or `[`).
 */
export function blankJsonComments(text: string): string {
  const start = text.search(/\S/);
  if (start === -1 || (text[start] !== '{' && text[start] !== '[')) return text;
  if (!text.includes('//') && !text.includes('/*')) return text;
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      for (; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) out[i] = ' ';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n' && text[i] !== '\r') out[i] = ' ';
    } else {
      i++;
    }
  }
  return out.join('');
}
