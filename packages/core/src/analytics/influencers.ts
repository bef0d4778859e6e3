import { ValidationError } from '../errors/validation-error.js';
import { type EngagementAuthor, UNKNOWN_AUTHOR_ID } from '../models/engagement.js';
import type { PublicAccount } from '../models/public-account.js';
import { postKpiOf } from './kpis.js';
import { METRIC_COUNT, orNull, SLOT } from './metric-slots.js';
import { PublicAccountStore } from './public-account-store.js';
import { parsePublicAccounts } from './research-inputs.js';
import { type ListenedItem, type ListenedOptions, selectListened } from './share-of-voice.js';
import { isValidDate } from './validate-inputs.js';

/** An item whose author may be an influencer: a core `Engagement` fits. */
export interface InfluencerItem extends ListenedItem {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id for the item (for a mention: the author's post). */
  readonly id: string;
  /** The account whose inbox it came to; an item its own account wrote is left out. */
  readonly accountId?: string | undefined;
  /** Who wrote it. */
  readonly author: EngagementAuthor;
  /** When it was posted. */
  readonly createdAt: Date;
}

/** Options of {@link rankInfluencers}. */
export interface InfluencerOptions extends ListenedOptions {
  /**
   * Snapshots of the authors' accounts (`lookupPublicAccount`, or `Analytics.publicAccounts()`),
   * matched to an author by account id, else by handle: their followers, and their posts' public
   * metrics.
   */
  readonly accounts?: readonly PublicAccount[] | undefined;
  /** How many to return, best first (default: every author). */
  readonly n?: number | undefined;
}

/** One author of mentions or listened posts, with the figures the ranking rests on. */
export interface Influencer {
  /** Platform id. */
  readonly platform: string;
  /** The platform's id for the author. */
  readonly authorId: string;
  /** Their handle, from their latest item or snapshot. */
  readonly handle?: string | undefined;
  /** The name to show: display name, else `@handle`, else the author id. */
  readonly label: string;
  /** Their items in the window (frequency). */
  readonly mentions: number;
  /** Their followers (latest reading before the window's end), `null` when not looked up. */
  readonly followers: number | null;
  /** followers × mentions: how many could have seen them talk about the brand (an upper bound). */
  readonly reach: number | null;
  /** Of their items, those found among their snapshots' posts with an interaction count. */
  readonly postsWithInteractions: number;
  /** Σ interactions on those posts; `null` when none was found. */
  readonly interactions: number | null;
  /** interactions ÷ postsWithInteractions ÷ followers; `null` without either. */
  readonly engagementRate: number | null;
  /** reach + interactions, a missing part counting 0; the ranking key. */
  readonly score: number;
  /** Their latest item. */
  readonly lastAt: Date;
}

/** Items grouped by author. */
interface AuthorItems {
  readonly platform: string;
  readonly author: EngagementAuthor;
  readonly items: InfluencerItem[];
}

function checkN(n: number | undefined): void {
  if (n === undefined || (Number.isInteger(n) && n > 0)) return;
  throw new ValidationError(
    [{ path: ['n'], rule: 'influencers.n', message: 'must be a positive whole number' }],
    'influencer options',
  );
}

function groupByAuthor(items: readonly InfluencerItem[]): AuthorItems[] {
  const groups = new Map<string, AuthorItems>();
  for (const item of items) {
    if (item.accountId !== undefined && item.author.id === item.accountId) continue; // its own
    if (item.author.id === UNKNOWN_AUTHOR_ID) continue; // nobody to rank
    const key = `${item.platform}\u0000${item.author.id}`;
    const group = groups.get(key) ?? { platform: item.platform, author: item.author, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function timeOf(item: InfluencerItem): number {
  return isValidDate(item.createdAt) ? item.createdAt.getTime() : Number.NEGATIVE_INFINITY;
}

function rank(group: AuthorItems, tracked: PublicAccountStore, until: number, row: Float64Array): Influencer {
  const { platform, author } = group;
  const latestItem = group.items.reduce((a, b) => (timeOf(b) >= timeOf(a) ? b : a));
  const accountId =
    tracked.indexOf(platform, author.id) >= 0
      ? author.id
      : author.handle === undefined
        ? undefined
        : tracked.accountOfHandle(platform, author.handle);
  const account = accountId === undefined ? -1 : tracked.indexOf(platform, accountId);
  const snapshot = accountId === undefined ? undefined : tracked.latest(platform, accountId);

  let followers = Number.NaN;
  const series = account < 0 ? undefined : tracked.samples.accountSeries(account, SLOT.followers);
  if (series !== undefined && series.size > 0) {
    const index = series.latestBefore(until);
    followers = series.valueAt(Math.max(index, 0));
  }
  let found = 0;
  let interactions = Number.NaN;
  for (const item of group.items) {
    const post = accountId === undefined ? -1 : tracked.samples.findPost(platform, accountId, item.id);
    if (post < 0) continue;
    const count = postKpiOf('engagementCount', tracked.samples.readPost(post, row), Number.NaN);
    if (Number.isNaN(count)) continue;
    found++;
    interactions = Number.isNaN(interactions) ? count : interactions + count;
  }
  const mentions = group.items.length;
  const reach = followers * mentions;
  const handle = author.handle ?? snapshot?.handle;
  const name = author.name ?? snapshot?.name;
  return {
    platform,
    authorId: author.id,
    ...(handle === undefined ? {} : { handle }),
    label: name !== undefined && name !== '' ? name : handle === undefined ? author.id : `@${handle}`,
    mentions,
    followers: orNull(followers),
    reach: orNull(reach),
    postsWithInteractions: found,
    interactions: orNull(interactions),
    engagementRate: found > 0 && followers > 0 ? interactions / found / followers : null,
    score: (Number.isNaN(reach) ? 0 : reach) + (Number.isNaN(interactions) ? 0 : interactions),
    lastAt: latestItem.createdAt,
  };
}

/**
 * Ranks the authors of mentions and listened posts by reach and engagement, to find the voices
 * worth working with. Per author (platform and author id), over the items in the window (kinds
 * and repeats as {@link shareOfVoice}; items an account wrote to its own inbox left out):
 *
 * - mentions = their items; followers = their latest follower reading before the window's end
 *   (else their earliest), from their snapshots in `accounts`
 * - reach = followers × mentions
 * - interactions = Σ over their items found as posts of their account in those snapshots of the
 *   post's interactions (`engagements`, else (`reactions`, else `likes`) + `comments` + `shares`
 *   + `saves`, latest values)
 * - engagementRate = interactions ÷ (items found) ÷ followers
 * - score = reach + interactions, a part without data counting 0
 *
 * Sorted by score, then mentions, then the latest item (newest first), then author id.
 *
 * @param items - mentions and listened posts (core `Engagement`s fit)
 * @param options - the authors' snapshots, a window, kinds and how many; see {@link InfluencerOptions}
 * @throws ValidationError for an invalid window or `n`, or an invalid snapshot
 *
 * @example
 * ```ts
 * const top = rankInfluencers(analytics.engagements(), {
 *   accounts: analytics.publicAccounts(), since, until, n: 10,
 * });
 * top[0]?.label; // '@coffeecritic'
 * ```
 */
export function rankInfluencers(
  items: readonly InfluencerItem[],
  options: InfluencerOptions = {},
): Influencer[] {
  checkN(options.n);
  const listened = selectListened(items, options);
  const tracked = new PublicAccountStore();
  for (const snapshot of parsePublicAccounts(options.accounts ?? [])) tracked.put(snapshot);
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;
  const row = new Float64Array(METRIC_COUNT);
  const ranked = groupByAuthor(listened).map((group) => rank(group, tracked, until, row));
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.mentions - a.mentions ||
      b.lastAt.getTime() - a.lastAt.getTime() ||
      (a.authorId < b.authorId ? -1 : a.authorId > b.authorId ? 1 : 0),
  );
  return options.n === undefined ? ranked : ranked.slice(0, options.n);
}
