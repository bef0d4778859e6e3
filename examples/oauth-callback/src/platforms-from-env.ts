import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { createInstagramAdapter, refreshInstagramToken } from '@smmkit/adapter-instagram';
import { createLinkedInAdapter, refreshLinkedInToken } from '@smmkit/adapter-linkedin';
import { createTikTokAdapter, refreshTikTokToken } from '@smmkit/adapter-tiktok';
import { createXAdapter, refreshXToken } from '@smmkit/adapter-x';
import type { Adapter } from '@smmkit/core';
import type { RefreshTokens } from '@smmkit/core/app';
import type { FlowTransport, PlatformFlow } from './flow.ts';
import { facebookFlow } from './flows/facebook.ts';
import { instagramFlow } from './flows/instagram.ts';
import { linkedInFlow } from './flows/linkedin.ts';
import { tiktokFlow } from './flows/tiktok.ts';
import { xFlow } from './flows/x.ts';

/** The flows, adapters and refresh calls of every platform whose app credentials are set. */
export interface ConfiguredPlatforms {
  /** For the callback server. */
  readonly flows: PlatformFlow[];
  /** For `createSmmkit`. */
  readonly adapters: Adapter[];
  /** For `createSmmkit`: how each platform's tokens are refreshed (Facebook Page tokens do not expire). */
  readonly refresh: Record<string, RefreshTokens>;
}

/**
 * Reads each platform's app credentials from environment variables (never from a file) and
 * configures the platforms that have them:
 *
 * | platform  | variables                                   |
 * | --------- | ------------------------------------------- |
 * | x         | `X_CLIENT_ID`, `X_CLIENT_SECRET` (optional) |
 * | linkedin  | `LINKEDIN_CLIENT_ID`, `LINKEDIN_CLIENT_SECRET` |
 * | tiktok    | `TIKTOK_CLIENT_KEY`, `TIKTOK_CLIENT_SECRET` |
 * | facebook  | `META_APP_ID`, `META_APP_SECRET`            |
 * | instagram | `INSTAGRAM_APP_ID`, `INSTAGRAM_APP_SECRET`  |
 *
 * @param env - the environment (`process.env`)
 * @param transport - a `fetch` for every call the flows, adapters and refreshes make
 * @returns the configured platforms
 *
 * @example
 * ```ts
 * const { flows, adapters, refresh } = platformsFromEnv(process.env);
 * ```
 */
export function platformsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  transport: FlowTransport = {},
): ConfiguredPlatforms {
  const { fetch } = transport;
  const set = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);
  const configured: ConfiguredPlatforms = { flows: [], adapters: [], refresh: {} };

  const xClientId = set('X_CLIENT_ID');
  if (xClientId !== undefined) {
    const app = { clientId: xClientId, clientSecret: set('X_CLIENT_SECRET') };
    configured.flows.push(xFlow(app, transport));
    configured.adapters.push(createXAdapter({ fetch }));
    configured.refresh.x = (refreshToken) => refreshXToken({ ...app, refreshToken, fetch });
  }
  const linkedInClientId = set('LINKEDIN_CLIENT_ID');
  const linkedInSecret = set('LINKEDIN_CLIENT_SECRET');
  if (linkedInClientId !== undefined && linkedInSecret !== undefined) {
    const app = { clientId: linkedInClientId, clientSecret: linkedInSecret };
    configured.flows.push(linkedInFlow(app, transport));
    configured.adapters.push(createLinkedInAdapter({ fetch }));
    // Only apps LinkedIn approved for programmatic refresh get refresh tokens.
    configured.refresh.linkedin = (refreshToken) => refreshLinkedInToken({ ...app, refreshToken, fetch });
  }
  const tiktokClientKey = set('TIKTOK_CLIENT_KEY');
  const tiktokSecret = set('TIKTOK_CLIENT_SECRET');
  if (tiktokClientKey !== undefined && tiktokSecret !== undefined) {
    const app = { clientKey: tiktokClientKey, clientSecret: tiktokSecret };
    configured.flows.push(tiktokFlow(app, transport));
    configured.adapters.push(createTikTokAdapter({ fetch }));
    configured.refresh.tiktok = (refreshToken) => refreshTikTokToken({ ...app, refreshToken, fetch });
  }
  const metaAppId = set('META_APP_ID');
  const metaSecret = set('META_APP_SECRET');
  if (metaAppId !== undefined && metaSecret !== undefined) {
    configured.flows.push(facebookFlow({ appId: metaAppId, appSecret: metaSecret }, transport));
    configured.adapters.push(createFacebookAdapter({ fetch }));
  }
  const instagramAppId = set('INSTAGRAM_APP_ID');
  const instagramSecret = set('INSTAGRAM_APP_SECRET');
  if (instagramAppId !== undefined && instagramSecret !== undefined) {
    configured.flows.push(instagramFlow({ clientId: instagramAppId, appSecret: instagramSecret }, transport));
    // Instagram Login tokens work on graph.instagram.com, and are refreshed with themselves.
    configured.adapters.push(createInstagramAdapter({ host: 'instagram', fetch }));
    configured.refresh.instagram = (token) => refreshInstagramToken({ accessToken: token, fetch });
  }
  return configured;
}
