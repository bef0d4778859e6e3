import type { Engagement, EngagementPage, MentionSearchQuery, RequestContext } from '@smmkit/core';
import { clampPageSize, type HttpClient, systemClock } from '@smmkit/core/adapter-kit';
import { parseGraphTime } from '@smmkit/graph-api';
import { instagramHashtagMediaEngagement } from './comment-engagement.js';
import type { InstagramHashtagDirectory } from './hashtag-directory.js';
import { instagramHashtags } from './hashtag-terms.js';
import {
  decodeMentionSearchCursor,
  encodeMentionSearchCursor,
  type HashtagPosition,
  type MediaKey,
} from './mention-search-cursor.js';
import { HashtagMediaListSchema, type InstagramHashtagMedia } from './schemas.js';

/**
 * The media fields read: all `recent_media` returns that the inbox uses; it returns no username
 * or owner (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 */
const MEDIA_FIELDS = 'id,caption,media_type,permalink,timestamp,like_count,comments_count';
/** Media per page when the query does not say (Graph's usual 25). */
const DEFAULT_PAGE_SIZE = 25;
/** "Responses are paginated with a maximum limit of 50 results per page" (recent-media reference). */
const MAX_PAGE_SIZE = 50;

/**
 * Pages of public media by anyone that carry one of the query's `#hashtag` terms, newest first,
 * as `mention` engagements of the account (author `unknown`: see
 * `instagramHashtagMediaEngagement`). Instagram finds public media by hashtag only
 * (https://developers.facebook.com/docs/instagram-api/guides/hashtag-search),
 * so words and phrases are left out and a query without a hashtag is refused before any request.
 *
 * Each hashtag's id comes from `GET /ig_hashtag_search?user_id&q` (once per adapter: ids are
 * static and global) and its media from
 * `GET /{ig-hashtag-id}/recent_media?user_id&fields&limit&after`: public photos and videos
 * "published within 24 hours of query execution", at most 50 a page, paged by `after` cursors
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-hashtag/recent-media).
 * The account may query 30 unique hashtags within 7 days; `directory` keeps to it (see
 * `InstagramHashtagDirectory`).
 *
 * The hashtags are merged newest first (by `timestamp`, then id), a media that carries several
 * of them once. Meta warns that "Responses will not always be in chronological order": each page
 * is sorted, pages are taken to run from newer to older, and a media no older than the last one
 * handed out is left out, so the order holds and nothing comes twice. `query.since` (the edge
 * takes none) ends the search at the first media older than it. The cursor is opaque: each
 * hashtag's `after` and the last media handed out; resuming reads each hashtag's current page
 * again and goes on after that media.
 *
 * @param http - the adapter's HTTP client
 * @param directory - the adapter's hashtag ids and weekly count
 * @param query - terms (the `#hashtags` are used), since, cursor and page size (at most 50)
 * @param context - the account (its IG user id is `user_id`), tokens, signal, clock and rate-limit listener
 * @returns an async iterable of pages
 * @throws ValidationError (`search.hashtag_required`, `search.too_many_hashtags`, `cursor.invalid`) before any request
 * @throws RateLimitError (`quota_exceeded`, bucket `ig_hashtag_search`) when the hashtags would take the account past 30 this week
 *
 * @example
 * ```ts
 * for await (const page of searchInstagramMentions(http, directory, { terms: ['#acmecoffee'] }, ctx)) inbox.push(...page.items);
 * ```
 */
