import type { AudienceBreakdown, Engagement, MetricSample, PublicAccount } from '@smmkit/core';
import {
  type Analytics,
  type BrandTerms,
  type ConversionEvent,
  type Goal,
  type PostMeta,
  rankInfluencers,
  type SpendEntry,
  shareOfVoice,
} from '@smmkit/core/analytics';
import { seededRandom } from '@smmkit/testkit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The generated posts' first day (as generate-samples.ts). */
const START = Date.UTC(2026, 0, 5);
const WEEKS = 13;

/** What the issue-19 sections read besides the samples: tracked rivals, listened posts, audience, sales. */
export interface SectionInputs {
  /** 20 rivals × 13 weekly snapshots, 30 recent posts each. */
  readonly snapshots: readonly PublicAccount[];
  /** 20,000 listened posts by 2,000 authors, mentioning our brand or a rival's. */
  readonly listened: readonly Engagement[];
  /** Two follower breakdowns of 10 buckets per own account. */
  readonly audience: readonly AudienceBreakdown[];
  /** 10,000 conversions tagged with the posts' platforms and campaigns. */
  readonly conversions: readonly ConversionEvent[];
  /** Spend per platform and per campaign. */
  readonly spend: readonly SpendEntry[];
}

/** What the sections gave: sizes, to print and to check that they ran on the whole input. */
export interface SectionFigures {
  readonly benchmarkRows: number;
  readonly influencers: number;
  readonly brands: number;
  readonly goals: number;
  readonly roiPlatforms: number;
  readonly audienceSplits: number;
}

const BRANDS: readonly BrandTerms[] = [
  { brand: 'Ours', terms: ['ourbrand', '#ourbrand'], own: true },
  ...Array.from({ length: 5 }, (_, i) => ({ brand: `Rival ${i}`, terms: [`rival${i}`] })),
];

const GOALS: readonly Goal[] = [
  {
    name: 'Engagements',
    metric: 'engagementCount',
    target: 5_000_000,
    start: new Date(START),
    deadline: new Date(START + 120 * DAY),
  },
  {
    name: 'Campaign impressions',
    metric: 'impressions',
    target: 10_000_000,
    scope: { campaign: 'spring-26-3' },
    start: new Date(START),
    deadline: new Date(START + 120 * DAY),
  },
  {
    name: 'Engagement rate',
    metric: 'engagementRateByImpressions',
    target: 0.05,
    scope: { platforms: ['x', 'instagram'] },
    start: new Date(START),
    deadline: new Date(START + 120 * DAY),
  },
];

/**
 * Generates the inputs of the competitor, influencer, audience, goal and ROI sections for the
 * generated accounts and posts, deterministically.
 *
 * @param metas - the generated posts' metadata (their accounts and campaigns)
 * @param seed - PRNG seed
 */
