import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type FileRead =
  | { ok: true; bytes: Buffer; stats: Stats }
  /** `special`: the path is there but is no regular file (a FIFO, socket, device) or too large: skipped, not an error. */
  | { ok: false; reason: string; special: boolean };

const MB = 1024 * 1024;

function sizeOf(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function openError(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return { ok: false, reason: 'no such file or directory', special: false };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, reason: 'permission denied', special: false };
    case 'ENXIO':
    case 'EOPNOTSUPP':
      return { ok: false, reason: 'not a regular file (a socket or device)', special: true };
    case 'ELOOP':
      return { ok: false, reason: 'too many levels of symbolic links', special: false };
    case 'EISDIR':
      return { ok: false, reason: 'is a directory', special: false };
    default:
      return { ok: false, reason: code ?? (error instanceof Error ? error.message : String(error)), special: false };
  }
}

/**
 * Reads a file only when it is a regular file (symbolic links followed) of at most `maxBytes`, without ever
 * blocking: it is opened non-blocking (a FIFO without a writer opens at once), checked with fstat on the open
 * descriptor (so the file checked is the file read), and read up to `maxBytes` + 1 bytes (a file growing
 * meanwhile is still refused, never read without end as `/dev/zero` would be).
 */
export function readRegularFile(path: string, maxBytes: number, options: { noFollow?: boolean } = {}): FileRead {
  let fd: number;
  // noFollow: for a path already resolved to its real path, so a link swapped in afterwards is refused, not followed.
  const noFollow = options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | noFollow);
  } catch (error) {
    return openError(error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, reason: 'is a directory', special: false };
    if (!stats.isFile()) return { ok: false, reason: `not a regular file (${kindOf(stats)})`, special: true };
    const tooLarge = (): FileRead => ({ ok: false, reason: `larger than the ${sizeOf(maxBytes)} limit`, special: true });
    if (stats.size > maxBytes) return tooLarge();
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, stats.size + 4096));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge();
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return tooLarge();
    return { ok: true, bytes: buffer.subarray(0, length), stats };
  } catch (error) {
    return openError(error);
  } finally {
    closeSync(fd);
  }
}
