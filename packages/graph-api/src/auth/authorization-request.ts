import { settingIssue } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/**
 * A value an authorization URL cannot do without (app id, redirect URI, state): blank is refused
 * (`oauth.required`).
 *
 * @example
 * ```ts
 * const Request = z.object({ clientId: OAuthValue, redirectUri: OAuthValue, state: OAuthValue });
 * ```
 */
export const OAuthValue: z.ZodMiniCustom<string, string> = z.custom<string>(
  (value) => typeof value === 'string' && value.trim() !== '',
  settingIssue({ rule: 'oauth.required', message: 'must not be empty' }),
);

/**
 * The scopes of an authorization URL, which must include `basicScope`: the permission without
 * which the account cannot be read at all (`oauth.scope_required`, the scopes asked as `actual`).
 *
 * @param basicScope - `instagram_basic`, `instagram_business_basic`, `pages_show_list`, …
 * @returns the schema of the scopes
 *
 * @example
 * ```ts
 * const Request = z.object({ scopes: scopesIncluding('instagram_basic') });
 * ```
 */
export function scopesIncluding(basicScope: string): z.ZodMiniCustom<readonly string[], readonly string[]> {
  return z.custom<readonly string[]>(
    (scopes) => Array.isArray(scopes) && scopes.includes(basicScope),
    settingIssue({ rule: 'oauth.scope_required', message: `must include ${basicScope}`, showsValue: true }),
  );
}
