import * as z from 'zod/mini';
import { AUTHOR_URN } from './urn.js';

const AuthorUrnSchema = z
  .string()
  .check(
    z.regex(AUTHOR_URN, { error: 'must be a person or organization URN such as urn:li:person:8675309' }),
  );

/**
 * Someone the post mentions: `@name` in the text is rendered as a mention of `urn`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format).
 * LinkedIn links an organization mention only when `name` is the organization's name exactly.
 */
export const LinkedInMentionSchema = z.strictObject({
  /** The name as written after `@` in the text. */
  name: z.string().check(z.minLength(1)),
  /** The member (`urn:li:person:…`) or organization (`urn:li:organization:…`) mentioned. */
  urn: AuthorUrnSchema,
});

/**
 * LinkedIn's own options for a post, given as `post.options.linkedin`. The names follow the
 * Posts API fields they fill
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 *
 * Strict: a misspelt option is a validation problem, not silently ignored.
 *
 * @example
 * ```ts
 * const post = {
 *   text: 'Welcome @Ana Silva to the team!',
 *   options: { linkedin: { visibility: 'CONNECTIONS', mentions: [{ name: 'Ana Silva', urn: 'urn:li:person:8675309' }] } },
 * };
 * ```
 */
export const LinkedInPostOptionsSchema = z.strictObject({
  /** Who sees the post: `PUBLIC` (default), `CONNECTIONS` (members only) or `LOGGED_IN` (signed-in members). */
  visibility: z._default(z.enum(['PUBLIC', 'CONNECTIONS', 'LOGGED_IN']), 'PUBLIC'),
  /** The author of this post, when it is not the adapter's `author` setting or the account. */
  author: z.optional(AuthorUrnSchema),
  /** Who `@name` in the text refers to. */
  mentions: z.optional(z.array(LinkedInMentionSchema)),
  /** The poll's question (Poll API `question`); default the post's title, else its text. */
  pollQuestion: z.optional(z.string()),
  /** The article's description under its title, for a post with a link (Posts API `article.description`). */
  articleDescription: z.optional(z.string()),
  /** Stops others from resharing the post (Posts API `isReshareDisabledByAuthor`). */
  disableReshare: z.optional(z.boolean()),
});

/** LinkedIn's options for a post; see {@link LinkedInPostOptionsSchema}. */
export type LinkedInPostOptions = z.output<typeof LinkedInPostOptionsSchema>;

/** One mention of {@link LinkedInPostOptions}. */
export type LinkedInMention = z.output<typeof LinkedInMentionSchema>;
