import type { SimulatedAccount, SimulatedEngagement } from '@smmkit/testkit';
import type { InstagramContext } from './context.js';
import { shortcodeOf } from './entities.js';

/** How many distinct fan accounts write seeded comments and mentions. */
const AUTHOR_POOL = 3;

/** Time between two seeded items, so timestamps increase with the ids. */
const SPACING_MS = 60_000;

function poolAuthor(context: InstagramContext, index: number): SimulatedAccount {
  const handle = `fan_${(index % AUTHOR_POOL) + 1}`;
  return (
    context.sim.accounts.filter((account) => account.handle === handle)[0] ??
    context.sim.addAccount({ handle, followers: 10 * (index + 1) })
  );
}

/**
 * Fan accounts comment `count` times on `mediaId` (`sim.engagements`, kind `comment`, addressed
 * to the media's owner). Ids and times increase; the newest is at simulated now.
 *
 * @returns the comments, oldest first
 * @throws Error when the media does not exist
 */
export function seedComments(
  context: InstagramContext,
  mediaId: string,
  count: number,
): SimulatedEngagement[] {
  const media = context.sim.posts.get(mediaId);
  if (media === undefined) throw new Error(`seedComments: no media ${mediaId}`);
  const now = context.sim.clock.now();
  const comments: SimulatedEngagement[] = [];
  for (let index = 0; index < count; index += 1) {
    const author = poolAuthor(context, index);
    comments.push(
      context.sim.engagements.put({
        id: context.sim.nextId(),
        kind: 'comment',
        accountId: media.accountId,
        postId: mediaId,
        authorId: author.id,
        authorHandle: author.handle,
        text: `Comment ${index + 1} from ${author.handle}`,
        createdAt: now - (count - 1 - index) * SPACING_MS,
        hidden: false,
      }),
    );
  }
  return comments;
}

/**
 * Fan accounts publish `count` media whose caption mentions `accountId` (`@handle`): each media is
 * in `sim.posts` (listed by `GET /{ig-user-id}/tags`) and a `mention` in `sim.engagements` with
 * `postId` = the media.
 *
 * @returns the mentions, oldest first
 * @throws Error when the account does not exist
 */
export function seedMentions(
  context: InstagramContext,
  accountId: string,
  count: number,
): SimulatedEngagement[] {
  const target = context.sim.accounts.get(accountId);
  if (target === undefined) throw new Error(`seedMentions: no account ${accountId}`);
  const now = context.sim.clock.now();
  const mentions: SimulatedEngagement[] = [];
  for (let index = 0; index < count; index += 1) {
    const author = poolAuthor(context, index);
    const createdAt = now - (count - 1 - index) * SPACING_MS;
    const id = context.sim.nextId();
    const shortcode = shortcodeOf(id);
    const text = `Look at this @${target.handle} (${index + 1})`;
    context.sim.posts.put({
      id,
      accountId: author.id,
      text,
      media: [],
      inReplyToId: undefined,
      pollOptions: undefined,
      createdAt,
      extra: {
        kind: 'media',
        mediaType: 'IMAGE',
        productType: 'FEED',
        shortcode,
        permalink: `https://www.instagram.com/p/${shortcode}/`,
      },
    });
    mentions.push(
      context.sim.engagements.put({
        id: context.sim.nextId(),
        kind: 'mention',
        accountId,
        postId: id,
        authorId: author.id,
        authorHandle: author.handle,
        text,
        createdAt,
        hidden: false,
      }),
    );
  }
  return mentions;
}
