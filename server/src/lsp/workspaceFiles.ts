import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
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
 * At most `maxBytes` of a regular file, or undefined. Opened without blocking (a FIFO or a device cannot hold the
 * server up) and checked on the open descriptor, so a file swapped for something else in between is not read.
 */
function readRegularFile(path: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return undefined; // it grew while being read
    return buffer.toString('utf8', 0, length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
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
    return readRegularFile(real, MAX_COMPOSED_FILE_BYTES);
  };
}
