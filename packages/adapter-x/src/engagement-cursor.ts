import { ValidationError } from '@smmkit/core';

/**
 * Where engagement is read from: the mention timeline, a conversation search, DM events, or a
 * brand-mention search (`searchMentions`).
 */
export type XEngagementSource = 'mention' | 'reply' | 'direct_message' | 'search';

/**
 * A position in the engagement listing: the source, the platform page (`token`, absent for the
 * first page) fetched with `size` items, and where inside it to resume. X pages hold at least 5
 * (mentions) or 10 (search) items, so a smaller `pageSize` is served by splitting X's pages.
 * Post timelines resume inside a page with `until_id` (the last post handed out), which new posts
 * arriving in between cannot shift; DM events have no such parameter and resume with `skip`.
 */
export interface XEngagementPosition {
  /** The source being read. */
  readonly source: XEngagementSource;
  /** `max_results` the page was fetched with. */
  readonly size: number;
  /** Items of that page already handed out. */
  readonly skip: number;
  /** Only posts older than this id (`until_id`), for post timelines resumed inside a page. */
  readonly untilId?: string | undefined;
  /** X's `pagination_token` / `next_token` for the page; absent for the first page. */
  readonly token?: string | undefined;
}

const SOURCES: readonly XEngagementSource[] = ['mention', 'reply', 'direct_message', 'search'];

/**
 * Writes a position as an opaque cursor: `source:size:skip:untilId:token`.
 *
 * @param position - the position
 * @returns the cursor
 *
 * @example
 * ```ts
 * encodeXCursor({ source: 'mention', size: 5, skip: 0, untilId: '1850000000000000003' }); // 'mention:5:0:1850000000000000003:'
 * ```
 */
export function encodeXCursor(position: XEngagementPosition): string {
  return `${position.source}:${position.size}:${position.skip}:${position.untilId ?? ''}:${position.token ?? ''}`;
}

/**
 * Reads a cursor written by {@link encodeXCursor}.
 *
 * @param cursor - the cursor
 * @returns the position
 * @throws ValidationError (`cursor.invalid`) when the cursor is not one of this adapter's
 *
 * @example
 * ```ts
 * decodeXCursor('direct_message:5:3::'); // { source: 'direct_message', size: 5, skip: 3 }
 * ```
 */
export function decodeXCursor(cursor: string): XEngagementPosition {
  const [source, size = '', skip = '', untilId = '', ...rest] = cursor.split(':');
  const token = rest.join(':');
  const known = SOURCES.find((candidate) => candidate === source);
  const valid =
    known !== undefined &&
    /^[1-9]\d*$/.test(size) &&
    /^\d+$/.test(skip) &&
    /^\d*$/.test(untilId) &&
    rest.length > 0;
  if (!valid) throw invalidCursor();
  return {
    source: known,
    size: Number(size),
    skip: Number(skip),
    ...(untilId === '' ? {} : { untilId }),
    ...(token === '' ? {} : { token }),
  };
}

/**
 * The error for a cursor this adapter did not write, or one from another query.
 *
 * @returns a `ValidationError` with rule `cursor.invalid`
 *
 * @example
 * ```ts
 * throw invalidCursor();
 * ```
 */
export function invalidCursor(): ValidationError {
  return new ValidationError(
    [
      {
        path: ['cursor'],
        rule: 'cursor.invalid',
        message: 'is not a cursor of this X listing; pass the cursor of a page of the same query',
      },
    ],
    'engagement query',
    { platform: 'x' },
  );
}
