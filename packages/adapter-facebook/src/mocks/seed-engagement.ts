import type { PlatformSimulator, SimulatedEngagement } from '@smmkit/testkit';
import { type CommentStore, isPagePost } from './comments-store.js';
import { postOrVideoNamed } from './video-posts.js';

/** Options of the Facebook simulator's `seedComments`. */
export interface SeedCommentsOptions {
  /** Reply to this comment instead of commenting on the post. */
  readonly replyTo?: string | undefined;
  /** What the `index`-th fan writes (default `Comment 1 from fan_1`, `Reply 1 from fan_1`, …). */
  readonly text?: ((handle: string, index: number) => string) | undefined;
}

/**
 * Fans (`fan_1`, `fan_2`, `fan_3`) comment `count` times on a Page post, or reply to one of its
 * comments, a minute apart, the newest at simulated now (testkit's `sim.seedReplies`); each
 * lands in the Page's inbox.
 *
 * @returns the comments, oldest first
 * @throws Error when the post or the comment does not exist
 *
 * @example
 * ```ts
 * const [first] = seedComments(sim, comments, post.id, 3);
 * seedComments(sim, comments, post.id, 2, { replyTo: first.id });
 * ```
 */
export function seedComments(
  sim: PlatformSimulator,
  comments: CommentStore,
  postId: string,
  count: number,
  options: SeedCommentsOptions = {},
): SimulatedEngagement[] {
  // A video by its video id or, once live, its Page post id (see `postOrVideoNamed`).
  const post = postOrVideoNamed(sim.posts, postId, sim.clock.now());
  if (!isPagePost(post)) throw new Error(`seedComments: no Page post ${postId}`);
  const { replyTo } = options;
  if (replyTo !== undefined && comments.get(replyTo) === undefined)
    throw new Error(`seedComments: no comment ${replyTo}`);
  const parentId = replyTo === undefined ? undefined : (comments.parentOf(replyTo) ?? replyTo);
  const text = options.text;
  return sim.seedReplies(post.id, count, {
    kind: parentId === undefined ? 'comment' : 'reply',
    ...(text === undefined ? {} : { text: (author, index) => text(author.handle, index) }),
    store: (author, item, createdAt) =>
      comments.write({ post, parentId, authorId: author.id, text: item.text, createdAt }),
  });
}

/**
 * Fans post `count` times tagging the Page (`@page Mention 1 from fan_1`, …), a minute apart
 * (testkit's `sim.seedMentions`): posts of their own (ids `{fan-id}_{n}`) that
 * `GET /{page-id}/tagged` lists, each a mention in the Page's inbox.
 *
 * @returns the mentions, oldest first
 * @throws Error when the Page does not exist
 *
 * @example
 * ```ts
 * seedMentions(sim, page.account.id, 7);
 * ```
 */
export function seedMentions(sim: PlatformSimulator, pageId: string, count: number): SimulatedEngagement[] {
  if (sim.accounts.get(pageId) === undefined) throw new Error(`seedMentions: no Page ${pageId}`);
  return sim.seedMentions(pageId, count, {
    store: (author, item, createdAt) =>
      sim.addPost({
        id: `${author.id}_${sim.nextId()}`,
        accountId: author.id,
        text: item.text,
        createdAt,
        extra: { taggedPageId: pageId },
      }),
  });
}
