import {
  fetchSetting,
  type HttpSettings,
  httpBaseUrlSetting,
  nonEmptyTextSetting,
  positiveIntegerSetting,
  type ResolvedSettings,
  resolveSettings,
  settingIssue,
  type WebhookLimitSettings,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/**
 * Settings of `createXAdapter`. Everything is optional: the defaults talk to the real X API v2.
 *
 * OAuth client settings (client id and secret, redirect URI) are not adapter settings: the
 * adapter never stores or refreshes tokens. Pass them to the auth helpers (`xAuthorizationUrl`,
 * `exchangeXCode`, `refreshXToken`, `revokeXToken`), and wrap the tokens in a `TokenProvider`.
 *
 * @example
 * ```ts
 * const settings: XSettings = { maxTextLength: 25_000, username: 'XDevelopers', webhookConsumerSecret: process.env.X_API_SECRET };
 * ```
 */
export interface XSettings extends HttpSettings, WebhookLimitSettings {
  /** Base URL of the API. Default `https://api.x.com` (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
  readonly baseUrl?: string | undefined;
  /**
   * The account's post length limit in weighted characters. Default 280
   * (https://docs.x.com/fundamentals/counting-characters); X Premium accounts may post longer
   * texts (third-party sources say 25,000), so set it per account.
   */
  readonly maxTextLength?: number | undefined;
  /**
   * Bytes per `append` chunk of a media upload. Default 1 MiB, what clients use; at most 5 MiB,
   * the largest chunk X has documented
   * (https://developer.x.com/en/docs/twitter-api/v1/media/upload-media/api-reference/post-media-upload-append).
   * A large file gets larger chunks when needed to stay within X's 1,000 segments (`segment_index` 0..999).
   */
  readonly uploadChunkBytes?: number | undefined;
  /**
   * Milliseconds to wait for X to process uploaded media (video, GIF) before giving up with
   * `MediaProcessingError('media_processing_timeout')`. Default 300 000 (five minutes).
   */
  readonly mediaPollTimeoutMs?: number | undefined;
  /**
   * The account's username, for post URLs (`https://x.com/{username}/status/{id}`). Without it
   * the context account's `handle` is used, else `https://x.com/i/web/status/{id}`, which works
   * without a username.
   */
  readonly username?: string | undefined;
  /**
   * The app's consumer secret (API secret), which X signs Account Activity webhooks and answers
   * CRC challenges with (https://docs.x.com/x-api/webhooks/quickstart). Webhook support is
   * declared only when it is set; when set, it must not be blank.
   */
  readonly webhookConsumerSecret?: string | undefined;
  /**
   * The longest recent-search query the app's access level takes, in characters, for
   * `searchMentions`: by default 512 with self-serve access, 4,096 with Enterprise
   * (https://docs.x.com/x-api/posts/search/integrate/build-a-query). A longer query is refused
   * with a `ValidationError` before any request.
   */
  readonly searchQueryMaxLength?: number | undefined;
  /**
   * The app's X API access: `self-serve` (default; Pay Per Use, what an app signs up for) or
   * `enterprise`. Self-serve apps cannot like or quote posts ("Following, Likes, and Quote-Posts
   * via the API have been removed from all self-serve tiers", https://docs.x.com/changelog, 16
   * April 2026), may put at most 1 cashtag in a post and may reply only where the original
   * author summoned the account (https://docs.x.com/x-api/posts/manage-tweets/integrate). So on
   * self-serve access the adapter declares no likes and refuses quotes and extra cashtags before
   * any request; a reply X refuses comes back as a `PlatformError` that says why.
   */
  readonly access?: XAccessLevel | undefined;
}

/** An app's X API access level (see {@link XSettings.access}). */
export type XAccessLevel = 'self-serve' | 'enterprise';

/** {@link XSettings} with every default applied; a setting left out without a default is `undefined`. */
export type ResolvedXSettings = ResolvedSettings<typeof XSettingsSchema>;

const MEBIBYTE = 1024 * 1024;

/** The defaults of the optional {@link XSettings}. */
export const X_DEFAULTS = Object.freeze({
  /** The API's host (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
  baseUrl: 'https://api.x.com',
  /** 280 weighted characters (https://docs.x.com/fundamentals/counting-characters). */
  maxTextLength: 280,
  /**
   * 1 MB chunks, as X's own example splits a 3 MB file
   * (https://developer.x.com/en/docs/twitter-api/v1/media/upload-media/api-reference/post-media-upload-append).
   */
  uploadChunkBytes: MEBIBYTE,
  /** Five minutes: long enough for X to transcode the largest video it takes. */
  mediaPollTimeoutMs: 300_000,
  /** Self-serve access: 512 characters (https://docs.x.com/x-api/posts/search/integrate/build-a-query). */
  searchQueryMaxLength: 512,
  /** Self-serve (Pay Per Use) access, what an app signs up for. */
  access: 'self-serve' as XAccessLevel,
});

/**
 * Largest chunk: "It must be <= 5 MB"
 * (https://developer.x.com/en/docs/twitter-api/v1/media/upload-media/api-reference/post-media-upload-append).
 */
export const X_MAX_UPLOAD_CHUNK_BYTES = 5 * MEBIBYTE;

/** Longest recent-search query of any access level: 4,096 for Enterprise (https://docs.x.com/x-api/posts/search/integrate/build-a-query). */
export const MAX_SEARCH_QUERY_LENGTH = 4096;

/** The rules of {@link XSettings}, in the order their problems are listed. */
const XSettingsSchema = z.object({
  baseUrl: z._default(httpBaseUrlSetting(X_DEFAULTS.baseUrl), X_DEFAULTS.baseUrl),
  maxTextLength: z._default(positiveIntegerSetting, X_DEFAULTS.maxTextLength),
  timeoutMs: z.optional(positiveIntegerSetting),
  uploadChunkBytes: z._default(
    positiveIntegerSetting.check(
      z.refine(
        (bytes: number) => bytes <= X_MAX_UPLOAD_CHUNK_BYTES,
        settingIssue({
          rule: 'settings.upload_chunk_bytes',
          message: `must be at most ${X_MAX_UPLOAD_CHUNK_BYTES} bytes (5 MiB)`,
          limit: X_MAX_UPLOAD_CHUNK_BYTES,
          showsValue: true,
        }),
      ),
    ),
    X_DEFAULTS.uploadChunkBytes,
  ),
  mediaPollTimeoutMs: z._default(positiveIntegerSetting, X_DEFAULTS.mediaPollTimeoutMs),
  username: z.optional(nonEmptyTextSetting),
  webhookConsumerSecret: z.optional(nonEmptyTextSetting),
  webhookMaxBodyBytes: z.optional(positiveIntegerSetting),
  searchQueryMaxLength: z.optional(
    positiveIntegerSetting.check(
      z.refine(
        (length: number) => length <= MAX_SEARCH_QUERY_LENGTH,
        settingIssue({
          rule: 'settings.search_query_max_length',
          message: `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters (Enterprise access)`,
          limit: MAX_SEARCH_QUERY_LENGTH,
          showsValue: true,
        }),
      ),
    ),
  ),
  access: z._default(z.enum(['self-serve', 'enterprise']), X_DEFAULTS.access),
  fetch: z.optional(fetchSetting),
});

/**
 * Fills in {@link X_DEFAULTS} and checks every setting against `XSettingsSchema` with
 * `parseModel`, so a bad base URL, count, chunk size or blank secret fails when the adapter is
 * made, all in one `ValidationError`, not at the first post.
 *
 * @param settings - the settings passed to `createXAdapter`
 * @returns the settings with X's defaults filled in
 * @throws ValidationError listing every invalid setting
 *
 * @example
 * ```ts
 * resolveXSettings({}).maxTextLength; // 280
 * ```
 */
export function resolveXSettings(settings: XSettings): ResolvedXSettings {
  return resolveSettings(XSettingsSchema, settings, 'X adapter settings', 'x');
}
