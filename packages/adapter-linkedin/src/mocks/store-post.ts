import type { SimulatedAccount, SimulatedMedia, SimulatedPost } from '@smmkit/testkit';
import { type LinkedInPostExtra, type LinkedInSimContext, PLAIN_POST, postExtra } from './context.js';
import { type LittleMention, littleTextOf, parseLittleText } from './little-text.js';

/** A post to store, already checked: author, commentary as sent, and what it carries. */
export interface NewLinkedInPost
  extends Partial<
    Pick<
      LinkedInPostExtra,
      | 'visibility'
      | 'content'
      | 'pollQuestion'
      | 'pollDuration'
      | 'articleSource'
      | 'title'
      | 'reshareDisabled'
      | 'reshare'
    >
  > {
  /** The member or organization URN. */
  readonly author: string;
  /** The commentary in the little format. */
  readonly commentary: string;
  /** Attached media, in order. */
  readonly media?: readonly SimulatedMedia[] | undefined;
  /** Poll options. */
  readonly pollOptions?: readonly string[] | undefined;
  /** Creation instant, simulated time (default now). */
  readonly createdAt?: number | undefined;
}

/**
 * Stores a post in `sim.posts` under a new `urn:li:share:…`, its text as LinkedIn shows it
 * (parsed from the little format, cut where LinkedIn would cut it) and the LinkedIn fields in
 * `extra` (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
export function storePost(context: LinkedInSimContext, post: NewLinkedInPost): SimulatedPost {
  const { sim } = context;
  const parsed = parseLittleText(post.commentary);
  const extra: LinkedInPostExtra = {
    ...PLAIN_POST,
    author: post.author,
    visibility: post.visibility ?? 'PUBLIC',
    commentary: post.commentary,
    content: post.content ?? 'none',
    pollQuestion: post.pollQuestion,
    pollDuration: post.pollDuration,
    articleSource: post.articleSource,
    title: post.title,
    mentions: parsed.mentions,
    hashtags: parsed.hashtags,
    truncated: parsed.truncated,
    reshareDisabled: post.reshareDisabled ?? false,
    reshare: post.reshare,
  };
  return sim.addPost({
    id: `urn:li:share:${sim.nextId()}`,
    accountId: post.author,
    text: parsed.text,
    media: post.media ?? [],
    pollOptions: post.pollOptions,
    createdAt: post.createdAt ?? sim.clock.now(),
    extra: { ...extra },
  });
}

/** A comment to store: who, on which post, replying to which comment, and the text. */
export interface NewLinkedInComment {
  /** The member or organization commenting. */
  readonly actor: string;
  /** The post the comment is on. */
  readonly object: string;
  /** The comment it replies to, for a nested reply. */
  readonly parentComment?: string | undefined;
  /** The text as sent. */
  readonly text: string;
  /** Creation instant, simulated time (default now). */
  readonly createdAt?: number | undefined;
}

/**
 * Stores a comment in `sim.posts` under `urn:li:comment:({post},{id})`, replying to its parent
 * comment or to the post (`inReplyToId`), as the conformance suite and the inbox read it
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 */
export function storeComment(context: LinkedInSimContext, comment: NewLinkedInComment): SimulatedPost {
  const { sim } = context;
  const extra: LinkedInPostExtra = {
    ...PLAIN_POST,
    kind: 'comment',
    author: comment.actor,
    commentary: comment.text,
    object: comment.object,
    parentComment: comment.parentComment,
  };
  return sim.addPost({
    id: `urn:li:comment:(${comment.object},${sim.nextId()})`,
    accountId: comment.actor,
    text: comment.text,
    inReplyToId: comment.parentComment ?? comment.object,
    createdAt: comment.createdAt ?? sim.clock.now(),
    extra: { ...extra },
  });
}

/**
 * The URN LinkedIn names an account by: its id when it is one (members added with `addMember`),
 * else `urn:li:person:{id}` (the fans and public accounts testkit's seeds add, whose ids are plain
 * numbers) (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/urns).
 */
export function memberUrnOf(account: SimulatedAccount): string {
  return account.id.startsWith('urn:li:') ? account.id : `urn:li:person:${account.id}`;
}

/**
 * Whom `@name` names in a seeded text: the member whose handle it is, else the organization of
 * that name (compared case-insensitively), shown by its name.
 */
function mentionable(context: LinkedInSimContext, name: string): LittleMention | undefined {
  const member = context.sim.accountByHandle(name);
  if (member !== undefined) return { name: member.displayName, urn: memberUrnOf(member) };
  const wanted = name.toLowerCase();
  const organization = [...context.organizations.values()].find((org) => org.name.toLowerCase() === wanted);
  return organization === undefined ? undefined : { name: organization.name, urn: organization.urn };
}

/**
 * Stores what testkit's seeds (`seedMentions`, `seedReplies`, `seedPublicAccount`,
 * `seedFanPosts`) have another account write, as LinkedIn holds it (the simulator's
 * `sim.storePostsWith`):
 *
 * - on its own, a post by `urn:li:person:…` under a new `urn:li:share:…`, as `POST /rest/posts`
 *   stores one, its text written in the little format (`@handle` of a member or organization a
 *   mention, `#tag` a hashtag, reserved characters escaped, so nothing is cut)
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api);
 * - in reply to a post, a comment on it, `urn:li:comment:({post},{id})`; in reply to a comment, a
 *   reply under that comment on the same post (`parentComment`), as the Comments API stores them
 *   (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/comments-api).
 *
 * @returns the stored post or comment
 */
export function storeSeededPost(
  context: LinkedInSimContext,
  author: SimulatedAccount,
  post: { readonly text: string; readonly inReplyTo?: SimulatedPost | undefined },
  createdAt: number,
): SimulatedPost {
  const actor = memberUrnOf(author);
  const { inReplyTo } = post;
  if (inReplyTo === undefined) {
    const commentary = littleTextOf(post.text, (name) => mentionable(context, name));
    return storePost(context, { author: actor, commentary, createdAt });
  }
  const replied = postExtra(inReplyTo);
  // A comment's reply goes on the comment's post, under the comment.
  const commentedPost = replied.kind === 'comment' ? replied.object : undefined;
  return storeComment(context, {
    actor,
    object: commentedPost ?? inReplyTo.id,
    parentComment: commentedPost === undefined ? undefined : inReplyTo.id,
    text: post.text,
    createdAt,
  });
}
