// Test support (not built): starts the real subgraphs as their own processes and composes them, as the
// platform does, so gateway tests go over real HTTP to real services.
import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const sdlOf = (pkg: string) => readFileSync(require.resolve(`${pkg}/subgraph.graphql`), 'utf8');

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses in tests are read structurally */
export interface Posted {
  status: number;
  headers: Headers;
  json: { data?: any; errors?: any };
}

export async function post(url: string, body: object, headers: Record<string, string> = {}): Promise<Posted> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Posted['json'] };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Subgraph processes for gateway tests (see @skills/service-kit/testing). */
export { ServiceProcesses as Services } from '@skills/service-kit/testing';

/** Forwards to a subgraph and records each GraphQL body, so tests can count subgraph fetches. */
export function countingProxy(target: string, bodies: string[]): Promise<Server> {
  const t = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      bodies.push(body.toString('utf8'));
      const up = request(
        { host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.end(body);
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
