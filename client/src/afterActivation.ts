// What the client needs only after activation: vscode-languageclient (most of the client's code, loaded on the turn of
// the event loop after activate() returns) and the curve panel with the checks of the page's messages (loaded
// when the panel is first shown). extension.ts reaches it through a require() call, never an import, so nothing here
// runs while VS Code activates the extension; a build can also emit it as a file of its own (dist/afterActivation.js,
// with './afterActivation' external to dist/client.js), leaving dist/client.js small to load.
export { CloseAction, ErrorAction, IPCMessageReader, IPCMessageWriter, LanguageClient } from 'vscode-languageclient/node';
export type { LanguageClientOptions, MessageTransports } from 'vscode-languageclient/node';
export { CurvePanel } from './curvePanel';
