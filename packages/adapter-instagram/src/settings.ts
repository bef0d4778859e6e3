import { ValidationError, type ValidationProblem } from '@smmkit/core';
import { isHttpUrl, nonEmptySettingProblems, positiveIntegerSettingProblems } from '@smmkit/core/adapter-kit';

/** Which Graph host the account's token belongs to (instagram.md, Permissions: "Support both hosts"). */
export type InstagramHost = 'facebook' | 'instagram';

/**
 * Settings of `createInstagramAdapter`. Everything is optional: the defaults talk to the real
 * Graph API at `graph.facebook.com` (Facebook Login) with the current version.
 *
 * OAuth app settings (app id and secret) are not adapter settings: the adapter never stores or
 * refreshes tokens. Pass them to the auth helpers (auth.ts) and wrap the tokens in a `TokenProvider`.
 *
 * @example
 * ```ts
 * const settings: InstagramSettings = { host: 'instagram', appSecret: process.env.IG_APP_SECRET, webhookVerifyToken: 'my-verify-token' };
 * ```
 */
export interface InstagramSettings {
  /**
   * `facebook`: `https://graph.facebook.com` (tokens from Facebook Login); `instagram`:
   * `https://graph.instagram.com` (tokens from Instagram Login). Default `facebook`
   * (meta-common.md, Hosts and versions).
   */
  readonly host?: InstagramHost | undefined;
  /** Graph API version, `vNN.N`. Default `v26.0`, the newest (meta-common.md, Hosts and versions). */
  readonly graphVersion?: string | undefined;
  /** Replaces the host's origin (simulators, proxies); the version is still appended to it. */
  readonly baseUrl?: string | undefined;
  /**
   * Milliseconds between container status checks. Default 60 000: "About once a minute"
   * (instagram.md, Publish step 2). Tests use a few milliseconds.
   */
  readonly containerPollIntervalMs?: number | undefined;
  /**
   * Milliseconds to wait for a container to become `FINISHED` before giving up with
   * `MediaProcessingError('media_processing_timeout')`. Default 300 000: "at most 5 minutes"
   * (instagram.md, Publish step 2).
   */
  readonly containerPollTimeoutMs?: number | undefined;
  /** A `fetch` to use instead of the global one (proxies, tests, edge runtimes). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds before one request is abandoned. Default: core's HTTP client default (30 000). */
  readonly timeoutMs?: number | undefined;
  /**
   * The app secret Meta signs webhook deliveries with (`X-Hub-Signature-256`; meta-common.md,
   * Webhooks). Webhook support is declared only when it is set.
   */
  readonly appSecret?: string | undefined;
  /** The verify token you entered when subscribing, echoed back in `hub.verify_token` (meta-common.md, Webhooks). */
  readonly webhookVerifyToken?: string | undefined;
  /**
   * The largest webhook delivery body accepted, in bytes; default 1 MiB. A larger one fails
   * `webhooks.verify` without being hashed and is refused by `webhooks.parse`.
   */
  readonly webhookMaxBodyBytes?: number | undefined;
}

/** {@link InstagramSettings} with every default applied. */
export interface ResolvedInstagramSettings {
  /** Which host. */
  readonly host: InstagramHost;
  /** Graph API version (`v26.0`). */
  readonly graphVersion: string;
  /** Origin without a trailing slash (`https://graph.facebook.com`). */
  readonly origin: string;
  /** Origin and version: the base URL every Graph path is appended to. */
  readonly baseUrl: string;
  /** Milliseconds between container status checks. */
  readonly containerPollIntervalMs: number;
  /** Milliseconds to wait for a container. */
  readonly containerPollTimeoutMs: number;
  /** The `fetch` to use, when not the global one. */
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Request timeout in milliseconds, when not core's default. */
  readonly timeoutMs: number | undefined;
  /** App secret for webhook signatures, when set. */
  readonly appSecret: string | undefined;
  /** Verify token for webhook subscriptions, when set. */
  readonly webhookVerifyToken: string | undefined;
  /** Largest webhook body in bytes, when not the webhook handler's default (1 MiB). */
  readonly webhookMaxBodyBytes: number | undefined;
}

/** The hosts (meta-common.md, Hosts and versions). */
export const INSTAGRAM_HOSTS: Readonly<Record<InstagramHost, string>> = Object.freeze({
  facebook: 'https://graph.facebook.com',
  instagram: 'https://graph.instagram.com',
});

/** The defaults of the optional {@link InstagramSettings}. */
export const INSTAGRAM_DEFAULTS = Object.freeze({
  /** Facebook Login tokens are the common case (instagram.md, Permissions). */
  host: 'facebook' as InstagramHost,
  /** meta-common.md: "newest v26.0". */
  graphVersion: 'v26.0',
  /** instagram.md, Publish step 2: "About once a minute". */
  containerPollIntervalMs: 60_000,
  /** instagram.md, Publish step 2: "at most 5 minutes". */
  containerPollTimeoutMs: 300_000,
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
 * resolveInstagramSettings({ host: 'instagram' }).baseUrl; // 'https://graph.instagram.com/v26.0'
 * ```
 */
export function resolveInstagramSettings(settings: InstagramSettings): ResolvedInstagramSettings {
  const problems: ValidationProblem[] = [];
  const host = settings.host ?? INSTAGRAM_DEFAULTS.host;
  if (host !== 'facebook' && host !== 'instagram') {
    problems.push({
      path: ['host'],
      rule: 'settings.host',
      message: 'must be "facebook" or "instagram"',
      actual: String(host),
    });
  }
  const graphVersion = settings.graphVersion ?? INSTAGRAM_DEFAULTS.graphVersion;
  if (!/^v\d+\.\d+$/.test(graphVersion)) {
    problems.push({
      path: ['graphVersion'],
      rule: 'settings.graph_version',
      message: 'must be a Graph API version such as v26.0',
      actual: graphVersion,
    });
  }
  const origin = (settings.baseUrl ?? INSTAGRAM_HOSTS[host] ?? INSTAGRAM_HOSTS.facebook).replace(/\/+$/, '');
  if (!isHttpUrl(origin)) {
    problems.push({
      path: ['baseUrl'],
      rule: 'settings.base_url',
      message: 'must be an http(s) URL such as https://graph.facebook.com',
    });
  }
  const resolved: ResolvedInstagramSettings = {
    host,
    graphVersion,
    origin,
    baseUrl: `${origin}/${graphVersion}`,
    containerPollIntervalMs: settings.containerPollIntervalMs ?? INSTAGRAM_DEFAULTS.containerPollIntervalMs,
    containerPollTimeoutMs: settings.containerPollTimeoutMs ?? INSTAGRAM_DEFAULTS.containerPollTimeoutMs,
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    appSecret: settings.appSecret,
    webhookVerifyToken: settings.webhookVerifyToken,
    webhookMaxBodyBytes: settings.webhookMaxBodyBytes,
  };
  problems.push(
    ...positiveIntegerSettingProblems({
      containerPollIntervalMs: resolved.containerPollIntervalMs,
      containerPollTimeoutMs: resolved.containerPollTimeoutMs,
      timeoutMs: resolved.timeoutMs,
      webhookMaxBodyBytes: resolved.webhookMaxBodyBytes,
    }),
    ...nonEmptySettingProblems({
      appSecret: settings.appSecret,
      webhookVerifyToken: settings.webhookVerifyToken,
    }),
  );
  if (problems.length > 0) {
    throw new ValidationError(problems, 'Instagram adapter settings', { platform: 'instagram' });
  }
  return resolved;
}
