import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusFiles } from '../helpers/corpus';
import { LspTestClient, REPO } from '../helpers/lspClient';

test('the server never opens a socket, resolves a host or makes a request, whatever it reads', async (t) => {
  const corpus = corpusFiles();
  if (!corpus) {
    console.error('NOT RUN: ../shared/corpus is missing, so the no-network test has nothing real to read');
    t.skip('corpus missing');
    return;
  }
  const guard = join(REPO, 'test', 'helpers', 'forbidNetwork.cjs');
  const client = await LspTestClient.start({ nodeArgs: ['--require', guard] });
  try {
    for (const [i, file] of corpus.entries()) {
      const uri = `file:///corpus/${i}/${file.name}`;
      await client.open(uri, file.text, file.name.endsWith('.json') ? 'json' : 'yaml');
      await client.diagnosticsFor(uri);
      await client.connection.sendRequest('lrLens/curve', { uri });
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    }
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.doesNotMatch(client.stderr.join(''), /NETWORK ATTEMPT/);
  } finally {
    await client.stop();
  }
  // The guard itself works: a server that tried would have been caught.
  const { spawnSync } = await import('node:child_process');
  const probe = spawnSync(process.execPath, ['--require', guard, '-e', "require('node:net').connect(9, '127.0.0.1')"], {
    encoding: 'utf8',
  });
  assert.match(probe.stderr, /NETWORK ATTEMPT: net.Socket.connect/);
});
