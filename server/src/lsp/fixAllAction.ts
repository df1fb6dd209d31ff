import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { ConfigAnalysis } from '../analysis/analyzeConfig';
import { offeredFixAll } from '../analysis/offeredFixes';

/** The kind of LR Lens's "fix all in this file" action (a `source.fixAll` sub-kind, as editors expect). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lr-lens`;

/** True when a code-action request asks for our fix-all kind (`source`, `source.fixAll`, or ours exactly). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/**
 * One action applying every finding's preferred fix that does not overlap another, or null when there is none. Only
 * fixes that pass the edit check (checkedEdits.ts) are taken, and the whole is checked again.
 */
export function fixAllAction(analysis: ConfigAnalysis, uri: string, version: number | null): CodeAction | null {
  const plan = offeredFixAll(analysis);
  if (!plan) return null;
  const lines = analysis.parsed.lines;
  const edits = plan.edits.map((edit) => ({ range: lines.rangeOf(edit.span), newText: edit.newText }));
  return {
    title: `LR Lens: fix all (${plan.count} finding${plan.count === 1 ? '' : 's'})`,
    kind: FIX_ALL_KIND,
    edit: version === null ? { changes: { [uri]: edits } } : { documentChanges: [{ textDocument: { uri, version }, edits }] },
  };
}
