import { ValidationError } from '@smmkit/core';
import * as z from 'zod/mini';

/** Where a mention search is in one hashtag's `recent_media`. */
export interface HashtagPosition {
  /** The hashtag, lower case, without `#`. */
  readonly tag: string;
  /** Graph's `after` cursor of the page being read (`undefined`: the first page). */
  readonly after: string | undefined;
  /** Nothing is left to read in this hashtag. */
  readonly done: boolean;
}

/** A media's place in the newest-first order: its time (epoch ms), then its id. */
export interface MediaKey {
  /** Its `timestamp`, epoch ms. */
  readonly time: number;
  /** Its id. */
  readonly id: string;
}

/** Where a mention search is: each hashtag's position, and the last media handed out. */
export interface MentionSearchPosition {
  /** The query's hashtags, in its order. */
  readonly hashtags: readonly HashtagPosition[];
  /** The last media handed out: only older ones come after it. */
  readonly last: MediaKey | undefined;
}

const PREFIX = 'ighashtags:';

/** The cursor's JSON: `l` the last media's `[time, id]`, `h` one `[tag, after, done]` per hashtag. */
const CursorSchema = z.object({
  l: z.optional(z.tuple([z.number(), z.string()])),
  h: z.array(z.tuple([z.string(), z.nullable(z.string()), z.boolean()])),
});

/**
 * The opaque cursor of a mention search's position: `ighashtags:` and its JSON.
 *
 * @example
 * ```ts
 * encodeMentionSearchCursor({ hashtags: [{ tag: 'acme', after: 'QVFI', done: false }], last: { time: 1795000000000, id: '1791' } });
 * ```
 */
export function encodeMentionSearchCursor(position: MentionSearchPosition): string {
  const json = {
    ...(position.last === undefined ? {} : { l: [position.last.time, position.last.id] }),
    h: position.hashtags.map(({ tag, after, done }) => [tag, after ?? null, done]),
  };
  return `${PREFIX}${JSON.stringify(json)}`;
}

/**
 * The position a mention search cursor names, checked to be of a search of the same hashtags.
 *
 * @param cursor - the cursor of a page
 * @param tags - the query's hashtags, lower case, in order
 * @returns the position
 * @throws ValidationError (`cursor.invalid`) for a cursor this adapter did not make for these hashtags
 *
 * @example
 * ```ts
 * decodeMentionSearchCursor(page.cursor, ['acme']).last?.id;
 * ```
 */
export function decodeMentionSearchCursor(cursor: string, tags: readonly string[]): MentionSearchPosition {
  const parsed = cursor.startsWith(PREFIX) ? readJson(cursor.slice(PREFIX.length)) : undefined;
  const result = CursorSchema.safeParse(parsed);
  if (!result.success || result.data.h.map(([tag]) => tag).join(' ') !== tags.join(' ')) {
    throw new ValidationError(
      [
        {
          path: ['cursor'],
          rule: 'cursor.invalid',
          message: 'is not the cursor of an Instagram mention search of these hashtags',
        },
      ],
      'Instagram mention search',
      { platform: 'instagram' },
    );
  }
  return {
    last: result.data.l === undefined ? undefined : { time: result.data.l[0], id: result.data.l[1] },
    hashtags: result.data.h.map(([tag, after, done]) => ({ tag, after: after ?? undefined, done })),
  };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
