/**
 * What the client bundle carries in place of minimatch (about 27 KB with brace-expansion): vscode-languageclient
 * reaches minimatch only for glob filters that a server registers (lib/common/fileOperations.js for
 * `workspace.fileOperations` filters, lib/common/utils/globPattern.js for the `pattern` of pull-diagnostic and
 * notebook-sync document filters). The LR Lens server registers none of them: it advertises no `fileOperations`,
 * `diagnosticProvider` or `notebookDocumentSync` and registers no capability later (test/packaging/bundledLibraries
 * checks both). esbuild.mjs swaps this in only while those two files are all that require minimatch.
 *
 * Should a glob filter ever reach it, it fails with a message that says why, instead of matching wrongly.
 */
export class Minimatch {
  constructor(pattern: string) {
    throw new Error(
      `LR Lens: the client bundle has no glob matcher (minimatch), since the LR Lens server registers no glob filters; got "${pattern}". Bundle minimatch again (esbuild.mjs) before the server registers file operations, pull diagnostics or notebook sync.`,
    );
  }
}
