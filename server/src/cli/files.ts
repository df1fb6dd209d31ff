import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { extname, join } from 'node:path';

export const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.toml']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'dist', 'out']);

export interface InputFile {
  path: string;
  text?: string;
  /** Why the file could not be read. */
  error?: string;
}

/** The config files under the given paths: files as given, directories walked (sorted, skipping VCS and dependency folders). */
export function collectFiles(paths: readonly string[]): InputFile[] {
  const files: InputFile[] = [];
  const read = (path: string) => {
    try {
      files.push({ path, text: readFileSync(path, 'utf8') });
    } catch (error) {
      files.push({ path, error: (error as Error).message });
    }
  };
  const visit = (path: string, explicit: boolean) => {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      files.push({ path, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message) });
      return;
    }
    if (stats.isDirectory()) {
      walk(path);
      return;
    }
    if (!explicit && !CONFIG_EXTENSIONS.has(extname(path).toLowerCase())) return;
    read(path);
  };
  const walk = (path: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      files.push({ path, error: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue;
      const child = join(path, name);
      // Plain files and directories are known from the listing; anything else (a symlink) is followed.
      let isDirectory = entry.isDirectory();
      if (!isDirectory && !entry.isFile()) {
        try {
          isDirectory = statSync(child).isDirectory();
        } catch {
          continue;
        }
      }
      if (isDirectory) walk(child);
      else if (CONFIG_EXTENSIONS.has(extname(name).toLowerCase())) read(child);
    }
  };
  for (const path of paths) visit(path, true);
  return files;
}
