import type { PostRef } from '../models/post-ref.js';
import { ratio } from './kpis.js';
import { addPresent, orNull } from './metric-slots.js';
import {
  type CheckedConversion,
  checkRoiInputs,
  type RoiOptions,
  type SpendEntry,
  utmValue,
} from './roi-inputs.js';
import type { SampleStore } from './sample-store.js';
import { listPosts, type PostSummary } from './top-posts.js';

/**
 * The return figures of a platform, a campaign, a post or the whole. Formulas (a division by 0
 * or by a missing value is `null`, "no data", never `NaN` or `Infinity`):
 *
 * - `conversions` = Σ count of the attributed conversions; `value` = Σ their value
 * - `spend` = Σ the spend entries that name it (`null` when none does)
 * - `linkClicks` = Σ over its posts in the window of the post's `link_clicks`, else its `clicks`
 * - `conversionRate` = conversions ÷ linkClicks
 * - `costPerConversion` = spend ÷ conversions (cost per lead, or per acquisition when the
 *   conversions are purchases)
 * - `roas` = value ÷ spend (return on ad spend: value per unit spent)
 * - `roi` = (value − spend) ÷ spend
 */
export interface RoiFigures {
  /** Conversions attributed (Σ `count`). */
  readonly conversions: number;
  /** Their value (Σ `value`). */
  readonly value: number;
  /** Money spent on it; `null` when no spend entry names it. */
  readonly spend: number | null;
  /** Link clicks of its posts in the window; `null` when none has a click count. */
  readonly linkClicks: number | null;
  /** conversions ÷ linkClicks. */
  readonly conversionRate: number | null;
  /** spend ÷ conversions: cost per lead (CPL) or per acquisition (CPA). */
  readonly costPerConversion: number | null;
  /** value ÷ spend: return on ad spend. */
  readonly roas: number | null;
  /** (value − spend) ÷ spend: return on investment. */
  readonly roi: number | null;
}

/** The figures of one platform. */
export interface RoiPlatformRow extends RoiFigures {
  /** Platform id. */
  readonly platform: string;
}

/** The figures of one campaign. */
export interface RoiCampaignRow extends RoiFigures {
  /** The campaign (`utm_campaign`, `PostMeta.campaign`); `null` for conversions and spend without one. */
  readonly campaign: string | null;
}

/** The figures of one post that carried a recorded link or was promoted. */
export interface RoiPostRow extends RoiFigures {
  /** The post. */
  readonly post: PostRef;
  /** Its campaign, when known. */
  readonly campaign: string | null;
}

/** One platform in the allocation ranking. */
export interface PlatformAllocation {
  /** Platform id. */
  readonly platform: string;
  /** Money spent on it; `null` when unknown. */
  readonly spend: number | null;
  /** Value of its conversions. */
  readonly value: number;
  /** value ÷ spend: what one unit spent returned. */
  readonly roas: number | null;
  /** Its spend ÷ the spend of all platforms. */
  readonly spendShare: number | null;
  /** Its value ÷ the value of all platforms. */
  readonly valueShare: number | null;
}

/** Conversions that could not be given to any platform. */
export interface UnattributedConversions {
  /** Σ count of conversions whose `utm_source` is no platform of the report (or missing). */
  readonly conversions: number;
  /** Their value. */
  readonly value: number;
}

/** What the money bought; formulas on {@link RoiFigures}. */
export interface RoiReport {
  /** ISO 4217 code of the amounts, when given. */
  readonly currency?: string | undefined;
  /** Everything attributed, all spend, all link clicks. */
  readonly total: RoiFigures;
  /** Per platform, by name. */
  readonly byPlatform: readonly RoiPlatformRow[];
  /** Per campaign, by name (`null` last). */
  readonly byCampaign: readonly RoiCampaignRow[];
  /** Per post with a recorded link or spend, the highest value first. */
  readonly byPost: readonly RoiPostRow[];
  /** Platforms by ROAS, the best first (those without one last): where a unit spent returns the most. */
  readonly allocation: readonly PlatformAllocation[];
  /** The platform with the highest ROAS; `null` when none has spend. */
  readonly bestPlatform: string | null;
  /** Conversions from elsewhere (a newsletter, search, a missing `utm_source`). */
  readonly unattributed: UnattributedConversions;
}

/** Figures being summed; `NaN` for none. */
class Tally {
  conversions = 0;
  value = 0;
  spend = Number.NaN;
  clicks = Number.NaN;

  addConversion(conversion: CheckedConversion): void {
    this.conversions += conversion.count;
    this.value += conversion.value;
  }

