// Relay cursor pages kept in the URL (`after` = next page, `before` = previous page), shared by every list.

/** Which page: after a cursor (forward) or before one (backward); neither = the first page. */
export interface PageCursor {
  after?: string | undefined;
  before?: string | undefined;
}

export type PageVariables =
  | { first: number; after: string | null; last?: never; before?: never }
  | { last: number; before: string; first?: never; after?: never };

/** Query variables for a page of `size`: forward with first/after, backward with last/before. */
export function pageVariables(cursor: PageCursor, size: number): PageVariables {
  return cursor.before && !cursor.after
    ? { last: size, before: cursor.before }
    : { first: size, after: cursor.after ?? null };
}

export function readPageCursor(params: URLSearchParams): PageCursor {
  const after = params.get('after') || undefined;
  return { after, before: after ? undefined : params.get('before') || undefined };
}

/** Copies `params` with the page cursor replaced (no cursor = first page). */
export function withPageCursor(params: URLSearchParams, cursor: PageCursor): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('after');
  next.delete('before');
  if (cursor.after) next.set('after', cursor.after);
  else if (cursor.before) next.set('before', cursor.before);
  return next;
}
