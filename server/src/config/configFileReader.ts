import { realpathSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { readRegularFile } from './readRegularFile';

/** Files larger than this are not read as composed config files. */
const MAX_COMPOSED_FILE_BYTES = 2 * 1024 * 1024;
const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A reader for config files a config composes (Hydra `defaults:` lists, detectron2 `_BASE_`): YAML/JSON files
 * only, under one of `roots` when roots are given (the workspace folders; checked on the real path, so a link
 * cannot lead out of them), regular files of at most 2 MB, texts of open documents first. Nothing else of the
 * disk is read, and a FIFO or device is never opened for reading in a way that could block.
 */
export function configFileReader(roots: readonly string[], openText: (path: string) => string | undefined = () => undefined) {
  const allowedRoots = roots.map((root) => resolve(root) + sep);
  // A workspace folder may itself be reached through a link (`/tmp` → `/private/tmp`): its real path counts.
  const realRoots = roots.map((root) => (realPathOf(resolve(root)) ?? resolve(root)) + sep);
  return (path: string): string | undefined => {
    const absolute = resolve(path);
    if (!CONFIG_EXTENSIONS.has(extname(absolute).toLowerCase())) return undefined;
    if (allowedRoots.length && !allowedRoots.some((root) => absolute.startsWith(root))) return undefined;
    const open = openText(absolute);
    if (open !== undefined) return open;
    if (realRoots.length) {
      const real = realPathOf(absolute);
      if (real === undefined || !realRoots.some((root) => real.startsWith(root))) return undefined;
    }
    const read = readRegularFile(absolute, MAX_COMPOSED_FILE_BYTES);
    return read.ok ? read.bytes.toString('utf8') : undefined;
  };
}
