import { ValidationError } from '@smmkit/core';
import { LIST_START, type ListPosition } from './read-page-after.js';

/**
 * Where listing engagement resumes: in which post, which stage, which parent comment, and where
 * in the stage's list. Each is a {@link ListPosition}: an offset and the ids handed out before
 * it, so that a deletion between two pages moves nothing past.
 */
export interface EngagementCursor {
  /** The post being read: its offset among the author's posts (0 with `query.post`), after the posts done. */
  readonly posts: ListPosition;
  /** That post's URN, when known: the positions below are in it. */
  readonly post: string | undefined;
  /** Comments, replies (to each comment in turn) or reactions. */
  readonly stage: 'comments' | 'replies' | 'reactions';
  /** Replies: the comment whose replies are read, as its offset after the comments done. */
  readonly parents: ListPosition;
  /** Replies: that comment's URN, when known: `items` is in its replies. */
  readonly parent: string | undefined;
  /** Where the stage's list goes on. */
  readonly items: ListPosition;
}

/**
 * `post:stage:parent:start` (the first page's cursors had these four only, and are still read),
 * then the ids: `:postsAfter:post:parentsAfter:parent:itemsAfter`, each URN URI-encoded and a
 * list's URNs joined with `,`.
 */
const CURSOR =
  /^(\d+):(comments|replies|reactions):(\d+):(\d+)(?::([^:]*):([^:]*):([^:]*):([^:]*):([^:]*))?$/;

/**
 * The cursor at the start of the post at `posts`, in its first stage.
 *
 * @param posts - where the post is among the author's posts
 * @param stage - the first stage the query reads
 * @returns the cursor
 */
export function startOfPost(posts: ListPosition, stage: EngagementCursor['stage']): EngagementCursor {
  return { posts, post: undefined, stage, parents: LIST_START, parent: undefined, items: LIST_START };
}

/**
 * A cursor as the opaque string `EngagementPage.cursor` carries.
 *
 * @param cursor - where to resume
 * @returns `post:stage:parent:start:postsAfter:post:parentsAfter:parent:itemsAfter`
 */
export function writeEngagementCursor(cursor: EngagementCursor): string {
  const list = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');
  return [
    cursor.posts.start,
    cursor.stage,
    cursor.parents.start,
    cursor.items.start,
    list(cursor.posts.after),
    encodeURIComponent(cursor.post ?? ''),
    list(cursor.parents.after),
    encodeURIComponent(cursor.parent ?? ''),
    list(cursor.items.after),
  ].join(':');
}

/**
 * The cursor a page handed out, or `undefined` for the first page.
 *
 * @param cursor - the string a page handed out
 * @returns where to resume
 * @throws ValidationError (rule `cursor.invalid`) for a string no page of this adapter handed out
 */
export function readEngagementCursor(cursor: string | undefined): EngagementCursor | undefined {
  if (cursor === undefined) return undefined;
  const match = CURSOR.exec(cursor);
  const read = match === null ? undefined : decode(match);
  if (read === undefined) {
    throw new ValidationError(
      [
        {
          path: ['cursor'],
          rule: 'cursor.invalid',
          message: 'is not a cursor a LinkedIn engagement page handed out',
        },
      ],
      'engagement query',
      { platform: 'linkedin' },
    );
  }
  return read;
}

function decode(match: RegExpExecArray): EngagementCursor | undefined {
  const [, post, stage, parent, start, postsAfter, postUrn, parentsAfter, parentUrn, itemsAfter] = match;
  try {
    const list = (field: string | undefined) =>
      field === undefined || field === '' ? [] : field.split(',').map(decodeURIComponent);
    const urn = (field: string | undefined) =>
      field === undefined || field === '' ? undefined : decodeURIComponent(field);
    return {
      posts: { start: Number(post), after: list(postsAfter) },
      post: urn(postUrn),
      stage: stage as EngagementCursor['stage'],
      parents: { start: Number(parent), after: list(parentsAfter) },
      parent: urn(parentUrn),
      items: { start: Number(start), after: list(itemsAfter) },
    };
  } catch {
    // A malformed %-escape: not a cursor this adapter wrote.
    return undefined;
  }
}
