import { realpathSync } from 'node:fs';
import { readRegularFile } from '../config/readRegularFile';
import { extname, resolve, sep } from 'node:path';

/** Files larger than this are not read as composed config files. */
export const MAX_COMPOSED_FILE_BYTES = 2 * 1024 * 1024;
const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** The real path, or undefined when it does not resolve (missing, a broken link, a loop). */
function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * The reader the server gives the analysis for files a config composes (Hydra `defaults:` groups, detectron2
 * `_BASE_` files): YAML/JSON only, under a workspace folder, texts of open documents first; on disk, only regular
 * files of at most 2 MB whose real path (every symlink resolved) lies inside one of the workspace folders' real
 * paths. A link that leads out of the workspace is not followed. With no workspace folder, open documents only.
 */
export function workspaceFileReader(roots: readonly string[], openText: (path: string) => string | undefined) {
  const realRoots = roots.map((root) => realPath(resolve(root))).filter((root): root is string => root !== undefined);
  const lexicalRoots = roots.map((root) => resolve(root) + sep);
  const inside = (path: string) => realRoots.some((root) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
  return (path: string): string | undefined => {
    const absolute = resolve(path);
    if (!CONFIG_EXTENSIONS.has(extname(absolute).toLowerCase())) return undefined;
    if (roots.length && !lexicalRoots.some((root) => absolute.startsWith(root))) return undefined;
    const open = openText(absolute);
    if (open !== undefined) return open;
    if (realRoots.length === 0) return undefined;
    const real = realPath(absolute);
    if (real === undefined || !inside(real) || !CONFIG_EXTENSIONS.has(extname(real).toLowerCase())) return undefined;
    const read = readRegularFile(real, MAX_COMPOSED_FILE_BYTES, { noFollow: true });
    return read.ok ? read.bytes.toString('utf8') : undefined;
  };
}

/**
 * Whether a directory lies inside one of the workspace folders, by real path (a link out of the workspace is
 * outside). With no workspace folder, nothing is.
 */
export function insideWorkspace(roots: () => readonly string[]): (directory: string) => boolean {
  return (directory) => {
    const real = realPath(directory);
    if (real === undefined) return false;
    return roots().some((root) => {
      const realRoot = realPath(resolve(root));
      return realRoot !== undefined && (real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep));
    });
  };
}
