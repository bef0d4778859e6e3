import * as z from 'zod/mini';
import { MediaSchema } from './media.js';

/**
 * A later part of a thread: published as a reply to the part before it (X
 * `reply.in_reply_to_tweet_id`, Mastodon `in_reply_to_id`; shared platform facts). The first
 * part is the post itself.
 */
export const ThreadPartSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The part's text. */
    text: z.string(),
    /** Media attached to this part. */
    media: z.optional(z.array(MediaSchema)),
  }))();

/** A later thread part. */
export interface ThreadPart extends z.output<typeof ThreadPartSchema> {}
