import type { ValidationProblem } from '../errors/validation-error.js';
import type { AudienceBreakdown } from '../models/audience-breakdown.js';
import type { Engagement, EngagementKind } from '../models/engagement.js';
import type { MetricSample } from '../models/metric-sample.js';
import type { Post } from '../models/post.js';
import type { PostRef } from '../models/post-ref.js';
import type { PublicAccount } from '../models/public-account.js';
import type { PublishResult } from '../models/publish-result.js';
import type { Capabilities } from './capabilities.js';
import type { PublishContext, RequestContext } from './context.js';
import type { WebhookHandler } from './webhooks.js';

/** Which engagement to list. */
export interface EngagementQuery {
  /** Kinds to return (default: every kind the adapter reads). */
  readonly kinds?: readonly EngagementKind[] | undefined;
  /** Only engagement on this post (comments and replies); all of the account's otherwise. */
  readonly post?: PostRef | undefined;
  /** Only engagement created at or after this instant. */
  readonly since?: Date | undefined;
  /** Resume after a page: the `cursor` of the last page you handled. */
  readonly cursor?: string | undefined;
  /** Items per page the adapter asks the platform for (the platform may return fewer). */
  readonly pageSize?: number | undefined;
}

/**
 * Which public posts to find with {@link AdapterOperations.searchMentions}: posts by anyone that
 * mention the brand, whether or not they tag the account.
 *
 * @example
 * ```ts
 * const query: MentionSearchQuery = { terms: ['acme', '"acme coffee"', '#acmecoffee'] };
 * ```
 */
export interface MentionSearchQuery {
  /**
   * Words, quoted phrases and `#hashtags`; a post matching any of them is found. An adapter whose
   * `capabilities.engagement.search` is `hashtags` searches the hashtag terms only and refuses a
   * query without one.
   */
  readonly terms: readonly string[];
  /** Only posts created at or after this instant (the platform may search a shorter window). */
  readonly since?: Date | undefined;
  /** Resume after a page: the `cursor` of the last page you handled. */
  readonly cursor?: string | undefined;
  /** Items per page the adapter asks the platform for (the platform may return fewer). */
  readonly pageSize?: number | undefined;
}

/**
 * Which account {@link AdapterOperations.lookupPublicAccount} looks up, and how many of its
 * recent posts to read.
 *
 * @example
 * ```ts
 * const query: PublicAccountQuery = { handle: 'rivalcoffee', since: new Date('2026-05-01'), limit: 50 };
 * ```
 */
export interface PublicAccountQuery {
  /** The account's handle, with or without `@`. */
  readonly handle: string;
  /** Only posts published at or after this instant (default: the adapter's recent window). */
  readonly since?: Date | undefined;
  /** The most posts to read (default: the adapter's; the platform may allow fewer). */
  readonly limit?: number | undefined;
}

/** One page of engagement. */
export interface EngagementPage {
  /** The engagements in this page. */
  readonly items: readonly Engagement[];
  /**
   * Pass as `EngagementQuery.cursor` to resume after this page. Absent when the adapter knows this
   * is the last page; some platforms only tell by answering the next request with nothing.
   */
  readonly cursor?: string | undefined;
}

/** Which recent posts to look for when reconciling an ambiguous create. */
export interface RecentPostsQuery {
  /** Posts created at or after this instant (a little before the ambiguous attempt). */
  readonly since: Date;
  /**
   * Only posts with this text: the text that was being published, compared the way the platform
   * stores it (links it rewrites, entities it escapes). `''` asks for the posts the platform shows
   * without text (a media post, allowing for a media link the platform adds to its text), and
   * `undefined` for every post.
   */
  readonly text?: string | undefined;
  /** The most posts to return. */
  readonly limit?: number | undefined;
  /**
   * The post being looked for, when the caller knows it (the publisher always passes it): an
   * adapter may use more than its text to tell it apart, such as where the platform lists that
   * kind of post (Instagram lists stories apart from other media).
   */
  readonly post?: Post | undefined;
}

/** A post found on the account by {@link Adapter.findRecentPosts}. */
export interface RecentPost {
  /** Where it is. */
  readonly ref: PostRef;
  /** Its text as the platform stores it. */
  readonly text?: string | undefined;
  /** When it was created. */
  readonly createdAt: Date;
}

/**
 * A post an adapter's `check` accepted, with its platform options parsed (`post.options[platform]`
 * through the adapter's options schema, defaults applied). Hand it to the same adapter's
 * `publish`, which trusts it instead of checking again; don't change the post in between.
 *
 * @typeParam O - the adapter's parsed post options
 */
export interface CheckedPost<O = unknown> {
  /** The platform it was checked for. */
  readonly platform: string;
  /** The post, as checked. */
  readonly post: Post;
  /** The post's options for this platform, parsed. */
  readonly options: O;
}

/** What {@link Adapter.check} found: the checked post, or every problem. */
export type PostCheck =
  | {
      /** The post can be published here. */
      readonly ok: true;
      /** Pass it to `publish`. */
      readonly checked: CheckedPost;
    }
  | {
      /** The post cannot be published here. */
      readonly ok: false;
      /** Every problem found, at once. */
      readonly problems: readonly ValidationProblem[];
    };

