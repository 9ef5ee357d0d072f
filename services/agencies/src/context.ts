import { childRows, keyedTable, sqlOf, type RequestContext } from '@skills/service-kit';
import DataLoader from 'dataloader';
import type { AssessmentDirectory } from './assessment-client.js';
import type { CatalogueDirectory } from './catalogue-client.js';
import type { Config } from './config.js';
import type { PrismaClient } from './db.js';
import type { Agency, Institution, ScopeItem } from './generated/prisma/client.js';

export interface Context extends RequestContext {
  prisma: PrismaClient;
  config: Config;
  catalogue: CatalogueDirectory;
  assessment: AssessmentDirectory;
  loaders: ReturnType<typeof createLoaders>;
}

/**
 * The Agency table read by id through one prepared statement (service-kit keyed.ts): the GraphQL type's scalar
 * fields and the columns they read; the visibility rule's columns always. A field not listed here (a relation, a
 * field added later) makes the read take the whole row.
 */
export const agenciesById = keyedTable<Agency>({
  table: 'Agency',
  key: 'id',
  always: ['status', 'validUntil', 'regionCode', 'institutionCode'],
  fields: {
    id: ['id'],
    name: ['name'],
    kind: ['kind'],
    kindName: ['kind'],
    status: ['status', 'validUntil'],
    statusName: ['status', 'validUntil'],
    filingNumber: ['filingNumber'],
    validFrom: ['validFrom'],
    validUntil: ['validUntil'],
    regionCode: ['regionCode'],
    region: ['regionCode'],
    address: ['address'],
    contactPhone: ['contactPhone'],
    designatedUnit: ['designatedUnit'],
    managementRules: ['managementRules', 'regionCode', 'institutionCode'],
    noOutsourcingCommittedAt: ['noOutsourcingCommittedAt'],
  },
});

/** An agency's 备案范围 as `Agency.scope` orders it (by occupation code). */
export const scopeOfAgency = childRows<ScopeItem>({ table: 'ScopeItem', parentKey: 'agencyId', orderBy: 'occupationCode' });

/** Per-request loaders: a federated batch of N agencies or institutions is one SQL statement. */
export function createLoaders(prisma: PrismaClient) {
  const byKey = <T, K extends keyof T>(rows: T[], key: K) => new Map(rows.map((r) => [r[key], r]));
  const sql = sqlOf(prisma);
  return {
    agency: new DataLoader<string, Agency | null>((ids) => agenciesById.many(sql, ids)),
    institution: new DataLoader<string, Institution | null>(async (codes) => {
      const rows = byKey(
        await prisma.institution.findMany({ where: { creditCode: { in: [...codes] } } }),
        'creditCode',
      );
      return codes.map((c) => rows.get(c) ?? null);
    }),
  };
}
