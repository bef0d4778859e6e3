import type { MediaKind } from '@smmkit/core';
import { PlatformSimulator, type SimulatedPost } from '@smmkit/testkit';
import {
  AuthorizationCodes,
  type PlatformSimulatorOptions,
  readExtra,
  type UploadSession,
  UploadSessions,
} from '@smmkit/testkit/simulator-kit';
import { MAX_SEARCH_QUERY_LENGTH, type XAccessLevel } from '../settings.js';
import { X_SNOWFLAKE_EPOCH_MS } from '../x-time.js';
import { X_BUDGETS } from './budgets.js';
import { XCredits } from './credits.js';
import { type RateLimitBodyShape, xDialect } from './dialect.js';
import {
  AUTHORIZATION_CODE_TTL_MS,
  DEFAULT_MAX_WEIGHTED_LENGTH,
  DEFAULT_SEARCH_QUERY_MAX_LENGTH,
} from './limits.js';

/**
 * Which field names the simulator answers with. X's wire format and docs.x.com say `tweet`
 * (`edit_history_tweet_ids`, `retweet_count`, `tweet_count`; the X Activity API payloads of 2026
 * still do); the newest OpenAPI spec (v2.167, https://api.x.com/2/openapi.json) says `post`
 * (`edit_history_post_ids`, `repost_count`, `post_count`). Default `tweet`; adapters should accept both.
 */
export type XVocabulary = 'tweet' | 'post';

/** The X fields the simulator keeps in `SimulatedPost.extra`. */
export interface TweetExtra {
  /** The root of the thread (the post's own id for a root). */
  readonly conversationId: string;
  /** The author of the post it replies to. */
  readonly inReplyToUserId: string | undefined;
  /** The post it quotes. */
  readonly quoteTweetId: string | undefined;
  /** `following`, `mentionedUsers`, `subscribers`, `verified`, or `everyone` when not set. */
  readonly replySettings: string;
  /** Poll length in minutes, when it has a poll. */
  readonly pollDurationMinutes: number | undefined;
  /** Users tagged in the media. */
  readonly taggedUserIds: readonly string[];
  /** Users left out of the reply. */
  readonly excludeReplyUserIds: readonly string[];
  /** `made_with_ai` disclosure. */
  readonly madeWithAi: boolean;
  /** `paid_partnership` disclosure. */
  readonly paidPartnership: boolean;
  /** `card_uri`, when given. */
  readonly cardUri: string | undefined;
  /** Hidden by the conversation's owner (PUT /2/tweets/:id/hidden). */
  readonly hidden: boolean;
}

/**
 * A chunked upload between INITIALIZE and FINALIZE
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked): testkit's session (the media
 * id, uploader, `total_bytes`, bytes per `segment_index`) with its `media_type` and what it is in
 * core's vocabulary.
 */
export type XUpload = UploadSession & { readonly mediaType: string; readonly kind: MediaKind };

/** Why processing failed, as X reports it in `processing_info.error`. */
export interface ProcessingError {
  /** X's numeric code. */
  readonly code: number;
  /** X's error name. */
  readonly name: string;
  /** X's message. */
  readonly message: string;
}

/**
 * Settings of {@link createXSimulator}: a simulator's `clock` and `budgets` (merged over
 * {@link X_BUDGETS}), and the API's own.
 */
