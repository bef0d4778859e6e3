import * as z from 'zod/mini';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { MediaSchema } from './media.js';
import { PollSchema } from './poll.js';
import { ThreadPartSchema } from './thread-part.js';

/**
 * Whether a post gives value (teaches, entertains, helps) or promotes; the analytics audit checks
 * the 80/20 value-to-promotion mix from it.
 */
export const ContentClassSchema = /* @__PURE__ */ z.enum([
  'value',
  'promotion',
] as const satisfies ContentClass[]);

/** Whether a post gives `value` (teaches, entertains, helps) or is a `promotion`. */
export type ContentClass = 'value' | 'promotion';

/**
 * Options for one platform, keyed by that platform's id. Core does not know them: each adapter
 * validates its own entry (for example X `reply_settings`, TikTok `privacy_level`).
 */
export const PlatformOptionsSchema = /* @__PURE__ */ (() =>
  z.record(PlatformIdSchema, z.record(z.string(), z.unknown())))();

/**
 * Something to publish, independent of any platform. Each adapter's `validate` checks it against
 * its platform's rules (text length, media counts, …) before anything is sent.
 *
 * @example
 * ```ts
 * const post = parsePost({
 *   text: 'We are hiring! Join us →',
 *   link: 'https://example.com/jobs',
 *   media: [{ kind: 'image', mimeType: 'image/jpeg', source: { type: 'url', url: 'https://cdn.example.com/team.jpg' } }],
 *   firstComment: '#hiring #typescript',
 *   tags: ['hiring'],
 *   contentClass: 'promotion',
 *   options: { x: { reply_settings: 'following' } },
 * });
 * ```
 */
export const PostSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** The text; may be empty or absent for media-only posts (Instagram requires media, X does not). */
    text: z.optional(z.string()),
    /** A title where the platform has one (TikTok photo posts, LinkedIn documents, Facebook videos). */
    title: z.optional(z.string()),
    /** Images, videos, GIFs or documents, in display order. */
    media: z.optional(z.array(MediaSchema)),
    /** A link to share (Facebook `link`; appended to the text where the platform has no link field). */
    link: z.optional(HttpUrlSchema),
    /** Later parts of a thread, each a reply to the one before; the post itself is the first part. */
    thread: z.optional(z.array(ThreadPartSchema)),
    /** A comment the publisher adds right after publishing (Instagram and LinkedIn hashtags, links). */
    firstComment: z.optional(z.string()),
    /** A poll (X, LinkedIn, Mastodon). */
    poll: z.optional(PollSchema),
    /** Free labels for reporting (roll-ups by tag). */
    tags: z.optional(z.array(NonEmptyStringSchema)),
    /** Campaign name for reporting. */
    campaign: z.optional(z.string()),
    /** A/B variant label, compared by the analytics A/B report. */
    variant: z.optional(z.string()),
    /** Value or promotion, for the 80/20 content-mix audit. */
    contentClass: z.optional(ContentClassSchema),
    /** Per-platform options keyed by platform id, each validated by its adapter. */
    options: z.optional(PlatformOptionsSchema),
  }))();

/** A post. It has no defaults or transforms, so input and output types are the same. */
export interface Post extends z.output<typeof PostSchema> {}
