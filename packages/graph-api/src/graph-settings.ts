import {
  fetchSetting,
  type HttpSettings,
  httpBaseUrlSetting,
  nonEmptyTextSetting,
  positiveIntegerSetting,
  type WebhookLimitSettings,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { GRAPH_API_ORIGIN, GRAPH_API_VERSION, GraphVersionSetting } from './graph-version.js';

/**
 * Origin of Meta's resumable-upload host, where videos are uploaded and the only Meta host
 * `uploadToRupload` sends the token to: "rupload.facebook.com – Upload the video to Meta servers"
 * (https://developers.facebook.com/documentation/instagram-platform/content-publishing/resumable-uploads);
 * reels go to `https://rupload.facebook.com/video-upload/{version}/{video-id}`
 * (https://developers.facebook.com/docs/video-api/guides/reels-publishing, Step 2). Not part of
 * the package's exports.
 */
export const RUPLOAD_ORIGIN = 'https://rupload.facebook.com';

/**
 * The settings the Facebook Pages and Instagram adapters share: which Graph version and host they
 * call, the HTTP transport, and the app's webhook credentials. Each adapter's settings extend it.
 *
 * @example
 * ```ts
 * const settings: GraphSettings = { graphVersion: 'v26.0', appSecret: process.env.META_APP_SECRET };
 * ```
 */
export interface GraphSettings extends HttpSettings, WebhookLimitSettings {
  /** Graph API version, `vNN.N`. Default `v26.0`, the newest (https://developers.facebook.com/docs/graph-api/changelog). */
  readonly graphVersion?: string | undefined;
  /** Replaces the Graph host's origin (simulators, proxies); the version is still appended to it. */
  readonly baseUrl?: string | undefined;
  /**
   * Replaces the resumable-upload host's origin (default `https://rupload.facebook.com`) for
   * simulators and proxies that serve video uploads elsewhere: the Page or Instagram token is sent
   * to an upload URL only on Meta's upload host, this origin or `baseUrl`'s.
   */
  readonly ruploadUrl?: string | undefined;
  /**
   * The app secret Meta signs webhook deliveries with (`X-Hub-Signature-256`;
   * https://developers.facebook.com/docs/graph-api/webhooks/getting-started). Webhook support is
   * declared only when it is set; when set, it must not be blank.
   */
  readonly appSecret?: string | undefined;
  /**
   * The verify token you entered when subscribing, echoed back in `hub.verify_token`
   * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started). When set, it
   * must not be blank: an empty one would match a challenge that carries none.
   */
  readonly webhookVerifyToken?: string | undefined;
}

/** {@link GraphSettings} with every default applied; a setting left out without a default is `undefined`. */
export interface ResolvedGraphSettings extends Required<HttpSettings>, Required<WebhookLimitSettings> {
  /** App secret for webhook signatures, when set. */
  readonly appSecret: string | undefined;
  /** Verify token for webhook subscriptions, when set. */
  readonly webhookVerifyToken: string | undefined;
  /** Graph API version (`v26.0`). */
  readonly graphVersion: string;
  /** Origin without a trailing slash (`https://graph.facebook.com`). */
  readonly origin: string;
  /** Origin and version: the base URL every Graph path is appended to. */
  readonly baseUrl: string;
  /** Origin of the resumable-upload host (`https://rupload.facebook.com`, or `ruploadUrl`). */
  readonly ruploadOrigin: string;
}

/**
 * The rules of {@link GraphSettings}' version and host, for the start of an adapter's settings
 * schema (problems are listed in schema order).
 *
 * @example
 * ```ts
 * const Settings = z.object({ ...GRAPH_LOCATION_SETTINGS, pollMs: z.optional(positiveIntegerSetting), ...GRAPH_TRANSPORT_SETTINGS });
 * ```
 */
export const GRAPH_LOCATION_SETTINGS = {
  /** See {@link GraphSettings.graphVersion}; default {@link GRAPH_API_VERSION}. */
  graphVersion: z._default(GraphVersionSetting, GRAPH_API_VERSION),
  /** See {@link GraphSettings.baseUrl}. */
  baseUrl: z.optional(httpBaseUrlSetting(GRAPH_API_ORIGIN)),
  /** See {@link GraphSettings.ruploadUrl}. */
  ruploadUrl: z.optional(httpBaseUrlSetting(RUPLOAD_ORIGIN)),
};

/**
 * The rules of {@link GraphSettings}' transport and webhook settings, for the end of an adapter's
 * settings schema.
 *
 * @example
 * ```ts
 * const Settings = z.object({ ...GRAPH_LOCATION_SETTINGS, ...GRAPH_TRANSPORT_SETTINGS });
 * ```
 */
export const GRAPH_TRANSPORT_SETTINGS = {
  /** See {@link GraphSettings.timeoutMs}. */
  timeoutMs: z.optional(positiveIntegerSetting),
  /** See {@link GraphSettings.webhookMaxBodyBytes}. */
  webhookMaxBodyBytes: z.optional(positiveIntegerSetting),
  /** See {@link GraphSettings.appSecret}. */
  appSecret: z.optional(nonEmptyTextSetting),
  /** See {@link GraphSettings.webhookVerifyToken}. */
  webhookVerifyToken: z.optional(nonEmptyTextSetting),
  /** See {@link GraphSettings.fetch}. */
  fetch: z.optional(fetchSetting),
};

/**
 * Finishes parsed Graph settings: the settings left out become `undefined` (the HTTP client and
 * the webhook handler apply their own defaults), and the base URL every Graph path goes under is
 * the origin (`baseUrl` when set, else `defaultOrigin`) with the version appended; uploads go to
 * `ruploadUrl` when set, else Meta's upload host.
 *
 * @param parsed - the adapter's settings as its schema parsed them
 * @param defaultOrigin - the host's origin when `baseUrl` is not set
 * @returns the settings with `origin`, `baseUrl` and `ruploadOrigin`
 *
 * @example
 * ```ts
 * resolveGraphSettings({ graphVersion: 'v26.0' }, GRAPH_API_ORIGIN).baseUrl; // 'https://graph.facebook.com/v26.0'
 * ```
 */
export function resolveGraphSettings<
  Parsed extends Pick<GraphSettings, 'baseUrl' | 'ruploadUrl'> & Pick<ResolvedGraphSettings, 'graphVersion'>,
>(parsed: Parsed, defaultOrigin: string): Omit<Parsed, 'baseUrl' | 'ruploadUrl'> & ResolvedGraphSettings {
  const { baseUrl, ruploadUrl, ...rest } = parsed;
  const origin = baseUrl ?? defaultOrigin;
  return {
    fetch: undefined,
    timeoutMs: undefined,
    appSecret: undefined,
    webhookVerifyToken: undefined,
    webhookMaxBodyBytes: undefined,
    ...rest,
    origin,
    baseUrl: `${origin}/${parsed.graphVersion}`,
    ruploadOrigin: ruploadUrl ?? RUPLOAD_ORIGIN,
  };
}
