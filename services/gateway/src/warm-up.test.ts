import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { placeholderVariables } from './warm-up.js';

const schema = buildSchema(`
  scalar DateTime
  enum Level { FIVE FOUR }
  input Filter { region: String! levels: [Level!]! note: String at: DateTime! size: Int! = 10 }
  type Query { a(s: String!, n: Int!, f: Float!, b: Boolean!, id: ID!, l: Level!, o: Filter!, x: String, when: DateTime!): Int }
`);

describe('warm-up placeholders', () => {
  it('gives every required variable a value input coercion accepts, and leaves optional ones out', () => {
    const query =
      'query Q($s: String!, $n: Int!, $f: Float!, $b: Boolean!, $id: ID!, $l: Level!, $o: Filter!, $x: String, $d: Int! = 3, $when: DateTime!) { a(s: $s, n: $n, f: $f, b: $b, id: $id, l: $l, o: $o, x: $x, when: $when) }';
    expect(placeholderVariables(schema, { name: 'Q', query, sha256Hash: '' })).toEqual({
      s: '0',
      n: 0,
      f: 0,
      b: false,
      id: '0',
      l: 'FIVE',
      o: { region: '0', levels: [], at: '2026-01-01T00:00:00.000Z' },
      when: '2026-01-01T00:00:00.000Z',
    });
  });
});
