// Response cache for public reads (docs/adr/0008). Anonymous callers asking only public root fields (the
// directory, the catalogue, later certificate verification) get a stored answer for the same document and
// variables. Invalidation:
// - every subgraph fetch a request makes is recorded, and a stored answer is tagged with the subgraphs it came
//   from; a mutation through this gateway (or through a peer worker, see `invalidate`) drops every answer tagged
//   with a subgraph the mutation reached, when it starts and again when it ends;
// - an answer is stored only if no invalidation happened while it was being computed (an epoch counter), so a
//   read racing a write cannot store what the write replaced;
// - changes that do not pass through the gateway (the nightly expiry sweep, a catalogue import from the command
//   line, time passing a validity date) show after at most the time to live.
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import {
  Kind,
  parse,
  type DocumentNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { operationKey } from './operation-key.js';
import type { PolicyContext } from './policy.js';

export interface CacheContext extends PolicyContext {
  /** names of the subgraphs this request fetched from (filled in by the data sources) */
  touched: Set<string>;
}

export interface ResponseCacheOptions {
  /** how long an answer may be served; 0 turns the cache off */
  ttlMs: number;
  /** upper bound of the stored answers' size, in characters of JSON */
  maxChars: number;
  /** Query fields anyone may call (tagged access:public in the supergraph) */
  publicFields: ReadonlySet<string>;
  /** told of every invalidation this process starts, to pass it on to peer workers */
  onInvalidate?: (subgraphs: string[]) => void;
  /**
   * After a mutation, tells the other gateway replicas and resolves once they have dropped the answers it
   * changed; the mutation's answer waits for it (src/invalidation-bus.ts).
   */
  broadcast?: (subgraphs: string[]) => Promise<void>;
}

interface Entry {
  result: FormattedExecutionResult;
  subgraphs: string[];
  storedAt: number;
}

const HEADER = 'x-response-cache';

/** Query fields the supergraph marks `@tag(name: "access:public")`. */
export function publicQueryFields(supergraphSdl: string): Set<string> {
  const fields = new Set<string>();
  for (const def of parse(supergraphSdl).definitions) {
    if (
      (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      def.name.value !== 'Query'
    )
      continue;
    for (const f of def.fields ?? []) {
      const isPublic = f.directives?.some(
        (d) =>
          d.name.value === 'tag' &&
          d.arguments?.some(
            (a) =>
              a.name.value === 'name' && a.value.kind === Kind.STRING && a.value.value === 'access:public',
          ),
      );
      if (isPublic) fields.add(f.name.value);
    }
  }
  return fields;
}

/** Root field names of a selection set, following fragments; null if it has a field we cannot see through. */
function rootFields(
  set: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] | null {
  const out: string[] = [];
  for (const sel of set.selections) {
    let inner: string[] | null;
    if (sel.kind === Kind.FIELD) inner = [sel.name.value];
    else if (sel.kind === Kind.INLINE_FRAGMENT) inner = rootFields(sel.selectionSet, fragments, seen);
    else {
      const f = fragments.get(sel.name.value);
      if (!f || seen.has(f.name.value)) return null;
      inner = rootFields(f.selectionSet, fragments, new Set([...seen, f.name.value]));
    }
    if (!inner) return null;
    out.push(...inner);
  }
  return out;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, Entry>;
  /** bumped by every invalidation; an answer computed across a bump is not stored */
  private epoch = 0;
  /** whether a document asks only public Query fields, per parsed document (Apollo reuses parsed documents) */
  private readonly publicDocs = new WeakMap<DocumentNode, Map<string | null, boolean>>();
  hits = 0;
  misses = 0;

  constructor(private readonly opts: ResponseCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: Math.max(1, opts.maxChars),
      ttl: Math.max(1, opts.ttlMs),
      sizeCalculation: (_e, key) => key.length + 1,
    });
  }

  get enabled(): boolean {
    return this.opts.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops every answer that used one of `subgraphs`. `fromPeer`: the change was announced by another worker. */
  invalidate(subgraphs: Iterable<string>, fromPeer = false): void {
    const names = new Set(subgraphs);
    this.epoch++;
    for (const [key, e] of this.entries.entries()) {
      if (e.subgraphs.some((s) => names.has(s))) this.entries.delete(key);
    }
    if (!fromPeer) this.opts.onInvalidate?.([...names]);
  }

  private asksOnlyPublic(document: DocumentNode, operationName: string | null): boolean {
    let byName = this.publicDocs.get(document);
    if (!byName) this.publicDocs.set(document, (byName = new Map()));
    const known = byName.get(operationName);
    if (known !== undefined) return known;
    const fragments = new Map<string, FragmentDefinitionNode>();
    const ops = [];
    for (const d of document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      else if (d.kind === Kind.OPERATION_DEFINITION) ops.push(d);
    }
    const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
    const fields = op && op.operation === 'query' ? rootFields(op.selectionSet, fragments) : null;
    const ok =
      !!fields &&
      fields.length > 0 &&
      fields.every((f) => f === '__typename' || this.opts.publicFields.has(f)) &&
      // @skip/@include/@defer and friends are fine in the key (variables), but directives on the operation
      // itself are not something we need to reason about: do not cache them
      !op?.directives?.length;
    byName.set(operationName, ok);
    return ok;
  }

  plugin(): ApolloServerPlugin<CacheContext> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const cache = this;
    return {
      async requestDidStart() {
        let key: string | null = null;
        let startEpoch = 0;
        let hit = false;
        let mutation = false;
        return {
          async didResolveOperation(rc) {
            if (rc.operation?.operation === 'mutation') {
              mutation = true;
              // the write may land before the answers it changes are computed again: stop storing now
              cache.epoch++;
            }
          },
          async responseForOperation(rc): Promise<GraphQLResponse | null> {
            if (!cache.enabled || !cacheable(rc)) return null;
            // the language is forwarded to subgraphs, so an answer may depend on it
            const language = rc.request.http?.headers.get('accept-language') ?? '';
            key = `${language}\n${operationKey(rc.queryHash, rc.request)}`;
            const e = cache.entries.get(key);
            if (e) {
              hit = true;
              cache.hits++;
              const headers = new HeaderMap([
                [HEADER, 'HIT'],
                ['age', String(Math.floor((Date.now() - e.storedAt) / 1000))],
              ]);
              return {
                http: { status: undefined, headers },
                body: { kind: 'single', singleResult: e.result },
              };
            }
            cache.misses++;
            startEpoch = cache.epoch;
            return null;
          },
          async willSendResponse(rc) {
            if (mutation) {
              // a mutation that reached no subgraph changed nothing
              if (rc.contextValue.touched.size) {
                cache.invalidate(rc.contextValue.touched);
                await cache.opts.broadcast?.([...rc.contextValue.touched]);
              }
              return;
            }
            if (!key || hit) return;
            rc.response.http.headers.set(HEADER, 'MISS');
            const body = rc.response.body;
            if (body.kind !== 'single' || body.singleResult.errors || !body.singleResult.data) return;
            if (cache.epoch !== startEpoch) return;
            const json = JSON.stringify(body.singleResult);
            if (json.length + key.length > cache.opts.maxChars / 10) return; // one answer never fills the cache
            cache.entries.set(
              key,
              { result: body.singleResult, subgraphs: [...rc.contextValue.touched], storedAt: Date.now() },
              { size: json.length + key.length },
            );
          },
        };
      },
    };

    function cacheable(rc: GraphQLRequestContext<CacheContext>): boolean {
      return (
        rc.contextValue.principal.kind === 'anonymous' &&
        !!rc.document &&
        !!rc.queryHash &&
        cache.asksOnlyPublic(rc.document, rc.operationName ?? null)
      );
    }
  }
}
