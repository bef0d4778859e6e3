import * as z from 'zod/mini';

/**
 * A platform id: lowercase, starting with a letter, then letters, digits, `_` or `-`
 * (`x`, `linkedin`, `instagram`, `facebook`, `tiktok`, `mastodon`, `my-forum`).
 *
 * It is an open string, not an enum, so that third-party adapters fit without a core release.
 */
export const PlatformIdSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(/^[a-z][a-z0-9_-]*$/, {
      error: 'must be a lowercase platform id such as "x" or "linkedin" (a-z, 0-9, "_", "-")',
    }),
  ))();

/** A platform id such as `x` or `linkedin`: lowercase a-z, 0-9, `_` and `-`, starting with a letter. */
export type PlatformId = string;

/**
 * A non-empty string, for ids and names the platform assigns (account ids, post ids, handles).
 * Ids stay strings even where a platform uses numbers: X ids exceed 2^53 and TikTok returns
 * some ids as numbers and others as strings (shared platform facts: developers.tiktok.com).
 */
export const NonEmptyStringSchema = /* @__PURE__ */ (() => z.string().check(z.minLength(1)))();
