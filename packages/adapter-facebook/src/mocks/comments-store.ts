import { GraphComments, graphTime } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator, SimulatedEngagement, SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';

/**
 * Whether `post` is a post of a feed (the Page's own, or a fan's that tags it), not a comment
 * the Page wrote (those are stored as posts with `inReplyToId`, see {@link CommentStore.write}).
 */
export function isPagePost(post: SimulatedPost | undefined): post is SimulatedPost {
  return post !== undefined && post.inReplyToId === undefined;
}

/** Comment fields Graph answers without `fields` (https://developers.facebook.com/docs/graph-api/reference/comment/). */
export const COMMENT_DEFAULT_FIELDS = ['created_time', 'from', 'message', 'id'] as const;

/** What a new comment is on and who writes it. */
export interface NewComment {
  /** The Page post it is under. */
  readonly post: SimulatedPost;
  /** The comment it answers, for a reply. */
  readonly parentId?: string | undefined;
  /** The author: a fan or the Page itself. */
  readonly authorId: string;
  /** Its text. */
  readonly text: string;
  /** When it is written, simulated ms. */
  readonly createdAt: number;
}

/**
 * The comments of the simulated Pages: graph-api's {@link GraphComments} (`sim.engagements` of
 * kind `comment` or `reply`, each with the Page post it is under and the Page whose inbox it is
 * in, and which comment each reply answers) with Facebook's dialect: comment ids are
 * `{post-object-id}_{comment-id}` as Graph writes them, and comments the Page writes are also
 * stored as posts (`inReplyToId` = the post or the parent comment), as the conformance suite looks
 * for replies and first comments among `sim.posts`.
 */
export class CommentStore extends GraphComments {
  constructor(private readonly sim: PlatformSimulator) {
    super(sim);
  }

  /** The id a new comment under `post` gets: `{post-object-id}_{n}`. */
  nextId(post: SimulatedPost): string {
    return `${post.id.split('_').at(-1) ?? post.id}_${this.sim.nextId()}`;
  }

  /**
   * Comments under a post, oldest first: its top-level comments (`toplevel`) or all of them,
   * replies included (`stream`); under a comment, its replies.
   */
  under(objectId: string, filter: 'toplevel' | 'stream'): SimulatedEngagement[] {
    if (this.get(objectId) !== undefined) return this.repliesTo(objectId);
    return filter === 'stream' ? this.on(objectId) : this.topLevel(objectId);
  }

  /** Stores a comment (or a reply, with `parentId`), and the Page's own as a post too; returns it. */
  write(comment: NewComment): SimulatedEngagement {
    const { post, parentId, authorId, text, createdAt } = comment;
    const id = this.nextId(post);
    const authorHandle = this.sim.accounts.get(authorId)?.handle ?? authorId;
    const stored = this.add(
      { id, accountId: post.accountId, postId: post.id, authorId, authorHandle, text, createdAt },
      parentId,
    );
    if (authorId === post.accountId)
      this.sim.addPost({
        id,
        accountId: post.accountId,
        text,
        inReplyToId: parentId ?? post.id,
        createdAt,
        extra: { kind: 'comment', postId: post.id },
      });
    return stored;
  }

  /** Every field the simulator knows of a comment (https://developers.facebook.com/docs/graph-api/reference/comment/). */
  json(comment: SimulatedEngagement, now: number): Record<string, unknown> {
    const author = this.sim.accounts.get(comment.authorId);
    const parent = this.parentOf(comment.id);
    return {
      id: comment.id,
      message: comment.text,
      created_time: graphTime(comment.createdAt),
      from: { name: author?.displayName ?? comment.authorHandle, id: comment.authorId },
      ...(parent === undefined ? {} : { parent: { id: parent } }),
      is_hidden: comment.hidden,
      can_hide: comment.authorId !== comment.accountId,
      can_like: true,
      can_remove: true,
      // Fans' likes grow with time; the Page's own like (POST /{comment-id}/likes) adds one.
      like_count:
        growingCount(comment.id, 'likes', now - comment.createdAt, 2) + (comment.liked === true ? 1 : 0),
      // "Whether the viewer has liked this comment": the viewer is the Page of the token.
      user_likes: comment.liked === true,
      comment_count: this.repliesTo(comment.id).length,
      permalink_url: `https://www.facebook.com/${comment.postId}?comment_id=${comment.id}`,
    };
  }
}
