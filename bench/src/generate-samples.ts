import type { CanonicalMetric, MetricSample } from '@smmkit/core';
import type { PostMeta } from '@smmkit/core/analytics';
import { seededRandom } from '@smmkit/testkit';

/** What to generate. */
export interface GenerateOptions {
  /** Exactly this many metric samples. */
  readonly samples: number;
  /** Posts (each gets `PostMeta`, except a few). */
  readonly posts: number;
  /** Accounts, spread evenly over the platforms. */
  readonly accounts: number;
  /** Days over which the posts are published. */
  readonly days: number;
  /** PRNG seed: the same options give the same data. */
  readonly seed: number;
}

/** Samples (in arrival order) and post metadata. */
export interface GeneratedData {
  readonly samples: MetricSample[];
  readonly metas: PostMeta[];
}

/** One platform's post metrics: canonical name and the platform's raw name. */
interface PlatformProfile {
  readonly id: string;
  readonly metrics: readonly (readonly [CanonicalMetric, string])[];
  /** A post id of this platform from a number. */
  readonly postId: (n: number) => string;
  readonly accountId: (n: number) => string;
}

/**
 * Five platforms as their adapters report them: X and Instagram with saves (bookmarks), LinkedIn
 * with `reactions` next to `likes` (so the reactions-over-likes rule matters), reach on three,
 * and TikTok with `video_views` but no `impressions` (its engagement rate is null).
 */
