/** Headers whose value is a credential (RFC 9110 §11.6.2 and §11.7.2). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * Every secret one request carries, for redaction from whatever comes back: the access token,
 * the secrets the caller listed (client secret, refresh token), and the credentials of any
 * `Authorization` header the caller set itself. That last one covers HTTP Basic, whose echo is
 * the base64 of `id:secret` (listed with and without its `=` padding) rather than the secret, and
 * schemes such as Instagram's `OAuth <token>`.
 *
 * @param token - the access token sent, if any
 * @param listed - the request's own `secrets`
 * @param headers - the request's own headers
 * @returns the secrets, unfiltered (short ones are ignored by redaction)
 */
export function requestSecrets(
  token: string | undefined,
  listed: readonly string[] | undefined,
  headers: Readonly<Record<string, string>> | undefined,
): (string | undefined)[] {
  const secrets: (string | undefined)[] = [token, ...(listed ?? [])];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    const credentials = value.trim().replace(/^[\w!#$%&'*+.^`|~-]+\s+/, '');
    secrets.push(credentials, credentials.replace(/=+$/, ''));
  }
  return secrets;
}
