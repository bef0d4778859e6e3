// The "little" text format of post commentary and comments
// (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format):
// mentions are `@[Name](urn)`, hashtags `{hashtag|\#|tag}`, and the characters
// `\ | { } @ [ ] ( ) < > # * _ ~` are reserved: in plain text they must be backslash-escaped, or
// LinkedIn may cut the post off at the first one and still answer 201.

/** Every character the little format reserves. */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;

/**
 * A hashtag in user text: `#` not preceded by a word character, then letters, digits or `_`,
 * with at least one letter (`#1` is a number, not a hashtag).
 */
const HASHTAG = /(?<![\p{L}\p{N}_])#((?=[\p{N}_]*\p{L})[\p{L}\p{N}_]+)/uy;

/**
 * A link in user text: `http://`, `https://` or `www.` at the start of a word, up to the next
 * whitespace. A `#fragment` or `@path` in it belongs to the link, not to a hashtag or mention.
 */
const LINK = /(?<![\p{L}\p{N}_])(?:https?:\/\/|www\.)\S+/iuy;

/** Someone to mention: `@name` in the text becomes a mention of `urn`. */
export interface LittleTextMention {
  /** The name as it appears after `@` in the text (`Ana Silva`). */
  readonly name: string;
  /** The member or organization to mention (`urn:li:person:…`, `urn:li:organization:…`). */
  readonly urn: string;
}

/**
 * Escapes every reserved character of the little format with a backslash, so LinkedIn shows
 * `text` exactly as given
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format).
 * URLs are escaped too: LinkedIn removes the escapes before it finds links, so they still link.
 *
 * @param text - plain text
 * @returns the text, safe as little-format commentary
 *
 * @example
 * ```ts
 * escapeLittleText('Q&A (live) #1'); // 'Q&A \\(live\\) \\#1'
 * ```
 */
export function escapeLittleText(text: string): string {
  return text.replace(RESERVED, (character) => `\\${character}`);
}

/**
 * Renders user text as little-format commentary: hashtags (`#word`) become hashtag templates,
 * each `@name` of `mentions` becomes a mention of its URN, and everything else is escaped
 * ({@link escapeLittleText}), so nothing the user typed can be read as markup or cut the post.
 * Longer names are matched first, so `@Ana Silva` wins over `@Ana`. A link (`https://…`,
 * `www.…`) is only escaped: a hashtag template for its `#fragment` (`https://example.com/#faq`)
 * or a mention for its `@path` would cut the link there, as the templates are entities of their own.
 *
 * @param text - the user's text
 * @param mentions - who `@name` refers to
 * @returns the commentary to send
 *
 * @example
 * ```ts
 * renderLittleText('Thanks @Ana Silva! #teamwork (1/2)', [{ name: 'Ana Silva', urn: 'urn:li:person:123' }]);
 * // 'Thanks @[Ana Silva](urn:li:person:123)! {hashtag|\\#|teamwork} \\(1/2\\)'
 * ```
 */
export function renderLittleText(text: string, mentions: readonly LittleTextMention[] = []): string {
  const byLength = [...mentions].sort((a, b) => b.name.length - a.name.length);
  let out = '';
  let index = 0;
  while (index < text.length) {
    LINK.lastIndex = index;
    const link = LINK.exec(text);
    if (link !== null) {
      out += escapeLittleText(link[0]);
      index += link[0].length;
      continue;
    }
    const mention =
      text[index] === '@' ? byLength.find((m) => text.startsWith(m.name, index + 1)) : undefined;
    if (mention !== undefined && mention.name !== '') {
      out += `@[${escapeLittleText(mention.name)}](${mention.urn})`;
      index += mention.name.length + 1;
      continue;
    }
    HASHTAG.lastIndex = index;
    const hashtag = text[index] === '#' ? HASHTAG.exec(text) : null;
    if (hashtag?.[1] !== undefined) {
      out += `{hashtag|\\#|${escapeLittleText(hashtag[1])}}`;
      index += hashtag[0].length;
      continue;
    }
    const character = text[index] ?? '';
    out += escapeLittleText(character);
    index += 1;
  }
  return out;
}

/**
 * Whether `@name` of the mention occurs in `text` outside its links, so that it will be rendered.
 *
 * @param text - the user's text
 * @param mention - the mention
 * @returns true when the text has `@` followed by the name
 */
export function mentionsInText(text: string, mention: LittleTextMention): boolean {
  // A `@name` inside a link belongs to the link: renderLittleText does not make it a mention.
  const outsideLinks = text.replace(new RegExp(LINK.source, 'giu'), ' ');
  return mention.name !== '' && outsideLinks.includes(`@${mention.name}`);
}

/** A mention or hashtag template, or an escaped character, in little-format text. */
const LITTLE_TOKEN = /@\[((?:\\.|[^\]\\])*)\]\([^)\s]+\)|\{hashtag\|\\#\|((?:\\.|[^}\\])*)\}|\\(.)/g;

/**
 * The text a user typed, from little-format commentary: escapes removed, mentions back to
 * `@Name`, hashtags back to `#tag` (the reverse of {@link renderLittleText}).
 *
 * @param commentary - commentary in the little format
 * @returns the plain text
 *
 * @example
 * ```ts
 * plainFromLittleText('Hi @[Ana](urn:li:person:1) {hashtag|\\#|news} \\(1\\)'); // 'Hi @Ana #news (1)'
 * ```
 */
export function plainFromLittleText(commentary: string): string {
  const unescaped = (value: string) => value.replace(/\\(.)/g, '$1');
  return commentary.replace(LITTLE_TOKEN, (_, name?: string, tag?: string, escaped?: string) =>
    name !== undefined ? `@${unescaped(name)}` : tag !== undefined ? `#${unescaped(tag)}` : (escaped ?? ''),
  );
}
