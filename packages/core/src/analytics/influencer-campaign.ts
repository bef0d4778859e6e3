import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { CanonicalMetric } from '../models/metric-vocabulary.js';
import type { PublicAccount } from '../models/public-account.js';
import { postKpiOf } from './kpis.js';
import { METRIC_COUNT, metricSlot } from './metric-slots.js';
import { parsePublicAccounts } from './research-inputs.js';

/** A campaign post to track: its public URL, or its id (with its platform when ids may clash). */
export interface CampaignPostRef {
  /** Platform id; without it an id matches a post of any platform. */
  readonly platform?: string | undefined;
  /** The platform's id for the post. */
  readonly platformPostId?: string | undefined;
  /** The post's public URL. */
  readonly url?: string | undefined;
}

/** One reading of a metric. */
export interface MetricPoint {
  /** When it was read. */
  readonly observedAt: Date;
  /** The value then. */
  readonly value: number;
}

/** A campaign post's public metrics over time. */
export interface TrackedPost {
  /** The reference it was asked by. */
  readonly ref: string | CampaignPostRef;
  /** False when no snapshot holds the post (look its author up with `lookupPublicAccount`). */
  readonly found: boolean;
  /** Platform id. */
  readonly platform?: string | undefined;
  /** The author's account id. */
  readonly accountId?: string | undefined;
  /** The author's handle. */
  readonly handle?: string | undefined;
  /** The platform's id for the post. */
  readonly platformPostId?: string | undefined;
  /** Its public URL, when a snapshot gave one. */
  readonly url?: string | undefined;
  /** When it was published. */
  readonly createdAt?: Date | undefined;
  /** Per metric, one point per snapshot that read it, oldest first. */
  readonly series: Readonly<Partial<Record<CanonicalMetric, readonly MetricPoint[]>>>;
  /** Per metric, its latest value. */
  readonly latest: Readonly<Partial<Record<CanonicalMetric, number>>>;
  /** Interactions by the latest values (as `KPIS`' `engagementCount`); `null` without any part. */
  readonly interactions: number | null;
}

/** The result of {@link trackInfluencerPosts}. */
export interface InfluencerCampaign {
  /** One entry per reference, in the order given. */
  readonly posts: readonly TrackedPost[];
  /** How many references were found. */
  readonly found: number;
  /** Per metric, Σ of the found posts' latest values (over the posts that have it). */
  readonly totals: Readonly<Partial<Record<CanonicalMetric, number>>>;
  /** Σ interactions over the found posts that have some; `null` when none has. */
  readonly interactions: number | null;
}

/** A URL reduced to what names a page: https, host without `www.`, path without a trailing `/`. */
function urlKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** A post as the snapshots know it. */
interface KnownPost {
  readonly snapshot: PublicAccount;
  readonly post: PublicAccount['posts'][number];
}

function normalise(ref: string | CampaignPostRef): CampaignPostRef {
  if (typeof ref !== 'string') return ref;
  return /^https?:\/\//i.test(ref) ? { url: ref } : { platformPostId: ref };
}

function checkRefs(refs: readonly (string | CampaignPostRef)[]): void {
  const problems: ValidationProblem[] = [];
  refs.forEach((ref, i) => {
    const { platformPostId, url } = normalise(ref);
    if (url !== undefined && urlKey(url) === undefined) {
      problems.push({ path: ['posts', i, 'url'], rule: 'campaign.url', message: 'must be an http(s) URL' });
    } else if (url === undefined && (platformPostId === undefined || platformPostId.trim() === '')) {
      problems.push({ path: ['posts', i], rule: 'campaign.ref', message: 'must give a post id or a URL' });
    }
  });
  if (problems.length > 0) throw new ValidationError(problems, 'campaign posts');
}

function find(ref: CampaignPostRef, posts: readonly KnownPost[]): KnownPost | undefined {
  const key = ref.url === undefined ? undefined : urlKey(ref.url);
  return posts.find(({ snapshot, post }) => {
    if (ref.platform !== undefined && snapshot.platform !== ref.platform) return false;
    if (key !== undefined) return post.url !== undefined && urlKey(post.url) === key;
    return post.platformPostId === ref.platformPostId;
  });
}

