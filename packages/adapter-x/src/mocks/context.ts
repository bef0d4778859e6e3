import type { MediaKind } from '@smmkit/core';
import {
  type AuthorizationCodes,
  type PlatformSimulator,
  readExtra,
  type SimulatedPost,
  type UploadSession,
  type UploadSessions,
} from '@smmkit/testkit';
import type { RateLimitBodyShape } from './dialect.js';

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

/** Everything the X routes share. */
export interface XContext {
  /** The generic simulator. */
  readonly sim: PlatformSimulator;
  /** Base URL without a trailing slash. */
  readonly baseUrl: string;
  /** Video/GIF processing time, simulated ms. */
  readonly mediaProcessingMs: number;
  /** `check_after_secs` in processing_info. */
  readonly checkAfterSecs: number;
  /**
   * The weighted-length limit (280, https://docs.x.com/fundamentals/counting-characters; Premium accounts get
   * more).
   */
  readonly maxWeightedLength: number;
  /** The longest recent-search query, in characters (512 self-serve, 4,096 Enterprise). */
  readonly searchQueryMaxLength: number;
  /** Field names to answer with. */
  readonly vocabulary: XVocabulary;
  /** 429 body shape (also used for the daily caps). */
  readonly rateLimitBody: RateLimitBodyShape;
  /** Upload sessions by media id. */
  readonly uploads: UploadSessions<XUpload>;
  /** Errors the next finalized videos/GIFs will fail with, first in first out. */
  readonly processingFailures: ProcessingError[];
  /** The processing error of each failed (or failing) media id. */
  readonly processingErrors: Map<string, ProcessingError>;
  /** Authorization codes the consent screen handed out (30 s, PKCE required). */
  readonly codes: AuthorizationCodes;
  /** Client secrets of confidential clients, by client id (others are public clients). */
  readonly clientSecrets: ReadonlyMap<string, string>;
}

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