const PLATFORMS: readonly PlatformProfile[] = [
  {
    id: 'x',
    metrics: [
      ['impressions', 'public_metrics.impression_count'],
      ['likes', 'public_metrics.like_count'],
      ['comments', 'public_metrics.reply_count'],
      ['shares', 'public_metrics.retweet_count'],
      ['saves', 'public_metrics.bookmark_count'],
    ],
    postId: (n) => String(1_880_000_000_000_000_000n + BigInt(n) * 7919n),
    accountId: (n) => String(2_244_994_945 + n * 131),
  },
  {
    id: 'linkedin',
    metrics: [
      ['impressions', 'impressionCount'],
      ['reach', 'uniqueImpressionsCount'],
      ['likes', 'likeCount'],
      ['reactions', 'reactionCount'],
      ['comments', 'commentCount'],
      ['shares', 'shareCount'],
    ],
    postId: (n) => `urn:li:share:${7_200_000_000_000_000_000n + BigInt(n) * 104_729n}`,
    accountId: (n) => `urn:li:organization:${10_000_000 + n * 17}`,
  },
  {
    id: 'facebook',
    metrics: [
      ['impressions', 'post_media_view'],
      ['reach', 'post_total_media_view_unique'],
      ['likes', 'post_reactions_like_total'],
      ['comments', 'comments.summary.total_count'],
      ['shares', 'shares.count'],
    ],
    postId: (n) => `1098765432${n}_${120_200_000_000_000 + n * 37}`,
    accountId: (n) => String(109_876_543_210 + n * 53),
  },
  {
    id: 'instagram',
    metrics: [
      ['impressions', 'views'],
      ['reach', 'reach'],
      ['likes', 'like_count'],
      ['comments', 'comments_count'],
      ['shares', 'shares'],
      ['saves', 'saved'],
    ],
    postId: (n) => String(17_900_000_000_000_000n + BigInt(n) * 613n),
    accountId: (n) => String(17_841_400_000_000_000n + BigInt(n) * 1_009n),
  },
  {
    id: 'tiktok',
    metrics: [
      ['video_views', 'view_count'],
      ['likes', 'like_count'],
      ['comments', 'comment_count'],
      ['shares', 'share_count'],
      ['saves', 'favorites_count'],
    ],
    postId: (n) => String(7_300_000_000_000_000_000n + BigInt(n) * 6_151n),
    accountId: (n) => `-000${(4_000_000 + n * 29).toString(36)}`,
  },
];

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Los_Angeles'];
const TAGS = ['launch', 'tips', 'behind-the-scenes', 'ugc', 'event', 'hiring'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Publication window start. */
const START = Date.UTC(2026, 0, 5);
/** Hours after publication at which the collector reads a post's metrics. */
const READ_AGES = [1, 24, 72, 168, 720];

/** A post's final counts, one per metric of its platform. */
interface PostPlan {
  readonly platform: PlatformProfile;
  readonly accountId: string;
  readonly postId: string;
  readonly publishedAt: number;
  readonly finals: readonly number[];
  /** Growth time constant in hours. */
  readonly tau: number;
}

/** A collector read of one post (all its metrics at one instant), and how it arrives. */
interface ReadEvent {
  readonly post: number;
  readonly observedAt: number;
  /** Arrival position: normally the read's rank, later for late arrivals and repeats. */
  readonly arrival: number;
  /** −1 for a plain read, else the metric index a re-read corrected (same observedAt, value + delta). */
  readonly corrected: number;
  readonly delta: number;
}

function valueAt(plan: PostPlan, metric: number, observedAt: number): number {
  const ageHours = (observedAt - plan.publishedAt) / HOUR;
  const grown = 1 - Math.exp(-ageHours / plan.tau);
  return Math.floor((plan.finals[metric] ?? 0) * grown);
}

/**
 * Generates `samples` metric samples for `posts` posts deterministically: each post is read at
 * growing ages (1 h … 30 days) up to the collection end, counts growing; reads arrive in
 * observation order except ~3 % arriving late (stale for the newer read already kept), ~2 %
 * repeated verbatim (exact duplicates) and ~0.3 % re-read at the same instant with a corrected
 * value. ~0.5 % of posts have no `PostMeta`. Samples are parsed models (`Date` instants).
 */
export function generateSamples(options: GenerateOptions): GeneratedData {
  const random = seededRandom(options.seed);
  const int = (n: number): number => Math.floor(random() * n);
  const end = START + options.days * DAY;
  const collectedUntil = end + 2 * DAY;

  // Accounts: platform by index, a follower base that scales their posts' reach.
  const accountPlatform: PlatformProfile[] = [];
  const accountIds: string[] = [];
  const accountScale: number[] = [];
  const accountZone: string[] = [];
  for (let a = 0; a < options.accounts; a++) {
    const platform = PLATFORMS[a % PLATFORMS.length] as PlatformProfile;
    accountPlatform.push(platform);
    accountIds.push(platform.accountId(a));
    accountScale.push(Math.exp(5 + random() * 5));
    accountZone.push(ZONES[int(ZONES.length)] as string);
  }

  const plans: PostPlan[] = [];
  const metas: PostMeta[] = [];
  for (let p = 0; p < options.posts; p++) {
    const account = int(options.accounts);
    const platform = accountPlatform[account] as PlatformProfile;
    // Publication: a uniform day, hours weighted towards working hours.
    const day = int(options.days);
    const hour = Math.min(23, Math.floor(6 + 12 * ((random() + random() + random()) / 3) + random() * 4));
    const publishedAt = START + day * DAY + hour * HOUR + int(60) * 60_000 + int(60) * 1000;
    const impressions = Math.floor((accountScale[account] ?? 100) * (0.3 + random() * 3));
    const likeRate = 0.01 + random() * 0.05;
    const finals = platform.metrics.map(([metric]) => {
      switch (metric) {
        case 'impressions':
        case 'video_views':
          return impressions;
        case 'reach':
          return Math.floor(impressions * (0.55 + random() * 0.35));
        case 'likes':
          return Math.floor(impressions * likeRate);
        case 'reactions':
          return Math.floor(impressions * likeRate * (1.1 + random() * 0.4));
        case 'comments':
          return Math.floor(impressions * likeRate * (0.05 + random() * 0.15));
        case 'shares':
          return Math.floor(impressions * likeRate * (0.05 + random() * 0.2));
        default:
          return Math.floor(impressions * likeRate * (0.03 + random() * 0.2));
      }
    });
    const postId = platform.postId(p);
    const accountId = accountIds[account] as string;
    plans.push({ platform, accountId, postId, publishedAt, finals, tau: 6 + random() * 60 });
    if (random() >= 0.005) {
      const tagCount = random() < 0.6 ? 0 : 1 + int(2);
      const tags = Array.from({ length: tagCount }, () => TAGS[int(TAGS.length)] as string);
      metas.push({
        platform: platform.id,
        accountId,
        platformPostId: postId,
        publishedAt: new Date(publishedAt),
        timeZone: accountZone[account],
        ...(tags.length > 0 ? { tags } : {}),
        ...(random() < 0.3 ? { campaign: `spring-26-${int(8)}` } : {}),
        contentClass: random() < 0.8 ? 'value' : 'promotion',
      });
    }
  }

  // The collector's reads, in observation order.
  const reads: { post: number; observedAt: number }[] = [];
  plans.forEach((plan, post) => {
    for (const age of READ_AGES) {
      const observedAt = plan.publishedAt + age * HOUR + int(20 * 60) * 1000;
      if (observedAt > collectedUntil) break;
      reads.push({ post, observedAt });
    }
  });
  reads.sort((a, b) => a.observedAt - b.observedAt || a.post - b.post);

  // Arrival order: late arrivals, verbatim repeats and same-instant corrections.
  const events: ReadEvent[] = [];
  reads.forEach((read, rank) => {
    const late = random() < 0.03;
    events.push({ ...read, arrival: late ? rank + 20 + int(20_000) : rank, corrected: -1, delta: 0 });
    if (random() < 0.02) events.push({ ...read, arrival: rank + 1 + int(5_000), corrected: -1, delta: 0 });
    if (random() < 0.003) {
      const metrics = (plans[read.post] as PostPlan).platform.metrics.length;
      events.push({ ...read, arrival: rank + 1 + int(5_000), corrected: int(metrics), delta: 1 + int(3) });
    }
  });
  events.sort((a, b) => a.arrival - b.arrival);

  const samples: MetricSample[] = [];
  for (const event of events) {
    const plan = plans[event.post] as PostPlan;
    const metrics = plan.platform.metrics;
    for (let m = 0; m < metrics.length && samples.length < options.samples; m++) {
      const [metric, rawName] = metrics[m] as readonly [CanonicalMetric, string];
      const value = valueAt(plan, m, event.observedAt) + (event.corrected === m ? event.delta : 0);
      samples.push({
        platform: plan.platform.id,
        accountId: plan.accountId,
        scope: 'post',
        platformPostId: plan.postId,
        metric,
        rawName,
        value,
        observedAt: new Date(event.observedAt),
        period: 'lifetime',
      });
    }
    if (samples.length >= options.samples) break;
  }
  if (samples.length < options.samples) {
    throw new Error(`only ${samples.length} samples for ${options.posts} posts; ask for more posts`);
  }
  return { samples, metas };
}
