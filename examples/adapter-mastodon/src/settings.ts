import { ValidationError, type ValidationProblem } from '@smmkit/core';
import { isHttpUrl, positiveIntegerSettingProblems } from '@smmkit/core/adapter-kit';

/**
 * Settings of `createMastodonAdapter`. Only `instanceUrl` is required: every Mastodon
 * server is its own API, at its own base URL (docs.joinmastodon.org: client/intro).
 *
 * @example
 * ```ts
 * const settings: MastodonSettings = { instanceUrl: 'https://mastodon.social', maxCharacters: 500 };
 * ```
 */
export interface MastodonSettings {
  /** The server's base URL, such as `https://mastodon.social`. */
  readonly instanceUrl: string;
  /** A `fetch` to use instead of the global one (proxies, tests, edge runtimes). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds before one request is abandoned. Default: core's HTTP client default (30 000). */
  readonly timeoutMs?: number | undefined;
  /**
   * The server's status length limit. Default 500, Mastodon's own default; servers may change
   * it, and report theirs in `GET /api/v2/instance` → `configuration.statuses.max_characters`
   * (docs.joinmastodon.org: entities/Instance). Read it once and pass it here.
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

/** {@link MastodonSettings} with every default applied. */
export interface ResolvedMastodonSettings {
  /** The server's base URL, without a trailing slash. */
  readonly instanceUrl: string;
  /** The `fetch` to use, when not the global one. */
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds, when not core's default. */
  readonly timeoutMs: number | undefined;
  /** The server's status length limit. */
  readonly maxCharacters: number;
  /** Milliseconds between two media processing checks. */
  readonly mediaPollIntervalMs: number;
  /** Milliseconds to wait for media processing. */
  readonly mediaPollTimeoutMs: number;
}

/** The defaults of the optional {@link MastodonSettings}. */
export const MASTODON_DEFAULTS = Object.freeze({
  /** Mastodon's default status length (docs.joinmastodon.org: user/posting#text). */
  maxCharacters: 500,
  /** One check per second: videos usually take a few seconds to transcode. */
  mediaPollIntervalMs: 1000,
  /** One minute: long enough for the 99 MB videos Mastodon accepts by default (user/posting#media). */
  mediaPollTimeoutMs: 60_000,
});

/**
 * Applies the defaults to `settings` and checks them, throwing one `ValidationError` that lists
 * every problem (a bad URL, a non-positive number) before the adapter is used.
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
  const problems: ValidationProblem[] = [];
  if (!isHttpUrl(settings.instanceUrl)) {
    problems.push({
      path: ['instanceUrl'],
      rule: 'settings.instance_url',
      message: 'must be the http(s) base URL of a Mastodon server, such as https://mastodon.social',
    });
  }
  const resolved: ResolvedMastodonSettings = {
    instanceUrl: settings.instanceUrl.replace(/\/+$/, ''),
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    maxCharacters: settings.maxCharacters ?? MASTODON_DEFAULTS.maxCharacters,
    mediaPollIntervalMs: settings.mediaPollIntervalMs ?? MASTODON_DEFAULTS.mediaPollIntervalMs,
    mediaPollTimeoutMs: settings.mediaPollTimeoutMs ?? MASTODON_DEFAULTS.mediaPollTimeoutMs,
  };
  problems.push(
    ...positiveIntegerSettingProblems({
      timeoutMs: resolved.timeoutMs,
      maxCharacters: resolved.maxCharacters,
      mediaPollIntervalMs: resolved.mediaPollIntervalMs,
      mediaPollTimeoutMs: resolved.mediaPollTimeoutMs,
    }),
  );
  if (problems.length > 0) {
    throw new ValidationError(problems, 'Mastodon adapter settings', { platform: 'mastodon' });
  }
  return resolved;
}
