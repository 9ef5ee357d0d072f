// Entities other subgraphs own, referenced by key: the occupation and the 专项 project (catalogue) and the agency
// (agencies). (The final result, which this subgraph extends with its certificate, is in certificate.ts.)
import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.js';

type Types = typeof builder.$inferSchemaTypes;

export const OccupationRef: ObjectRef<Types, { code: string }> = builder
  .externalRef('Occupation', builder.keyDirective(builder.selection<{ code: string }>('code'), false))
  .implement({ fields: (t) => ({ code: t.exposeString('code') }) });

export const SpecialAbilityProjectRef: ObjectRef<Types, { code: string }> = builder
  .externalRef(
    'SpecialAbilityProject',
    builder.keyDirective(builder.selection<{ code: string }>('code'), false),
  )
  .implement({ fields: (t) => ({ code: t.exposeString('code') }) });

export const AgencyRef: ObjectRef<Types, { id: string }> = builder
  .externalRef('Agency', builder.keyDirective(builder.selection<{ id: string }>('id'), false))
  .implement({ fields: (t) => ({ id: t.exposeID('id') }) });
