// The catalogue's entities that scope items point at: here only keys, which the catalogue subgraph resolves to
// names, levels and standards — so every list of a scope can show names, not bare codes.
import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** A catalogue entity known here by its code only. */
type CodeRef = ObjectRef<Types, { code: string }>;

/** Occupation is owned by the catalogue subgraph; here it is only a key the catalogue resolves. */
export const OccupationRef: CodeRef = builder
  .externalRef('Occupation', builder.keyDirective(builder.selection<{ code: string }>('code'), false))
  .implement({ fields: (t) => ({ code: t.exposeString('code') }) });

/** 专项职业能力考核项目 is owned by the catalogue subgraph too (its name, industry). */
export const SpecialAbilityProjectRef: CodeRef = builder
  .externalRef(
    'SpecialAbilityProject',
    builder.keyDirective(builder.selection<{ code: string }>('code'), false),
  )
  .implement({ fields: (t) => ({ code: t.exposeString('code') }) });

/** The two references of a scope item (an occupation's, or a 专项 project's), for any object that has one. */
export const scopeItemRefs = {
  occupation: (s: { kind: string; occupationCode: string }) =>
    s.kind === 'OCCUPATION' ? { code: s.occupationCode } : null,
  specialAbilityProject: (s: { kind: string; occupationCode: string }) =>
    s.kind === 'SPECIAL_ABILITY' ? { code: s.occupationCode } : null,
};
