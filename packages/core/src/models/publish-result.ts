import * as z from 'zod/mini';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema } from './ids.js';
import { InstantSchema } from './instant.js';
import { PostRefSchema } from './post-ref.js';
import type { RateLimitInfo } from './rate-limit-info.js';

/**
 * Something that went wrong without failing the publish, e.g. X's partial `errors[]` on a
 * 201 response (shared platform facts: docs.x.com POST /2/tweets) or a first comment that could
 * not be added.
 */
export const PublishWarningSchema = /* @__PURE__ */ (() =>
  z.object({
    /** smmkit's stable code for the warning (`first_comment_failed`, `platform_partial_error`, …). */
    code: NonEmptyStringSchema,
    /** A sentence a person can act on. */
    message: z.string(),
    /** The platform's own code, when it gave one. */
    platformCode: z.optional(z.union([z.string(), z.number()])),
  }))();

/** A publish warning. */
export interface PublishWarning extends z.output<typeof PublishWarningSchema> {}

/** Rate-limit state is built by core's HTTP helper, so it is passed through, not re-validated. */
const RateLimitInfoSchema = /* @__PURE__ */ z.custom<RateLimitInfo>(
  (value) => typeof value === 'object' && value !== null,
  {
    error: 'expected a RateLimitInfo object',
  },
);

/**
 * What an adapter's `publish` returns: where the post is, when it went live, refs of later
 * thread parts, the first comment's id, warnings and the rate-limit state seen.
 *
 * @example
 * ```ts
 * const result = parsePublishResult({
 *   ref: { platform: 'x', accountId: '2244994945', platformPostId: '1850000000000000000' },
 *   url: 'https://x.com/XDevelopers/status/1850000000000000000',
 *   publishedAt: '2026-05-01T09:00:02Z',
 * });
 * result.warnings; // []
 * ```
 */
export const PublishResultSchema = /* @__PURE__ */ (() =>
  z.object({
    /** The published post (for a thread: its first part). */
    ref: PostRefSchema,
    /** Public URL of the post, when known. */
    url: z.optional(HttpUrlSchema),
    /** When the platform says the post went live. */
    publishedAt: z.optional(InstantSchema),
    /**
     * For a natively scheduled post (`PublishContext.scheduledFor`): when the platform will
     * publish it. The post exists on the platform but is not live yet.
     */
    scheduledFor: z.optional(InstantSchema),
    /** Refs of the later thread parts, in order. */
    threadRefs: z.optional(z.array(PostRefSchema)),
    /** The platform's id of the first comment, when one was added. */
    firstCommentId: z.optional(NonEmptyStringSchema),
    /** Problems that did not stop the publish; empty when there were none. */
    warnings: z._default(z.array(PublishWarningSchema), () => []),
    /** The rate-limit state of the last request, for the publisher's budgets. */
    rateLimit: z.optional(RateLimitInfoSchema),
  }))();

/** A publish result as parsed (`warnings` always present). */
export interface PublishResult extends z.output<typeof PublishResultSchema> {}

/** A publish result as an adapter may write it (`warnings` optional, instants as strings). */
export type PublishResultInput = z.input<typeof PublishResultSchema>;
