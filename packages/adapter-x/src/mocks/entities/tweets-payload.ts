import type { SimulatedPost } from '@smmkit/testkit';
import { queryList, type RouteContext } from '@smmkit/testkit/simulator-kit';
import { tweetExtra, type XContext } from '../context.js';
import type { ProblemObject } from '../problems.js';
import { renderMedia } from './media.js';
import { renderTweet } from './tweet.js';
import { renderUsers } from './user.js';

/**
 * Renders posts for the caller of `route`, with the fields and expansions its query selects: `author_id` and `in_reply_to_user_id` → `includes.users`,
 * `attachments.media_keys` → `includes.media`, `referenced_tweets.id` (or `referenced_posts`) →
 * `includes.tweets` (`includes.posts` in the `post` vocabulary). An expansion also puts its field on the post, as X does.
 */
export function tweetsPayload(
  context: XContext,
  posts: readonly SimulatedPost[],
  { url, accountId: viewerId, now }: Pick<RouteContext, 'url' | 'accountId' | 'now'>,
  errors: readonly ProblemObject[] = [],
) {
  // `tweet.fields` (docs.x.com) and `post.fields` (the OpenAPI spec v2.167, https://api.x.com/2/openapi.json)
  // are the same parameter under two names; `referenced_posts` is the newest name of `referenced_tweets.id`.
  const tweetFields = queryList(url, 'tweet.fields', 'post.fields');
  const expansions = queryList(url, 'expansions');
  const fields = new Set(tweetFields);
  if (expansions.has('author_id')) fields.add('author_id');
  if (expansions.has('in_reply_to_user_id')) fields.add('in_reply_to_user_id');
  if (expansions.has('attachments.media_keys')) fields.add('attachments');
  const referenced = expansions.has('referenced_tweets.id') || expansions.has('referenced_posts');
  if (referenced) fields.add(expansions.has('referenced_posts') ? 'referenced_posts' : 'referenced_tweets');

  // A post with a field the caller may not read (private metrics of someone else's post, or of a post
  // older than 30 days) is left out of `data` and only its errors are reported: "only Posts that are
  // authored by the authenticated user will be returned, all other Posts will receive an error message"
  // (https://docs.x.com/x-api/posts/timelines/integrate).
  const problems: ProblemObject[] = [...errors];
  const shown: SimulatedPost[] = [];
  const data = posts.flatMap((post) => {
    const rendered = renderTweet(context, post, fields, viewerId, now);
    problems.push(...rendered.problems);
    if (rendered.problems.length > 0) return [];
    shown.push(post);
    return [rendered.tweet];
  });

  // `Expansions` in https://api.x.com/2/openapi.json: users, media, tweets (posts in the spec v2.167).
  const includes: Record<string, unknown[]> = {};
  const userIds = new Set<string>();
  for (const post of shown) {
    if (expansions.has('author_id')) userIds.add(post.accountId);
    const replyTo = tweetExtra(post).inReplyToUserId;
    if (expansions.has('in_reply_to_user_id') && replyTo !== undefined) userIds.add(replyTo);
  }
  const users = renderUsers(context, userIds, queryList(url, 'user.fields'));
  if (users.length > 0) includes.users = users;
  if (expansions.has('attachments.media_keys')) {
    const mediaFields = queryList(url, 'media.fields');
    const media = shown.flatMap((post) =>
      post.media.map((item) =>
        renderMedia(item, context.mediaCategories.get(item.id), mediaFields, post.createdAt, now),
      ),
    );
    if (media.length > 0) includes.media = media;
  }
  if (referenced) {
    const ids = new Set(shown.flatMap((post) => [post.inReplyToId, tweetExtra(post).quoteTweetId]));
    const tweets = [...ids].flatMap((id) => {
      const target = id === undefined ? undefined : context.sim.posts.get(id);
      return target === undefined ? [] : [renderTweet(context, target, tweetFields, viewerId, now).tweet];
    });
    // The OpenAPI spec v2.167 `Expansions` names the expanded posts `posts`; docs and wire say `tweets`.
    if (tweets.length > 0) includes[context.vocabulary === 'post' ? 'posts' : 'tweets'] = tweets;
  }

  // `GetPostsByIdsResponse` in https://api.x.com/2/openapi.json: `data`, `includes` and `errors`, each absent
  // when empty.
  return {
    ...(data.length > 0 ? { data } : {}),
    ...(Object.keys(includes).length > 0 ? { includes } : {}),
    ...(problems.length > 0 ? { errors: problems } : {}),
  };
}
