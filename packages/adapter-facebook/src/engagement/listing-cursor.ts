import { ValidationError } from '@smmkit/core';

/**
 * Where an engagement listing is: in one post's comments (a per-post listing), in the comments
 * of the Page's `index`-th recent post, or in its mentions. `after` is Graph's cursor in that
 * edge (`undefined`: from the start).
 */
export type ListingPosition =
  | { readonly phase: 'comments'; readonly after: string }
  | {
      readonly phase: 'posts';
      readonly index: number;
      readonly postId: string;
      readonly after: string | undefined;
    }
  | { readonly phase: 'tagged'; readonly after: string | undefined };

/**
 * The opaque cursor of a position: `comments:<after>`, `posts:<index>:<post-id>:<after>` or
 * `tagged:<after>`.
 *
 * @example
 * ```ts
 * encodeListingCursor({ phase: 'tagged', after: undefined }); // 'tagged:'
 * ```
 */
export function encodeListingCursor(position: ListingPosition): string {
  switch (position.phase) {
    case 'comments':
      return `comments:${position.after}`;
    case 'posts':
      return `posts:${position.index}:${position.postId}:${position.after ?? ''}`;
    case 'tagged':
      return `tagged:${position.after ?? ''}`;
  }
}

/**
 * The position a cursor names; a per-post listing takes only `comments:` cursors, an account
 * listing only the others.
 *
 * @param cursor - the cursor of a page
 * @param perPost - whether the query names a post
 * @returns the position
 * @throws ValidationError (`cursor.invalid`) for a cursor of another kind of listing, or none of this adapter
 *
 * @example
 * ```ts
 * decodeListingCursor('posts:2:123_456:', false); // { phase: 'posts', index: 2, postId: '123_456', after: undefined }
 * ```
 */
export function decodeListingCursor(cursor: string, perPost: boolean): ListingPosition {
  const [phase, ...rest] = cursor.split(':');
  const tail = rest.join(':');
  if (perPost && phase === 'comments' && tail !== '') return { phase, after: tail };
  if (!perPost && phase === 'tagged') return { phase, after: tail === '' ? undefined : tail };
  if (!perPost && phase === 'posts') {
    const [index = '', postId = '', ...after] = rest;
    if (/^\d+$/.test(index) && postId !== '')
      return { phase, index: Number(index), postId, after: after.join(':') || undefined };
  }
  throw new ValidationError(
    [
      {
        path: ['cursor'],
        rule: 'cursor.invalid',
        message: 'is not a cursor of this Facebook listing; pass the cursor of a page of the same query',
      },
    ],
    'engagement query',
    { platform: 'facebook' },
  );
}
