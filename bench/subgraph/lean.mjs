#!/usr/bin/env node
// A probe for bench/subgraph (--lean): the catalogue subgraph's own schema, Prisma client, loaders and claims check
// served by graphql-js behind a bare node:http server instead of Apollo Server — parse and validate once per
// document, execute per request, the same error formatting. What a leaner GraphQL-over-HTTP layer in service-kit
// could buy, measured before building it (it keeps the essentials a shipped one would need: a JSON-only POST —
// the CSRF rule —, a body limit, signed claims, formatted errors; not /ready, metrics, tracing or GET).
//   SERVICE_DIR=services/catalogue DATABASE_URL=… CLAIMS_SECRET=… PORT=… node bench/subgraph/lean.mjs
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.env.SERVICE_DIR;
const req = createRequire(join(dir, 'package.json'));
const kit = await import(pathToFileURL(req.resolve('@skills/service-kit')).href);
// the service's own copy of graphql (the schema was built with that one; graphql 16 has no "exports", so an
// ES module import of it loads its CommonJS build)
const { execute, GraphQLError, parse, validate } = await import(pathToFileURL(req.resolve('graphql')).href);
const { schema } = await import(pathToFileURL(join(dir, 'dist/schema/index.js')).href);
const { createPrisma } = await import(pathToFileURL(join(dir, 'dist/db.js')).href);
const { createLoaders } = await import(pathToFileURL(join(dir, 'dist/context.js')).href);

const url = new URL(process.env.DATABASE_URL);
url.searchParams.set('options', '-c search_path=catalogue');
const prisma = createPrisma(url.toString(), 'catalogue');
const log = kit.createLogger('catalogue-lean', 'warn');
const formatError = kit.makeFormatError(log, false);
const claimsSecret = process.env.CLAIMS_SECRET;
const LIMIT = 1_000_000;

/** parsed and validated documents, by query text (bounded like Apollo's document store would be) */
const documents = new Map();
function documentOf(query) {
  let d = documents.get(query);
  if (!d) {
    try {
      const document = parse(query);
      const errors = validate(schema, document);
      d = errors.length ? { errors } : { document };
    } catch (e) {
      d = { errors: [e instanceof GraphQLError ? e : new GraphQLError(String(e))] };
    }
    if (documents.size > 1000) documents.clear();
    documents.set(query, d);
  }
  return d;
}

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};
let seq = 0;
const server = createServer((req, res) => {
  if (req.url === '/ready') return send(res, 200, { status: 'ready' });
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size <= LIMIT) chunks.push(c);
  });
  req.on('end', async () => {
    try {
      if (size > LIMIT) return send(res, 413, { errors: [{ message: '请求体过大' }] });
      if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json'))
        return send(res, 400, { errors: [{ message: 'POST application/json only' }] });
      const principal = await kit.principalFromHeaders(req.headers, { claimsSecret });
      if (!principal) return send(res, 401, { errors: [{ message: '请通过平台网关访问本服务', extensions: { code: 'UNAUTHENTICATED' } }] });
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const d = documentOf(body.query);
      if (d.errors) return send(res, 400, { errors: d.errors.map((e) => formatError(e.toJSON(), e)) });
      const requestId = `${process.pid}-${++seq}`;
      const contextValue = { principal, log, requestId, prisma, loaders: createLoaders(prisma) };
      const result = await execute({ schema, document: d.document, variableValues: body.variables, contextValue });
      send(res, 200, result.errors ? { data: result.data, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : { data: result.data });
    } catch (e) {
      send(res, 500, { errors: [{ message: String(e) }] });
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void prisma.$disconnect().then(() => process.exit(0));
});
