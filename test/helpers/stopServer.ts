import type { ChildProcess } from 'node:child_process';
import type { ProtocolConnection } from 'vscode-languageserver-protocol/node';

/** LSP shutdown + exit, then the process is given 2 s to leave before it is killed. */
export async function stopLanguageServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  try {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } catch {
    // already gone
  }
  connection.dispose();
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve();
    }, 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
