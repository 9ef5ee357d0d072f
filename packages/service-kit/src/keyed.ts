// Keyed reads on the hot path: one row (or one `_entities` batch) by its key through one prepared SQL statement on
// the service's pg pool, selecting only the columns the GraphQL selection reads. Through Prisma the same lookup
// costs its request orchestration, SQL rendering and result mapping — the largest share of a lookup's CPU in the
// subgraph's profile (issue 18, ADR 0018). The rows are what Prisma would give for those columns (timestamps as
// UTC Dates, arrays, enums as strings), so resolvers and Pothos see no difference; whatever needs a relation still
// goes through Prisma.
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import pg from 'pg';
import { isPgliteUrl } from './database.js';

const tracer = trace.getTracer('@skills/service-kit');

/** Prepared statements over a service's pool. */
export interface Sql {
  /** the service's schema: tables are named with it, as Prisma names them */
  schema: string;
  /** The rows of `text` with `values`, prepared once per connection under a name of its own. */
  rows<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}

const sqlOfClient = new WeakMap<object, Sql>();

/** At most this many statements get a name (are prepared); others run unnamed — a bound on server memory. */
const MAX_PREPARED = 256;
const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (!name && names.size < MAX_PREPARED) names.set(text, (name = `skills_${names.size}`));
  return name;
};

/** Prisma's adapter reads `timestamp` and `date` as UTC and int8 as BigInt; pg by default as local time and text. */
const utc = (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
const PARSERS: Record<number, (v: string) => unknown> = {
  1114: utc, // timestamp
  1082: (v) => new Date(`${v}T00:00:00Z`), // date
  20: (v) => BigInt(v), // int8
};

/**
 * Gives a Prisma client opened by openPrisma its Sql (called there). On PGlite statements run unnamed: every
 * connection to PGlite's socket server shares its one backend session, so a statement prepared under a name on one
 * connection (or on an earlier one the pool has since replaced) "already exists" for the next — pg remembers
 * prepared names per connection, PGlite per process. PostgreSQL gives each connection its own session.
 */
export function attachSql(client: object, pool: pg.Pool, schema: string, onQuery?: (sql: string) => void) {
  const named = !isPgliteUrl(pool.options.connectionString ?? '');
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      PARSERS[oid] ?? pg.types.getTypeParser(oid, (format ?? 'text') as 'text'),
  };
  sqlOfClient.set(client, {
    schema,
    async rows<T>(text: string, values: readonly unknown[]) {
      onQuery?.(text);
      const name = named ? nameOf(text) : undefined;
      // a span like the one Prisma's instrumentation gives its queries (a no-op unless OTEL_* turns tracing on)
      return tracer.startActiveSpan(
        'pg.query keyed',
        { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.statement': text } },
        async (span) => {
          try {
            const r = await pool.query({
              text,
              values: values as unknown[],
              types,
              ...(name ? { name } : {}),
            });
            return r.rows as T[];
          } catch (e) {
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message: e instanceof Error ? e.message : String(e),
            });
            throw e;
          } finally {
            span.end();
          }
        },
      );
    },
  });
}
/** The Sql of a Prisma client opened by service-kit's openPrisma. */
export function sqlOf(client: object): Sql {
  const sql = sqlOfClient.get(client);
  if (!sql) throw new Error('sqlOf: this Prisma client was not opened by openPrisma');
  return sql;
}

export interface KeyedTableSpec {
  /** the table (the Prisma model's name), in the service's schema */
  table: string;
  /** its key column */
  key: string;
  /**
   * Every field of the GraphQL type a row resolves → the columns its resolver reads. A selected field not listed
   * here (a relation, a field added later) makes the read take the whole row, as Prisma would: never fewer
   * columns than needed. `_entities` batches (the loader cannot see each selection) take the whole row too.
   */
  fields: Readonly<Record<string, readonly string[]>>;
  /** columns read whatever is selected (the key; what visibility rules read) */
  always?: readonly string[];
}

