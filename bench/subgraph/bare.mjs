#!/usr/bin/env node
// The baseline of bench/subgraph: a bare node:http server with a pg pool answering the same requests as the
// subgraphs (the same JSON body in, the same JSON data out) with the SQL they need and nothing else — no GraphQL,
// no ORM. It reads the caller from the claims header without verifying it (the subgraph verifies it): this is the
// floor of "HTTP + JSON + SQL" on this machine, not a server one could ship.
//   DATABASE_URL=… PORT=… node bench/subgraph/bare.mjs
import { createServer } from 'node:http';
import { regionFullName } from '@skills/domain';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** `name` makes pg prepare each statement once per connection, as a server built for speed would. */
const q = (name, text, values) => pool.query({ name, text, values }).then((r) => r.rows);

/** the GraphQL enum SkillLevel's name of a numeric level (5 → LEVEL_5) */
const level = (l) => `LEVEL_${l}`;

/** 已备案 (in its validity) or 暂停: what anyone may see (agencies' effectiveStatus and visibility rule) */
const isPublic = (a) => a.status === 'SUSPENDED' || (a.status === 'FILED' && (!a.validUntil || a.validUntil > new Date()));

const claimsOf = (req) => {
  const token = req.headers['x-skills-claims'];
  return typeof token === 'string' ? JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) : {};
};

const handlers = {
  async occupation(body) {
    const [o] = await q('occ', 'select code, name, levels, standard from catalogue."Occupation" where code = $1', [body.variables.code]);
    return { occupation: o ? { ...o, levels: o.levels.map(level) } : null };
  },
  async occupationEntities(body) {
    const codes = body.variables.representations.map((r) => r.code);
    const rows = await q('occs', 'select code, name from catalogue."Occupation" where code = any($1)', [codes]);
    const by = new Map(rows.map((r) => [r.code, r]));
    return { _entities: codes.map((c) => by.get(c) ?? null) };
  },
  async agency(body) {
    const [a] = await q(
      'agency',
      'select id, name, "filingNumber", status, "validUntil" from agencies."Agency" where id = $1',
      [body.variables.id],
    );
    if (!a || !isPublic(a)) return { agency: null };
    const scope = await q(
      'scope',
      'select "occupationCode", kind, levels from agencies."ScopeItem" where "agencyId" = $1 order by "occupationCode"',
      [a.id],
    );
    return {
      agency: {
        name: a.name,
        filingNumber: a.filingNumber,
        scope: scope.map((s) => ({
          levels: s.levels.map(level),
          occupation: s.kind === 'OCCUPATION' ? { __typename: 'Occupation', code: s.occupationCode } : null,
        })),
      },
    };
  },
  async agencyEntities(body) {
    const ids = body.variables.representations.map((r) => r.id);
    const rows = await q('agencies', 'select id, name, "filingNumber", status, "validUntil" from agencies."Agency" where id = any($1)', [ids]);
    const by = new Map(rows.map((r) => [r.id, r]));
    return {
      _entities: ids.map((id) => {
        const a = by.get(id);
        return a && isPublic(a) ? { name: a.name, filingNumber: a.filingNumber } : null;
      }),
    };
  },
  async me(body, req) {
    const id = claimsOf(req).sub;
    const [a] = await q('me', 'select id, username from identity."Account" where id = $1', [id]);
    const roles = await q('roles', 'select role, "regionCode" from identity."RoleGrant" where "accountId" = $1', [id]);
    return {
      me: { username: a.username, roles: roles.map((r) => ({ role: r.role, regionName: r.regionCode ? (regionFullName(r.regionCode) ?? null) : null })) },
    };
  },
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      if (req.url === '/ready') return res.end('ok');
      const handler = handlers[req.url.slice(1)];
      if (!handler) throw new Error(`no route ${req.url}`);
      const data = await handler(JSON.parse(Buffer.concat(chunks).toString()), req);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ data }));
    } catch (e) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: String(e) }] }));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`bare ${server.address().port}`));
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
