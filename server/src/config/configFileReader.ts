import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';

/** Files larger than this are not read as composed config files. */
const MAX_COMPOSED_FILE_BYTES = 2 * 1024 * 1024;
const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * A reader for config files a config composes (Hydra `defaults:` lists): YAML/JSON files only, under one of
 * `roots` when roots are given (the workspace folders), never larger than 2 MB, texts of open documents first.
 * Nothing else of the disk is read.
 */
export function configFileReader(roots: readonly string[], openText: (path: string) => string | undefined = () => undefined) {
  const allowedRoots = roots.map((root) => resolve(root) + sep);
  return (path: string): string | undefined => {
    const absolute = resolve(path);
    if (!CONFIG_EXTENSIONS.has(extname(absolute).toLowerCase())) return undefined;
    if (allowedRoots.length && !allowedRoots.some((root) => absolute.startsWith(root))) return undefined;
    const open = openText(absolute);
    if (open !== undefined) return open;
    try {
      const stats = statSync(absolute);
      if (!stats.isFile() || stats.size > MAX_COMPOSED_FILE_BYTES) return undefined;
      return readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  };
}