function track(
  ref: string | CampaignPostRef,
  known: KnownPost | undefined,
  snapshots: readonly PublicAccount[],
  row: Float64Array,
): TrackedPost {
  if (known === undefined) return { ref, found: false, series: {}, latest: {}, interactions: null };
  const { snapshot, post } = known;
  const points = new Map<CanonicalMetric, Map<number, number>>();
  for (const each of snapshots) {
    if (each.platform !== snapshot.platform || each.accountId !== snapshot.accountId) continue;
    for (const sample of each.samples) {
      if (sample.scope !== 'post' || sample.period !== 'lifetime') continue;
      if (sample.platformPostId !== post.platformPostId) continue;
      const byTime = points.get(sample.metric) ?? new Map<number, number>();
      byTime.set(sample.observedAt.getTime(), sample.value); // a re-read of the same instant replaces
      points.set(sample.metric, byTime);
    }
  }
  const series: Partial<Record<CanonicalMetric, MetricPoint[]>> = {};
  const latest: Partial<Record<CanonicalMetric, number>> = {};
  row.fill(Number.NaN);
  for (const [metric, byTime] of points) {
    const list = [...byTime]
      .sort(([a], [b]) => a - b)
      .map(([time, value]) => ({ observedAt: new Date(time), value }));
    series[metric] = list;
    const last = list.at(-1);
    if (last !== undefined) {
      latest[metric] = last.value;
      row[metricSlot(metric)] = last.value;
    }
  }
  const interactions = postKpiOf('engagementCount', row, Number.NaN);
  return {
    ref,
    found: true,
    platform: snapshot.platform,
    accountId: snapshot.accountId,
    handle: snapshot.handle,
    platformPostId: post.platformPostId,
    ...(post.url === undefined ? {} : { url: post.url }),
    createdAt: post.createdAt,
    series,
    latest,
    interactions: Number.isNaN(interactions) ? null : interactions,
  };
}

/**
 * Tracks an influencer campaign: the posts the influencers published for it, by URL or id, with
 * their public metrics over time. The metrics come from snapshots of the influencers' accounts
 * (`lookupPublicAccount` run now and then, or `Analytics.publicAccounts()`): each snapshot that
 * holds a post's samples adds one point per metric to its series.
 *
 * A URL matches a post whose snapshot URL names the same page (scheme, `www.`, query, fragment
 * and a trailing `/` ignored); a string that is not an http(s) URL is taken as a post id.
 * Totals sum the found posts' latest values (a post asked for twice counts once); interactions are counted as `KPIS`'
 * `engagementCount` (`engagements`, else (`reactions`, else `likes`) + `comments` + `shares` +
 * `saves`).
 *
 * @param snapshots - the influencers' snapshots, in any order
 * @param posts - the campaign's posts: URLs, ids, or {@link CampaignPostRef}s
 * @throws ValidationError for a reference without an id or URL, a URL that is not http(s), or an
 *   invalid snapshot
 *
 * @example
 * ```ts
 * const campaign = trackInfluencerPosts(analytics.publicAccounts(), [
 *   'https://x.com/coffeecritic/status/1850000000000000001',
 *   { platform: 'instagram', platformPostId: '17900000000000001' },
 * ]);
 * campaign.posts[0]?.series.likes; // [{ observedAt, value: 120 }, { observedAt, value: 310 }]
 * ```
 */
export function trackInfluencerPosts(
  snapshots: readonly PublicAccount[],
  posts: readonly (string | CampaignPostRef)[],
): InfluencerCampaign {
  checkRefs(posts);
  const parsed = parsePublicAccounts(snapshots).sort(
    (a, b) => b.observedAt.getTime() - a.observedAt.getTime(),
  );
  // Newest snapshot first, so a post's URL and creation time come from its latest reading.
  const known = parsed.flatMap((snapshot) => snapshot.posts.map((post) => ({ snapshot, post })));
  const row = new Float64Array(METRIC_COUNT);
  const tracked = posts.map((ref) => track(ref, find(normalise(ref), known), parsed, row));
  const totals: Partial<Record<CanonicalMetric, number>> = {};
  let interactions: number | null = null;
  const counted = new Set<string>();
  for (const post of tracked) {
    // A post asked for twice (by URL and by id) counts once.
    const key = `${post.platform}\u0000${post.accountId}\u0000${post.platformPostId}`;
    if (!post.found || counted.has(key)) continue;
    counted.add(key);
    for (const [metric, value] of Object.entries(post.latest) as [CanonicalMetric, number][]) {
      totals[metric] = (totals[metric] ?? 0) + value;
    }
    if (post.interactions !== null) interactions = (interactions ?? 0) + post.interactions;
  }
  return { posts: tracked, found: tracked.filter((post) => post.found).length, totals, interactions };
}