  figures(): RoiFigures {
    const { conversions, value, spend, clicks } = this;
    return {
      conversions,
      value,
      spend: orNull(spend),
      linkClicks: orNull(clicks),
      conversionRate: orNull(ratio(conversions, clicks)),
      costPerConversion: orNull(ratio(spend, conversions)),
      roas: orNull(ratio(value, spend)),
      roi: orNull(ratio(value - spend, spend)),
    };
  }
}

/** Tallies by key, made on first use. */
class Tallies<K> {
  readonly map = new Map<K, Tally>();
  get(key: K): Tally {
    let tally = this.map.get(key);
    if (tally === undefined) {
      tally = new Tally();
      this.map.set(key, tally);
    }
    return tally;
  }
}

const SEPARATOR = '\u0001';

function postKey(post: { platform: string; accountId: string; platformPostId: string }): string {
  return [post.platform, post.accountId, post.platformPostId].join(SEPARATOR);
}

/** A link's key: its source (in lower case, as platform ids are), campaign and content. */
function linkKey(source: string, campaign: string | undefined, content: string | undefined): string {
  return [source.toLowerCase(), campaign ?? '', content ?? ''].join(SEPARATOR);
}

/** A post's link clicks: `link_clicks`, else `clicks`; `NaN` when it has neither. */
function clicksOf(post: PostSummary): number {
  return post.metrics.link_clicks ?? post.metrics.clicks ?? Number.NaN;
}

