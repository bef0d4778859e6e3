import { type Analytics, createAnalytics } from '../../src/analytics/analytics.js';
import { buildReportInput } from '../../src/analytics/report/build-report-input.js';
import type { ReportInput } from '../../src/analytics/report/report-input.js';
import type { AudienceBreakdown } from '../../src/models/audience-breakdown.js';
import type { Engagement } from '../../src/models/engagement.js';
import type { MetricSampleInput } from '../../src/models/metric-sample.js';
import type { CanonicalMetric } from '../../src/models/metric-vocabulary.js';
import type { PublicAccount } from '../../src/models/public-account.js';
import { accountSample, meta, postSample } from './analytics-fixtures.js';

/** The benchmark period: four weeks from Monday 2026-05-04 (UTC). */
export const SINCE = new Date('2026-05-04T00:00:00Z');
/** End of the benchmark period (exclusive). */
export const UNTIL = new Date('2026-06-01T00:00:00Z');

/** Our X account, `own-1`: followers 900 → 1000 → 1100 → 1200 → 1300, four posts (three in the period). */
export function ownAnalytics(): Analytics {
  const analytics = createAnalytics();
  const extra = { accountId: 'own-1' };
  analytics.ingestSamples([
    accountSample('followers', 900, '2026-05-01T09:00:00Z', extra), // before the period
    accountSample('followers', 1000, '2026-05-04T09:00:00Z', extra),
    accountSample('followers', 1100, '2026-05-18T09:00:00Z', extra),
    accountSample('followers', 1200, '2026-05-31T09:00:00Z', extra),
    accountSample('followers', 1300, '2026-06-02T09:00:00Z', extra), // after it
    postSample('p1', 'likes', 40, extra),
    postSample('p1', 'comments', 10, extra),
    postSample('p2', 'engagements', 110, extra), // the platform's own count wins over its parts
    postSample('p2', 'likes', 5, extra),
    postSample('p3', 'impressions', 900, extra), // no interaction count
    postSample('p4', 'likes', 999, extra), // published before the period
  ]);
  analytics.ingestPostMeta([
    meta('p1', '2026-05-05T10:00:00Z', extra),
    meta('p2', '2026-05-20T10:00:00Z', extra),
    meta('p3', '2026-05-25T10:00:00Z', extra),
    meta('p4', '2026-04-30T10:00:00Z', extra),
  ]);
  return analytics;
}

/** A post sample of a tracked account, observed at `observedAt`. */
function publicPostSample(
  accountId: string,
  post: string,
  metric: CanonicalMetric,
  value: number,
  observedAt: string,
): MetricSampleInput {
  return postSample(post, metric, value, { accountId, observedAt, rawName: `public_metrics.${metric}` });
}

/** A snapshot of a tracked X account. */
export function snapshot(
  accountId: string,
  handle: string,
  observedAt: string,
  followers: number | undefined,
  posts: readonly {
    id: string;
    createdAt: string;
    metrics: Partial<Record<CanonicalMetric, number>>;
    url?: string;
  }[],
  extra: Partial<PublicAccount> = {},
): PublicAccount {
  const samples = posts.flatMap((post) =>
    Object.entries(post.metrics).map(([metric, value]) =>
      publicPostSample(accountId, post.id, metric as CanonicalMetric, value, observedAt),
    ),
  );
  if (followers !== undefined)
    samples.unshift(accountSample('followers', followers, observedAt, { accountId }));
  return {
    platform: 'x',
    accountId,
    handle,
    observedAt: new Date(observedAt),
    // Parsed samples, as an adapter's answer holds them (instants as Dates).
    samples: samples.map((sample) => ({
      ...sample,
      observedAt: new Date(sample.observedAt),
    })) as PublicAccount['samples'],
    posts: posts.map((post) => ({
      platformPostId: post.id,
      createdAt: new Date(post.createdAt),
      text: '',
      ...(post.url === undefined ? {} : { url: post.url }),
    })),
    ...extra,
  };
}

/**
 * Rival Coffee (`r-1`, @rivalcoffee) looked up three times: 5000 followers on 10 May, 5500 on
 * 24 May, 6000 on 3 June (after the period).
 */
