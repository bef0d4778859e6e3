import { echoPattern } from './echo-pattern.js';

/** What smmkit puts where a secret was. */
export const REDACTED = '[REDACTED]';

/**
 * Query parameters and form fields that carry secrets on the platforms smmkit supports
 * (Meta sends `access_token` in the query; OAuth endpoints take secrets and codes as fields).
 */
export const SECRET_PARAMETER_NAMES: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'client_secret',
  'fb_exchange_token',
  'input_token',
  'code',
  'code_verifier',
  'oauth_token',
  'oauth_token_secret',
  'password',
]);

/**
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`, however the platform
 * echoed it: as sent, URL-encoded (`%2F`, `%2B`, `%3D`, in part or in full, `+` for a space) or
 * JSON-escaped (`\u002d`, `\/`). Secrets shorter than 6 characters are ignored: they are not
 * tokens, and replacing them would shred ordinary text.
 *
 * A Basic credential is echoed as the base64 of `id:secret`, which contains no encoding of the
 * secret alone: list the base64 credential itself (the HTTP client does so for every
 * `Authorization` header it sends).
 *
 * @example
 * ```ts
 * redactSecrets('Bearer abc123xyz rejected', ['abc123xyz']); // 'Bearer [REDACTED] rejected'
 * redactSecrets('refresh_token=rt%2Fab%2Bcd%3D', ['rt/ab+cd=']); // 'refresh_token=[REDACTED]'
 * ```
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  return secretRedactor(secrets)(text);
}

/**
 * Every encoded form `echoPattern` matches (`%XX`, `\uXXXX`, a JSON escape such as `\"` or `\/`,
 * `+` for a space) holds `%`, `\` or `+`. A text with none of them can only hold a secret as is,
 * which plain replacement finds at a fraction of the patterns' cost.
 */
const ENCODED = /[%\\+]/;

/**
 * {@link redactSecrets} with its patterns built once, for redacting many strings (every string
 * of a parsed error body) with the same secrets.
 *
 * @param secrets - the secrets to replace; shorter than 6 characters and `undefined` are ignored
 * @returns a function that redacts one text
 */
export function secretRedactor(secrets: Iterable<string | undefined>): (text: string) => string {
  const kept = [...new Set(secrets)].filter(
    (secret): secret is string => secret !== undefined && secret.length >= 6,
  );
  const patterns = kept.map(echoPattern);
  return (text) =>
    ENCODED.test(text)
      ? patterns.reduce((result, pattern) => result.replace(pattern, () => REDACTED), text)
      : kept.reduce((result, secret) => result.replaceAll(secret, REDACTED), text);
}

/**
 * A URL with the values of secret-bearing query parameters ({@link SECRET_PARAMETER_NAMES})
 * and any user info replaced by `[REDACTED]`, safe to log.
 *
 * @example
 * ```ts
 * redactUrl('https://graph.facebook.com/v26.0/me?access_token=EAAB…&fields=id');
 * // 'https://graph.facebook.com/v26.0/me?access_token=%5BREDACTED%5D&fields=id'
 * ```
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return REDACTED;
  }
  if (parsed.username || parsed.password) {
    parsed.username = REDACTED;
    parsed.password = '';
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMETER_NAMES.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
  }
  // The implicit OAuth flow returns the token in the fragment (`#access_token=…`).
  const fragment = new URLSearchParams(parsed.hash.slice(1));
  if ([...fragment.keys()].some((name) => SECRET_PARAMETER_NAMES.has(name.toLowerCase())))
    parsed.hash = REDACTED;
  return parsed.toString();
}