export interface KeyedTable<Row> {
  /** The row with this key, with the columns `info`'s selection needs (the whole row without `info`); null if none. */
  one(sql: Sql, key: string, info?: GraphQLResolveInfo): Promise<Row | null>;
  /** The rows of these keys in one statement, in the keys' order (null where none): an `_entities` batch. */
  many(sql: Sql, keys: readonly string[]): Promise<Array<Row | null>>;
}

const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;

/** A table read by key through prepared statements (see the top of this file). */
export function keyedTable<Row extends object>(spec: KeyedTableSpec): KeyedTable<Row> {
  // statement texts per schema (one per service in production; tests may run several in one process)
  const texts = new Map<string, string>();
  const textOf = (sql: Sql, columns: readonly string[] | null, many: boolean) => {
    const k = `${sql.schema}|${columns?.join(',') ?? '*'}|${many}`;
    let text = texts.get(k);
    if (!text) {
      const from = `from ${quote(sql.schema)}.${quote(spec.table)} where ${quote(spec.key)}`;
      text = `select ${columns ? columns.map(quote).join(', ') : '*'} ${from} = ${many ? 'any($1)' : '$1'}`;
      texts.set(k, text);
    }
    return text;
  };

  /** the columns a selection reads, or null when it selects a field the spec does not know */
  const columnsOf = (info: GraphQLResolveInfo): string[] | null => {
    const want = new Set<string>([spec.key, ...(spec.always ?? [])]);
    const walk = (set: SelectionSetNode | undefined): boolean => {
      for (const s of set?.selections ?? []) {
        if (s.kind === 'Field') {
          if (s.name.value === '__typename') continue;
          const cols = spec.fields[s.name.value];
          if (!cols) return false;
          for (const c of cols) want.add(c);
        } else if (s.kind === 'InlineFragment') {
          if (!walk(s.selectionSet)) return false;
        } else {
          const fragment = info.fragments[s.name.value];
          if (!fragment || !walk(fragment.selectionSet)) return false;
        }
      }
      return true;
    };
    return info.fieldNodes.every((f: FieldNode) => walk(f.selectionSet)) ? [...want].sort() : null;
  };

  return {
    async one(sql, key, info) {
      const [row] = await sql.rows<Row>(textOf(sql, info ? columnsOf(info) : null, false), [key]);
      return row ?? null;
    },
    async many(sql, keys) {
      const rows = await sql.rows<Row>(textOf(sql, null, true), [keys]);
      const byKey = new Map(rows.map((r) => [(r as Record<string, unknown>)[spec.key], r]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
  };
}

/** True when Pothos asked for no relation (its `query` is empty): a keyed read can give the whole answer. */
export const scalarsOnly = (query: object) => Object.keys(query).length === 0;

/**
 * The rows of a one-to-many relation for one parent, ordered, through one prepared statement: what Prisma's
 * `include: { relation: { orderBy } }` reads, for a resolver that attaches them to a keyed row itself.
 */
export function childRows<Row extends object>(spec: {
  table: string;
  parentKey: string;
  /** the relation's orderBy; without one, the order the database gives (as Prisma's include without orderBy) */
  orderBy?: string;
}) {
  const texts = new Map<string, string>();
  return (sql: Sql, parent: string): Promise<Row[]> => {
    let text = texts.get(sql.schema);
    if (!text)
      texts.set(
        sql.schema,
        (text =
          `select * from ${quote(sql.schema)}.${quote(spec.table)} where ${quote(spec.parentKey)} = $1` +
          (spec.orderBy ? ` order by ${quote(spec.orderBy)}` : '')),
      );
    return sql.rows<Row>(text, [parent]);
  };
}

/** True when Pothos's `query` is exactly `expected` (deep equality of plain JSON-like values). */
export function queryIs(query: object, expected: object): boolean {
  const same = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  };
  return same(query, expected);
}
