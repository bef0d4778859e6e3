import type { SimulatedAccount, SimulatedPost } from '@smmkit/testkit';
import type { PostStore } from '@smmkit/testkit/simulator-kit';
import type { TikTokSimContext } from './context.js';
import type { TikTokPostExtra } from './publications.js';
import { publicPostId } from './routes/video-init.js';

/**
 * Stores a post a seed writes (`seedPublicAccount`, `seedFanPosts`, … through
 * `sim.storePostsWith`) as TikTok holds a video its creator posted in the TikTok app rather than
 * through this app's Content Posting API: a 19-digit public id, public from `createdAt` on (it was
 * processed and moderated then), no publish id. So the Display API lists it as it lists every one of
 * "the given user's public TikTok video posts", newest first by `create_time`
 * (https://developers.tiktok.com/doc/tiktok-api-v2-video-list), whoever posted it: decoys the
 * conformance suite seeds on the account are seen by `findRecentPosts`.
 *
 * Its privacy level is the widest the creator offers: `PUBLIC_TO_EVERYONE` on a public account,
 * `FOLLOWER_OF_CREATOR` on a private one, whose options do not include everyone
 * (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info); an author
 * who is no creator of the simulator (a fan) is public. A reply is a comment on TikTok, never a
 * video: it is kept as a plain post, which the Display API does not list (ASSUMED: TikTok's
 * video list documents videos only, and comments are no video posts).
 *
 * @param context - the simulator's shared state
 * @returns the store to hand to `sim.storePostsWith`
 */
export function seededVideoStore(context: TikTokSimContext): PostStore {
  return (author, post, createdAt) =>
    post.inReplyTo === undefined
      ? storeSeededVideo(context, author, post.text, createdAt)
      : context.sim.addPost({
          accountId: author.id,
          text: post.text,
          inReplyToId: post.inReplyTo.id,
          createdAt,
        });
}

/** A video `author` posted in the TikTok app at `createdAt`, saying `text`. */
function storeSeededVideo(
  context: TikTokSimContext,
  author: SimulatedAccount,
  text: string,
  createdAt: number,
): SimulatedPost {
  const { sim } = context;
  const privateAccount = context.creators.get(author.id)?.privateAccount ?? false;
  const extra: TikTokPostExtra = {
    publishId: undefined,
    title: '',
    privacyLevel: privateAccount ? 'FOLLOWER_OF_CREATOR' : 'PUBLIC_TO_EVERYONE',
    kind: 'video',
    publicAt: createdAt,
  };
  // ASSUMED size: TikTok's video object gives none, and nothing the simulator answers reads it.
  const media = [sim.addMedia({ accountId: author.id, kind: 'video', mimeType: 'video/mp4', sizeBytes: 0 })];
  return sim.addPost({
    id: publicPostId(sim.nextId()),
    accountId: author.id,
    text,
    media,
    createdAt,
    extra: { ...extra },
  });
}
