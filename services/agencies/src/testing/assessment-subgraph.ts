// A small assessment subgraph for the agencies tests, speaking the contract the real one will serve:
//   extend type Agency @key(fields: "id") { id: ID! @external… evaluationCount(since: DateTime!): Int! }
// Built with @apollo/subgraph and served by service-kit's subgraph server, so it is reached the same way as the
// real one: over HTTP, through `_entities`, answering only requests that carry valid claims (a service's).
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  baseConfigSchema,
  createLogger,
  loadConfig,
  startSubgraphServer,
  type RunningServer,
} from '@skills/service-kit';
import { GraphQLError, parse } from 'graphql';

export interface AssessmentSubgraph {
  url: string;
  /** evaluations per agency id (agencies not listed have `otherwise`) */
  counts: Map<string, number>;
  otherwise: number;
  /** every `since` asked for, per agency id */
  asked: Map<string, string[]>;
  close(): Promise<void>;
}

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  scalar DateTime
  type Agency @key(fields: "id") {
    id: ID!
    "评价人次：since 之后结果已确定的考生（每人每职业每等级计一次）"
    evaluationCount(since: DateTime!): Int!
  }
  type Query { assessmentHealth: Boolean! }
`);

export async function startAssessmentSubgraph(claimsSecret: string): Promise<AssessmentSubgraph> {
  const counts = new Map<string, number>();
  const asked = new Map<string, string[]>();
  const subgraph = { counts, asked, otherwise: 0 } as AssessmentSubgraph;
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: { assessmentHealth: () => true },
      Agency: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        evaluationCount: (agency: { id: string }, args: { since: string }, ctx: unknown) => {
          if ((ctx as { principal: { kind: string } }).principal.kind !== 'service')
            throw new GraphQLError('仅限服务调用', { extensions: { code: 'FORBIDDEN' } });
          asked.set(agency.id, [...(asked.get(agency.id) ?? []), args.since]);
          return counts.get(agency.id) ?? subgraph.otherwise;
        },
      },
    },
  });
  const config = loadConfig(baseConfigSchema, {
    CLAIMS_SECRET: claimsSecret,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
  });
  const server: RunningServer = await startSubgraphServer({
    schema,
    config,
    port: 0,
    log: createLogger('assessment-test', 'silent'),
    context: (base) => base,
  });
  Object.assign(subgraph, { url: server.url, close: () => server.close() });
  return subgraph;
}