export async function* searchInstagramMentions(
  http: HttpClient,
  directory: InstagramHashtagDirectory,
  query: MentionSearchQuery,
  context: RequestContext,
): AsyncGenerator<EngagementPage> {
  const tags = instagramHashtags(query.terms);
  const position = query.cursor === undefined ? undefined : decodeMentionSearchCursor(query.cursor, tags);
  const limit = clampPageSize(query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const now = new Date((context.clock ?? systemClock).now());
  const keyOf = (media: InstagramHashtagMedia): MediaKey => ({
    time: parseGraphTime(media.timestamp)?.getTime() ?? now.getTime(),
    id: media.id,
  });
  const sources = tags.map(
    (tag, index) =>
      new HashtagSource(position?.hashtags[index] ?? { tag, after: undefined, done: false }, keyOf),
  );
  const open = sources.filter((source) => !source.done);
  if (open.length === 0) return;
  const ids = await directory.ids(
    http,
    open.map((source) => source.tag),
    context,
  );
  for (const source of open) source.open(ids.get(source.tag));
  const read: PageReader = async (id, after) => {
    const { data } = await http.request({
      method: 'GET',
      path: `/${encodeURIComponent(id)}/recent_media`,
      operation: 'read hashtag media',
      searchParams: { user_id: context.account.accountId, fields: MEDIA_FIELDS, limit, after },
      schema: HashtagMediaListSchema,
      context,
    });
    const next = data.paging?.next === undefined ? undefined : data.paging.cursors?.after;
    return { media: data.data ?? [], next };
  };
  const since = query.since?.getTime();
  const where = { accountId: context.account.accountId, now };
  let last = position?.last;

  for (;;) {
    const items: Engagement[] = [];
    let ended = false;
    while (items.length < limit) {
      for (const source of sources) await source.fill(read, last);
      const media = newestSource(sources)?.take();
      // The newest media left is older than `since`: so is every other one.
      if (media === undefined || (since !== undefined && keyOf(media).time < since)) {
        ended = true;
        break;
      }
      // The same media under another hashtag comes next to it: its key is not older.
      if (last !== undefined && !older(keyOf(media), last)) continue;
      last = keyOf(media);
      items.push(instagramHashtagMediaEngagement(media, where));
    }
    const more = !ended && sources.some((source) => !source.position().done);
    if (items.length === 0) return;
    if (!more) {
      yield { items };
      return;
    }
    yield {
      items,
      cursor: encodeMentionSearchCursor({ hashtags: sources.map((source) => source.position()), last }),
    };
  }
}

/** Reads one page of a hashtag's `recent_media`: its media and the `after` cursor of the next one. */
type PageReader = (
  hashtagId: string,
  after: string | undefined,
) => Promise<{ readonly media: readonly InstagramHashtagMedia[]; readonly next: string | undefined }>;

/** Whether `a` comes after `b` in the newest-first order: earlier, or as early with a lower id. */
function older(a: MediaKey, b: MediaKey): boolean {
  if (a.time !== b.time) return a.time < b.time;
  return a.id.length !== b.id.length ? a.id.length < b.id.length : a.id < b.id;
}

/** The source whose next media is the newest. */
function newestSource(sources: readonly HashtagSource[]): HashtagSource | undefined {
  let best: HashtagSource | undefined;
  for (const source of sources) {
    const head = source.head;
    if (head !== undefined && (best?.head === undefined || older(best.head, head))) best = source;
  }
  return best;
}

/** One hashtag's `recent_media` being read: the page in hand and what is left of it. */
class HashtagSource {
  readonly tag: string;
  #id: string | undefined;
  /** `after` of the page in hand (or of the next to read). */
  #after: string | undefined;
  #done: boolean;
  /** What is left of the page in hand, newest first; `undefined` until it is read. */
  #buffer: { readonly key: MediaKey; readonly media: InstagramHashtagMedia }[] | undefined;
  /** `after` of the page after the one in hand. */
  #next: string | undefined;
  /** Every media read, to stop should Graph hand out a page again. */
  readonly #seen = new Set<string>();

  constructor(
    position: HashtagPosition,
    private readonly keyOf: (media: InstagramHashtagMedia) => MediaKey,
  ) {
    this.tag = position.tag;
    this.#after = position.after;
    this.#done = position.done;
  }

  get done(): boolean {
    return this.#done;
  }

  /** The key of the next media, when the page in hand has one. */
  get head(): MediaKey | undefined {
    return this.#buffer?.[0]?.key;
  }

  /** Starts reading with the hashtag's id; a hashtag Instagram does not know has no media. */
  open(id: string | undefined): void {
    this.#id = id;
    if (id === undefined) this.#done = true;
  }

  /** Reads pages until one has a media older than `last` left, or the hashtag has none. */
  async fill(read: PageReader, last: MediaKey | undefined): Promise<void> {
    while (!this.#done && this.#id !== undefined && (this.#buffer?.length ?? 0) === 0) {
      if (this.#buffer !== undefined) {
        if (this.#next === undefined) {
          this.#done = true;
          return;
        }
        this.#after = this.#next;
      }
      const page = await read(this.#id, this.#after);
      const unseen = page.media.filter((media) => !this.#seen.has(media.id));
      for (const media of page.media) this.#seen.add(media.id);
      this.#buffer = page.media
        .map((media) => ({ key: this.keyOf(media), media }))
        .filter(({ key }) => last === undefined || older(key, last))
        .sort((a, b) => (older(a.key, b.key) ? 1 : older(b.key, a.key) ? -1 : 0));
      // A page of nothing new ends the hashtag, whatever its `next` says.
      this.#next = unseen.length === 0 ? undefined : page.next;
    }
  }

  /** Takes the next media. */
  take(): InstagramHashtagMedia | undefined {
    return this.#buffer?.shift()?.media;
  }

  /** Where to resume: the page in hand, or the next page, or done. */
  position(): HashtagPosition {
    const { tag } = this;
    if (this.#done) return { tag, after: undefined, done: true };
    if (this.#buffer === undefined || this.#buffer.length > 0)
      return { tag, after: this.#after, done: false };
    return this.#next === undefined
      ? { tag, after: undefined, done: true }
      : { tag, after: this.#next, done: false };
  }
}
