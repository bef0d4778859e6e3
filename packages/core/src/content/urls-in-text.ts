/**
 * URLs in running text as platforms that shorten links recognise them: an http(s) scheme and no
 * whitespace. Like twitter-text (which X and Mastodon count with), trailing sentence punctuation
 * is not part of the URL, and parentheses are only when balanced inside it (Wikipedia links).
 * A fresh global expression each call, so callers never share `lastIndex`.
 *
 * @example
 * ```ts
 * 'See https://example.com/a.'.replace(urlsInText(), '<link>'); // 'See <link>.'
 * ```
 */
export function urlsInText(): RegExp {
  return /https?:\/\/(?:[^\s<>"()]|\([^\s<>"()]*\))*(?:\([^\s<>"()]*\)|[^\s<>"'.,;:!?()[\]])/giu;
}