export interface XSimulatorOptions extends Pick<PlatformSimulatorOptions, 'clock' | 'budgets'> {
  /**
   * The API's base URL (default `https://api.x.com`, the `servers` entry of
   * https://api.x.com/2/openapi.json).
   */
  readonly baseUrl?: string | undefined;
  /** How long videos and GIFs process, simulated ms (default 3 000). */
  readonly mediaProcessingMs?: number | undefined;
  /** `check_after_secs` in processing_info (default 1). */
  readonly checkAfterSecs?: number | undefined;
  /**
   * The weighted-length limit of a post (default 280, https://docs.x.com/fundamentals/counting-characters;
   * longer for Premium).
   */
  readonly maxWeightedLength?: number | undefined;
  /**
   * The longest recent-search query, in characters: by default 512 with self-serve access, 4,096
   * with Enterprise (https://docs.x.com/x-api/posts/search/integrate/build-a-query).
   */
  readonly searchQueryMaxLength?: number | undefined;
  /**
   * The app's X API access: `self-serve` (default, Pay Per Use: no likes or quote posts, replies
   * only where summoned, 1 cashtag a post) or `enterprise`, as the adapter's `access` setting.
   */
  readonly access?: XAccessLevel | undefined;
  /**
   * The 429 body: X's observed problem JSON (default) or the documented legacy `{"errors":[{"code":88,…}]}`
   * (https://docs.x.com/x-api/fundamentals/rate-limits).
   */
  readonly rateLimitBody?: RateLimitBodyShape | undefined;
  /**
   * Field names: `tweet` (default, the wire and docs) or `post` (the OpenAPI spec v2.167,
   * https://api.x.com/2/openapi.json). See {@link XVocabulary}.
   */
  readonly vocabulary?: XVocabulary | undefined;
  /** Confidential OAuth clients: client id → secret (they must use HTTP Basic). Other client ids are public clients. */
  readonly clientSecrets?: Readonly<Record<string, string>> | undefined;
}

/**
 * Everything the X routes share: the generic simulator with X's dialect, budgets and per-token
 * windows, the settings of {@link XSimulatorOptions}, and the state of X's own endpoints.
 */
export function createXContext(options: XSimulatorOptions) {
  const sim = new PlatformSimulator({
    platform: 'x',
    baseUrl: options.baseUrl ?? 'https://api.x.com',
    dialect: xDialect({ rateLimitBody: options.rateLimitBody }),
    budgets: { ...X_BUDGETS, ...options.budgets },
    clock: options.clock,
    // X counts every window per user access token ("Per User" limits:
    // https://docs.x.com/x-api/fundamentals/rate-limits).
    rateLimitKey: 'token',
  });
  return {
    /** The generic simulator. */
    sim,
    /** Video/GIF processing time, simulated ms. */
    mediaProcessingMs: options.mediaProcessingMs ?? 3_000,
    /** `check_after_secs` in processing_info. */
    checkAfterSecs: options.checkAfterSecs ?? 1,
    /**
     * The weighted-length limit (280, https://docs.x.com/fundamentals/counting-characters; Premium accounts
     * get more).
     */
    maxWeightedLength: options.maxWeightedLength ?? DEFAULT_MAX_WEIGHTED_LENGTH,
    /** The longest recent-search query, in characters (512 self-serve, 4,096 Enterprise). */
    searchQueryMaxLength:
      options.searchQueryMaxLength ??
      (options.access === 'enterprise' ? MAX_SEARCH_QUERY_LENGTH : DEFAULT_SEARCH_QUERY_MAX_LENGTH),
    /** Field names to answer with. */
    vocabulary: options.vocabulary ?? 'tweet',
    /** The app's access: self-serve restrictions apply unless `enterprise`. */
    access: options.access ?? 'self-serve',
    /** Upload sessions by media id. */
    uploads: sim.resettable(new UploadSessions<XUpload>()),
    /**
     * The `media_category` of every upload by media id, kept after its session ends: the media key
     * (`13_` for `amplify_video`) and preview of a posted video depend on it.
     */
    mediaCategories: sim.resettable(new Map<string, string>()),
    /** Errors the next finalized videos/GIFs will fail with, first in first out. */
    processingFailures: sim.resettable<ProcessingError[]>([]),
    /** The processing error of each failed (or failing) media id. */
    processingErrors: sim.resettable(new Map<string, ProcessingError>()),
    /** Authorization codes the consent screen handed out (30 s, PKCE required). */
    codes: sim.resettable(
      new AuthorizationCodes({
        clock: sim.clock,
        ttlMs: AUTHORIZATION_CODE_TTL_MS,
        newCode: () => `sim_x_code_${sim.nextId()}`,
      }),
    ),
    /**
     * The app's pay-per-use billing: while the credits are used up every X API route answers 402,
     * while the spending limit is reached 403 (see `xRoute`).
     */
    credits: sim.resettable(new XCredits()),
    /** Client secrets of confidential clients, by client id (others are public clients). */
    clientSecrets: new Map(Object.entries(options.clientSecrets ?? {})) as ReadonlyMap<string, string>,
  };
}

