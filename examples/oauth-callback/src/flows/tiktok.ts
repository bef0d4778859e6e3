import { exchangeTikTokCode, TIKTOK_SCOPES, tiktokAuthorizationUrl } from '@smmkit/adapter-tiktok';
import type { FlowTransport, PlatformFlow } from '../flow.ts';

/**
 * What the example asks TikTok for (https://developers.tiktok.com/doc/tiktok-api-scopes): the
 * profile and its counts, direct posts, drafts to the creator's inbox, and the creator's videos
 * for metrics. Each must be added to the app (and approved) in the developer portal first.
 */
export const TIKTOK_EXAMPLE_SCOPES: readonly string[] = [
  TIKTOK_SCOPES.userInfoBasic,
  TIKTOK_SCOPES.userInfoStats,
  TIKTOK_SCOPES.videoPublish,
  TIKTOK_SCOPES.videoUpload,
  TIKTOK_SCOPES.videoList,
];

/** A TikTok app's credentials (developer portal, Manage apps → the app → Credentials). */
export interface TikTokApp {
  /** The client key (TikTok's name for the client id). */
  readonly clientKey: string;
  /** The client secret. */
  readonly clientSecret: string;
}

/**
 * TikTok Login Kit for Web (https://developers.tiktok.com/doc/login-kit-web): a web app with a
 * client secret sends no PKCE challenge. `tiktokAuthorizationUrl`, then `exchangeTikTokCode`,
 * whose answer names the creator (`open_id`): the account id.
 *
 * @param app - the app's client key and secret
 * @param transport - a `fetch` for every call
 * @returns the flow
 *
 * @example
 * ```ts
 * const flow = tiktokFlow({ clientKey: process.env.TIKTOK_CLIENT_KEY ?? '', clientSecret: process.env.TIKTOK_CLIENT_SECRET ?? '' });
 * ```
 */
export function tiktokFlow(app: TikTokApp, transport: FlowTransport = {}): PlatformFlow {
  return {
    platform: 'tiktok',
    pkce: false,
    authorizationUrl: ({ state, redirectUri }) =>
      tiktokAuthorizationUrl({ clientKey: app.clientKey, redirectUri, state, scopes: TIKTOK_EXAMPLE_SCOPES }),
    async finish({ code, redirectUri }) {
      const { openId, ...tokens } = await exchangeTikTokCode({
        clientKey: app.clientKey,
        clientSecret: app.clientSecret,
        redirectUri,
        code,
        fetch: transport.fetch,
      });
      if (openId === undefined) throw new Error('tiktok: the token answer has no open_id');
      return { accountId: openId, tokens };
    },
  };
}
