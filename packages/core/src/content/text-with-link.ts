import type { Capabilities } from '../adapter/capabilities.js';
import { urlsInText } from './urls-in-text.js';

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
  if (link === undefined || body.match(urlsInText())?.includes(link)) return body;
  return body === '' ? link : `${body} ${link}`;
}

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
