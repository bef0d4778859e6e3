import type { SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import { type LinkedInSimContext, mayDoFor, pathKey, postExtra } from '../context.js';
import { accessDenied, badRequest, notFound, roleForbiddenField, unpermittedFields } from '../errors.js';
import { restRoute } from '../rest-route.js';
import { hasScope } from './posts.js';

/** How fast the simulated counts grow per hour after a post (see testkit's `growingCount`). */
export const PER_HOUR = { impressions: 400, reach: 250, clicks: 30, likes: 20, shares: 4 } as const;

/**
 * Declares the statistics endpoints: organization share statistics, member post analytics, and
 * follower counts of organizations and members. Counts grow with simulated time after a post;
 * comments and reactions are those stored.
 */
export function registerStatisticsRoutes(context: LinkedInSimContext): void {
  const { sim } = context;
  const commentsOn = (post: SimulatedPost) =>
    sim.posts.filter((item) => postExtra(item).kind === 'comment' && postExtra(item).object === post.id)
      .length;
  const grown = (post: SimulatedPost, metric: keyof typeof PER_HOUR, now: number) =>
    growingCount(post.id, metric, now - post.createdAt, PER_HOUR[metric]);

  // GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity={org}
  // &shares=List(…)&ugcPosts=List(…): lifetime totals of the organization's posts, asked for without
  // `timeIntervals`; the token needs rw_organization_admin, then the member the ADMINISTRATOR role
  // on it (ROLES_FOR.readStatistics; the order is ASSUMED)
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics).
  restRoute(
    context,
    'GET',
    '/organizationalEntityShareStatistics',
    { bucket: 'api' },
    ({ url, accountId, scopes, now }) => {
      if (url.searchParams.get('q') !== 'organizationalEntity')
        return badRequest('/q', 'must be organizationalEntity');
      const org = url.searchParams.get('organizationalEntity') ?? '';
      if (!context.organizations.has(org)) return notFound('organization');
      if (!hasScope(scopes, 'rw_organization_admin'))
        return accessDenied('organizationalEntityShareStatistics.FINDER-organizationalEntity');
      if (!mayDoFor(context, accountId, org, 'readStatistics'))
        return roleForbiddenField('PARAMETER', '/organizationalEntity');
      // Time-bound statistics answer per day or month; the simulator serves lifetime totals only, so
      // it refuses `timeIntervals` rather than answer those: Rest.li 2.0 writes it as an object,
      // `timeIntervals=(timeRange:(start:…,end:…),timeGranularityType:DAY)`
      // (https://linkedin.github.io/rest.li/spec/protocol), 1.0 as `timeIntervals.timeRange.start=…`.
      if ([...url.searchParams.keys()].some((name) => /^timeIntervals(\.|$)/.test(name)))
        return badRequest('/timeIntervals', 'time-bound share statistics are not simulated');
      const lists = (['shares', 'ugcPosts'] as const).map(
        (name) => [name, restliList(url.searchParams.get(name))] as const,
      );
      // A post another author published is refused, named by its place in its list (ASSUMED,
      // see unpermittedFields); one that does not exist is left out of the answer (ASSUMED).
      const refused = lists.flatMap(([name, urns]) =>
        urns.flatMap((urn, index) => {
          const post = sim.posts.get(urn);
          return post !== undefined && post.accountId !== org ? [`/${name}[${index}]`] : [];
        }),
      );
      if (refused.length > 0) return unpermittedFields(refused);
      const urns = lists.flatMap(([, list]) => list);
      const elements = urns.flatMap((urn) => {
        const post = sim.posts.get(urn);
        if (post === undefined) return [];
        const impressionCount = grown(post, 'impressions', now);
        const likeCount = grown(post, 'likes', now);
        const commentCount = commentsOn(post);
        const shareCount = grown(post, 'shares', now);
        const clickCount = grown(post, 'clicks', now);
        return [
          {
            organizationalEntity: org,
            [urn.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share']: urn,
            totalShareStatistics: {
              impressionCount,
              uniqueImpressionsCount: grown(post, 'reach', now),
              clickCount,
              likeCount,
              commentCount,
              shareCount,
              // A rate: (clicks + likes + comments + shares) / impressions.
              engagement:
                impressionCount === 0
                  ? 0
                  : (clickCount + likeCount + commentCount + shareCount) / impressionCount,
            },
          },
        ];
      });
      return Response.json({
        elements,
        paging: { start: 0, count: elements.length, total: elements.length },
      });
    },
  );

  // GET /rest/memberCreatorPostAnalytics?q=entity&entity=(share:{urn})&queryType=…&aggregation=TOTAL
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/post-statistics).
  restRoute(
    context,
    'GET',
    '/memberCreatorPostAnalytics',
    { bucket: 'api' },
    ({ url, accountId, scopes, now }) => {
      if (!hasScope(scopes, 'r_member_postAnalytics'))
        return accessDenied('memberCreatorPostAnalytics.FINDER-entity');
      const entity = /^\((share|ugc):(.+)\)$/.exec(url.searchParams.get('entity') ?? '');
      const post = entity?.[2] === undefined ? undefined : sim.posts.get(entity[2]);
      if (post === undefined || post.accountId !== accountId) return notFound('post');
      const queryType = url.searchParams.get('queryType') ?? '';
      const counts: Readonly<Record<string, () => number>> = {
        IMPRESSION: () => grown(post, 'impressions', now),
        MEMBERS_REACHED: () => grown(post, 'reach', now),
        RESHARE: () => grown(post, 'shares', now),
        REACTION: () => (context.reactions.get(post.id) ?? []).length,
        COMMENT: () => commentsOn(post),
      };
      const count = counts[queryType];
      if (count === undefined)
        return badRequest('/queryType', 'must be IMPRESSION, MEMBERS_REACHED, RESHARE, REACTION or COMMENT');
      return Response.json({
        elements: [
          {
            count: count(),
            metricType: {
              'com.linkedin.adsexternalapi.memberanalytics.v1.CreatorPostAnalyticsMetricTypeV1': queryType,
            },
          },
        ],
        paging: { start: 0, count: 1 },
      });
    },
  );

  // GET /rest/networkSizes/{org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER → {firstDegreeSize}
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-lookup-api).
  restRoute(context, 'GET', '/networkSizes/:urn', { bucket: 'api' }, ({ params, url }) => {
    const org = context.organizations.get(pathKey(params.urn));
    if (org === undefined) return notFound('organization');
    if (url.searchParams.get('edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER')
      return badRequest('/edgeType', 'must be COMPANY_FOLLOWED_BY_MEMBER');
    return Response.json({ firstDegreeSize: org.followers });
  });

  // GET /rest/memberFollowersCount?q=me → {elements:[{memberFollowersCount}]}, with
  // `r_member_profileAnalytics` ("Retrieve your profile analytics, including the number of …
  // followers")
  // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics).
  restRoute(context, 'GET', '/memberFollowersCount', { bucket: 'api' }, ({ url, accountId, scopes }) => {
    if (url.searchParams.get('q') !== 'me') return badRequest('/q', 'must be me');
    if (!hasScope(scopes, 'r_member_profileAnalytics')) return accessDenied('memberFollowersCount.FINDER-me');
    const member = sim.accounts.get(accountId);
    return Response.json({ elements: [{ memberFollowersCount: member?.followers ?? 0 }] });
  });
}

/** The items of a Rest.li 2.0 list parameter, `List(a,b)`, as the query has decoded it. */
export function restliList(value: string | null): string[] {
  const inner = /^List\((.*)\)$/.exec(value ?? '')?.[1];
  return inner === undefined || inner === '' ? [] : inner.split(',');
}