/** What to reply to: an engagement (comment, mention, message) or a post. */
export type ReplyTarget = Engagement | PostRef;

/**
 * Whether a {@link ReplyTarget} is an engagement rather than a post: only engagements have a
 * `kind` and an `author`. Adapters use it in `reply` to choose between answering an
 * engagement and commenting on a post.
 *
 * @param target - what to reply to
 * @returns true for an engagement, false for a `PostRef`
 *
 * @example
 * ```ts
 * const inReplyToId = isEngagementTarget(to) ? to.id : to.platformPostId;
 * ```
 */
export function isEngagementTarget(target: ReplyTarget): target is Engagement {
  return 'kind' in target && 'author' in target;
}

/**
 * A platform adapter: the one place that knows a platform's API. The publisher, scheduler,
 * analytics and inbox talk to platforms only through this contract.
 *
 * Build it with `defineAdapter` (`@smmkit/core/adapter-kit`), which checks that the optional
 * methods present are exactly those {@link Capabilities} declares, and makes `validate`, `check`
 * and `publish` share one check of the post.
 *
 * @example
 * ```ts
 * const problems = adapter.validate(post);
 * if (problems.length === 0) {
 *   const result = await adapter.publish(post, { account, tokens });
 *   console.log(result.url);
 * }
 * ```
 */
export interface Adapter extends AdapterOperations {
  /** Platform id (`x`, `linkedin`, `instagram`, `facebook`, `tiktok`, or a third party's). */
  readonly platform: string;
  /** What the adapter can do and the rules it enforces. */
  readonly capabilities: Capabilities;

  /** Every problem that stops `post` from being published here, with no I/O. Empty when valid. */
  validate(post: Post): readonly ValidationProblem[];
  /**
   * Checks `post` once, with no I/O: every problem, or the post with its platform options parsed,
   * ready for {@link Adapter.publish}, which then does not check it again. The publisher checks
   * each target this way.
   */
  check(post: Post): PostCheck;
  /**
   * Publishes a post with the whole platform flow (media upload and processing, containers,
   * threads, first comment). A plain `Post` is checked first and refused with a
   * `ValidationError` before any request; a {@link CheckedPost} from this adapter's `check` is
   * not checked again. Never repeats a create: a lost response fails with an
   * `AmbiguousOutcomeError`.
   */
  publish(post: Post | CheckedPost, context: PublishContext): Promise<PublishResult>;
}

/**
 * The optional operations of an {@link Adapter}: each is present exactly when its capability is
 * declared, so test it before calling: `if (adapter.delete) await adapter.delete(ref, ctx);`.
 */
export interface AdapterOperations {
  /** Deletes a published post. Declared by `capabilities.delete`. */
  delete?(ref: PostRef, context: RequestContext): Promise<void>;
  /** Metrics of published posts, batched as the platform allows. Declared by `capabilities.metrics.post`. */
  getPostMetrics?(refs: readonly PostRef[], context: RequestContext): Promise<readonly MetricSample[]>;
  /** Metrics of the context's account. Declared by `capabilities.metrics.account`. */
  getAccountMetrics?(context: RequestContext): Promise<readonly MetricSample[]>;
  /** Pages of comments, replies, mentions and messages, to the end. Declared by `capabilities.engagement.read`. */
  listEngagements?(query: EngagementQuery, context: RequestContext): AsyncIterable<EngagementPage>;
  /** Replies to an engagement or a post; returns the reply. Declared by `capabilities.engagement.reply`. */
  reply?(to: ReplyTarget, text: string, context: RequestContext): Promise<Engagement>;
  /** Hides (or shows again) a reply or comment. Declared by `capabilities.engagement.hide`. */
  hide?(engagement: Engagement, hidden: boolean, context: RequestContext): Promise<void>;
  /** Deletes a comment or reply. Declared by `capabilities.engagement.delete`. */
  deleteEngagement?(engagement: Engagement, context: RequestContext): Promise<void>;
  /** Likes (or unlikes) a comment, reply or mention as the account. Declared by `capabilities.engagement.like`. */
  like?(engagement: Engagement, liked: boolean, context: RequestContext): Promise<void>;
  /**
   * Pages of public posts that mention the brand, newest first, as `mention` engagements of the
   * context's account. Declared by `capabilities.engagement.search`.
   */
  searchMentions?(query: MentionSearchQuery, context: RequestContext): AsyncIterable<EngagementPage>;
  /**
   * Another account's public figures and recent posts' public metrics, by handle (competitors,
   * influencers). Declared by `capabilities.research.publicAccounts`.
   */
  lookupPublicAccount?(query: PublicAccountQuery, context: RequestContext): Promise<PublicAccount>;
  /** The account's followers split by the breakdowns the platform reports. Declared by `capabilities.research.audience`. */
  getAudience?(context: RequestContext): Promise<readonly AudienceBreakdown[]>;
  /** The account's recent posts, for reconciling an ambiguous create. Declared by `capabilities.reconciliation.findRecentPosts`. */
  findRecentPosts?(query: RecentPostsQuery, context: RequestContext): Promise<readonly RecentPost[]>;
  /** Webhook verification and parsing. Declared by `capabilities.webhooks`. */
  readonly webhooks?: WebhookHandler;
}
