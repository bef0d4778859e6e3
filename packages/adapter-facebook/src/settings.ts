import { parseModel, positiveIntegerSetting } from '@smmkit/core/adapter-kit';
import {
  GRAPH_API_ORIGIN,
  GRAPH_API_VERSION,
  GRAPH_LOCATION_SETTINGS,
  GRAPH_TRANSPORT_SETTINGS,
  type GraphSettings,
  type ResolvedGraphSettings,
  resolveGraphSettings,
} from '@smmkit/graph-api';
import * as z from 'zod/mini';

/**
 * Settings of `createFacebookAdapter`. Everything is optional: the defaults talk to the real
 * Graph API at `graph.facebook.com` with the current version.
 *
 * The adapter keeps no tokens: the context's `tokens` give the Page access token, and
 * `account.accountId` is the Page id (posting to a Page uses the Page token;
 * https://developers.facebook.com/docs/pages-api/posts). Holding the user's token instead (from
 * Facebook Login), pass `facebookPageTokens({ pageId, userAccessToken })` as the `tokens`: it
 * finds the Page token with `GET /me/accounts` and keeps it.
 *
 * @example
 * ```ts
 * const settings: FacebookSettings = { graphVersion: 'v26.0', timeoutMs: 30_000, videoPollTimeoutMs: 300_000 };
 * const facebook = createFacebookAdapter(settings);
 * const tokens = facebookPageTokens({ pageId, userAccessToken: userTokens.accessToken });
 * await facebook.publish({ text: 'Hello' }, { account: { platform: 'facebook', accountId: pageId }, tokens });
 * ```
 */
export interface FacebookSettings extends GraphSettings {
  /**
   * Milliseconds between two status checks of a video or reel Facebook is processing
   * (`GET /{video-id}?fields=status`; https://developers.facebook.com/docs/graph-api/reference/video/).
   * Default 10 000. Meta gives no interval; tests use a few milliseconds.
   */
  readonly videoPollIntervalMs?: number | undefined;
  /**
   * Milliseconds to wait for a video or reel to be processed. Default 600 000 (10 minutes). A
   * video still processing then is published anyway, with a `video_processing_pending` warning:
   * Facebook posts it when processing ends.
   */
  readonly videoPollTimeoutMs?: number | undefined;
}

/** {@link FacebookSettings} with every default applied. */
export interface ResolvedFacebookSettings extends ResolvedGraphSettings {
  /** Milliseconds between two video or reel status checks. */
  readonly videoPollIntervalMs: number;
  /** Milliseconds to wait for a video or reel to be processed. */
  readonly videoPollTimeoutMs: number;
}

/** The defaults of the optional {@link FacebookSettings} that have one. */
export const FACEBOOK_DEFAULTS = Object.freeze({
  /** The newest Graph API version (https://developers.facebook.com/docs/graph-api/changelog). */
  graphVersion: GRAPH_API_VERSION,
  /** Ten seconds between video status checks: Meta names no interval, and processing takes seconds to minutes. */
  videoPollIntervalMs: 10_000,
  /** Ten minutes for a video or reel to be processed before the publish ends with a warning. */
  videoPollTimeoutMs: 10 * 60_000,
});

/** The rules of {@link FacebookSettings}, in the order their problems are listed. */
const FacebookSettingsSchema = z.object({
  ...GRAPH_LOCATION_SETTINGS,
  videoPollIntervalMs: z._default(positiveIntegerSetting, FACEBOOK_DEFAULTS.videoPollIntervalMs),
  videoPollTimeoutMs: z._default(positiveIntegerSetting, FACEBOOK_DEFAULTS.videoPollTimeoutMs),
  ...GRAPH_TRANSPORT_SETTINGS,
});

/**
 * Checks every setting with `parseModel`, fills in the defaults and builds the base URL every
 * Graph path goes under: the origin (or `baseUrl`) with the version appended. A bad version, URL,
 * timeout or polling setting fails when the adapter is made, all in one `ValidationError`.
 *
 * @param settings - the settings passed to `createFacebookAdapter`
 * @returns the settings resolved, with `origin` and `baseUrl`
 * @throws ValidationError listing every invalid setting
 *
 * @example
 * ```ts
 * resolveFacebookSettings({}).baseUrl; // 'https://graph.facebook.com/v26.0'
 * ```
 */
export function resolveFacebookSettings(settings: FacebookSettings): ResolvedFacebookSettings {
  const parsed = parseModel(FacebookSettingsSchema, settings, 'Facebook adapter settings', {
    platform: 'facebook',
  });
  return resolveGraphSettings(parsed, GRAPH_API_ORIGIN);
}
