import { countText } from '@smmkit/core/adapter-kit';

/** What Mastodon counts every URL as (docs.joinmastodon.org: user/posting#links). */
export const MASTODON_URL_LENGTH = 23;

/**
 * A remote mention, `@username@domain`, not inside a URL or an e-mail address: as Mastodon's
 * `Account::MENTION_RE`, it must start the text or follow a character that is not a letter,
 * digit, `_`, `/` or `=`, and the username is ASCII (`Account::USERNAME_RE`,
 * github.com/mastodon/mastodon app/models/account.rb).
 */
const REMOTE_MENTION =
  /(^|[^\p{L}\p{N}_/=])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

/**
 * The length of a status text as Mastodon counts it against its limit:
 * - every URL counts as 23 characters, whatever its length (user/posting#links);
 * - a mention counts only its username part, `@alice@example.com` as `@alice` (user/posting#mentions);
 * - the rest counts in grapheme clusters, as Mastodon's `StatusLengthValidator` does
 *   (github.com/mastodon/mastodon app/validators/status_length_validator.rb).
 *
 * Mastodon adds the content warning (`spoiler_text`) to the same count; validate.ts does.
 *
 * @param text - the status text
 * @returns its length as Mastodon counts it
 *
 * @example
 * ```ts
 * countStatusLength('Hi @alice@example.com, see https://example.com/a/very/long/path'); // 3 + 6 + 6 + 23 = 38
 * ```
 */
export function countStatusLength(text: string): number {
  return countText(text.replace(REMOTE_MENTION, '$1@$2'), 'graphemes', MASTODON_URL_LENGTH);
}
