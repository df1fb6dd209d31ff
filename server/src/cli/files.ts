import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

export const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
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
  const visit = (path: string, explicit: boolean) => {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      files.push({ path, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : String((error as Error).message) });
      return;
    }
    if (stats.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (error) {
        files.push({ path, error: (error as Error).message });
        return;
      }
      for (const name of names) {
        if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue;
        const child = join(path, name);
        let childStats;
        try {
          childStats = statSync(child);
        } catch {
          continue;
        }
        if (childStats.isDirectory() || CONFIG_EXTENSIONS.has(extname(name).toLowerCase())) visit(child, false);
      }
      return;
    }
    if (!explicit && !CONFIG_EXTENSIONS.has(extname(path).toLowerCase())) return;
    try {
      files.push({ path, text: readFileSync(path, 'utf8') });
    } catch (error) {
      files.push({ path, error: (error as Error).message });
    }
  };
  for (const path of paths) visit(path, true);
  return files;
}
