import {
  fetchSetting,
  type HttpSettings,
  httpBaseUrlSetting,
  positiveIntegerSetting,
  type ResolvedSettings,
  resolveSettings,
} from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';

/**
 * Settings of `createMastodonAdapter`. Only `instanceUrl` is required: every Mastodon
 * server is its own API, at its own base URL (https://docs.joinmastodon.org/client/intro/).
 *
 * @example
 * ```ts
 * const settings: MastodonSettings = { instanceUrl: 'https://mastodon.social', maxCharacters: 500 };
 * ```
 */
export interface MastodonSettings extends HttpSettings {
  /** The server's base URL, such as `https://mastodon.social`. */
  readonly instanceUrl: string;
  /**
   * The server's status length limit. Default 500, Mastodon's own default; servers may change
   * it, and report theirs in `GET /api/v2/instance` → `configuration.statuses.max_characters`
   * (https://docs.joinmastodon.org/entities/Instance/). Read it once and pass it here.
   */
  readonly maxCharacters?: number | undefined;
  /** Milliseconds between two checks of media that is still processing. Default 1000. */
  readonly mediaPollIntervalMs?: number | undefined;
  /**
   * Milliseconds to wait for uploaded media to finish processing before giving up with a
   * `MediaProcessingError('media_processing_timeout')`. Default 60 000.
   */
  readonly mediaPollTimeoutMs?: number | undefined;
}

/** {@link MastodonSettings} with every default applied; a setting left out without a default is `undefined`. */
export type ResolvedMastodonSettings = ResolvedSettings<typeof MastodonSettingsSchema>;

/** The defaults of the optional {@link MastodonSettings}. */
export const MASTODON_DEFAULTS = Object.freeze({
  /** Mastodon's default status length (https://docs.joinmastodon.org/user/posting/#text). */
  maxCharacters: 500,
  /** One check per second: videos usually take a few seconds to transcode. */
  mediaPollIntervalMs: 1000,
  /** One minute: long enough for the 99 MB videos Mastodon accepts by default (https://docs.joinmastodon.org/user/posting/#media). */
  mediaPollTimeoutMs: 60_000,
});

/** The rules of {@link MastodonSettings}, in the order their problems are listed. */
const MastodonSettingsSchema = z.object({
  instanceUrl: httpBaseUrlSetting('https://mastodon.social', 'settings.instance_url'),
  timeoutMs: z.optional(positiveIntegerSetting),
  maxCharacters: z._default(positiveIntegerSetting, MASTODON_DEFAULTS.maxCharacters),
  mediaPollIntervalMs: z._default(positiveIntegerSetting, MASTODON_DEFAULTS.mediaPollIntervalMs),
  mediaPollTimeoutMs: z._default(positiveIntegerSetting, MASTODON_DEFAULTS.mediaPollTimeoutMs),
  fetch: z.optional(fetchSetting),
});

/**
 * Applies the defaults to `settings` and checks them, throwing one `ValidationError` that lists
 * every problem (a missing or bad URL, a non-positive number) before the adapter is used.
 *
 * @param settings - the settings as given
 * @returns the settings with defaults applied
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * resolveMastodonSettings({ instanceUrl: 'https://mastodon.social/' }).instanceUrl; // 'https://mastodon.social'
 * ```
 */
export function resolveMastodonSettings(settings: MastodonSettings): ResolvedMastodonSettings {
  return resolveSettings(MastodonSettingsSchema, settings, 'Mastodon adapter settings', 'mastodon');
}