/** Everything the X routes share (see {@link createXContext}). */
export type XContext = ReturnType<typeof createXContext>;

/** A plain post's X fields, for posts other tools stored (a root: its own conversation). */
const PLAIN_TWEET: Omit<TweetExtra, 'conversationId'> & { readonly conversationId: string | undefined } = {
  conversationId: undefined,
  inReplyToUserId: undefined,
  quoteTweetId: undefined,
  replySettings: 'everyone',
  pollDurationMinutes: undefined,
  taggedUserIds: [],
  excludeReplyUserIds: [],
  madeWithAi: false,
  paidPartnership: false,
  cardUri: undefined,
  hidden: false,
};

/** The X fields of a post, with a plain post's values where it has none. */
export function tweetExtra(post: SimulatedPost): TweetExtra {
  const extra = readExtra(post.extra, PLAIN_TWEET);
  return { ...extra, conversationId: extra.conversationId ?? post.inReplyToId ?? post.id };
}

/** The field name of the edit history, per vocabulary. */
export function editHistoryField(context: XContext): 'edit_history_tweet_ids' | 'edit_history_post_ids' {
  return context.vocabulary === 'post' ? 'edit_history_post_ids' : 'edit_history_tweet_ids';
}

/**
 * A post to store, already validated: the author, text, creation instant and (default none) media and
 * poll options, as testkit stores them; the post it replies to; and the other X fields (quote, reply
 * settings, disclosures, tags, poll length).
 */
export type NewTweet = Pick<SimulatedPost, 'accountId' | 'text' | 'createdAt'> &
  Partial<Pick<SimulatedPost, 'media' | 'pollOptions'>> & {
    readonly inReplyTo?: SimulatedPost | undefined;
    readonly extra?: Partial<TweetExtra> | undefined;
  };

/**
 * Stores a post in `sim.posts` with its X fields in `extra` (see {@link TweetExtra}): a reply
 * joins its parent's conversation and records the parent's author, as X's `conversation_id` and
 * `in_reply_to_user_id` do.
 */
export function storeTweet(
  context: XContext,
  { inReplyTo: parent, extra, ...post }: NewTweet,
): SimulatedPost {
  const id = tweetId(context, post.createdAt);
  const conversationId = parent === undefined ? id : tweetExtra(parent).conversationId;
  return context.sim.addPost({
    ...post,
    id,
    inReplyToId: parent?.id,
    extra: { ...extra, conversationId, inReplyToUserId: parent?.accountId },
  });
}

/** The bits of a Snowflake below its time (https://docs.x.com/fundamentals/x-ids). */
const SEQUENCE_BITS = 22n;
const SEQUENCE_MASK = (1n << SEQUENCE_BITS) - 1n;

/**
 * A post id as X makes them, a Snowflake: the milliseconds of `createdAt` since X's epoch above the
 * lowest 22 bits, which here hold the simulator's next id (https://docs.x.com/fundamentals/x-ids), so
 * ids are unique, grow with creation time, and tell a reader how old the post is. An instant before
 * X's epoch gets the simulator's plain next id.
 */
function tweetId(context: XContext, createdAt: number): string {
  const next = context.sim.nextId();
  if (createdAt < X_SNOWFLAKE_EPOCH_MS) return next;
  const sequence = BigInt(next) & SEQUENCE_MASK;
  return ((BigInt(Math.floor(createdAt - X_SNOWFLAKE_EPOCH_MS)) << SEQUENCE_BITS) | sequence).toString();
}
