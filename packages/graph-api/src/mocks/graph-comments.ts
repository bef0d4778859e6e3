import type { PlatformSimulator, SimulatedEngagement } from '@smmkit/testkit';

/** What {@link GraphComments.add} stores: an engagement without its kind, which the thread decides. */
export type NewGraphComment = Omit<SimulatedEngagement, 'kind' | 'hidden' | 'liked'>;

/**
 * The comments of a Graph simulator, threaded as Graph threads them: a post's top-level comments
 * and, under each, its replies, one level deep
 * (https://developers.facebook.com/docs/graph-api/reference/object/comments/,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies).
 * They are `sim.engagements` of kind `comment` or `reply`, `postId` the post they are under
 * (comments fans write through testkit's `seedReplies` count too); the thread keeps which
 * comment each reply answers, and forgets it on a reset. A platform keeps its dialect: ids,
 * fields, who may write, hide and delete. Comments an account writes may also be stored as posts
 * with the comment's id (the conformance suite looks for them there); {@link GraphComments.remove}
 * deletes those copies too.
 *
 * @example
 * ```ts
 * const comments = new GraphComments(sim);
 * const reply = comments.add({ id: sim.nextId(), accountId: owner, postId: media.id, authorId, authorHandle, text: 'Thanks!', createdAt: now }, parent.id);
 * comments.repliesTo(parent.id); // [reply]
 * ```
 */
export class GraphComments {
  readonly #sim: PlatformSimulator;
  readonly #parents: Map<string, string>;

  /** The comments of `sim`'s posts; the replies' threads are emptied by `sim`'s reset. */
  constructor(sim: PlatformSimulator) {
    this.#sim = sim;
    this.#parents = sim.resettable(new Map<string, string>());
  }

  /** The comment or reply with `id`; `undefined` for another engagement or none. */
  get(id: string): SimulatedEngagement | undefined {
    const item = this.#sim.engagements.get(id);
    return item?.kind === 'comment' || item?.kind === 'reply' ? item : undefined;
  }

  /** The comment a reply answers; `undefined` for a top-level comment. */
  parentOf(id: string): string | undefined {
    return this.#parents.get(id);
  }

  /** Every comment and reply under a post, oldest first. */
  on(postId: string): SimulatedEngagement[] {
    return this.#sim.engagements.filter((item) => item.postId === postId && this.get(item.id) !== undefined);
  }

  /** The top-level comments under a post, oldest first. */
  topLevel(postId: string): SimulatedEngagement[] {
    return this.on(postId).filter((item) => !this.#parents.has(item.id));
  }

  /** The replies to a comment, oldest first. */
  repliesTo(commentId: string): SimulatedEngagement[] {
    return this.#sim.engagements.filter((item) => this.#parents.get(item.id) === commentId);
  }

  /** Stores a comment, or with `parentId` a reply to that comment, not hidden, and returns it. */
  add(comment: NewGraphComment, parentId?: string): SimulatedEngagement {
    if (parentId !== undefined) this.#parents.set(comment.id, parentId);
    const kind = parentId === undefined ? 'comment' : 'reply';
    return this.#sim.engagements.put({ ...comment, kind, hidden: false });
  }

  /** Removes a comment (or any engagement), its replies, and their copies among the posts. */
  remove(id: string): void {
    for (const reply of this.repliesTo(id)) this.remove(reply.id);
    this.#sim.engagements.delete(id);
    this.#sim.posts.delete(id);
    this.#parents.delete(id);
  }
}
