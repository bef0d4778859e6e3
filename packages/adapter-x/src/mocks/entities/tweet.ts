import type { SimulatedPost } from '@smmkit/testkit';
import { growingCount, selectFields } from '@smmkit/testkit/simulator-kit';
import { countXText } from '../../count-text.js';
import { editHistoryField, tweetExtra, type XContext } from '../context.js';
import { DEFAULT_MAX_WEIGHTED_LENGTH, PRIVATE_METRICS_MAX_AGE_MS } from '../limits.js';
import { fieldUnauthorizedProblem, type ProblemObject } from '../problems.js';
import { mediaKeyOf } from './media.js';
import type { XTweetJson } from './types.js';

/**
 * How fast public counts grow per hour of a post's age (testkit `growingCount`: square-root
 * growth, jitter per post). `reply_count` is not simulated growth: it counts the stored replies;
 * `like_count` adds the likes made through the API to its growth.
 */
export const METRICS_PER_HOUR: Readonly<
  Record<
    | 'like_count'
    | 'retweet_count'
    | 'quote_count'
    | 'bookmark_count'
    | 'impression_count'
    | 'url_link_clicks'
    | 'user_profile_clicks',
    number
  >
> = {
  like_count: 40,
  retweet_count: 8,
  quote_count: 2,
  bookmark_count: 5,
  impression_count: 1_200,
  url_link_clicks: 15,
  user_profile_clicks: 10,
};

type MetricName = keyof typeof METRICS_PER_HOUR | 'reply_count' | 'engagements';

/**
 * The counts of each `*_metrics` field, in the order X writes them
 * (https://docs.x.com/x-api/fundamentals/metrics); `retweet_count` is `repost_count` in the `post` vocabulary.
 */
const METRIC_FIELDS: Readonly<Record<string, readonly MetricName[]>> = {
  public_metrics: [
    'retweet_count',
    'reply_count',
    'like_count',
    'quote_count',
    'bookmark_count',
    'impression_count',
  ],
  non_public_metrics: ['impression_count', 'url_link_clicks', 'user_profile_clicks', 'engagements'],
  organic_metrics: [
    'impression_count',
    'like_count',
    'reply_count',
    'retweet_count',
    'url_link_clicks',
    'user_profile_clicks',
  ],
};

/**
 * Of a post longer than 280 weighted characters (X Premium), `text` holds only the start: the whole
 * text is in `note_tweet` ("The full content of the Post, including text beyond 280 characters":
 * `Post.note_post` in https://api.x.com/2/openapi.json). ASSUMED: X does not document where it cuts
 * `text`; the simulator keeps the longest start of at most 275 weighted characters and adds `…`.
 */
const LONG_POST_START_LENGTH = 275;

/** The start of a long post, as `text` shows it (see {@link LONG_POST_START_LENGTH}). */
function startOfLongPost(text: string): string {
  const codePoints = [...text];
  // The most code points whose weighted length fits (a binary search: the count grows with the prefix).
  let low = 0;
  let high = codePoints.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (countXText(codePoints.slice(0, middle).join('')) <= LONG_POST_START_LENGTH) low = middle;
    else high = middle - 1;
  }
  return `${codePoints.slice(0, low).join('')}…`;
}

/**
 * A post as X renders it for `viewerId`: `id`, `text` (the start of a long post) and the edit history
 * always (docs.x.com data dictionary: defaults), and the `tweet.fields` asked for, `note_tweet` with the
 * whole text of a long post among them. `non_public_metrics` and `organic_metrics` only for the author's
 * own posts of the last 30 days (https://docs.x.com/x-api/fundamentals/metrics); otherwise the field is
 * left out and a Field Authorization Error is reported for it (`tweetsPayload` then leaves the post out).
 */
