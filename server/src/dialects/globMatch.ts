/**
 * Minimal glob matching for the `dialectGlobs` setting: `**` (any folders), `*` (within one folder),
 * `?` (one character), `{a,b}` (alternatives). A pattern without a folder part matches the file name in any
 * folder; one with folders matches the end of the path (so workspace-relative patterns work on absolute paths).
 */
function toRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
        i = end;
      }
    } else out += escape(ch);
  }
  return new RegExp(`(?:^|/)${out}$`);
}

function escape(text: string): string {
  return text.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/[*?{}]/g, '\\$&');
}

export function globMatches(glob: string, fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  return toRegExp(pattern.startsWith('/') ? pattern.slice(1) : pattern).test(path);
}
