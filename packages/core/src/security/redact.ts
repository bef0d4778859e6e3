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
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`. Secrets shorter than
 * 6 characters are ignored: they are not tokens, and replacing them would shred ordinary text.
 *
 * @example
 * ```ts
 * redactSecrets('Bearer abc123xyz rejected', ['abc123xyz']); // 'Bearer [REDACTED] rejected'
 * ```
 */
export function redactSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  return result;
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
