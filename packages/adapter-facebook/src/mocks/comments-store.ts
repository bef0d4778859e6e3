import { graphTime } from '@smmkit/graph-api/mocks';
import {
  growingCount,
  type PlatformSimulator,
  type SimulatedEngagement,
  type SimulatedPost,
} from '@smmkit/testkit';

/**
 * Whether `post` is a post of a feed (the Page's own, or a fan's that tags it), not a comment
 * the Page wrote (those are stored as posts with `inReplyToId`, see {@link CommentStore.add}).
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
 * The comments of the simulated Pages: `sim.engagements` of kind `comment` (top-level) or `reply`
 * (under a comment), each with the Page post it is under (`postId`) and the Page whose inbox it
 * is in (`accountId`). Comment ids are `{post-object-id}_{comment-id}` as Graph writes them.
 * Comments the Page writes are also stored as posts (`inReplyToId` = the post or the parent
 * comment), as the conformance suite looks for replies and first comments among `sim.posts`.
 */
export class CommentStore {
  /** The parent comment of each reply. */
  readonly #parents: Map<string, string>;

  constructor(private readonly sim: PlatformSimulator) {
    this.#parents = sim.resettable(new Map<string, string>());
  }

  /** The comment or reply with `id`. */
  get(id: string): SimulatedEngagement | undefined {
    const item = this.sim.engagements.get(id);
    return item?.kind === 'comment' || item?.kind === 'reply' ? item : undefined;
  }

  /** The comment a reply answers. */
  parentOf(id: string): string | undefined {
    return this.#parents.get(id);
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
    const comment = this.get(objectId);
    if (comment !== undefined)
      return this.sim.engagements.filter((item) => this.#parents.get(item.id) === comment.id);
    return this.sim.engagements.filter(
      (item) =>
        item.postId === objectId &&
        (item.kind === 'comment' || item.kind === 'reply') &&
        (filter === 'stream' || !this.#parents.has(item.id)),
    );
  }

  /** Stores a comment (or a reply, with `parentId`) and returns it. */
  add(comment: NewComment, id = this.nextId(comment.post)): SimulatedEngagement {
    const { sim } = this;
    const { post, parentId } = comment;
    const author = sim.accounts.get(comment.authorId);
    const stored = sim.engagements.put({
      id,
      kind: parentId === undefined ? 'comment' : 'reply',
      accountId: post.accountId,
      postId: post.id,
      authorId: comment.authorId,
      authorHandle: author?.handle ?? comment.authorId,
      text: comment.text,
      createdAt: comment.createdAt,
      hidden: false,
    });
    if (parentId !== undefined) this.#parents.set(id, parentId);
    if (comment.authorId === post.accountId)
      sim.addPost({
        id,
        accountId: post.accountId,
        text: comment.text,
        inReplyToId: parentId ?? post.id,
        createdAt: comment.createdAt,
        extra: { kind: 'comment', postId: post.id },
      });
    return stored;
  }

  /** Records that `id`, already in `sim.engagements`, answers `parentId`. */
  linkReply(id: string, parentId: string): void {
    this.#parents.set(id, parentId);
  }

  /** Removes a comment, its replies, and their copies among the posts. */
  remove(id: string): void {
    for (const reply of this.under(id, 'toplevel')) this.remove(reply.id);
    this.sim.engagements.delete(id);
    this.sim.posts.delete(id);
    this.#parents.delete(id);
  }

  /** Every field the simulator knows of a comment (https://developers.facebook.com/docs/graph-api/reference/comment/). */
  json(comment: SimulatedEngagement, now: number): Record<string, unknown> {
    const author = this.sim.accounts.get(comment.authorId);
    const parent = this.#parents.get(comment.id);
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
      comment_count: this.under(comment.id, 'toplevel').length,
      permalink_url: `https://www.facebook.com/${comment.postId}?comment_id=${comment.id}`,
    };
  }
}
