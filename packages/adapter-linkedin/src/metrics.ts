import type { CanonicalMetric, MetricSample, PostRef, RequestContext } from '@smmkit/core';
import { type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import * as z from 'zod/mini';
import { httpActingAs } from './acting-author.js';
import { resolveAuthor } from './author.js';
import { readShareStatistics } from './share-statistics.js';
import { encodeUrn, isOrganizationUrn } from './urn.js';

/** Share statistics fields and the canonical metric each is (`engagement` is a rate: not mapped). */
const SHARE_STATISTICS: readonly (readonly [string, CanonicalMetric])[] = [
  ['impressionCount', 'impressions'],
  ['uniqueImpressionsCount', 'reach'],
  ['clickCount', 'clicks'],
  ['likeCount', 'likes'],
  ['commentCount', 'comments'],
  ['shareCount', 'shares'],
];

/** Member post analytics `queryType`s and the canonical metric each is. */
const MEMBER_ANALYTICS: readonly (readonly [string, CanonicalMetric])[] = [
  ['IMPRESSION', 'impressions'],
  ['MEMBERS_REACHED', 'reach'],
  ['RESHARE', 'shares'],
  ['REACTION', 'reactions'],
  ['COMMENT', 'comments'],
];

const MemberAnalyticsSchema = z.object({
  elements: z.array(z.looseObject({ count: z.optional(z.number()) })),
});

const NetworkSizeSchema = z.looseObject({ firstDegreeSize: z.number() });
const MemberFollowersSchema = z.object({
  elements: z.array(z.looseObject({ memberFollowersCount: z.number() })),
});

/**
 * Metrics of published posts, in the canonical vocabulary with LinkedIn's names kept in `rawName`:
 *
 * - an organization's posts: `GET /rest/organizationalEntityShareStatistics?q=organizationalEntity
 *   &organizationalEntity={org}&shares=List(…)&ugcPosts=List(…)`, up to 20 posts a request →
 *   `totalShareStatistics` (`impressionCount` → impressions, `uniqueImpressionsCount` → reach,
 *   `clickCount` → clicks, `likeCount` → likes, `commentCount` → comments, `shareCount` → shares;
 *   `engagement` is a rate and is not mapped). Organic only, for the last 12 months
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics).
 *   A post LinkedIn refuses statistics for by name (a 403 naming `/shares[0]`, ASSUMED, see
 *   `readShareStatistics`), such as one the organization did not publish, has no samples; the
 *   others are read;
 * - a member's posts: `GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:{urn})
 *   &queryType={type}&aggregation=TOTAL`, one request per metric (`IMPRESSION` → impressions,
 *   `MEMBERS_REACHED` → reach, `RESHARE` → shares, `REACTION` → reactions, `COMMENT` → comments)
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics;
 *   the `entity` encoding follows that page's examples).
 *
 * Whose posts they are follows the publish rules: the adapter's `author` setting, else the
 * account. Lifetime values, observed now on the context's clock.
 *
 * @param http - the adapter's HTTP client
 * @param refs - the posts
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock
 * @returns one sample per post and metric LinkedIn reported
 *
 * @example
 * ```ts
 * const samples = await getLinkedInPostMetrics(http, [result.ref], undefined, ctx);
 * ```
 */
export async function getLinkedInPostMetrics(
  http: HttpClient,
  refs: readonly PostRef[],
  author: string | undefined,
  context: RequestContext,
): Promise<MetricSample[]> {
  const owner = resolveAuthor(context, author);
  const observedAt = new Date((context.clock ?? systemClock).now());
  const sample = (ref: PostRef, metric: CanonicalMetric, rawName: string, value: number): MetricSample => ({
    platform: 'linkedin',
    accountId: ref.accountId,
    scope: 'post',
    platformPostId: ref.platformPostId,
    metric,
    rawName,
    value,
    observedAt,
    period: 'lifetime',
  });
  const samples: MetricSample[] = [];
  if (isOrganizationUrn(owner)) {
    const totals = await readShareStatistics(httpActingAs(http, owner), owner, refs, context);
    const done = new Set<string>();
    for (const ref of refs) {
      const read = totals.get(ref.platformPostId);
      if (read === undefined || done.has(ref.platformPostId)) continue;
      done.add(ref.platformPostId);
      for (const [field, metric] of SHARE_STATISTICS) {
        const value = read[field];
        if (typeof value === 'number')
          samples.push(sample(ref, metric, `totalShareStatistics.${field}`, value));
      }
    }
    return samples;
  }
  for (const ref of refs) {
    const type = ref.platformPostId.startsWith('urn:li:ugcPost:') ? 'ugc' : 'share';
    for (const [queryType, metric] of MEMBER_ANALYTICS) {
      const { data } = await http.request({
        method: 'GET',
        path: `/rest/memberCreatorPostAnalytics?q=entity&entity=(${type}:${encodeUrn(ref.platformPostId)})&queryType=${queryType}&aggregation=TOTAL`,
        operation: 'read member post analytics',
        schema: MemberAnalyticsSchema,
        context,
      });
      const value = data.elements[0]?.count;
      if (value !== undefined)
        samples.push(sample(ref, metric, `memberCreatorPostAnalytics.${queryType}`, value));
    }
  }
  return samples;
}

/**
 * The account's followers, now:
 *
 * - an organization: `GET /rest/networkSizes/{org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER` →
 *   `firstDegreeSize` (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api);
 * - a member: `GET /rest/memberFollowersCount?q=me` → `elements[0].memberFollowersCount`
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics).
 *
 * @param http - the adapter's HTTP client
 * @param author - the adapter's `author` setting, when set
 * @param context - tokens, signal and clock; its account is the one measured unless `author` is set
 * @returns one `followers` sample
 *
 * @example
 * ```ts
 * const [followers] = await getLinkedInAccountMetrics(http, undefined, ctx);
 * ```
 */
export async function getLinkedInAccountMetrics(
  http: HttpClient,
  author: string | undefined,
  context: RequestContext,
): Promise<MetricSample[]> {
  const owner = resolveAuthor(context, author);
  let value: number | undefined;
  let rawName: string;
  if (isOrganizationUrn(owner)) {
    const { data } = await httpActingAs(http, owner).request({
      method: 'GET',
      path: `/rest/networkSizes/${encodeUrn(owner)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`,
      operation: 'read organization followers',
      schema: NetworkSizeSchema,
      context,
    });
    value = data.firstDegreeSize;
    rawName = 'networkSizes.firstDegreeSize';
  } else {
    const { data } = await http.request({
      method: 'GET',
      path: '/rest/memberFollowersCount?q=me',
      operation: 'read member followers',
      schema: MemberFollowersSchema,
      context,
    });
    value = data.elements[0]?.memberFollowersCount;
    rawName = 'memberFollowersCount';
  }
  if (value === undefined) return [];
  return [
    {
      platform: 'linkedin',
      accountId: context.account.accountId,
      scope: 'account',
      metric: 'followers',
      rawName,
      value,
      observedAt: new Date((context.clock ?? systemClock).now()),
      period: 'lifetime',
    },
  ];
}
