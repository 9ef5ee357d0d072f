import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationShape } from './policy.js';

const shape = (q: string) => {
  const doc = parse(q);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const frags = new Map(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return operationShape(op, frags);
};
const depth = (q: string) => shape(q).depth;

describe('operationDepth', () => {
  it('counts nested fields, not introspection', () => {
    expect(depth('{ a }')).toBe(1);
    expect(depth('{ a { b { c } } d }')).toBe(3);
    expect(depth('{ __typename a { __schema { types { name } } } }')).toBe(1);
  });
  it('follows fragments and inline fragments, and survives fragment cycles', () => {
    expect(depth('query { a { ...F } } fragment F on T { b { c } }')).toBe(3);
    expect(depth('{ a { ... on T { b { c { d } } } } }')).toBe(4);
    expect(depth('query { a { ...F } } fragment F on T { b { ...F } }')).toBe(2);
  });
});

describe('operationShape: aliases and root fields', () => {
  it('counts every alias, also inside fragments where they are spread, and the root fields', () => {
    expect(shape('{ a b: a c { d: e } }')).toEqual({ depth: 2, aliases: 2, rootFields: 3 });
    expect(shape('{ x: __typename y: __typename }')).toEqual({ depth: 0, aliases: 2, rootFields: 2 });
    expect(shape('query { ...R } fragment R on Query { a: f b: f }')).toMatchObject({
      aliases: 2,
      rootFields: 2,
    });
    expect(shape('query { o { ...F ...F } } fragment F on T { a: x }')).toMatchObject({
      aliases: 2,
      rootFields: 1,
    });
  });
});
