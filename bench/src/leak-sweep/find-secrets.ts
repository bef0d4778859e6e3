/**
 * Finds secrets in text however they were written: as sent, URL-encoded (`%2F`, either case, once
 * or twice: `%252F`), JSON-escaped (`\u002d`, `\/`, with the backslash itself escaped any number
 * of times, as `JSON.stringify` of an already escaped text writes it), any mix of those character
 * by character, a `+` turned into a space by a form decoder, and base64 (standard or URL-safe,
 * padded or not). The sweep's own detector, written apart from core's redaction so that both
 * cannot share a blind spot.
 */
import type { Secret, SecretKind } from './secret-set.ts';

/** How a found secret was written. */
export type Encoding = 'raw' | 'URL-encoded' | 'JSON-escaped' | 'base64' | 'mixed';

/** One occurrence of a secret in a text. */
export interface SecretMatch {
  /** Which secret. */
  readonly kind: SecretKind;
  /** How it was written. */
  readonly encoding: Encoding;
  /** Where it starts in the text. */
  readonly start: number;
  /** Where it ends (exclusive). */
  readonly end: number;
}

/** Finds every occurrence of the secrets it was made with. */
export type SecretFinder = (text: string) => readonly SecretMatch[];

interface Compiled {
  readonly secret: Secret;
  readonly pattern: RegExp;
  readonly base64: ReadonlySet<string>;
}

/**
 * A finder for `secrets`. Secrets shorter than 8 characters are ignored: they would match by chance.
 *
 * @example
 * ```ts
 * const find = secretFinder([{ kind: 'access token', value: 'a/b+c=d-e-f' }]);
 * find('token a%2Fb%2Bc%3Dd-e-f').map((match) => match.encoding); // ['URL-encoded']
 * ```
 */
export function secretFinder(secrets: readonly Secret[]): SecretFinder {
  const compiled: Compiled[] = [];
  const values = new Set<string>();
  for (const secret of secrets) {
    if (secret.value.length < 8 || values.has(secret.value)) continue;
    values.add(secret.value);
    const base64 = base64Forms(secret.value);
    const alternatives = [[...secret.value].map(characterPattern).join(''), ...[...base64].map(escapeRegExp)];
    compiled.push({ secret, pattern: new RegExp(alternatives.join('|'), 'g'), base64 });
  }
  return (text) => {
    const matches: SecretMatch[] = [];
    for (const { secret, pattern, base64 } of compiled) {
      for (const found of text.matchAll(pattern)) {
        const start = found.index;
        matches.push({
          kind: secret.kind,
          encoding: encodingOf(found[0], secret.value, base64),
          start,
          end: start + found[0].length,
        });
      }
    }
    return matches.sort((a, b) => a.start - b.start);
  };
}

/**
 * `text` with every secret `find` finds replaced by `‹kind›`, for lines the sweep prints itself.
 *
 * @example
 * ```ts
 * console.log(masked(find, String(error)));
 * ```
 */
export function masked(find: SecretFinder, text: string): string {
  let out = '';
  let at = 0;
  for (const match of find(text)) {
    if (match.start < at) continue;
    out += `${text.slice(at, match.start)}‹${match.kind}›`;
    at = match.end;
  }
  return out + text.slice(at);
}

/** Every way one character of a secret may be written in an echo. */
function characterPattern(character: string): string {
  const ways = new Set([escapeRegExp(character)]);
  // URL encoding of each UTF-8 byte, and the same encoded again (`%` as `%25`).
  const bytes = [...new TextEncoder().encode(character)];
  ways.add(bytes.map((byte) => `%(?:25)?${hex(byte, 2)}`).join(''));
  // JSON `\uXXXX` of each UTF-16 unit; the backslash may itself be escaped (`\\u002d`).
  let units = '';
  for (let index = 0; index < character.length; index++)
    units += `\\\\+u${hex(character.charCodeAt(index), 4)}`;
  ways.add(units);
  if (character === '/') ways.add('\\\\+/');
  // A form decoder reads `+` as a space.
  if (character === '+') ways.add(' ');
  return `(?:${[...ways].join('|')})`;
}

/** Base64 of the secret, standard and URL-safe, without padding (so padded forms match too). */
function base64Forms(value: string): Set<string> {
  const standard = Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, '');
  return new Set([standard, standard.replaceAll('+', '-').replaceAll('/', '_')]);
}

function encodingOf(text: string, value: string, base64: ReadonlySet<string>): Encoding {
  if (text === value) return 'raw';
  if (base64.has(text)) return 'base64';
  const url = text.includes('%');
  const json = text.includes('\\');
  if (url && !json) return 'URL-encoded';
  if (json && !url) return 'JSON-escaped';
  return 'mixed';
}

/** `value` in hexadecimal, `width` digits, each letter matching either case. */
function hex(value: number, width: number): string {
  return value
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
