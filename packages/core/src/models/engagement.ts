import * as z from 'zod/mini';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { InstantSchema } from './instant.js';
import { PostRefSchema } from './post-ref.js';

/** The kinds of engagement the unified inbox carries. */
export const ENGAGEMENT_KINDS = [
  'comment',
  'reply',
  'mention',
  'direct_message',
  'reaction',
] as const satisfies EngagementKind[];

/**
 * What an engagement is: a `comment` on a post, a `reply` to a comment or post, a `mention` of
 * the account, a `direct_message`, or a `reaction` (X like, LinkedIn reaction types such as
 * PRAISE; shared platform facts).
 */
export const EngagementKindSchema = /* @__PURE__ */ z.enum(ENGAGEMENT_KINDS);

/**
 * What an engagement is: a `comment` on a post, a `reply` to a comment or post, a `mention` of
 * the account, a `direct_message`, or a `reaction` (an X like, a LinkedIn reaction).
 */
export type EngagementKind = 'comment' | 'reply' | 'mention' | 'direct_message' | 'reaction';

/**
 * The `author.id` of an engagement whose author the platform withholds (Instagram hashtag media,
 * comments from some webhooks): such items are still inbox items, but no author can be ranked,
 * looked up or told apart by it.
 */
export const UNKNOWN_AUTHOR_ID = 'unknown';

/** Who engaged. */
export const EngagementAuthorSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The platform's id for the author; {@link UNKNOWN_AUTHOR_ID} when the platform withholds it. */
    id: NonEmptyStringSchema,
    /** Handle or username without `@`, when the platform gives one. */
    handle: z.optional(z.string()),
    /** Display name, when the platform gives one. */
    name: z.optional(z.string()),
  }))();

/** The author of an engagement. */
export interface EngagementAuthor extends z.output<typeof EngagementAuthorSchema> {}

/**
 * One item of the unified inbox: a comment, reply, mention, direct message or reaction, with
 * the platform's raw payload kept for anything the common shape leaves out.
 *
 * @example
 * ```ts
 * const engagement = parseEngagement({
 *   platform: 'instagram', accountId: '17841400000000000', id: '17890000000000000', kind: 'comment',
 *   postRef: { platform: 'instagram', accountId: '17841400000000000', platformPostId: '17900000000000000' },
 *   author: { id: '17850000000000000', handle: 'fan' }, text: 'Love it!', createdAt: '2026-05-01T09:05:00Z',
 *   raw: { id: '17890000000000000', text: 'Love it!' },
 * });
 * ```
 */
export const EngagementSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Platform id (`x`, `instagram`, …). */
    platform: PlatformIdSchema,
    /** The account whose inbox it belongs to. */
    accountId: NonEmptyStringSchema,
    /** The platform's id for the engagement (comment id, DM event id, …). */
    id: NonEmptyStringSchema,
    /** What it is. */
    kind: EngagementKindSchema,
    /** The post it is about, when there is one (not for most direct messages). */
    postRef: z.optional(PostRefSchema),
    /** The comment or post it answers, for replies. */
    parentId: z.optional(NonEmptyStringSchema),
    /** The thread or conversation it belongs to (X `conversation_id`, DM conversation id). */
    conversationId: z.optional(NonEmptyStringSchema),
    /** Who engaged. */
    author: EngagementAuthorSchema,
    /** The text; `''` for reactions and media-only messages. */
    text: z.string(),
    /** The reaction type for `reaction` engagements (LinkedIn `PRAISE`, Facebook `LOVE`, X `like`). */
    reaction: z.optional(z.string()),
    /** When it was created on the platform. */
    createdAt: InstantSchema,
    /**
     * When its text was last edited, as near as the platform tells, on a delivery of an edit
     * (Facebook's `feed` verb `edited`: the time Meta sent the notification): the inbox takes
     * such a delivery's text over the one it keeps, unless it already holds a later edit.
     */
    editedAt: z.optional(InstantSchema),
    /** Whether it is hidden from the public (X hidden replies, Meta hidden comments). */
    hidden: z.optional(z.boolean()),
    /** The platform's payload as received, for fields the common shape does not carry. */
    raw: z.unknown(),
  }))();

/** An engagement as parsed (`createdAt` as `Date`). */
export interface Engagement extends z.output<typeof EngagementSchema> {}

/** An engagement as an adapter or a store may write it (`createdAt` as `Date` or ISO string). */
export interface EngagementInput extends z.input<typeof EngagementSchema> {}