export function generateSectionInputs(metas: readonly PostMeta[], seed: number): SectionInputs {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const accounts = [
    ...new Map(metas.map((meta) => [`${meta.platform}\u0000${meta.accountId}`, meta])).values(),
  ];
  const platforms = [...new Set(metas.map((meta) => meta.platform))];

  const snapshots: PublicAccount[] = [];
  for (let rival = 0; rival < 20; rival++) {
    const platform = platforms[rival % platforms.length] as string;
    const accountId = `rival-${rival}`;
    let followers = 5_000 + int(50_000);
    for (let week = 0; week < WEEKS; week++) {
      const observedAt = new Date(START + week * 7 * DAY + 12 * HOUR);
      followers += int(800) - 200;
      const samples: MetricSample[] = [
        {
          platform,
          accountId,
          scope: 'account',
          metric: 'followers',
          rawName: 'followers',
          value: followers,
          observedAt,
          period: 'lifetime',
        },
      ];
      const posts: PublicAccount['posts'][number][] = [];
      for (let p = 0; p < 30; p++) {
        const platformPostId = `${accountId}-p${week * 10 + p}`;
        const createdAt = new Date(observedAt.getTime() - p * 8 * HOUR);
        posts.push({ platformPostId, createdAt, text: `post ${p}` });
        for (const metric of ['likes', 'comments', 'shares'] as const)
          samples.push({
            platform,
            accountId,
            scope: 'post',
            platformPostId,
            metric,
            rawName: metric,
            value: int(metric === 'likes' ? 900 : 90),
            observedAt,
            period: 'lifetime',
          });
      }
      snapshots.push({ platform, accountId, handle: `rival${rival}`, observedAt, samples, posts });
    }
  }

  const listened: Engagement[] = [];
  for (let i = 0; i < 20_000; i++) {
    const account = accounts[int(accounts.length)] as PostMeta;
    const author = int(2_000);
    const brand = random() < 0.5 ? 'ourbrand' : `rival${int(5)}`;
    listened.push({
      platform: account.platform,
      accountId: account.accountId,
      id: `m${i}`,
      kind: 'mention',
      author: { id: `fan-${author}`, handle: `fan${author}` },
      text: `Talking about ${brand} today`,
      createdAt: new Date(START + int(90 * 24) * HOUR),
      raw: null,
    });
  }

  const audience: AudienceBreakdown[] = accounts.flatMap((account) =>
    ['age', 'country'].map((dimension) => ({
      platform: account.platform,
      accountId: account.accountId,
      dimension,
      rawName: `follower_demographics/${dimension}`,
      observedAt: new Date(START + 90 * DAY),
      buckets: Array.from({ length: 10 }, (_, b) => ({ key: `${dimension}-${b}`, value: 10 + int(5_000) })),
    })),
  );

  const campaigns = [
    ...new Set(metas.flatMap((meta) => (meta.campaign === undefined ? [] : [meta.campaign]))),
  ];
  const conversions: ConversionEvent[] = Array.from({ length: 10_000 }, () => ({
    utm: {
      source: platforms[int(platforms.length)],
      medium: 'social',
      campaign: campaigns[int(campaigns.length)],
    },
    value: 5 + int(200),
    at: new Date(START + int(90 * 24) * HOUR),
  }));
  const spend: SpendEntry[] = [
    ...platforms.map((platform) => ({ platform, amount: 1_000 + int(9_000) })),
    ...campaigns.map((campaign) => ({ campaign, amount: 500 + int(4_500) })),
  ];
  return { snapshots, listened, audience, conversions, spend };
}

/**
 * Computes every issue-19 section on the aggregator: the competitor benchmark over all own
 * accounts and the rivals, share of voice, the influencer ranking, three goals, ROI and the
 * audience splits (the work `buildReportInput` does for them).
 *
 * @param analytics - the aggregator holding the 1M samples and their posts' metadata
 * @param inputs - see {@link generateSectionInputs}
 * @returns the sections' sizes
 */
export function computeSections(analytics: Analytics, inputs: SectionInputs): SectionFigures {
  const since = new Date(START);
  const until = new Date(START + 92 * DAY);
  analytics.ingestPublicAccounts(inputs.snapshots, { trusted: true });
  analytics.ingestAudience(inputs.audience, { trusted: true });
  const benchmark = analytics.benchmark({ since, until });
  const voice = shareOfVoice(inputs.listened, BRANDS, { since, until });
  const influencers = rankInfluencers(inputs.listened, {
    accounts: analytics.publicAccounts(),
    since,
    until,
    n: 50,
  });
  const goals = analytics.goals(GOALS, { asOf: until });
  const roi = analytics.roi({ since, until, conversions: inputs.conversions, spend: inputs.spend });
  const audience = analytics.audience();
  return {
    benchmarkRows: benchmark.rows.length,
    influencers: influencers.length,
    brands: voice.brands.length,
    goals: goals.length,
    roiPlatforms: roi.byPlatform.length,
    audienceSplits: audience.length,
  };
}
