/** The character references Mastodon's HTML uses, by name. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** One character reference: `&amp;`, `&#39;`, `&#x27;`. */
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi;

/**
 * The plain text of a status's HTML `content` (docs.joinmastodon.org: entities/Status
 * `content` is HTML). Mastodon renders a single line break as `<br>` and a blank line as a new
 * paragraph, so `<br>` becomes `\n` and `</p><p>` becomes `\n\n`; every other tag is dropped
 * and its text kept. That also restores links: Mastodon shortens a link's visible text with
 * hidden spans, and dropping the tags joins the spans back into the whole URL.
 *
 * Character references are decoded in one pass, so `&amp;lt;` becomes `&lt;`, not `<`.
 *
 * @param html - the status content
 * @returns the text without tags, trimmed
 *
 * @example
 * ```ts
 * htmlToPlainText('<p>Tom &amp; Jerry<br />say hi</p><p>— @<span>ana</span></p>'); // 'Tom & Jerry\nsay hi\n\n— @ana'
 * ```
 */
export function htmlToPlainText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p(?:\s[^>]*)?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text).trim();
}

function decodeEntities(text: string): string {
  return text.replace(
    ENTITY,
    (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
      const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
      const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
      return valid ? String.fromCodePoint(codePoint) : whole;
    },
  );
}
