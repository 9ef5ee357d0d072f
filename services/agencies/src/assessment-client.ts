// 评价数量 (「达到一定评价数量」, ADR 0012): how many evaluations an agency has done since a time, from the
// assessment subgraph, which owns the results. The contract: assessment extends `Agency @key(fields: "id")`
// with `evaluationCount(since: DateTime!): Int!`; this service asks it through `_entities` directly, with its
// own service claims (subgraphs serve only signed requests). No answer is never a pass: not configured, down,
// slow, or answering without a number, the count is unavailable (EVALUATION_COUNT_UNAVAILABLE).
import { DomainError } from '@skills/domain';
import { CLAIMS_HEADER, signClaims } from '@skills/service-kit';
import { z } from 'zod';

export interface AssessmentDirectory {
  /** Evaluations of the agency since `since` (the start of its current filing period). */
  evaluationCount(agencyId: string, since: Date): Promise<number>;
}

const answer = z.object({
  data: z.object({
    _entities: z.array(z.object({ evaluationCount: z.number().int().min(0) }).nullable()).length(1),
  }),
});

const COUNT = `query EvaluationCount($representations: [_Any!]!, $since: DateTime!) {
  _entities(representations: $representations) { ... on Agency { evaluationCount(since: $since) } }
}`;

export function createAssessmentDirectory(
  url: string | undefined,
  claimsSecret: string,
  timeoutMs = 5_000,
): AssessmentDirectory {
  let claims: { token: string; until: number } | undefined;
  const serviceClaims = async () => {
    if (!claims || claims.until < Date.now()) {
      const token = await signClaims({ kind: 'service', id: 'agencies', grants: [] }, claimsSecret, 60);
      claims = { token, until: Date.now() + 30_000 };
    }
    return claims.token;
  };
  const unavailable = (cause?: unknown) =>
    Object.assign(new DomainError('EVALUATION_COUNT_UNAVAILABLE'), { cause });
  return {
    async evaluationCount(agencyId, since) {
      if (!url) throw unavailable('ASSESSMENT_URL is not configured');
      let body: unknown;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            [CLAIMS_HEADER]: await serviceClaims(),
          },
          body: JSON.stringify({
            query: COUNT,
            variables: {
              representations: [{ __typename: 'Agency', id: agencyId }],
              since: since.toISOString(),
            },
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) throw new Error(`assessment answered HTTP ${res.status}`);
        body = await res.json();
      } catch (e) {
        throw unavailable(e);
      }
      const parsed = answer.safeParse(body);
      const entity = parsed.success ? parsed.data.data._entities[0] : null;
      if (!entity) throw unavailable(parsed.success ? 'no such agency in assessment' : parsed.error);
      return entity.evaluationCount;
    },
  };
}
