import * as z from 'zod/mini';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { TimeZoneSchema } from './time-zone.js';

/**
 * A social account smmkit can act for: a platform and the platform's id for the account
 * (X user id, LinkedIn person or organization URN, Instagram user id, Facebook Page id, TikTok
 * `open_id`, Mastodon account id).
 *
 * @example
 * ```ts
 * const account = parseAccount({ platform: 'x', accountId: '2244994945', handle: 'XDevelopers', timeZone: 'America/New_York' });
 * ```
 */
export const AccountSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Platform id (`x`, `linkedin`, …). */
    platform: PlatformIdSchema,
    /** The platform's id for the account. */
    accountId: NonEmptyStringSchema,
    /** Handle or username without `@`, used in post URLs (`https://x.com/{username}/status/{id}`). */
    handle: z.optional(NonEmptyStringSchema),
    /** Name shown to people. */
    displayName: z.optional(z.string()),
    /** The account's home time zone, for queue slots and reports (IANA name such as `Europe/Berlin`). */
    timeZone: z.optional(TimeZoneSchema),
  }))();

/** An account. It has no defaults or transforms: input and output are the same. */
export interface Account extends z.output<typeof AccountSchema> {}
