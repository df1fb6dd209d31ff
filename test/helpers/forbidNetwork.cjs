// Preloaded into the server under test (`node --require`): any attempt to open a socket, listen, resolve
// a host name or make an HTTP request is reported on stderr and refused.
const net = require('node:net');
const dgram = require('node:dgram');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

function refuse(what) {
  return function refused() {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n${new Error().stack}\n`);
    throw new Error(`network access is forbidden in this test (${what})`);
  };
}

net.Socket.prototype.connect = refuse('net.Socket.connect');
net.Server.prototype.listen = refuse('net.Server.listen');
dgram.createSocket = refuse('dgram.createSocket');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