export function renderTweet(
  context: XContext,
  post: SimulatedPost,
  fields: ReadonlySet<string>,
  viewerId: string,
  now: number,
): { readonly tweet: XTweetJson; readonly problems: readonly ProblemObject[] } {
  const extra = tweetExtra(post);
  // `referenced_tweets` (`replied_to` and `quoted`, docs.x.com data dictionary) is `referenced_posts` in the
  // spec v2.167 (https://api.x.com/2/openapi.json: `Post` declares only `referenced_posts`): asked as either
  // name, the references answer under the new one in the `post` vocabulary or when the request used it.
  const references = [
    ...(post.inReplyToId === undefined ? [] : [{ type: 'replied_to', id: post.inReplyToId }]),
    ...(extra.quoteTweetId === undefined ? [] : [{ type: 'quoted', id: extra.quoteTweetId }]),
  ];
  const newNames = context.vocabulary === 'post';
  const referencesName =
    newNames || fields.has('referenced_posts') ? 'referenced_posts' : 'referenced_tweets';
  // A long post's whole text: `note_tweet` (docs, wire) is `note_post` in the spec v2.167, answered as
  // `referenced_tweets` is.
  const noteName = newNames || fields.has('note_post') ? 'note_post' : 'note_tweet';
  const selected = new Set(fields);
  if (fields.has('referenced_tweets') || fields.has('referenced_posts')) selected.add(referencesName);
  if (fields.has('note_tweet') || fields.has('note_post')) selected.add(noteName);
  const long = countXText(post.text) > DEFAULT_MAX_WEIGHTED_LENGTH;
  const defaults = {
    id: post.id,
    text: long ? startOfLongPost(post.text) : post.text,
    [editHistoryField(context)]: [post.id],
  };
  const tweet = selectFields(defaults, selected, {
    author_id: () => post.accountId,
    created_at: () => new Date(post.createdAt).toISOString(),
    conversation_id: () => extra.conversationId,
    in_reply_to_user_id: () => extra.inReplyToUserId,
    reply_settings: () => extra.replySettings,
    paid_partnership: () => extra.paidPartnership,
    lang: () => 'en',
    possibly_sensitive: () => false,
    [referencesName]: () => (references.length > 0 ? references : undefined),
    attachments: () => attachmentsOf(context, post),
    [noteName]: () => (long ? { text: post.text } : undefined),
  });
  const problems: ProblemObject[] = [];
  const counts = countsOf(context, post, now);
  const mayReadPrivate = post.accountId === viewerId && now - post.createdAt <= PRIVATE_METRICS_MAX_AGE_MS;
  for (const [field, names] of Object.entries(METRIC_FIELDS)) {
    if (!fields.has(field)) continue;
    if (field !== 'public_metrics' && !mayReadPrivate) {
      problems.push(fieldUnauthorizedProblem(field, post.id));
      continue;
    }
    // `retweet_count` (docs, wire) is `repost_count` in `PostPublicMetrics` of the spec v2.167.
    const retweets = newNames ? 'repost_count' : 'retweet_count';
    tweet[field] = Object.fromEntries(
      names.map((name) => [name === 'retweet_count' ? retweets : name, counts[name]]),
    );
  }
  return { tweet: tweet as XTweetJson, problems };
}

/**
 * Every count of a post: simulated growth per {@link METRICS_PER_HOUR}, plus the likes made through
 * the API; the stored replies; and `engagements`, every interaction (likes, reposts, replies, quotes,
 * link and profile clicks).
 */
function countsOf(context: XContext, post: SimulatedPost, now: number): Record<MetricName, number> {
  const age = now - post.createdAt;
  const grown = Object.entries(METRICS_PER_HOUR).map(([metric, perHour]) => [
    metric,
    growingCount(post.id, metric, age, perHour),
  ]);
  const counts = Object.fromEntries(grown) as Record<MetricName, number>;
  counts.like_count += context.sim.likes.of(post.id).length;
  counts.reply_count = context.sim.posts.filter((reply) => reply.inReplyToId === post.id).length;
  const { impression_count, bookmark_count, ...interactions } = counts;
  counts.engagements = Object.values(interactions).reduce((total, count) => total + count, 0);
  return counts;
}

/**
 * `attachments`: `media_keys` and `poll_ids` (`PostAttachments` in https://api.x.com/2/openapi.json); the
 * poll id is the post id.
 */
function attachmentsOf(context: XContext, post: SimulatedPost): Record<string, string[]> | undefined {
  const attachments: Record<string, string[]> = {};
  if (post.media.length > 0)
    attachments.media_keys = post.media.map((media) =>
      mediaKeyOf(media.kind, media.id, context.mediaCategories.get(media.id)),
    );
  if (post.pollOptions !== undefined) attachments.poll_ids = [post.id];
  return Object.keys(attachments).length === 0 ? undefined : attachments;
}
