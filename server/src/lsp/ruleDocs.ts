import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `docs/rules` of the installed extension or package, found from the running bundle (dist/server.js). */
function findRuleDocs(start: string): string | null {
  let dir = start;
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

const RULE_DOCS = findRuleDocs(__dirname);

/** The page explaining a rule, as a file URI for `Diagnostic.codeDescription`; undefined if docs are not installed. */
export function ruleDocUri(ruleId: string): string | undefined {
  if (!RULE_DOCS) return undefined;
  const page = join(RULE_DOCS, `${ruleId}.md`);
  return existsSync(page) ? pathToFileURL(page).toString() : undefined;
}
