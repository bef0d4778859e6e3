/**
 * The secrets the leak sweep hands to adapters, token providers and auth helpers, and the ways a
 * platform may write them back. Every one holds `/`, `+` and `=` (which URL encoding rewrites as
 * %2F, %2B, %3D) and `-` (which some JSON encoders write as `\u002d`), so an echo in any encoding
 * differs from the secret as sent.
 */

/** What a secret is, as printed in a leak line (never the secret itself). */
export type SecretKind =
  | 'access token'
  | 'refreshed access token'
  | 'refresh token'
  | 'refreshed refresh token'
  | 'client secret'
  | 'authorization code'
  | 'PKCE verifier'
  | 'Basic credential'
  | 'simulator token';

/** One secret to look for. */
export interface Secret {
  /** What it is. */
  readonly kind: SecretKind;
  /** The secret as sent. */
  readonly value: string;
}

/** The app's OAuth client id: sent with the secrets, not a secret itself. */
export const CLIENT_ID = 'smmkit-sweep-client';

/** The secrets every probe uses. */
export const SWEEP_SECRETS = {
  accessToken: 'AT-sweep/7Hq+Kp2=Zx-access==',
  refreshToken: 'RT-sweep/9Lm+Vw4=Qy-refresh=',
  refreshedAccessToken: 'AT2-sweep/4Bn+Tc6=Wd-access',
  refreshedRefreshToken: 'RT2-sweep/2Ce+Xf8=Gh-refresh',
  clientSecret: 'CS-sweep/3Df+Gh8=Jk-secret',
  code: 'CODE-sweep/5Rt+Yu1=Io-code',
  // PKCE verifiers only use [A-Za-z0-9-._~] (RFC 7636, section 4.1), so no `/`, `+` or `=` here.
  verifier: 'VERIFIER-sweep-6Op.As2_Kl~Zx-0123456789abcdef',
} as const;

/** `Basic base64(client_id:client_secret)`'s credential, as a confidential client sends it (RFC 6749, section 2.3.1). */
export const BASIC_CREDENTIAL = btoa(`${CLIENT_ID}:${SWEEP_SECRETS.clientSecret}`);

/** Every secret of {@link SWEEP_SECRETS}, plus the Basic credential built from the client secret. */
export const SWEEP_SECRET_LIST: readonly Secret[] = [
  { kind: 'access token', value: SWEEP_SECRETS.accessToken },
  { kind: 'refresh token', value: SWEEP_SECRETS.refreshToken },
  { kind: 'refreshed access token', value: SWEEP_SECRETS.refreshedAccessToken },
  { kind: 'refreshed refresh token', value: SWEEP_SECRETS.refreshedRefreshToken },
  { kind: 'client secret', value: SWEEP_SECRETS.clientSecret },
  { kind: 'authorization code', value: SWEEP_SECRETS.code },
  { kind: 'PKCE verifier', value: SWEEP_SECRETS.verifier },
  { kind: 'Basic credential', value: BASIC_CREDENTIAL },
];

/**
 * `text` as it appears inside a JSON string literal when the encoder escapes more than it must:
 * every character that is not a letter or digit as `\uXXXX`, and `/` as `\/` (both are valid
 * JSON; `JSON.parse` gives `text` back).
 */
export function jsonEscaped(text: string): string {
  let out = '';
  // UTF-16 units, as JSON escapes them (a character outside the BMP is a surrogate pair).
  for (let index = 0; index < text.length; index++) {
    const character = text.charAt(index);
    if (/[A-Za-z0-9 ]/.test(character)) out += character;
    else if (character === '/') out += '\\/';
    else out += `\\u${text.charCodeAt(index).toString(16).padStart(4, '0')}`;
  }
  return out;
}
