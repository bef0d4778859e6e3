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

/** How JSON writes the characters it has short escapes for. */
const JSON_SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const encoder = new TextEncoder();

/** Every way one character (a code point) of a secret may appear in an echo. */
function characterPattern(character: string): string {
  const ways = new Set([escapeRegExp(character)]);
  // URL encoding: each UTF-8 byte as %XX.
  ways.add(Array.from(encoder.encode(character), (byte) => `%${hexPattern(byte, 2)}`).join(''));
  // Form encoding (application/x-www-form-urlencoded) writes a space as `+`.
  if (character === ' ') ways.add('\\+');
  // JSON: `\uXXXX` of each UTF-16 unit (a surrogate pair outside the BMP), or a short escape.
  let units = '';
  for (let index = 0; index < character.length; index++) {
    units += `\\\\u${hexPattern(character.charCodeAt(index), 4)}`;
  }
  ways.add(units);
  const short = JSON_SHORT_ESCAPES[character];
  if (short !== undefined) ways.add(escapeRegExp(short));
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
