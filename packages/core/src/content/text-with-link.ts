import type { Capabilities } from '../adapter/capabilities.js';

/**
 * The text as published where links live in the text: `link` appended after a space, unless
 * the text already holds that very URL (a longer URL that merely starts with it does not count).
 *
 * @example
 * ```ts
 * textWithLink('New post', 'https://example.com'); // 'New post https://example.com'
 * ```
 */
export function textWithLink(text: string | undefined, link: string | undefined): string {
  const body = text ?? '';
  if (link === undefined || holdsUrl(body, link)) return body;
  return body === '' ? link : `${body} ${link}`;
}

/**
 * Whether `body` holds `link` as a whole URL: found where the character after it cannot go on
 * a URL (the end, a space, closing punctuation, or any character outside ASCII, as `。`, `…` or
 * `」`, where twitter-text ends a URL too), not as the start of a longer URL (`…/spring-sale`).
 */
function holdsUrl(body: string, link: string): boolean {
  for (let at = body.indexOf(link); at !== -1; at = body.indexOf(link, at + 1)) {
    const next = body.charAt(at + link.length);
    if (next === '' || !URL_CONTINUES.test(next) || URL_TRAILING.test(next)) return true;
  }
  return false;
}

/** A character that can carry an ASCII URL on. */
const URL_CONTINUES = /^[\x21-\x7e]$/;
/** ASCII punctuation that ends a URL when it follows one (as `urlsInText` leaves it out). */
const URL_TRAILING = /^[<>"'()[\].,;:!?]$/;

/**
 * The text a platform shows for a post: with its link appended unless the platform takes links
 * in a field of their own (`links: 'attachment'`). Where links are not clickable (Instagram,
 * TikTok), the link is still shown as text, as `Post.link` documents.
 *
 * @param post - the post's text and link
 * @param links - how the platform shows links
 * @returns the text as published
 */
export function shownText(
  post: { readonly text?: string | undefined; readonly link?: string | undefined },
  links: Capabilities['links'],
): string {
  return links === 'attachment' ? (post.text ?? '') : textWithLink(post.text, post.link);
}
