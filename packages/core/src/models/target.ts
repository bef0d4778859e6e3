import * as z from 'zod/mini';
import { HttpUrlSchema } from './http-url.js';
import { NonEmptyStringSchema, PlatformIdSchema } from './ids.js';
import { MediaSchema } from './media.js';

/**
 * Per-target changes the publisher applies on top of the post before handing it to the adapter,
 * e.g. a shorter text for X (280 weighted characters) than for LinkedIn (3,000; shared platform
 * facts). A field that is present replaces the post's field.
 */
export const TargetOverridesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Replaces the post's text. */
    text: z.optional(z.string()),
    /** Replaces the post's title. */
    title: z.optional(z.string()),
    /** Replaces the post's media. */
    media: z.optional(z.array(MediaSchema)),
    /** Replaces the post's link. */
    link: z.optional(HttpUrlSchema),
    /** Replaces the post's first comment. */
    firstComment: z.optional(z.string()),
    /** This target's platform options, used instead of `post.options[platform]`. */
    options: z.optional(z.record(z.string(), z.unknown())),
  }))();

/** Per-target overrides. */
export interface TargetOverrides extends z.output<typeof TargetOverridesSchema> {}

/**
 * One account a post goes to, with optional per-target overrides.
 *
 * @example
 * ```ts
 * const target = parseTarget({ platform: 'x', accountId: '2244994945', overrides: { text: 'Short version for X' } });
 * ```
 */
export const TargetSchema = /* @__PURE__ */ (() =>
  z.object({
    /** Platform id (`x`, `linkedin`, …). */
    platform: PlatformIdSchema,
    /** The platform's id for the account. */
    accountId: NonEmptyStringSchema,
    /** Changes for this target only. */
    overrides: z.optional(TargetOverridesSchema),
  }))();

/** A publish target. It has no defaults or transforms: input and output are the same. */
export interface Target extends z.output<typeof TargetSchema> {}
