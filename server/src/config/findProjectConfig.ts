import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DIALECTS } from '../dialects';
import { PROJECT_CONFIG_NAMES, readProjectConfig, type ProjectConfig } from './projectConfig';

const MAX_CACHED_DIRECTORIES = 2000;

/**
 * The nearest `.lr-lens.yaml` above a file, read from disk (for the CLI and the server: the core itself never
 * touches a disk). Cached per directory until `clear()`.
 */
export class ProjectConfigFinder {
  private readonly byDirectory = new Map<string, { path: string; config: ProjectConfig } | null>();
  /** Unsaved texts of open config files, which win over the disk. */
  private readonly liveTexts = new Map<string, string>();

  forFile(filePath: string): { path: string; config: ProjectConfig } | null {
    return this.forDirectory(dirname(filePath));
  }

  setLiveText(path: string, text: string | undefined): void {
    if (text === undefined) this.liveTexts.delete(path);
    else this.liveTexts.set(path, text);
    this.byDirectory.clear();
  }

  clear(): void {
    this.byDirectory.clear();
  }

  private forDirectory(directory: string): { path: string; config: ProjectConfig } | null {
    const cached = this.byDirectory.get(directory);
    if (cached !== undefined) return cached;
    let found: { path: string; config: ProjectConfig } | null = null;
    for (const name of PROJECT_CONFIG_NAMES) {
      const path = join(directory, name);
      const text = this.liveTexts.get(path) ?? (existsSync(path) ? safeRead(path) : undefined);
      if (text !== undefined) {
        found = { path, config: readProjectConfig(text, DIALECTS.map((d) => d.id)) };
        break;
      }
    }
    if (!found) {
      const parent = dirname(directory);
      found = parent !== directory ? this.forDirectory(parent) : null;
    }
    // Directories seen by a long-lived server are unbounded; the lookups are cheap to redo.
    if (this.byDirectory.size >= MAX_CACHED_DIRECTORIES) this.byDirectory.clear();
    this.byDirectory.set(directory, found);
    return found;
  }
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
