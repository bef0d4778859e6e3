import {
  exchangeInstagramCode,
  exchangeInstagramToken,
  instagramLoginAuthorizationUrl,
} from '@smmkit/adapter-instagram';
import type { FlowTransport, PlatformFlow } from '../flow.ts';

/**
 * What the example asks Instagram Login for
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login):
 * the profile, publishing, comments and insights of the professional account.
 */
export const INSTAGRAM_SCOPES: readonly string[] = [
  'instagram_business_basic',
  'instagram_business_content_publish',
  'instagram_business_manage_comments',
  'instagram_business_manage_insights',
];

/** The Instagram app id and secret (App Dashboard → Instagram → API setup with Instagram Login). */
export interface InstagramApp {
  /** The Instagram app id (not the Meta app id). */
  readonly clientId: string;
  /** The Instagram app secret. */
  readonly appSecret: string;
}

/**
 * Instagram Login for a professional account, no Facebook Page needed
 * (https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login):
 * `instagramLoginAuthorizationUrl`, then `exchangeInstagramCode` (a 1-hour token and the account
 * id), then `exchangeInstagramToken` (60 days; `refreshInstagramToken` renews it). Publish with
 * `createInstagramAdapter({ host: 'instagram' })`: these tokens work on graph.instagram.com.
 *
 * @param app - the Instagram app id and secret
 * @param transport - a `fetch` for every call
 * @returns the flow
 *
 * @example
 * ```ts
 * const flow = instagramFlow({ clientId: process.env.INSTAGRAM_APP_ID ?? '', appSecret: process.env.INSTAGRAM_APP_SECRET ?? '' });
 * ```
 */
export function instagramFlow(app: InstagramApp, transport: FlowTransport = {}): PlatformFlow {
  return {
    platform: 'instagram',
    pkce: false,
    authorizationUrl: ({ state, redirectUri }) =>
      instagramLoginAuthorizationUrl({
        clientId: app.clientId,
        redirectUri,
        state,
        scopes: INSTAGRAM_SCOPES,
      }),
    async finish({ code, redirectUri }) {
      const { fetch } = transport;
      const grant = await exchangeInstagramCode({ ...app, redirectUri, code, fetch });
      const tokens = await exchangeInstagramToken({
        appSecret: app.appSecret,
        shortLivedToken: grant.accessToken,
        fetch,
      });
      return { accountId: grant.userId, tokens };
    },
  };
}
