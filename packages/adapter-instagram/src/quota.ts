import { RateLimitError, type RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { INSTAGRAM_PUBLISH_BUCKET } from './capabilities.js';
import { PublishingLimitSchema } from './schemas.js';

/** https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit: `config.quota_duration` is 86400 (a rolling 24 h). */
const DEFAULT_QUOTA_DURATION_SEC = 86_400;

/**
 * Reads the account's live publishing quota before a publish:
 * `GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config` →
 * `{data:[{quota_usage, config:{quota_total, quota_duration}}]}` (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit; Meta's
 * pages give the limit as 50 or 100, so the live value is read).
 *
 * The state is reported through `context.onRateLimit` (bucket `media_publish`). When the quota
 * is used up it throws `RateLimitError('quota_exceeded')` before any container is made, its
 * message naming the time a slot frees. `resetAt` is an estimate: the window is rolling and Meta does not say when the oldest
 * publish leaves it, so it is now + `quota_duration` — the latest moment a slot frees up (one
 * may free up earlier). A quota answer without numbers lets the publish go on.
 *
 * @param http - the adapter's HTTP client
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @throws RateLimitError (`quota_exceeded`) when no publish is left in the window
 *
 * @example
 * ```ts
 * await checkInstagramPublishingQuota(http, ctx);
 * ```
 */
export async function checkInstagramPublishingQuota(
  http: HttpClient,
  context: RequestContext,
): Promise<void> {
  const clock = context.clock ?? systemClock;
  const { data } = await http.request({
    method: 'GET',
    path: `/${encodeURIComponent(context.account.accountId)}/content_publishing_limit`,
    operation: 'read publishing quota',
    searchParams: { fields: 'quota_usage,config' },
    schema: PublishingLimitSchema,
    context,
  });
  const entry = data.data?.[0];
  const usage = entry?.quota_usage;
  const total = entry?.config?.quota_total;
  if (usage === undefined || total === undefined) return;
  const durationSec = entry?.config?.quota_duration ?? DEFAULT_QUOTA_DURATION_SEC;
  const remaining = Math.max(total - usage, 0);
  const resetAt = new Date(clock.now() + durationSec * 1000);
  const info = {
    limit: total,
    remaining,
    scope: 'user' as const,
    bucket: INSTAGRAM_PUBLISH_BUCKET,
    ...(remaining === 0 ? { resetAt } : {}),
  };
  context.onRateLimit?.(info);
  if (remaining === 0) {
    throw new RateLimitError(
      'quota_exceeded',
      `Instagram's publishing quota is used up (${usage} of ${total} posts in a rolling ${durationSec / 3600} h); a slot frees by ${resetAt.toISOString()} at the latest.`,
      { platform: 'instagram', resetAt, rateLimit: info },
    );
  }
}
