import { parseModel, positiveIntegerSetting, settingIssue } from '@smmkit/core/adapter-kit';
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
 * Which Graph host the account's token belongs to: Instagram Login tokens talk to
 * `graph.instagram.com`, Facebook Login tokens to `graph.facebook.com` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container, Host URL).
 */
export type InstagramHost = 'facebook' | 'instagram';

/**
 * Settings of `createInstagramAdapter`. Everything is optional: the defaults talk to the real
 * Graph API at `graph.facebook.com` (Facebook Login) with the current version.
 *
 * OAuth app settings (app id and secret) are not adapter settings: the adapter never stores or
 * refreshes tokens. Pass them to the auth helpers (auth/) and wrap the tokens in a `TokenProvider`.
 *
 * @example
 * ```ts
 * const settings: InstagramSettings = { host: 'instagram', appSecret: process.env.IG_APP_SECRET, webhookVerifyToken: 'my-verify-token' };
 * ```
 */
export interface InstagramSettings extends GraphSettings {
  /**
   * `facebook`: `https://graph.facebook.com` (tokens from Facebook Login); `instagram`:
   * `https://graph.instagram.com` (tokens from Instagram Login). Default `facebook`.
   */
  readonly host?: InstagramHost | undefined;
  /**
   * Milliseconds between container status checks. Default 60 000: Meta advises checking a
   * container "once per minute"
   * (https://developers.facebook.com/docs/instagram-platform/content-publishing). Tests use a
   * few milliseconds.
   */
  readonly containerPollIntervalMs?: number | undefined;
  /**
   * Milliseconds to wait for a container to become `FINISHED` before giving up with
   * `MediaProcessingError('media_processing_timeout')`. Default 300 000: "for no more than 5
   * minutes" (https://developers.facebook.com/docs/instagram-platform/content-publishing).
   */
  readonly containerPollTimeoutMs?: number | undefined;
}

/** {@link InstagramSettings} with every default applied. */
export interface ResolvedInstagramSettings extends ResolvedGraphSettings {
  /** Which host. */
  readonly host: InstagramHost;
  /** Milliseconds between container status checks. */
  readonly containerPollIntervalMs: number;
  /** Milliseconds to wait for a container. */
  readonly containerPollTimeoutMs: number;
}

/**
 * The hosts: `graph.instagram.com` for Instagram Login tokens, `graph.facebook.com` for Facebook
 * Login tokens (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container, Host URL).
 */
export const INSTAGRAM_HOSTS: Readonly<Record<InstagramHost, string>> = Object.freeze({
  facebook: GRAPH_API_ORIGIN,
  instagram: 'https://graph.instagram.com',
});

/** The defaults of the optional {@link InstagramSettings}. */
export const INSTAGRAM_DEFAULTS = Object.freeze({
  /** Facebook Login tokens, the login most Instagram professional accounts are reached with. */
  host: 'facebook' as InstagramHost,
  /** The newest Graph API version (https://developers.facebook.com/docs/graph-api/changelog). */
  graphVersion: GRAPH_API_VERSION,
  /** "once per minute" (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
  containerPollIntervalMs: 60_000,
  /** "for no more than 5 minutes" (https://developers.facebook.com/docs/instagram-platform/content-publishing). */
  containerPollTimeoutMs: 300_000,
});

/** The rules of {@link InstagramSettings}, in the order their problems are listed. */
const InstagramSettingsSchema = z.object({
  host: z._default(
    z.custom<InstagramHost>(
      (value) => value === 'facebook' || value === 'instagram',
      settingIssue({ rule: 'settings.host', message: 'must be "facebook" or "instagram"', showsValue: true }),
    ),
    INSTAGRAM_DEFAULTS.host,
  ),
  ...GRAPH_LOCATION_SETTINGS,
  containerPollIntervalMs: z._default(positiveIntegerSetting, INSTAGRAM_DEFAULTS.containerPollIntervalMs),
  containerPollTimeoutMs: z._default(positiveIntegerSetting, INSTAGRAM_DEFAULTS.containerPollTimeoutMs),
  ...GRAPH_TRANSPORT_SETTINGS,
});

/**
 * Checks every setting against `InstagramSettingsSchema` with `parseModel`, fills in
 * {@link INSTAGRAM_DEFAULTS}, and builds the base URL every Graph path goes under: the host's
 * origin (or `baseUrl`) with the version appended. A bad host, version, URL, duration or blank
 * secret fails when the adapter is made, all in one `ValidationError`.
 *
 * @param settings - the settings passed to `createInstagramAdapter`
 * @returns the settings resolved, with `origin` and `baseUrl`
 * @throws ValidationError listing every invalid setting
 *
 * @example
 * ```ts
 * resolveInstagramSettings({ host: 'instagram' }).baseUrl; // 'https://graph.instagram.com/v26.0'
 * ```
 */
export function resolveInstagramSettings(settings: InstagramSettings): ResolvedInstagramSettings {
  const parsed = parseModel(InstagramSettingsSchema, settings, 'Instagram adapter settings', {
    platform: 'instagram',
  });
  return resolveGraphSettings(parsed, INSTAGRAM_HOSTS[parsed.host]);
}
