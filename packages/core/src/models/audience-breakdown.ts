import * as z from 'zod/mini';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { InstantSchema } from './instant.js';

/**
 * One split of an account's followers, as the platform reports it: Instagram
 * `follower_demographics` by `age`, `gender`, `country` or `city`; LinkedIn organization follower
 * statistics by `seniority`, `industry`, `function` or `geo`. The platform's breakdown names and
 * bucket keys are kept (`18-24`, `F`, `US`, `urn:li:seniority:3`); `label` is a readable name
 * where the adapter knows one.
 *
 * @example
 * ```ts
 * const byAge: AudienceBreakdown = {
 *   platform: 'instagram', accountId: '17841400000000000', dimension: 'age',
 *   rawName: 'follower_demographics/age', observedAt: new Date('2026-05-02T09:00:00Z'),
 *   buckets: [{ key: '18-24', value: 410 }, { key: '25-34', value: 1210 }],
 * };
 * ```
 */
export const AudienceBreakdownSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Platform id (`instagram`, `linkedin`, …). */
    platform: PlatformIdSchema,
    /** The account whose followers these are. */
    accountId: NonEmptyStringSchema,
    /** The breakdown, in the platform's words (`age`, `gender`, `country`, `city`, `seniority`, …). */
    dimension: NonEmptyStringSchema,
    /** The platform's own name for it (`follower_demographics/age`, `followerCountsBySeniority`). */
    rawName: NonEmptyStringSchema,
    /** When it was read from the platform. */
    observedAt: InstantSchema,
    /** Followers per bucket, largest first where the platform orders them. */
    buckets: z.array(
      z.object({
        /** The platform's key for the bucket. */
        key: NonEmptyStringSchema,
        /** A readable name, when the adapter knows one (`Senior`, `Germany`). */
        label: z.optional(z.string()),
        /** Followers in the bucket. */
        value: z.number().check(z.nonnegative()),
      }),
    ),
  }))();

/** One split of an account's followers (see `AudienceBreakdownSchema`). */
export interface AudienceBreakdown extends z.output<typeof AudienceBreakdownSchema> {}
