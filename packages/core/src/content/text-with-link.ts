/**
 * The text as published where links live in the text: `link` appended after a space, unless
 * the text already contains it.
 *
 * @example
 * ```ts
 * textWithLink('New post', 'https://example.com'); // 'New post https://example.com'
 * ```
 */
export function textWithLink(text: string | undefined, link: string | undefined): string {
  const body = text ?? '';
  if (link === undefined || body.includes(link)) return body;
  return body === '' ? link : `${body} ${link}`;
}