export function rivalSnapshots(): PublicAccount[] {
  const name = { name: 'Rival Coffee' };
  return [
    snapshot(
      'r-1',
      'rivalcoffee',
      '2026-05-10T08:00:00Z',
      5000,
      [
        {
          id: 'r-p1',
          createdAt: '2026-05-08T12:00:00Z',
          metrics: { likes: 100, comments: 20, shares: 30, quotes: 10 },
        },
        { id: 'r-p0', createdAt: '2026-04-28T12:00:00Z', metrics: { likes: 70 } },
      ],
      name,
    ),
    snapshot(
      'r-1',
      'rivalcoffee',
      '2026-05-24T08:00:00Z',
      5500,
      [
        { id: 'r-p2', createdAt: '2026-05-20T12:00:00Z', metrics: { likes: 50, comments: 5 } },
        {
          id: 'r-p1',
          createdAt: '2026-05-08T12:00:00Z',
          metrics: { likes: 120, comments: 20, shares: 30, quotes: 10 },
        },
      ],
      name,
    ),
    snapshot(
      'r-1',
      'rivalcoffee',
      '2026-06-03T08:00:00Z',
      6000,
      [{ id: 'r-p3', createdAt: '2026-05-30T12:00:00Z', metrics: { likes: 600 } }],
      name,
    ),
  ];
}

/** A mention of `own-1` on X. */
export function mention(
  id: string,
  author: Engagement['author'],
  text: string,
  createdAt: string,
  extra: Partial<Engagement> = {},
): Engagement {
  return {
    platform: 'x',
    accountId: 'own-1',
    id,
    kind: 'mention',
    author,
    text,
    createdAt: new Date(createdAt),
    raw: {},
    ...extra,
  };
}

/** An audience breakdown of an Instagram account. */
export function breakdown(
  dimension: string,
  observedAt: string,
  buckets: AudienceBreakdown['buckets'],
  extra: Partial<AudienceBreakdown> = {},
): AudienceBreakdown {
  return {
    platform: 'instagram',
    accountId: 'ig-1',
    dimension,
    rawName: `follower_demographics/${dimension}`,
    observedAt: new Date(observedAt),
    buckets,
    ...extra,
  };
}

/** Names a hostile account, author, brand or bucket could carry. */
export const HOSTILE_RESEARCH = {
  name: '<script>alert("rival")</script>',
  handle: '"><img src=x onerror=alert(1)>',
  brand: "'><svg onload=alert(2)>",
  bucket: '<b>18-24</b>',
} as const;

/**
 * An aggregator with everything the research sections read: our account's samples, Rival
 * Coffee's snapshots (under a hostile display name), influencers' snapshots, mentions, and
 * Instagram audience splits (one with 12 cities, so the chart shows an "Other" bar).
 */
export function researchAnalytics(): Analytics {
  const analytics = ownAnalytics();
  analytics.ingestPublicAccounts(
    rivalSnapshots().map((rival) => ({ ...rival, name: HOSTILE_RESEARCH.name })),
  );
  analytics.ingestPublicAccounts([
    snapshot('c1', HOSTILE_RESEARCH.handle, '2026-05-10T08:00:00Z', 100_000, [
      { id: 'm6', createdAt: '2026-05-09T10:00:00Z', metrics: { likes: 900, comments: 100 } },
    ]),
  ]);
  analytics.ingestEngagements([
    mention('m1', { id: 'a1', handle: 'critic' }, 'Bean Bros nailed it', '2026-05-05T10:00:00Z'),
    mention('m2', { id: 'a1', handle: 'critic' }, 'Rival Coffee? no, Bean Bros', '2026-05-12T10:00:00Z'),
    mention(
      'm6',
      { id: 'c1', handle: HOSTILE_RESEARCH.handle },
      'Tried Rival Coffee',
      '2026-05-09T10:00:00Z',
    ),
  ]);
  const cities = Array.from({ length: 12 }, (_, i) => ({ key: `City ${i + 1}`, value: 120 - i * 10 }));
  analytics.ingestAudience([
    breakdown('age', '2026-05-15T00:00:00Z', [
      { key: HOSTILE_RESEARCH.bucket, value: 100 },
      { key: '25-34', value: 300 },
      { key: '35-44', value: 100 },
    ]),
    breakdown('city', '2026-05-15T00:00:00Z', cities),
  ]);
  return analytics;
}

/** The brands of the share of voice, one with a hostile name. */
export const RESEARCH_BRANDS = [
  { brand: 'Bean Bros', terms: ['Bean Bros'], own: true },
  { brand: HOSTILE_RESEARCH.brand, terms: ['Rival Coffee'] },
] as const;

/** The report input of {@link researchAnalytics} with every research section: competitors, influencers, audience. */
export function researchReportInput(
  analytics: Analytics = researchAnalytics(),
): ReportInput<'engagementRateByImpressions'> {
  return buildReportInput(analytics, {
    kpi: 'engagementRateByImpressions',
    since: SINCE,
    until: UNTIL,
    competitors: { brands: RESEARCH_BRANDS },
    influencers: { n: 5 },
    audience: true,
  });
}
