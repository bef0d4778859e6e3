import type { SimulatedPost } from '@smmkit/testkit';
import { type InstagramContext, postExtra } from './context.js';
import { isMedia } from './entities.js';
import { DAY_MS } from './limits.js';

/** Posts the account published through the API in the rolling 24 h before `now`. */
function publishedInWindow(context: InstagramContext, accountId: string, now: number): number {
  const published = (post: SimulatedPost) => isMedia(post) && postExtra(post.extra).containerId !== undefined;
  return context.sim.posts.filter(
    (post) => post.accountId === accountId && post.createdAt > now - DAY_MS && published(post),
  ).length;
}

/**
 * `quota_usage` and `quota_total` of an account now
 * (https://developers.facebook.com/docs/instagram-platform/content-publishing, Limitations).
 */
export function quotaOf(
  context: InstagramContext,
  accountId: string,
  now: number,
): { readonly used: number; readonly total: number } {
  const override = context.quotas.get(accountId);
  const used = Math.max(0, publishedInWindow(context, accountId, now) + (override?.offset ?? 0));
  return { used, total: override?.total ?? context.quotaTotal };
}

/** Makes the account's quota read `used` of `total` now; later publishes add to `used`. */
export function setQuota(
  context: InstagramContext,
  accountId: string,
  quota: { readonly used: number; readonly total?: number | undefined },
): void {
  const now = context.sim.clock.now();
  const offset = quota.used - publishedInWindow(context, accountId, now);
  context.quotas.set(accountId, {
    total: quota.total ?? context.quotas.get(accountId)?.total ?? context.quotaTotal,
    offset,
  });
}
