import { ValidationError, type ValidationProblem } from '@smmkit/core';
import { isHttpUrl, nonEmptySettingProblems, positiveIntegerSettingProblems } from '@smmkit/core/adapter-kit';

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
export interface XSettings {
  /** Base URL of the API. Default `https://api.x.com` (shared/platforms/x.md, Auth). */
  readonly baseUrl?: string | undefined;
  /**
   * The account's post length limit in weighted characters. Default 280; X Premium accounts may
   * post longer texts (third-party sources say 25,000; x.md, Text limits), so set it per account.
   */
  readonly maxTextLength?: number | undefined;
  /** A `fetch` to use instead of the global one (proxies, tests, edge runtimes). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds before one request is abandoned. Default: core's HTTP client default (30 000). */
  readonly timeoutMs?: number | undefined;
  /**
   * Bytes per `append` chunk of a media upload. Default 1 MiB, what clients use; at most 5 MiB,
   * the largest chunk X has documented (x.md, Media upload). A large file gets larger chunks when
   * needed to stay within X's 1,000 segments (`segment_index` 0..999).
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
   * without a username (x.md, Publish).
   */
  readonly username?: string | undefined;
  /**
   * The app's consumer secret (API secret), which X signs Account Activity webhooks and answers
   * CRC challenges with (x.md, Webhooks). Webhook support is declared only when it is set.
   */
  readonly webhookConsumerSecret?: string | undefined;
  /**
   * The largest webhook delivery body accepted, in bytes; default 1 MiB. A larger one fails
   * `webhooks.verify` without being hashed and is refused by `webhooks.parse`.
   */
  readonly webhookMaxBodyBytes?: number | undefined;
}

/** {@link XSettings} with every default applied. */
export interface ResolvedXSettings {
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  /** Post length limit in weighted characters. */
  readonly maxTextLength: number;
  /** The `fetch` to use, when not the global one. */
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds, when not core's default. */
  readonly timeoutMs: number | undefined;
  /** Bytes per upload chunk. */
  readonly uploadChunkBytes: number;
  /** Milliseconds to wait for media processing. */
  readonly mediaPollTimeoutMs: number;
  /** Username for post URLs, when set. */
  readonly username: string | undefined;
  /** Consumer secret for webhooks, when set. */
  readonly webhookConsumerSecret: string | undefined;
  /** Largest webhook body in bytes, when not the webhook handler's default (1 MiB). */
  readonly webhookMaxBodyBytes: number | undefined;
}

const MEBIBYTE = 1024 * 1024;

/** The defaults of the optional {@link XSettings}. */
export const X_DEFAULTS = Object.freeze({
  /** x.md, Auth: `https://api.x.com`. */
  baseUrl: 'https://api.x.com',
  /** x.md, Text limits: 280 weighted characters. */
  maxTextLength: 280,
  /** x.md, Media upload: "clients use 1 MB". */
  uploadChunkBytes: MEBIBYTE,
  /** Five minutes: X transcodes videos of up to 512 MB (x.md, Media upload). */
  mediaPollTimeoutMs: 300_000,
});

/** Largest chunk: the v1.1 docs allowed up to 5 MB per APPEND (x.md, Media upload). */
export const X_MAX_UPLOAD_CHUNK_BYTES = 5 * MEBIBYTE;

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
 * resolveXSettings({}).maxTextLength; // 280
 * ```
 */
export function resolveXSettings(settings: XSettings): ResolvedXSettings {
  const problems: ValidationProblem[] = [];
  const baseUrl = settings.baseUrl ?? X_DEFAULTS.baseUrl;
  if (!isHttpUrl(baseUrl)) {
    problems.push({
      path: ['baseUrl'],
      rule: 'settings.base_url',
      message: 'must be an http(s) URL such as https://api.x.com',
    });
  }
  const resolved: ResolvedXSettings = {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    maxTextLength: settings.maxTextLength ?? X_DEFAULTS.maxTextLength,
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    uploadChunkBytes: settings.uploadChunkBytes ?? X_DEFAULTS.uploadChunkBytes,
    mediaPollTimeoutMs: settings.mediaPollTimeoutMs ?? X_DEFAULTS.mediaPollTimeoutMs,
    username: settings.username,
    webhookConsumerSecret: settings.webhookConsumerSecret,
    webhookMaxBodyBytes: settings.webhookMaxBodyBytes,
  };
  problems.push(
    ...positiveIntegerSettingProblems({
      maxTextLength: resolved.maxTextLength,
      timeoutMs: resolved.timeoutMs,
      uploadChunkBytes: resolved.uploadChunkBytes,
      mediaPollTimeoutMs: resolved.mediaPollTimeoutMs,
      webhookMaxBodyBytes: resolved.webhookMaxBodyBytes,
    }),
  );
  if (resolved.uploadChunkBytes > X_MAX_UPLOAD_CHUNK_BYTES) {
    problems.push({
      path: ['uploadChunkBytes'],
      rule: 'settings.upload_chunk_bytes',
      message: `must be at most ${X_MAX_UPLOAD_CHUNK_BYTES} bytes (5 MiB)`,
      limit: X_MAX_UPLOAD_CHUNK_BYTES,
      actual: resolved.uploadChunkBytes,
    });
  }
  problems.push(
    ...nonEmptySettingProblems({
      username: settings.username,
      webhookConsumerSecret: settings.webhookConsumerSecret,
    }),
  );
  if (problems.length > 0) throw new ValidationError(problems, 'X adapter settings', { platform: 'x' });
  return resolved;
}
