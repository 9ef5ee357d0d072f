// Preloaded into every process of a platform under test (NODE_OPTIONS=--import …): appends each outbound
// connection and each DNS look-up, with the process id, to the file named by CONNECTION_LOG (JSON lines).
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const file = process.env.CONNECTION_LOG;
const note = (kind, target) =>
  appendFileSync(file, `${JSON.stringify({ pid: process.pid, kind, target })}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let o = args[0];
  if (Array.isArray(o)) o = o[0]; // the normalized form net.connect passes on
  if (o && typeof o === 'object') note('connect', o.path ?? `${o.host ?? 'localhost'}:${o.port}`);
  else note('connect', typeof args[1] === 'string' ? `${args[1]}:${o}` : String(o));
  return connect.apply(this, args);
};

for (const target of [dns, dns.promises]) {
  const lookup = target.lookup;
  target.lookup = function (host, ...rest) {
    note('lookup', host);
    return lookup.call(this, host, ...rest);
  };
}
