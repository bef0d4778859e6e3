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
import { AUTHOR_URN } from './urn.js';

/**
 * Settings of `createLinkedInAdapter`, all optional: left out, the adapter calls the real LinkedIn
 * API with a recent `LinkedIn-Version`, as the member or organization of the account.
 *
 * The app's OAuth client id and secret belong to the auth helpers (`linkedInAuthorizationUrl`,
 * `exchangeLinkedInCode`, `refreshLinkedInToken`), not here: tokens reach the adapter through the
 * call's `TokenProvider`, never through its settings.
 *
 * @example
 * ```ts
 * const settings: LinkedInSettings = { version: '202610', author: 'urn:li:organization:2414183' };
 * ```
 */
export interface LinkedInSettings extends HttpSettings, WebhookLimitSettings {
  /** Origin of the API. Default `https://api.linkedin.com`; the versioned endpoints are under `/rest`. */
  readonly baseUrl?: string | undefined;
  /**
   * The `LinkedIn-Version` header (`YYYYMM`) every `/rest` call sends. Default `202610`. LinkedIn
   * supports a version for at least a year, then answers 426 `NONEXISTENT_VERSION`: raise it then
   * (https://learn.microsoft.com/en-us/linkedin/marketing/versioning).
   */
  readonly version?: string | undefined;
  /**
   * Who posts: a member (`urn:li:person:…`) or an organization (`urn:li:organization:…`). Without
   * it, `options.linkedin.author` of the post, else the context account's `accountId`, which must
   * then be such a URN.
   */
  readonly author?: string | undefined;
  /**
   * Longest commentary, in code points. Default 3,000, the widely cited limit of LinkedIn's
   * composer; change it here if LinkedIn does.
   */
  readonly maxTextLength?: number | undefined;
  /** Milliseconds between two checks of media LinkedIn is still processing. Default 5 000. */
  readonly mediaPollIntervalMs?: number | undefined;
  /**
   * Milliseconds to wait for LinkedIn to process uploaded media before giving up with
   * `MediaProcessingError('media_processing_timeout')`. Default 900 000 (15 minutes: videos up to
   * 30 minutes long are processed on LinkedIn's side).
   */
  readonly mediaPollTimeoutMs?: number | undefined;
  /**
   * Posts one member may create per day through the app. LinkedIn does not publish its numbers
   * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits: they are
   * shown per app in the Developer Portal's analytics); default 150, the figure third-party
   * schedulers report. Set your app's own.
   */
  readonly dailyPostsPerMember?: number | undefined;
  /** Posts the whole app may create per day, across members. Default 100 000; set your app's own. */
  readonly dailyPostsPerApp?: number | undefined;
  /**
   * How long a 429 pauses calls, in milliseconds. Without it, until the next midnight UTC, when
   * LinkedIn's daily limits reset
   * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits).
   */
  readonly throttleResetMs?: number | undefined;
  /**
   * The app's client secret, which LinkedIn signs webhook deliveries and challenges with
   * (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/webhook-validation). Webhook
   * support is declared only when it is set; when set, it must not be blank.
   */
  readonly webhookClientSecret?: string | undefined;
}

/** {@link LinkedInSettings} with every default applied; a setting left out without a default is `undefined`. */
export type ResolvedLinkedInSettings = ResolvedSettings<typeof LinkedInSettingsSchema>;

/** The defaults of the optional {@link LinkedInSettings}. */
export const LINKEDIN_DEFAULTS = Object.freeze({
  /** The API's host (https://learn.microsoft.com/en-us/linkedin/marketing/versioning). */
  baseUrl: 'https://api.linkedin.com',
  /** A version LinkedIn supports until late 2027 (versions live a year; see the versioning page). */
  version: '202610',
  /** LinkedIn's composer limit for post commentary. */
  maxTextLength: 3000,
  /** Five seconds: LinkedIn processes video in minutes, not seconds. */
  mediaPollIntervalMs: 5000,
  /** Fifteen minutes. */
  mediaPollTimeoutMs: 900_000,
  /** See {@link LinkedInSettings.dailyPostsPerMember}. */
  dailyPostsPerMember: 150,
  /** See {@link LinkedInSettings.dailyPostsPerApp}. */
  dailyPostsPerApp: 100_000,
});

/** `YYYYMM`, optionally with a two-digit patch (`202610.01`), as LinkedIn names versions. */
const VERSION = /^\d{6}(\.\d{2})?$/;

/** The rules of {@link LinkedInSettings}, in the order their problems are listed. */
const LinkedInSettingsSchema = z.object({
  baseUrl: z._default(httpBaseUrlSetting(LINKEDIN_DEFAULTS.baseUrl), LINKEDIN_DEFAULTS.baseUrl),
  version: z._default(
    z.custom<string>(
      (value) => typeof value === 'string' && VERSION.test(value),
      settingIssue({
        rule: 'settings.linkedin_version',
        message: 'must be a LinkedIn-Version such as 202610 (YYYYMM)',
        showsValue: true,
      }),
    ),
    LINKEDIN_DEFAULTS.version,
  ),
  author: z.optional(
    z.custom<string>(
      (value) => typeof value === 'string' && AUTHOR_URN.test(value),
      settingIssue({
        rule: 'settings.author',
        message: 'must be a person or organization URN such as urn:li:organization:2414183',
        showsValue: true,
      }),
    ),
  ),
  maxTextLength: z._default(positiveIntegerSetting, LINKEDIN_DEFAULTS.maxTextLength),
  mediaPollIntervalMs: z._default(positiveIntegerSetting, LINKEDIN_DEFAULTS.mediaPollIntervalMs),
  mediaPollTimeoutMs: z._default(positiveIntegerSetting, LINKEDIN_DEFAULTS.mediaPollTimeoutMs),
  dailyPostsPerMember: z._default(positiveIntegerSetting, LINKEDIN_DEFAULTS.dailyPostsPerMember),
  dailyPostsPerApp: z._default(positiveIntegerSetting, LINKEDIN_DEFAULTS.dailyPostsPerApp),
  throttleResetMs: z.optional(positiveIntegerSetting),
  timeoutMs: z.optional(positiveIntegerSetting),
  webhookClientSecret: z.optional(nonEmptyTextSetting),
  webhookMaxBodyBytes: z.optional(positiveIntegerSetting),
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
 * resolveLinkedInSettings({}).version; // '202610'
 * ```
 */
export function resolveLinkedInSettings(settings: LinkedInSettings): ResolvedLinkedInSettings {
  return resolveSettings(LinkedInSettingsSchema, settings, 'LinkedIn adapter settings', 'linkedin');
}
