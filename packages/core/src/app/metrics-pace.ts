import type { Adapter } from '../adapter/adapter.js';
import { operationBuckets } from '../publisher/bucket-key.js';

/**
 * The share of a declared budget one round of metrics reads may spend per window: the rest stays
 * for publishing and the other reads that count against the same budget.
 */
export const METRICS_BUDGET_SHARE = 0.5;

const DAY_MS = 86_400_000;

/**
 * How long to wait between two rounds of metrics reads on one platform: at least `everyMs`, and
 * long enough that a round spends at most {@link METRICS_BUDGET_SHARE} of every budget the
 * adapter declares for its `metrics` buckets. A round sends, per account, one request per
 * `maxPostsPerRequest` posts (one for all when the adapter declares no maximum), and one more
 * for the account's own metrics when it reads them; a budget counted per user, page or business
 * is spent by the busiest account, one counted per app or IP by all of them together.
 *
 * For a budget of `limit` requests per `window`, a round of `n` requests needs
 * `n × window ÷ (limit × share)` between rounds.
 *
 * @param adapter - the platform's adapter
 * @param posts - the posts a round reads (their accounts)
 * @param everyMs - the least interval the app asked for
 * @param accounts - the accounts whose own metrics a round reads (one request each)
 * @returns the interval in ms
 */
export function metricsIntervalMs(
  adapter: Adapter,
  posts: readonly { readonly accountId: string }[],
  everyMs: number,
  accounts: readonly { readonly accountId: string }[] = [],
): number {
  const perAccount = new Map<string, number>();
  for (const post of posts) perAccount.set(post.accountId, (perAccount.get(post.accountId) ?? 0) + 1);
  const max = adapter.capabilities.metrics.maxPostsPerRequest;
  const ownReads = new Set(accounts.map((account) => account.accountId));
  const requests = [...new Set([...perAccount.keys(), ...ownReads])].map((accountId) => {
    const count = perAccount.get(accountId) ?? 0;
    const postRequests = count === 0 ? 0 : max === undefined ? 1 : Math.ceil(count / max);
    return postRequests + (ownReads.has(accountId) ? 1 : 0);
  });
  const busiest = Math.max(0, ...requests);
  const together = requests.reduce((sum, count) => sum + count, 0);
  const buckets = new Set(operationBuckets(adapter.capabilities, 'metrics'));
  let interval = everyMs;
  for (const budget of adapter.capabilities.rateLimits.budgets) {
    if (!buckets.has(budget.bucket)) continue;
    const spent = budget.scope === 'app' || budget.scope === 'ip' ? together : busiest;
    // A budget that resets at midnight UTC is a daily one whatever its declared window.
    const windowMs = budget.resets === 'utc_midnight' ? DAY_MS : budget.windowSec * 1000;
    interval = Math.max(interval, (spent * windowMs) / (budget.limit * METRICS_BUDGET_SHARE));
  }
  return Math.ceil(interval);
}
