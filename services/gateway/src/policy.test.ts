import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationDepth } from './policy.js';

const depth = (q: string) => {
  const doc = parse(q);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const frags = new Map(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return operationDepth(op, frags);
};

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
