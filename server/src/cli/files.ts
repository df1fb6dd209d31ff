import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { readRegularFile } from '../config/readRegularFile';

export const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.toml']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'dist', 'out']);
/** The CLI reads no input file larger than this (the analysis itself stops at `maxFileSizeMB`, 5 MB by default). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface InputFile {
  path: string;
  /** The file's bytes as read, and their text (UTF-8; invalid sequences read as U+FFFD). */
  bytes?: Buffer;
  text?: string;
  /** Why the file could not be read: an error for a file named on the command line or a regular file walked. */
  error?: string;
  /** Why a file found in a walked folder was skipped (not a regular file, too large): a note, not an error. */
  skipped?: string;
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The config files under the given paths: files as given, directories walked (sorted, skipping VCS and dependency
 * folders, following links). Every directory and file is visited once by its real path, so a symlink loop ends and
 * a file reachable by several links is checked once (under the first path met).
 */
export function collectFiles(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const read = (path: string, explicit: boolean) => {
    const real = realPathOf(path);
    if (seen.has(real)) return;
    seen.add(real);
    const result = readRegularFile(path, MAX_INPUT_BYTES);
    if (result.ok) files.push({ path, bytes: result.bytes, text: result.bytes.toString('utf8') });
    else if (result.special && !explicit) files.push({ path, skipped: result.reason });
    else files.push({ path, error: result.reason });
  };
  const walk = (path: string) => {
    const real = realPathOf(path);
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      files.push({ path, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue;
      const child = join(path, name);
      // Plain directories are known from the listing; a symlink is followed to see what it is.
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDirectory = statSync(child).isDirectory();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDirectory) walk(child);
      else if (CONFIG_EXTENSIONS.has(extname(name).toLowerCase())) read(child, false);
    }
  };
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      const error = code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'too many levels of symbolic links' : String(code);
      files.push({ path, error });
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else read(path, true);
  }
  return files;
}
