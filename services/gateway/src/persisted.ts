// Registered (trusted) operations: parsed from operations/*.graphql, each hashed over its printed text, and
// validated against the composed API schema at build time so a schema change that breaks a partner's
// operation fails the build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { buildSchema, Kind, parse, print, validate, type DocumentNode } from 'graphql';

export interface PersistedOperation {
  name: string;
  sha256Hash: string;
  query: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function loadOperations(dir: string): PersistedOperation[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const ops: PersistedOperation[] = [];
  for (const f of files) {
    const doc = parse(readFileSync(join(dir, f), 'utf8'));
    for (const def of doc.definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION || !def.name)
        throw new Error(`${f}: every registered operation needs a name`);
      const query = print({ kind: Kind.DOCUMENT, definitions: [def] } as DocumentNode);
      ops.push({ name: def.name.value, sha256Hash: sha256(query), query });
    }
  }
  const names = ops.map((o) => o.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`operation ${dup} is registered twice`);
  return ops;
}

/** Errors of each operation against the public API schema (empty when all are valid). */
export function validateOperations(ops: PersistedOperation[], apiSchemaSdl: string): string[] {
  const schema = buildSchema(apiSchemaSdl);
  return ops.flatMap((o) => validate(schema, parse(o.query)).map((e) => `${o.name}: ${e.message}`));
}

/**
 * The APQ cache Apollo Server reads (keys arrive prefixed with "apq:"): registered operations are always there;
 * other automatically persisted queries (optional for portals) live in a bounded LRU.
 */
export function persistedQueryCache(ops: PersistedOperation[]): KeyValueCache<string> {
  const registered = new Map(ops.map((o) => [`apq:${o.sha256Hash}`, o.query]));
  const lru = new InMemoryLRUCache<string>({ maxSize: 8 * 1024 * 1024 });
  return {
    get: async (key) => registered.get(key) ?? lru.get(key),
    set: async (key, value, options) => {
      if (!registered.has(key)) await lru.set(key, value, options);
    },
    delete: async (key) => {
      if (!registered.has(key)) await lru.delete(key);
    },
  };
}
