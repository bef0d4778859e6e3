import {
  type CanonicalMetric,
  type MetricSample,
  PlatformError,
  type PostRef,
  type RequestContext,
} from '@smmkit/core';
import { countSamples, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import {
  AccountWithCountsSchema,
  type MastodonAccountWithCounts,
  type MastodonStatus,
  StatusSchema,
} from './schemas.js';

/** Status counts and the canonical metric each one is (docs.joinmastodon.org: entities/Status). */
const POST_METRICS = [
  ['favourites_count', 'likes'],
  ['reblogs_count', 'shares'],
  ['replies_count', 'comments'],
] as const satisfies readonly (readonly [keyof MastodonStatus, CanonicalMetric])[];

/** Account counts and the canonical metric each one is (entities/Account). */
const ACCOUNT_METRICS = [
  ['followers_count', 'followers'],
  ['following_count', 'following'],
  ['statuses_count', 'posts_count'],
] as const satisfies readonly (readonly [keyof MastodonAccountWithCounts, CanonicalMetric])[];

/**
 * Lifetime counts of the given statuses, one `GET /api/v1/statuses/:id` each
 * (docs.joinmastodon.org: methods/statuses#get): likes ← `favourites_count`, shares ←
 * `reblogs_count`, comments ← `replies_count`. (Mastodon 4.3 added `GET /api/v1/statuses?id[]=`
 * for several at once; one call per status works on every version.)
 *
 * A status that no longer exists (404) has no metrics and is skipped; any other failure throws.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the statuses
 * @param context - tokens, signal, clock (for `observedAt`) and rate-limit listener
 * @returns three samples per status that still exists
 *
 * @example
 * ```ts
 * const samples = await getMastodonPostMetrics(http, [result.ref], ctx);
 * ```
 */
export async function getMastodonPostMetrics(
  http: HttpClient,
  refs: readonly PostRef[],
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const samples: MetricSample[] = [];
  for (const ref of refs) {
    let status: MastodonStatus;
    try {
      ({ data: status } = await http.request({
        method: 'GET',
        path: `/api/v1/statuses/${encodeURIComponent(ref.platformPostId)}`,
        operation: 'read status metrics',
        schema: StatusSchema,
        context,
      }));
    } catch (error) {
      if (PlatformError.isInstance(error) && error.code === 'not_found') continue;
      throw error;
    }
    samples.push(...statusSamples(status, context.account.accountId, new Date(clock.now())));
  }
  return samples;
}

/**
 * The samples of one status by `accountId`: likes ← `favourites_count`, shares ←
 * `reblogs_count`, comments ← `replies_count` (docs.joinmastodon.org: entities/Status). Shared by
 * the account's own post metrics and another account's statuses (`lookupPublicAccount`).
 *
 * @param status - the status as Mastodon returned it
 * @param accountId - its author, whose samples these are
 * @param observedAt - when Mastodon answered
 * @returns one sample per count
 *
 * @example
 * ```ts
 * statusSamples(status, status.account.id, new Date());
 * ```
 */
export function statusSamples(status: MastodonStatus, accountId: string, observedAt: Date): MetricSample[] {
  return countSamples(status, POST_METRICS, {
    platform: 'mastodon',
    accountId,
    platformPostId: status.id,
    observedAt,
  });
}

/**
 * The samples of an account's counts: followers ← `followers_count`, following ←
 * `following_count`, posts_count ← `statuses_count` (docs.joinmastodon.org: entities/Account).
 * Shared by the account's own metrics and another account's (`lookupPublicAccount`).
 *
 * @param account - the account as Mastodon returned it
 * @param accountId - whose counts they are
 * @param observedAt - when Mastodon answered
 * @returns one sample per count
 *
 * @example
 * ```ts
 * accountSamples(account, account.id, new Date());
 * ```
 */
export function accountSamples(
  account: MastodonAccountWithCounts,
  accountId: string,
  observedAt: Date,
): MetricSample[] {
  return countSamples(account, ACCOUNT_METRICS, { platform: 'mastodon', accountId, observedAt });
}

/**
 * Counts of the context's account: `GET /api/v1/accounts/:id` (docs.joinmastodon.org:
 * methods/accounts#get): followers ← `followers_count`, following ← `following_count`,
 * posts_count ← `statuses_count`.
 *
 * @param http - the adapter's HTTP client
 * @param context - the account, tokens, signal, clock and rate-limit listener
 * @returns three account samples
 *
 * @example
 * ```ts
 * const samples = await getMastodonAccountMetrics(http, ctx);
 * ```
 */
export async function getMastodonAccountMetrics(
  http: HttpClient,
  context: RequestContext,
): Promise<MetricSample[]> {
  const clock = context.clock ?? systemClock;
  const { accountId } = context.account;
  const { data: account } = await http.request({
    method: 'GET',
    path: `/api/v1/accounts/${encodeURIComponent(accountId)}`,
    operation: 'read account metrics',
    schema: AccountWithCountsSchema,
    context,
  });
  return accountSamples(account, accountId, new Date(clock.now()));
}
