import type { HttpSettings, WebhookLimitSettings } from '@smmkit/core/adapter-kit';
import {
  fetchSetting,
  httpBaseUrlSetting,
  nonEmptyTextSetting,
  positiveIntegerSetting,
  type ResolvedSettings,
  resolveSettings,
  settingIssue,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { MAX_CHUNK_BYTES, MIN_CHUNK_BYTES } from './chunk-plan.js';

/**
 * Settings of `createTikTokAdapter`, all optional: left out, the adapter calls the real TikTok
 * API (`https://open.tiktokapis.com`) as an audited app.
 *
 * Tokens never go in the settings: every call takes the account's `TokenProvider` from its
 * context (`context.tokens`), so one adapter serves every creator. Get tokens with
 * `tiktokAuthorizationUrl` and `exchangeTikTokCode`, and keep them fresh with core's
 * `createRefreshingTokenProvider` and `refreshTikTokToken` (TikTok rotates refresh tokens).
 *
 * @example
 * ```ts
 * const settings: TikTokSettings = { clientKey: 'aw8x…', publishPollIntervalMs: 10_000 };
 * ```
 */
export interface TikTokSettings extends HttpSettings, WebhookLimitSettings {
  /** Origin of the API. Default `https://open.tiktokapis.com`. */
  readonly baseUrl?: string | undefined;
  /**
   * The app's client key. Webhook deliveries name the app they are for (`client_key`); when this
   * is set, deliveries for another app are refused.
   */
  readonly clientKey?: string | undefined;
  /**
   * Milliseconds between two reads of a publish's status (`POST /v2/post/publish/status/fetch/`).
   * Default 5 000: TikTok allows 30 status reads per minute per user
   * (https://developers.tiktok.com/doc/tiktok-api-v2-rate-limit), and a poll every 5 s leaves
   * room for other posts of the same creator.
   */
  readonly publishPollIntervalMs?: number | undefined;
  /**
   * Milliseconds to wait for TikTok to finish a publish before answering with a pending result
   * (warning `publish_processing_pending`). Default 600 000 (10 minutes).
   */
  readonly publishPollTimeoutMs?: number | undefined;
  /**
   * Bytes per uploaded chunk of a `FILE_UPLOAD`. Default 10 000 000 (TikTok's own example). It
   * must be 5 MiB to 64 MB (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide);
   * a file smaller than one chunk is sent whole, and a larger chunk is used when 1 000 would not
   * hold the file.
   */
  readonly chunkSizeBytes?: number | undefined;
  /**
   * The app has not passed TikTok's audit yet: its posts can only be private (`SELF_ONLY`), on
   * private accounts (https://developers.tiktok.com/doc/content-sharing-guidelines). When `true`,
   * `validate` refuses any other privacy level before a request is made, and a direct post to a
   * public account (creator info offers `PUBLIC_TO_EVERYONE`) is refused after creator info,
   * before the init. Default `false`.
   */
  readonly unaudited?: boolean | undefined;
  /**
   * Posts one creator may publish per day through the app: about 15 across all clients, says
   * TikTok (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post). Declared
   * as the daily budget of the publish bucket. Default 15.
   */
  readonly dailyPostsPerCreator?: number | undefined;
  /**
   * The app's client secret, which TikTok signs webhook deliveries with
   * (https://developers.tiktok.com/doc/webhooks-verification). Webhook support is declared only
   * when it is set; when set, it must not be blank.
   */
  readonly webhookClientSecret?: string | undefined;
  /**
   * How old a delivery's signed timestamp may be, in seconds, before it is refused as a replay.
   * Default 300 (five minutes).
   */
  readonly webhookToleranceSec?: number | undefined;
}

/** {@link TikTokSettings} with every default applied; a setting left out without a default is `undefined`. */
export type ResolvedTikTokSettings = ResolvedSettings<typeof TikTokSettingsSchema>;

/** The defaults of the optional {@link TikTokSettings}. */
export const TIKTOK_DEFAULTS = Object.freeze({
  /** The API's host (https://developers.tiktok.com/doc/content-posting-api-reference-direct-post). */
  baseUrl: 'https://open.tiktokapis.com',
  /** Five seconds between status reads. */
  publishPollIntervalMs: 5_000,
  /** Ten minutes. */
  publishPollTimeoutMs: 600_000,
  /** TikTok's example chunk size (media transfer guide). */
  chunkSizeBytes: 10_000_000,
  /** Audited apps post with every privacy level the creator allows. */
  unaudited: false,
  /** About 15 posts per creator per day. */
  dailyPostsPerCreator: 15,
  /** Five minutes. */
  webhookToleranceSec: 300,
});

/** The rules of {@link TikTokSettings}, in the order their problems are listed. */
const TikTokSettingsSchema = z.object({
  baseUrl: z._default(httpBaseUrlSetting(TIKTOK_DEFAULTS.baseUrl), TIKTOK_DEFAULTS.baseUrl),
  clientKey: z.optional(nonEmptyTextSetting),
  publishPollIntervalMs: z._default(positiveIntegerSetting, TIKTOK_DEFAULTS.publishPollIntervalMs),
  publishPollTimeoutMs: z._default(positiveIntegerSetting, TIKTOK_DEFAULTS.publishPollTimeoutMs),
  chunkSizeBytes: z._default(
    z.custom<number>(
      (value) =>
        typeof value === 'number' &&
        Number.isInteger(value) &&
        value >= MIN_CHUNK_BYTES &&
        value <= MAX_CHUNK_BYTES,
      settingIssue({
        rule: 'settings.chunk_size',
        message: `must be a whole number of bytes from ${MIN_CHUNK_BYTES} (5 MiB) to ${MAX_CHUNK_BYTES} (64 MB)`,
        showsValue: true,
      }),
    ),
    TIKTOK_DEFAULTS.chunkSizeBytes,
  ),
  unaudited: z._default(z.boolean(), TIKTOK_DEFAULTS.unaudited),
  dailyPostsPerCreator: z._default(positiveIntegerSetting, TIKTOK_DEFAULTS.dailyPostsPerCreator),
  timeoutMs: z.optional(positiveIntegerSetting),
  webhookClientSecret: z.optional(nonEmptyTextSetting),
  webhookMaxBodyBytes: z.optional(positiveIntegerSetting),
  webhookToleranceSec: z._default(positiveIntegerSetting, TIKTOK_DEFAULTS.webhookToleranceSec),
  fetch: z.optional(fetchSetting),
});

/**
 * Applies the defaults to `settings` and checks them, throwing one `ValidationError` that lists
 * every problem before the adapter is used.
 *
 * @param settings - the settings as given
 * @returns the settings with defaults applied
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * resolveTikTokSettings({}).chunkSizeBytes; // 10_000_000
 * ```
 */
export function resolveTikTokSettings(settings: TikTokSettings): ResolvedTikTokSettings {
  return resolveSettings(TikTokSettingsSchema, settings, 'TikTok adapter settings', 'tiktok');
}
