import './youngGeneration'; // first: caps the young generation before the modules below allocate
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write('Usage: lr-lens-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(0);
} else if (!process.argv.some((arg) => TRANSPORTS.some((t) => arg.startsWith(t)))) {
  process.stderr.write('lr-lens-language-server: choose a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME\n');
  process.exit(2);
} else {
  startServer(createConnection(ProposedFeatures.all));
}
