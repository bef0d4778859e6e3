import { ValidationError } from '@smmkit/core';

/** Where listing engagement resumes: which post, which stage, which parent comment, which offset. */
export interface EngagementCursor {
  /** Index of the post among the author's (0 when the query names one post). */
  readonly post: number;
  /** Comments, replies (to each comment in turn) or reactions. */
  readonly stage: 'comments' | 'replies' | 'reactions';
  /** Index of the comment whose replies are read. */
  readonly parent: number;
  /** Rest.li `start` of the next page. */
  readonly start: number;
}

const CURSOR = /^(\d+):(comments|replies|reactions):(\d+):(\d+)$/;

/** A cursor as the opaque string `EngagementPage.cursor` carries: `post:stage:parent:start`. */
export function writeEngagementCursor(cursor: EngagementCursor): string {
  return `${cursor.post}:${cursor.stage}:${cursor.parent}:${cursor.start}`;
}

/**
 * The cursor a page handed out, or `undefined` for the first page.
 *
 * @throws ValidationError (rule `cursor.invalid`) for a string no page of this adapter handed out
 */
export function readEngagementCursor(cursor: string | undefined): EngagementCursor | undefined {
  if (cursor === undefined) return undefined;
  const match = CURSOR.exec(cursor);
  if (match === null) {
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
  const [, post, stage, parent, start] = match;
  return {
    post: Number(post),
    stage: stage as EngagementCursor['stage'],
    parent: Number(parent),
    start: Number(start),
  };
}
