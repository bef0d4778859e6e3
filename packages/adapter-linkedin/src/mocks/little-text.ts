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

/** Someone a `@name` in plain text names: the name LinkedIn shows and the URN it links. */
export interface LittleMention {
  /** The member's or organization's name, as the mention shows it. */
  readonly name: string;
  /** `urn:li:person:…` or `urn:li:organization:…`. */
  readonly urn: string;
}

/** `@handle` in plain text (dots and dashes only inside it, so a full stop after it is not part of it). */
const PLAIN_MENTION = /^@([\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)/u;
/** `#tag` in plain text. */
const PLAIN_HASHTAG = /^#([\p{L}\p{N}_]+)/u;

/**
 * Writes plain text (what a person types: `@ana`, `#launch`, `(beta)`) in the little format, as a
 * LinkedIn client sends it so that nothing is cut
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/little-text-format):
 * a `@name` that `mentionable` knows becomes `@[Name](urn)`, a `#tag` the hashtag template
 * `{hashtag|\#|tag}`, and every other reserved character is escaped with `\`. What
 * {@link parseLittleText} reads back is the text with each mention shown as the name.
 *
 * @param text - the plain text
 * @param mentionable - the member or organization a `@name` names, or `undefined` (then it stays literal)
 * @returns the commentary
 */
export function littleTextOf(text: string, mentionable: (name: string) => LittleMention | undefined): string {
  let commentary = '';
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    const mention = PLAIN_MENTION.exec(rest);
    const named = mention?.[1] === undefined ? undefined : mentionable(mention[1]);
    if (mention !== null && named !== undefined) {
      commentary += `@[${escapeLittle(named.name)}](${named.urn})`;
      index += mention[0].length;
      continue;
    }
    const hashtag = PLAIN_HASHTAG.exec(rest);
    if (hashtag?.[1] !== undefined) {
      commentary += `{hashtag|\\#|${escapeLittle(hashtag[1])}}`;
      index += hashtag[0].length;
      continue;
    }
    const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
    commentary += escapeLittle(character);
    index += character.length;
  }
  return commentary;
}

function escapeLittle(value: string): string {
  return [...value].map((character) => (RESERVED.has(character) ? `\\${character}` : character)).join('');
}
