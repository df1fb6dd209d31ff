import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus of real configs (never copied into this repository). */
export const CORPUS_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus');

export interface CorpusFile {
  folder: string;
  name: string;
  path: string;
  text: string;
}

/** Every corpus file, or null when the corpus is not beside this checkout (callers must say so loudly). */
export function corpusFiles(): CorpusFile[] | null {
  if (!existsSync(CORPUS_DIR)) return null;
  const files: CorpusFile[] = [];
  for (const folder of readdirSync(CORPUS_DIR).sort()) {
    const dir = join(CORPUS_DIR, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isFile()) files.push({ folder, name, path, text: readFileSync(path, 'utf8') });
    }
  }
  return files;
}
