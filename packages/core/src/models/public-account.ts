import * as z from 'zod/mini';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { InstantSchema } from './instant.js';
import { MetricSampleSchema } from './metric-sample.js';

/**
 * Another account's public face at one instant, looked up by handle: a competitor or an
 * influencer (X user lookup and their recent posts with public metrics; Instagram
 * `business_discovery`). Its figures are ordinary metric samples of that account (`followers`,
 * `following`, `posts_count`; `likes`, `comments`, … per post), so the analytics compare it with
 * the app's own accounts; looked up again later, the samples show its growth.
 *
 * @example
 * ```ts
 * const rival = await x.lookupPublicAccount({ handle: 'rivalcoffee' }, context);
 * analytics.ingestPublicAccounts([rival]);
 * ```
 */
export const PublicAccountSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Platform id. */
    platform: PlatformIdSchema,
    /** The platform's id for the account. */
    accountId: NonEmptyStringSchema,
    /** Its handle, without `@`. */
    handle: NonEmptyStringSchema,
    /** Its display name, when the platform gives one. */
    name: z.optional(z.string()),
    /** When it was looked up. */
    observedAt: InstantSchema,
    /** Its account figures and its recent posts' public metrics, as metric samples of the account. */
    samples: z.array(MetricSampleSchema),
    /** Its recent posts, newest first. */
    posts: z.array(
      z.object({
        /** The platform's id for the post. */
        platformPostId: NonEmptyStringSchema,
        /** When it was published. */
        createdAt: InstantSchema,
        /** Its text or caption (`''` when it has none). */
        text: z.string(),
        /** Its public URL, when known. */
        url: z.optional(HttpUrlSchema),
      }),
    ),
  }))();

/** Another account's public face at one instant (see `PublicAccountSchema`). */
export interface PublicAccount extends z.output<typeof PublicAccountSchema> {}
