/**
 * A pattern that finds `secret` in text however a platform may have echoed it: as is,
 * URL-encoded (`%2F`, `%2B`, `%3D`, hex digits in either case, only some characters encoded, a
 * space as `+` in a form), or JSON-escaped (`\u002d` for any character, `\/`, `\"`). Each
 * character of the secret may be written in any of those ways, so a partly encoded echo matches
 * too.
 *
 * @param secret - the secret as it was sent
 * @returns a global pattern matching every echo of it
 */
export function echoPattern(secret: string): RegExp {
  return new RegExp([...secret].map(characterPattern).join(''), 'g');
}

const encoder = new TextEncoder();

/** Every way one character (a code point) of a secret may appear in an echo. */
function characterPattern(character: string): string {
  const ways = new Set([escapeRegExp(character)]);
  // URL encoding: each UTF-8 byte as %XX.
  ways.add(Array.from(encoder.encode(character), (byte) => `%${hexPattern(byte, 2)}`).join(''));
  // Form encoding (application/x-www-form-urlencoded) writes a space as `+`.
  if (character === ' ') ways.add('\\+');
  // JSON: `\uXXXX` of each UTF-16 unit (a surrogate pair outside the BMP), the escape JSON.stringify
  // writes (`\"`, `\\`, `\n`, …), or `\/`, which JSON allows for `/`.
  ways.add(
    character
      .split('')
      .map((unit) => `\\\\u${hexPattern(unit.charCodeAt(0), 4)}`)
      .join(''),
  );
  ways.add(escapeRegExp(JSON.stringify(character).slice(1, -1)));
  if (character === '/') ways.add(escapeRegExp('\\/'));
  return `(?:${[...ways].join('|')})`;
}

/** `value` in hexadecimal, `width` digits, each letter matching either case. */
function hexPattern(value: number, width: number): string {
  return value
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
