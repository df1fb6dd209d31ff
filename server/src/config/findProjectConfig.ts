import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Finding } from '../analysis/finding';
import { DIALECTS } from '../dialects';
import { PROJECT_CONFIG_NAMES, readProjectConfig, type ProjectConfig } from './projectConfig';
import { readRegularFile } from './readRegularFile';

const MAX_CACHED_DIRECTORIES = 2000;
/** A settings file larger than this is not read. */
export const MAX_PROJECT_CONFIG_BYTES = 1024 * 1024;

export interface FoundProjectConfig {
  path: string;
  config: ProjectConfig;
  /** The text read, or undefined when the file is there but cannot be read (then `unreadable` says why). */
  text?: string;
  unreadable?: string;
}

/**
 * The nearest `.lr-lens.yaml` above a file, read from disk (for the CLI and the server: the core itself never
 * touches a disk). Cached per directory until `clear()`. Only a regular file of at most 1 MB is read; one that
 * cannot be read (a FIFO, a link to `/dev/zero`, too large) is still the nearest, with an error finding and no
 * settings.
 */
export class ProjectConfigFinder {
  private readonly byDirectory = new Map<string, FoundProjectConfig | null>();

  /**
   * @param mayRead Whether files in a directory may be read from disk (the server passes "inside a workspace folder",
   *   so nothing outside the workspace is read; the CLI reads up to the file system root, as ESLint does).
   */
  constructor(private readonly mayRead: (directory: string) => boolean = () => true) {}

  /** Unsaved texts of open config files, which win over the disk. */
  private readonly liveTexts = new Map<string, string>();

  forFile(filePath: string): FoundProjectConfig | null {
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

  private forDirectory(directory: string): FoundProjectConfig | null {
    const cached = this.byDirectory.get(directory);
    if (cached !== undefined) return cached;
    let found: FoundProjectConfig | null = null;
    for (const name of PROJECT_CONFIG_NAMES) {
      const path = join(directory, name);
      const live = this.liveTexts.get(path);
      if (live !== undefined) {
        found = {
          path,
          config: readProjectConfig(
            live,
            DIALECTS.map((d) => d.id),
          ),
          text: live,
        };
        break;
      }
      if (!this.mayRead(directory) || !existsSync(path)) continue;
      const read = readRegularFile(path, MAX_PROJECT_CONFIG_BYTES);
      if (read.ok) {
        const text = read.bytes.toString('utf8');
        found = {
          path,
          config: readProjectConfig(
            text,
            DIALECTS.map((d) => d.id),
          ),
          text,
        };
      } else {
        const message = `.lr-lens.yaml: cannot be read: ${read.reason}`;
        const finding: Finding = { ruleId: 'invalid-value', severity: 'error', message, span: { start: 0, end: 0 }, fixes: [] };
        found = { path, config: { settings: {}, findings: [finding] }, unreadable: read.reason };
      }
      break;
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
