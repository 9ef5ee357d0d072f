import { describe, expect, it } from 'vitest';
import { pageVariables, readPageCursor, withPageCursor } from './pagination.js';

describe('cursor pages', () => {
  it('pages forward and backward', () => {
    expect(pageVariables({}, 20)).toEqual({ first: 20, after: null });
    expect(pageVariables({ after: 'a' }, 20)).toEqual({ first: 20, after: 'a' });
    expect(pageVariables({ before: 'b' }, 20)).toEqual({ last: 20, before: 'b' });
  });

  it('reads and writes the cursor in the URL, keeping other parameters', () => {
    const params = new URLSearchParams('q=dg&before=x');
    expect(readPageCursor(params)).toEqual({ after: undefined, before: 'x' });
    expect(withPageCursor(params, { after: 'y' }).toString()).toBe('q=dg&after=y');
    expect(withPageCursor(params, {}).toString()).toBe('q=dg');
    expect(readPageCursor(new URLSearchParams('after=a&before=b'))).toEqual({
      after: 'a',
      before: undefined,
    });
  });
});
