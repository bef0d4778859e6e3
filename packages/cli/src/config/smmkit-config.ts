/**
 * Where an account's tokens come from: the NAMES of environment variables, never the tokens.
 * Tokens are read from the environment when the store holds none for the account yet; after
 * that the store keeps them (refreshed and rotated) and the variables are no longer read.
 *
 * @example
 * ```ts
 * const tokens: AccountTokensConfig = {
 *   accessTokenEnv: 'BRAND_X_ACCESS_TOKEN',
 *   refreshTokenEnv: 'BRAND_X_REFRESH_TOKEN',
 * };
 * ```
 */
export interface AccountTokensConfig {
  /** The variable holding the access token (`BRAND_X_ACCESS_TOKEN`). */
  readonly accessTokenEnv: string;
  /** The variable holding the refresh token, for platforms whose tokens expire (X, LinkedIn, TikTok). */
  readonly refreshTokenEnv?: string | undefined;
}

/**
 * One account the CLI acts for: `createSmmkit`'s account (`id`, `platform`, `accountId`,
 * `handle`, `timeZone`, `slots`) and where its tokens come from.
 *
 * @example
 * ```ts
 * const account: AccountConfig = {
 *   id: 'brand-x',
 *   platform: 'x',
 *   accountId: '2244994945',
 *   handle: 'brand',
 *   timeZone: 'Europe/Berlin',
 *   slots: ['Mon-Fri 09:00'],
 *   tokens: { accessTokenEnv: 'BRAND_X_ACCESS_TOKEN', refreshTokenEnv: 'BRAND_X_REFRESH_TOKEN' },
 * };
 * ```
 */
export interface AccountConfig {
  /** Your name for the account (`brand-x`): what `--to` takes. */
  readonly id: string;
  /** `x`, `instagram`, `facebook`, `linkedin` or `tiktok`. */
  readonly platform: string;
  /** The platform's id for the account (X user id, IG user id, Page id, person or organization URN, TikTok open id). */
  readonly accountId: string;
  /** The handle without `@`, for people. */
  readonly handle?: string | undefined;
  /** The audience's IANA zone: queue slots are wall times there. */
  readonly timeZone?: string | undefined;
  /** Weekly queue slots in `timeZone` (`'Mon-Fri 09:00'`), for `--at next-slot`. */
  readonly slots?: readonly string[] | undefined;
  /** The environment variables holding the account's tokens. */
  readonly tokens?: AccountTokensConfig | undefined;
}

/**
 * One platform's adapter: its settings (the adapter factory's JSON settings, such as
 * `{ "username": "brand" }` for X) and the environment variables of the app's OAuth client, used
 * to refresh expiring tokens (X, LinkedIn, TikTok).
 *
 * @example
 * ```ts
 * const x: AdapterConfig = { settings: { username: 'brand' }, clientIdEnv: 'X_CLIENT_ID' };
 * ```
 */
export interface AdapterConfig {
  /** Passed to the adapter's factory (`createXAdapter(settings)`); JSON values only. */
  readonly settings?: Readonly<Record<string, unknown>> | undefined;
  /** The variable holding the OAuth client id (TikTok: the client key). */
  readonly clientIdEnv?: string | undefined;
  /** The variable holding the OAuth client secret (confidential clients; LinkedIn and TikTok need one). */
  readonly clientSecretEnv?: string | undefined;
}

/**
 * What `smmkit.config.json` (or `smmkit.config.ts`) holds: the accounts, the adapters' settings,
 * the SQLite file and the names of the environment variables secrets come from. Secrets
 * themselves never belong in it.
 *
 * @example
 * ```json
 * {
 *   "store": "smm.db",
 *   "accounts": [
 *     { "id": "brand-x", "platform": "x", "accountId": "2244994945", "timeZone": "Europe/Berlin",
 *       "slots": ["Mon-Fri 09:00"],
 *       "tokens": { "accessTokenEnv": "BRAND_X_ACCESS_TOKEN", "refreshTokenEnv": "BRAND_X_REFRESH_TOKEN" } }
 *   ],
 *   "adapters": { "x": { "clientIdEnv": "X_CLIENT_ID" } }
 * }
 * ```
 */
export interface SmmkitConfig {
  /** The SQLite file of accounts, tokens, schedule and inbox, relative to the config file (default `smmkit.db`). */
  readonly store?: string | undefined;
  /** The accounts. */
  readonly accounts?: readonly AccountConfig[] | undefined;
  /** Per platform id, the adapter's settings and OAuth client. */
  readonly adapters?: Readonly<Partial<Record<string, AdapterConfig>>> | undefined;
}

/**
 * Types a config written in TypeScript (`smmkit.config.ts`); returns it unchanged.
 *
 * @param config - the config
 * @returns `config`
 *
 * @example
 * ```ts
 * // smmkit.config.ts
 * import { defineConfig } from '@smmkit/cli';
 *
 * export default defineConfig({
 *   store: 'smm.db',
 *   accounts: [{ id: 'brand-x', platform: 'x', accountId: '2244994945', tokens: { accessTokenEnv: 'X_TOKEN' } }],
 * });
 * ```
 */
export function defineConfig(config: SmmkitConfig): SmmkitConfig {
  return config;
}
