/** What LinkedIn makes of a little-format commentary. */
export interface ParsedLittleText {
  /** The text as LinkedIn shows it: escapes removed, mentions as the name, hashtags as `#tag`. */
  readonly text: string;
  /** URNs mentioned, in order. */
  readonly mentions: readonly string[];
  /** Hashtags, without `#`. */
  readonly hashtags: readonly string[];
  /** Whether the text was cut at an unescaped reserved character. */
  readonly truncated: boolean;
}

const RESERVED = new Set(['\\', '|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '*', '_', '~']);
/** `@[Name](urn:li:person:…)`; the name may hold escapes. */
const MENTION = /^@\[((?:\\.|[^\]\\])*)\]\((urn:li:(?:person|organization):[^)\s]+)\)/;
/** `{hashtag|\#|tag}`; the tag may hold escapes. */
const HASHTAG = /^\{hashtag\|\\#\|((?:\\.|[^}\\])*)\}/;

/**
 * Reads commentary in the little format the way LinkedIn does
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format):
 * `\x` is a literal `x`, `@[Name](urn)` a mention, `{hashtag|\#|tag}` a hashtag, and any other
 * reserved character ends the text there, which is how LinkedIn silently truncates posts whose
 * text was not escaped.
 *
 * @param commentary - the commentary as sent
 * @returns the text shown, the mentions and hashtags, and whether it was cut
 */
export function parseLittleText(commentary: string): ParsedLittleText {
  let text = '';
  const mentions: string[] = [];
  const hashtags: string[] = [];
  let index = 0;
  while (index < commentary.length) {
    const rest = commentary.slice(index);
    const character = commentary[index] ?? '';
    if (character === '\\' && index + 1 < commentary.length) {
      text += commentary[index + 1];
      index += 2;
      continue;
    }
    const mention = MENTION.exec(rest);
    if (mention?.[1] !== undefined && mention[2] !== undefined) {
      text += unescapeLittle(mention[1]);
      mentions.push(mention[2]);
      index += mention[0].length;
      continue;
    }
    const hashtag = HASHTAG.exec(rest);
    if (hashtag?.[1] !== undefined) {
      const tag = unescapeLittle(hashtag[1]);
      text += `#${tag}`;
      hashtags.push(tag);
      index += hashtag[0].length;
      continue;
    }
    if (RESERVED.has(character)) return { text, mentions, hashtags, truncated: true };
    text += character;
    index += 1;
  }
  return { text, mentions, hashtags, truncated: false };
}

function unescapeLittle(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