function byName(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * Conversions, conversion rate, cost per conversion, ROAS and ROI per platform, campaign and
 * post, and the platforms ranked by what a unit spent returned.
 *
 * Attribution follows the parameters `utmForTarget` puts on links: `utm_source` names the
 * platform (compared in lower case, as platform ids are) and `utm_campaign` the campaign
 * (compared exactly). A conversion counts for the platform its source
 * names when that is a platform of the report (one of `platforms`, else of a post in the
 * aggregator, a spend entry or a link; a link whose source differs from its post's platform
 * maps that source to the platform); otherwise it is unattributed. It counts for a single post
 * when exactly one post's link has its source, campaign and content: posts sharing the same
 * parameters cannot be told apart, so such conversions count for platform and campaign only.
 * Dated conversions outside `since`–`until` are left out.
 */
export function computeRoi(store: SampleStore, options: RoiOptions): RoiReport {
  const inputs = checkRoiInputs(options);
  const posts = listPosts(store, {
    since: options.since,
    until: options.until,
    platforms: options.platforms,
    accounts: options.accounts,
  });
  const since = options.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;

  // Which utm_source values name which platform.
  const platformOf = new Map<string, string>();
  const known = (platform: string): void => {
    if (options.platforms === undefined || options.platforms.includes(platform))
      platformOf.set(platform, platform);
  };
  if (options.platforms !== undefined) for (const platform of options.platforms) known(platform);
  else
    for (let account = 0; account < store.accountCount; account++)
      known(store.accountPlatform[account] ?? '');
  for (const spend of inputs.spend) {
    const platform = spend.post?.platform ?? spend.platform;
    if (platform !== undefined) known(platform);
  }
  const postsOfLink = new Map<string, Set<string>>();
  const linkedPosts = new Map<string, { post: PostRef; campaign: string }>();
  for (const link of inputs.links) {
    known(link.post.platform);
    const source = utmValue(link.utm.source) ?? '';
    if (platformOf.has(link.post.platform)) platformOf.set(source.toLowerCase(), link.post.platform);
    const key = linkKey(source, utmValue(link.utm.campaign), utmValue(link.utm.content));
    const id = postKey(link.post);
    postsOfLink.set(key, (postsOfLink.get(key) ?? new Set()).add(id));
    if (!linkedPosts.has(id)) linkedPosts.set(id, { post: link.post, campaign: link.utm.campaign });
  }

  const total = new Tally();
  const platforms = new Tallies<string>();
  const campaigns = new Tallies<string | null>();
  const perPost = new Tallies<string>();
  const postRefs = new Map<string, { post: PostRef; campaign: string | null }>();
  const notePost = (post: PostRef, campaign: string | null): void => {
    const id = postKey(post);
    if (!postRefs.has(id)) postRefs.set(id, { post, campaign });
  };
  for (const [id, linked] of linkedPosts) {
    const meta =
      store.postMeta[store.findPost(linked.post.platform, linked.post.accountId, linked.post.platformPostId)];
    postRefs.set(id, { post: linked.post, campaign: meta?.campaign ?? linked.campaign });
    perPost.get(id);
  }

  let unattributedCount = 0;
  let unattributedValue = 0;
  for (const conversion of inputs.conversions) {
    if (!Number.isNaN(conversion.at) && (conversion.at < since || conversion.at >= until)) continue;
    const platform =
      conversion.source === undefined ? undefined : platformOf.get(conversion.source.toLowerCase());
    if (platform === undefined) {
      unattributedCount += conversion.count;
      unattributedValue += conversion.value;
      continue;
    }
    total.addConversion(conversion);
    platforms.get(platform).addConversion(conversion);
    campaigns.get(conversion.campaign ?? null).addConversion(conversion);
    const matches = postsOfLink.get(
      linkKey(conversion.source ?? '', conversion.campaign, conversion.content),
    );
    if (matches?.size === 1) for (const id of matches) perPost.get(id).addConversion(conversion);
  }

  for (const spend of inputs.spend) {
    const platform = spend.post?.platform ?? spend.platform;
    // Spend on a platform the report leaves out is left out too.
    if (platform !== undefined && options.platforms !== undefined && !options.platforms.includes(platform))
      continue;
    addSpend(store, spend, { total, platforms, campaigns, perPost }, postRefs, notePost);
  }

  for (const post of posts) {
    const clicks = clicksOf(post);
    if (Number.isNaN(clicks)) continue;
    total.clicks = addPresent(total.clicks, clicks);
    platforms.get(post.platform).clicks = addPresent(platforms.get(post.platform).clicks, clicks);
    const campaign = post.meta?.campaign ?? null;
    campaigns.get(campaign).clicks = addPresent(campaigns.get(campaign).clicks, clicks);
    const id = postKey(post);
    if (perPost.map.has(id)) perPost.get(id).clicks = addPresent(perPost.get(id).clicks, clicks);
  }

  const byPlatform = [...platforms.map]
    .map(([platform, tally]) => ({ platform, ...tally.figures() }))
    .sort((a, b) => byName(a.platform, b.platform));
  const byCampaign = [...campaigns.map]
    .map(([campaign, tally]) => ({ campaign, ...tally.figures() }))
    .sort((a, b) => byName(a.campaign, b.campaign));
  const byPost = [...perPost.map]
    .flatMap(([id, tally]) => {
      const ref = postRefs.get(id);
      return ref === undefined ? [] : [{ post: ref.post, campaign: ref.campaign, ...tally.figures() }];
    })
    .sort((a, b) => b.value - a.value || byName(postKey(a.post), postKey(b.post)));
  const allocation = allocate(byPlatform);
  return {
    ...(options.currency === undefined ? {} : { currency: options.currency }),
    total: total.figures(),
    byPlatform,
    byCampaign,
    byPost,
    allocation,
    bestPlatform: allocation[0]?.roas === null ? null : (allocation[0]?.platform ?? null),
    unattributed: { conversions: unattributedCount, value: unattributedValue },
  };
}

interface TallySet {
  readonly total: Tally;
  readonly platforms: Tallies<string>;
  readonly campaigns: Tallies<string | null>;
  readonly perPost: Tallies<string>;
}

/** Books one spend entry on the total, its platform, its campaign and its post. */
function addSpend(
  store: SampleStore,
  spend: SpendEntry,
  tallies: TallySet,
  postRefs: Map<string, { post: PostRef; campaign: string | null }>,
  notePost: (post: PostRef, campaign: string | null) => void,
): void {
  const add = (tally: Tally): void => {
    tally.spend = addPresent(tally.spend, spend.amount);
  };
  add(tallies.total);
  const { post } = spend;
  let campaign = spend.campaign;
  if (post !== undefined) {
    const id = postKey(post);
    const meta = store.postMeta[store.findPost(post.platform, post.accountId, post.platformPostId)];
    campaign ??= meta?.campaign ?? postRefs.get(id)?.campaign ?? undefined;
    notePost(post, campaign ?? null);
    add(tallies.perPost.get(id));
  }
  const platform = post?.platform ?? spend.platform;
  if (platform !== undefined) add(tallies.platforms.get(platform));
  if (campaign !== undefined) add(tallies.campaigns.get(campaign));
}

/** Platforms by ROAS, best first; shares of spend and value over all platforms. */
function allocate(rows: readonly RoiPlatformRow[]): PlatformAllocation[] {
  let spendSum = Number.NaN;
  let valueSum = 0;
  for (const row of rows) {
    if (row.spend !== null) spendSum = addPresent(spendSum, row.spend);
    valueSum += row.value;
  }
  return rows
    .map((row) => ({
      platform: row.platform,
      spend: row.spend,
      value: row.value,
      roas: row.roas,
      spendShare: orNull(ratio(row.spend ?? Number.NaN, spendSum)),
      valueShare: orNull(ratio(row.value, valueSum)),
    }))
    .sort((a, b) => {
      if (a.roas === b.roas) return byName(a.platform, b.platform);
      if (a.roas === null) return 1;
      if (b.roas === null) return -1;
      return b.roas - a.roas;
    });
}
