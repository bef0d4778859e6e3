import type { Adapter, PostRef, RequestContext } from '@smmkit/core';
import { defineAdapter } from '@smmkit/core/adapter-kit';
import { tiktokCapabilities } from './capabilities.js';
import { findRecentTikTokPosts } from './find-recent-posts.js';
import { createTikTokHttpClient } from './http-client.js';
import { getTikTokAccountMetrics, getTikTokPostMetrics } from './metrics.js';
import { TikTokPostOptionsSchema } from './post-options.js';
import { publishToTikTok } from './publish.js';
import { cancelTikTokPublish, getTikTokPublishStatus, type TikTokPublishStatus } from './publish-lookup.js';
import { resolveTikTokSettings, type TikTokSettings } from './settings.js';
import { validateTikTokPost } from './validate.js';
import { createTikTokWebhookHandler, type TikTokWebhookHandler } from './webhooks.js';

/**
 * A TikTok adapter: a core `Adapter` whose always-supported operations are present (so callers
 * need no `?.`), plus TikTok's own: looking up and cancelling a publish. `webhooks` is present when
 * the settings have a `webhookClientSecret`, with TikTok's `events`.
 */
export type TikTokAdapter = Omit<Adapter, 'webhooks'> &
  Required<Pick<Adapter, 'getPostMetrics' | 'getAccountMetrics' | 'findRecentPosts'>> & {
    /**
     * What became of a publish whose result had no public id yet (the warnings
     * `public_id_pending`, `publish_processing_pending`): its status, and the public post's
     * reference once TikTok has made it public.
     *
     * @example
     * ```ts
     * const later = await tiktok.getPublishStatus(result.ref, ctx);
     * if (later.ref) await db.updatePostRef(result.ref, later.ref);
     * ```
     */
    getPublishStatus(target: PostRef | string, context: RequestContext): Promise<TikTokPublishStatus>;
    /** Cancels a publish TikTok has not finished (its status becomes `FAILED`, `publish_cancelled`). */
    cancelPublish(target: PostRef | string, context: RequestContext): Promise<void>;
    /** Webhook verification and TikTok's events, when the settings have a `webhookClientSecret`. */
    readonly webhooks?: TikTokWebhookHandler;
  };

/**
 * Makes an adapter for TikTok's Content Posting API and Display API. Every request goes through
 * one HTTP client made here; the adapter keeps no tokens and no state between calls: each call's
 * context brings the creator's `TokenProvider`. Get tokens with `tiktokAuthorizationUrl` and
 * `exchangeTikTokCode`, and refresh them with `refreshTikTokToken` inside core's
 * `createRefreshingTokenProvider` (TikTok rotates refresh tokens).
 *
 * @param settings - host, polling, chunk size, audit state, limits, webhook secret and transport; see {@link TikTokSettings}
 * @returns the adapter
 * @throws ValidationError when a setting is invalid
 *
 * @example
 * ```ts
 * const tiktok = createTikTokAdapter({ clientKey: process.env.TIKTOK_CLIENT_KEY });
 * const result = await tiktok.publish(
 *   {
 *     text: 'Behind the scenes #bts',
 *     media: [{ kind: 'video', mimeType: 'video/mp4', source: { type: 'file', path: './bts.mp4' }, durationSec: 42 }],
 *     options: { tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE', allowComment: true } },
 *   },
 *   { account: { platform: 'tiktok', accountId: openId, handle: 'acme' }, tokens },
 * );
 * console.log(result.url ?? result.warnings); // the post's URL, or why there is none yet
 * ```
 */
export function createTikTokAdapter(settings: TikTokSettings = {}): TikTokAdapter {
  const resolved = resolveTikTokSettings(settings);
  const http = createTikTokHttpClient(resolved);
  const secret = resolved.webhookClientSecret;
  const capabilities = tiktokCapabilities({
    webhooks: secret !== undefined,
    dailyPostsPerCreator: resolved.dailyPostsPerCreator,
  });
  const publishSettings = {
    chunkSizeBytes: resolved.chunkSizeBytes,
    unaudited: resolved.unaudited,
    polling: { intervalMs: resolved.publishPollIntervalMs, timeoutMs: resolved.publishPollTimeoutMs },
  };

  return defineAdapter({
    platform: 'tiktok',
    capabilities,
    postOptions: TikTokPostOptionsSchema,
    validate: (post, options) =>
      validateTikTokPost(post, options, capabilities, { unaudited: resolved.unaudited }),
    publish: (checked, context) => publishToTikTok(http, publishSettings, checked, context),
    getPostMetrics: (refs, context) => getTikTokPostMetrics(http, refs, context),
    getAccountMetrics: (context) => getTikTokAccountMetrics(http, context),
    findRecentPosts: (query, context) => findRecentTikTokPosts(http, query, context),
    getPublishStatus: (target: PostRef | string, context: RequestContext) =>
      getTikTokPublishStatus(http, target, context),
    cancelPublish: (target: PostRef | string, context: RequestContext) =>
      cancelTikTokPublish(http, target, context),
    ...(secret === undefined
      ? {}
      : {
          webhooks: createTikTokWebhookHandler(secret, {
            webhookMaxBodyBytes: resolved.webhookMaxBodyBytes,
            toleranceSec: resolved.webhookToleranceSec,
            clientKey: resolved.clientKey,
          }),
        }),
  });
}
