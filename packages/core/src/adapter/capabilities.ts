import * as z from 'zod/mini';
import { EngagementKindSchema } from '../models/engagement.js';
import { type MediaKind, MediaKindSchema } from '../models/media.js';
import type { MediaSource } from '../models/media-source.js';
import { CanonicalMetricSchema } from '../models/metric-vocabulary.js';

// Capabilities are data an adapter author writes once. Strict objects: a misspelt key is an
// error at adapter construction, not a silently ignored rule.

const count = () => z.int().check(z.nonnegative());
const positive = () => z.number().check(z.positive());

/** How a platform counts text length. */
export const TextCountingSchema = z.enum([
  'code_points',
  'utf16_units',
  'graphemes',
  'weighted',
] as const satisfies TextCounting[]);
/**
 * - `code_points`: Unicode code points (Instagram, Facebook, LinkedIn);
 * - `utf16_units`: JavaScript string length (TikTok titles are counted in UTF-16 units);
 * - `graphemes`: user-perceived characters (Mastodon counts grapheme clusters);
 * - `weighted`: a platform-specific weighting the adapter implements (X: CJK and emoji weigh 2).
 */
export type TextCounting = 'code_points' | 'utf16_units' | 'graphemes' | 'weighted';

/** Rules for the post text. */
export const TextRulesSchema = z.strictObject({
  /** Longest text allowed, in the platform's counting. */
  maxLength: z.int().check(z.positive()),
  /** How length is counted. */
  counting: TextCountingSchema,
  /** Every URL counts as this many characters, whatever its length (X and Mastodon: 23). */
  urlLength: z.optional(z.int().check(z.positive())),
  /** The text may not be empty (X text-only posts; Mastodon without media). */
  required: z.boolean(),
  /** Most hashtags allowed (Instagram: 30). */
  maxHashtags: z.optional(count()),
  /** Most `@mentions` allowed (Instagram: 20). */
  maxMentions: z.optional(count()),
  /** `maxLength` depends on the account or server and is a setting of the adapter (X Premium, Mastodon). */
  configurable: z.optional(z.boolean()),
});
/** Rules for the post text. */
export interface TextRules extends z.output<typeof TextRulesSchema> {}

/** Rules for a separate title (TikTok photo posts, LinkedIn documents and articles). */
export const TitleRulesSchema = z.strictObject({
  /** Longest title allowed. */
  maxLength: z.int().check(z.positive()),
  /** How length is counted. */
  counting: TextCountingSchema,
  /** The title may not be empty. */
  required: z.boolean(),
});
/** Rules for a separate title. */
export interface TitleRules extends z.output<typeof TitleRulesSchema> {}

/** The ways a post's media bytes can be given (see `MediaSource`). */
export const MediaSourceTypeSchema = z.enum([
  'url',
  'bytes',
  'file',
  'stream',
] as const satisfies MediaSourceType[]);
/** One of `url`, `bytes`, `file`, `stream`. */
export type MediaSourceType = MediaSource['type'];

/** Limits for one kind of media. Every bound is optional: give the ones the platform documents. */
export const MediaKindRulesSchema = z.strictObject({
  /** Accepted MIME types (`image/jpeg`). */
  mimeTypes: z.array(z.string().check(z.regex(/^[\w.+-]+\/[\w.+-]+$/))).check(z.minLength(1)),
  /** Largest file, in bytes. */
  maxBytes: z.optional(z.int().check(z.positive())),
  /** Shortest duration, in seconds (video). */
  minDurationSec: z.optional(positive()),
  /** Longest duration, in seconds (video). */
  maxDurationSec: z.optional(positive()),
  /** Narrowest width, in pixels. */
  minWidth: z.optional(z.int().check(z.positive())),
  /** Widest width, in pixels. */
  maxWidth: z.optional(z.int().check(z.positive())),
  /** Lowest height, in pixels. */
  minHeight: z.optional(z.int().check(z.positive())),
  /** Tallest height, in pixels. */
  maxHeight: z.optional(z.int().check(z.positive())),
  /** Lowest width ÷ height (Instagram feed: 4:5 = 0.8). */
  minAspectRatio: z.optional(positive()),
  /** Highest width ÷ height (Instagram feed: 1.91). */
  maxAspectRatio: z.optional(positive()),
  /** Lowest frame rate (TikTok: 23). */
  minFps: z.optional(positive()),
  /** Highest frame rate (X: 60). */
  maxFps: z.optional(positive()),
  /** Longest alt text, when the platform takes alt text for this kind; absent when it takes none. */
  altTextMaxLength: z.optional(z.int().check(z.positive())),
});
/** Limits for one kind of media. */
export interface MediaKindRules extends z.output<typeof MediaKindRulesSchema> {}

/** Post formats beyond the ordinary feed post. */
export const PostFormatSchema = z.enum(['feed', 'story', 'reel'] as const satisfies PostFormat[]);
/** `feed` (an ordinary post), `story` (disappears after 24 h), `reel` (short vertical video). */
export type PostFormat = 'feed' | 'story' | 'reel';

/**
 * One allowed combination of media in a post: between `min` and `max` items, each of one of
 * `kinds`. A post's media must fit at least one set of its format. X allows "1–4 images, or
 * 1 GIF, or 1 video": three sets. An Instagram carousel is `{ kinds: ['image', 'video'], min: 2, max: 10 }`.
 */
export const MediaSetSchema = z.strictObject({
  /** The format this set applies to (default `feed`). */
  format: z.optional(PostFormatSchema),
  /** Kinds allowed in this set. */
  kinds: z.array(MediaKindSchema).check(z.minLength(1)),
  /** Fewest items. */
  min: z.int().check(z.positive()),
  /** Most items. */
  max: z.int().check(z.positive()),
});
/** One allowed combination of media in a post. */
export interface MediaSet extends z.output<typeof MediaSetSchema> {}

/** Rules for media. */
export const MediaRulesSchema = z.strictObject({
  /** A post must have media (Instagram, TikTok). */
  required: z.boolean(),
  /**
   * Limits per kind; a kind that is absent is not supported. An object with an optional key per
   * kind, as a partial record of the kinds would be, without zod's record schema, which nothing
   * else an app parses needs.
   */
  kinds: z.strictObject({
    /** Limits for images, when the platform takes them. */
    image: z.exactOptional(MediaKindRulesSchema),
    /** Limits for videos, when the platform takes them. */
    video: z.exactOptional(MediaKindRulesSchema),
    /** Limits for GIFs, when the platform takes them as a kind of their own. */
    gif: z.exactOptional(MediaKindRulesSchema),
    /** Limits for documents (LinkedIn's PDF carousels), when the platform takes them. */
    document: z.exactOptional(MediaKindRulesSchema),
  } satisfies Record<MediaKind, unknown>),
  /** Allowed combinations; a post's media must fit one. */
  sets: z.array(MediaSetSchema),
  /** Source types the adapter can upload from (Instagram needs a public URL unless it uploads bytes itself). */
  sources: z.array(MediaSourceTypeSchema).check(z.minLength(1)),
});
/** Rules for media. */
export interface MediaRules extends z.output<typeof MediaRulesSchema> {}

/** Rules for polls. */
export const PollRulesSchema = z.strictObject({
  /** Fewest options. */
  minOptions: z.int().check(z.positive()),
  /** Most options. */
  maxOptions: z.int().check(z.positive()),
  /** Longest option text. */
  maxOptionLength: z.int().check(z.positive()),
  /** Shortest poll duration, in minutes. */
  minDurationMinutes: z.int().check(z.positive()),
  /** Longest poll duration, in minutes. */
  maxDurationMinutes: z.int().check(z.positive()),
  /**
   * Durations the platform accepts, when it takes only fixed ones (LinkedIn: 1, 3, 7 or 14 days);
   * absent when any whole minute in range works.
   */
  durationsMinutes: z.optional(z.array(z.int().check(z.positive()))),
});
/** Rules for polls. */
export interface PollRules extends z.output<typeof PollRulesSchema> {}

/** Rules for threads (a chain of posts, each replying to the previous). */
export const ThreadRulesSchema = z.strictObject({
  /** Most parts including the first, when the platform or adapter limits it. */
  maxParts: z.optional(z.int().check(z.positive())),
});
/** Rules for threads. */
export interface ThreadRules extends z.output<typeof ThreadRulesSchema> {}

/** Native (platform-side) scheduling, when the platform has it. */
export const NativeSchedulingSchema = z.strictObject({
  /** Earliest a post can be scheduled, in seconds from now (Facebook: 10 minutes). */
  minLeadSeconds: count(),
  /** Latest a post can be scheduled, in seconds from now (Facebook: 30 days). */
  maxLeadSeconds: z.int().check(z.positive()),
});
/** Native scheduling limits. */
export interface NativeScheduling extends z.output<typeof NativeSchedulingSchema> {}

/** Privacy or visibility levels a post can take. */
export const PrivacyRulesSchema = z.strictObject({
  /**
   * `fixed`: `options` lists them all; `account`: the allowed levels depend on the account and
   * are read from the platform before publishing (TikTok's `creator_info`).
   */
  source: z.enum(['fixed', 'account']),
  /** The levels (`PUBLIC`, `CONNECTIONS`, `SELF_ONLY`, …); for `account`, every level that may appear. */
  options: z.array(z.string()),
});
/** Privacy or visibility levels. */
export interface PrivacyRules extends z.output<typeof PrivacyRulesSchema> {}

/** Which metrics the adapter can read. */
export const MetricCapabilitiesSchema = z.strictObject({
  /** Canonical metrics per post. */
  post: z.array(CanonicalMetricSchema),
  /** Canonical metrics per account. */
  account: z.array(CanonicalMetricSchema),
  /** Most posts one metrics request can cover (X: 100, TikTok: 20). */
  maxPostsPerRequest: z.optional(z.int().check(z.positive())),
});
/** Which metrics the adapter can read. */
export interface MetricCapabilities extends z.output<typeof MetricCapabilitiesSchema> {}

/** What the adapter can do with comments, mentions and messages. */
export const EngagementCapabilitiesSchema = z.strictObject({
  /** Kinds `listEngagements` returns; empty when it cannot read any (TikTok). */
  read: z.array(EngagementKindSchema),
  /** `reply` is available. */
  reply: z.boolean(),
  /** `hide` is available (hide or unhide a reply or comment). */
  hide: z.boolean(),
  /** `deleteEngagement` is available. */
  delete: z.boolean(),
  /** `like` is available (like or unlike a comment, reply or mention as the account). */
  like: z.boolean(),
  /**
   * What `searchMentions` finds in public posts by anyone: `text` for words, phrases and
   * hashtags (X recent search), `hashtags` for hashtags only (Instagram hashtag search), `false`
   * when the platform offers no search.
   */
  search: z.union([z.literal(false), z.enum(['text', 'hashtags'])]),
});
/** What the adapter can do with engagement. */
export interface EngagementCapabilities extends z.output<typeof EngagementCapabilitiesSchema> {}

/**
 * What the adapter can tell about the world beyond the account's own posts: other accounts'
 * public figures (competitors, influencers) and the account's audience.
 */
export const ResearchCapabilitiesSchema = z.strictObject({
  /** `lookupPublicAccount` is available (X user lookup, Instagram `business_discovery`). */
  publicAccounts: z.boolean(),
  /** Breakdowns `getAudience` returns, in the platform's words (`age`, `country`, `seniority`, …); empty when none. */
  audience: z.array(z.string().check(z.minLength(1))),
  /** Why what is `false` or empty is not available, one sentence each, for users and reports. */
  unavailable: z.optional(
    z.strictObject({
      /** Why other accounts cannot be looked up. */
      publicAccounts: z.optional(z.string()),
      /** Why the audience cannot be read. */
      audience: z.optional(z.string()),
    }),
  ),
});
/** What the adapter can tell about other accounts and the account's audience. */
export interface ResearchCapabilities extends z.output<typeof ResearchCapabilitiesSchema> {}

const scopeList = () => z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

/**
 * The scopes each operation needs. Keys are the operations of {@link RateLimitOperations}
 * (`publish` includes what uploading its media needs).
 *
 * @example
 * ```ts
 * const scopes: AuthScopes = { publish: ['tweet.read', 'tweet.write', 'users.read', 'media.write'] };
 * ```
 */
export const AuthScopesSchema = z.strictObject({
  /** Creating a post, its media included. */
  publish: z.optional(scopeList()),
  /** `delete`. */
  delete: z.optional(scopeList()),
  /** `getPostMetrics` and `getAccountMetrics`. */
  metrics: z.optional(scopeList()),
  /** `listEngagements`. */
  engagement: z.optional(scopeList()),
  /** `reply`, `hide` and `deleteEngagement`. */
  reply: z.optional(scopeList()),
  /** `like`. */
  like: z.optional(scopeList()),
  /** `searchMentions`. */
  search: z.optional(scopeList()),
  /** `lookupPublicAccount` and `getAudience`. */
  research: z.optional(scopeList()),
  /**
   * `findRecentPosts`: the read the publisher makes after a create whose answer was lost, to learn
   * whether the post exists. Without these scopes such an outcome stays `unknown`.
   */
  findRecentPosts: z.optional(scopeList()),
  /** Keeping access without the user: a refresh token (X: `offline.access`). */
  refresh: z.optional(scopeList()),
});
/** The scopes each operation needs. */
export interface AuthScopes extends z.output<typeof AuthScopesSchema> {}

/** How the adapter authenticates. */
export const AuthCapabilitiesSchema = z.strictObject({
  /**
   * `oauth2_pkce`: authorization code with PKCE (X); `oauth2`: authorization code (LinkedIn,
   * TikTok web, Meta); `token`: a long-lived or app token the user supplies (Mastodon).
   */
  flavour: z.enum(['oauth2_pkce', 'oauth2', 'token']),
  /** Access tokens expire and can be refreshed with a refresh token (X, TikTok); false where they never expire (Mastodon). */
  refreshable: z.boolean(),
  /** A refresh hands out a new refresh token and the old one stops working (X, TikTok). */
  refreshTokenRotates: z.boolean(),
  /** Lifetime of an access token, in seconds, when documented (X: 7200). */
  accessTokenLifetimeSec: z.optional(z.int().check(z.positive())),
  /**
   * The scopes (permissions) each operation needs, in the platform's words (X: `tweet.write`,
   * LinkedIn: `w_member_social`), so a `doctor` can compare them with a token's granted scopes.
   * An operation that is absent needs no scope beyond sign-in, or the adapter does not offer it.
   */
  scopes: z.optional(AuthScopesSchema),
});
/** How the adapter authenticates. */
export interface AuthCapabilities extends z.output<typeof AuthCapabilitiesSchema> {}

/** A request budget the platform enforces. */
export const RateBudgetSchema = z.strictObject({
  /** The adapter's endpoint bucket (`publish`, `media`, `read`, `engagement`, …). */
  bucket: z.string().check(z.minLength(1)),
  /** Requests allowed per window. */
  limit: z.int().check(z.positive()),
  /** Window length in seconds. */
  windowSec: z.int().check(z.positive()),
  /** Who the budget is counted against. */
  scope: z.enum(['user', 'app', 'page', 'business', 'ip']),
  /** `rolling`: a sliding window; `fixed`: resets every window; `utc_midnight`: resets daily at 00:00 UTC (LinkedIn). */
  resets: z.enum(['rolling', 'fixed', 'utc_midnight']),
});
/** A request budget the platform enforces. */
export interface RateBudget extends z.output<typeof RateBudgetSchema> {}

const bucketList = () => z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

/**
 * Which buckets each adapter operation consumes, so the publisher queues and paces it against the
 * right budgets. Names are the `bucket`s of the declared `RateBudget`s and of the `RateLimitInfo`
 * the adapter reports (X: `POST /2/tweets`). The first bucket of an operation is its main one:
 * rate-limit state reported without a bucket is booked against it. An operation that is absent
 * gets one bucket of its own, named after the operation (`publish`, `delete`, …).
 *
 * @example
 * ```ts
 * const operations: RateLimitOperations = {
 *   publish: ['POST /2/tweets'],
 *   upload: ['POST /2/media/upload/initialize'],
 *   findRecentPosts: ['GET /2/users/:id/tweets'],
 * };
 * ```
 */
export const RateLimitOperationsSchema = z.strictObject({
  /** Creating a post (the create request itself). */
  publish: z.optional(bucketList()),
  /** Uploading media for a post; consumed in addition to `publish` when the post has media. */
  upload: z.optional(bucketList()),
  /** `delete`. */
  delete: z.optional(bucketList()),
  /** `getPostMetrics` and `getAccountMetrics`. */
  metrics: z.optional(bucketList()),
  /** `listEngagements`. */
  engagement: z.optional(bucketList()),
  /** `reply` and `deleteEngagement` (and `hide` when `hide` is not declared). */
  reply: z.optional(bucketList()),
  /**
   * `hide` and unhide (X's hide-replies endpoint has budgets of its own). Not declared, hides
   * spend what `reply` declares.
   */
  hide: z.optional(bucketList()),
  /** `like` (its own endpoints and budgets on most platforms: X allows 50 likes per 15 minutes). */
  like: z.optional(bucketList()),
  /** `searchMentions`. */
  search: z.optional(bucketList()),
  /** `lookupPublicAccount` and `getAudience`. */
  research: z.optional(bucketList()),
  /** `findRecentPosts` (reconciliation reads). */
  findRecentPosts: z.optional(bucketList()),
});
/** Which buckets each operation consumes. */
export interface RateLimitOperations extends z.output<typeof RateLimitOperationsSchema> {}

/** How the adapter learns and respects rate limits. */
export const RateLimitCapabilitiesSchema = z.strictObject({
  /** The platform reports limits in response headers (X, Meta, Mastodon); the publisher learns from them. */
  headers: z.boolean(),
  /** Budgets the platform documents; the only source for platforms without headers (TikTok, LinkedIn). */
  budgets: z.array(RateBudgetSchema),
  /**
   * Which buckets each operation consumes (optional). Without it the publisher gives every
   * operation a bucket of its own named after it, and budgets named the same apply.
   */
  operations: z.optional(RateLimitOperationsSchema),
});
/** How the adapter learns and respects rate limits. */
export interface RateLimitCapabilities extends z.output<typeof RateLimitCapabilitiesSchema> {}

/** How the publisher can find out whether an ambiguous create took effect. */
export const ReconciliationCapabilitiesSchema = z.strictObject({
  /** The platform honours an idempotency key on creates (Mastodon). */
  idempotencyKey: z.boolean(),
  /** `findRecentPosts` is available. */
  findRecentPosts: z.boolean(),
  /** The platform refuses a repeated post with a recognisable `duplicate_content` error (X). */
  duplicateSignal: z.boolean(),
  /**
   * `findRecentPosts` is read-after-write consistent: it lists a post as soon as the create that
   * made it has been answered, and its text match never misses one of ours. Two looks that find
   * nothing (`recheckDelayMs` apart) then mean the create never took effect, so the publisher
   * sends it again instead of reporting `unknown` (not when another run started the create and
   * never settled it: that create may still be in flight). Declare it only when the platform's listing
   * reads what its create wrote (no search index, no processing queue, no replica lag): a
   * listing that shows a post late turns a lost answer into a second post.
   */
  readAfterWrite: z.boolean(),
});
/** How ambiguous creates can be reconciled. */
export interface ReconciliationCapabilities extends z.output<typeof ReconciliationCapabilitiesSchema> {}

/**
 * Everything an adapter can do and every rule it enforces, as data: the publisher, the
 * scheduler, UIs and the conformance suite read it instead of special-casing platforms.
 *
 * Optional operations (`delete`, metrics, engagement, `findRecentPosts`, webhooks) are declared
 * here; {@link defineAdapter} checks that the adapter's methods match.
 */
export const CapabilitiesSchema = z.strictObject({
  /** Text rules. */
  text: TextRulesSchema,
  /** Title rules, when the platform has a separate title. */
  title: z.optional(TitleRulesSchema),
  /** Media rules. */
  media: MediaRulesSchema,
  /** Formats beyond the feed post that `options.<platform>.format` may select. */
  formats: z.array(PostFormatSchema).check(z.minLength(1)),
  /** Thread rules, or `false` when the platform has no threads. */
  threads: z.union([z.literal(false), ThreadRulesSchema]),
  /** Poll rules, or `false`. */
  polls: z.union([z.literal(false), PollRulesSchema]),
  /** A first comment can be posted right after the post. */
  firstComment: z.boolean(),
  /**
   * How links appear: in the text (counted), as a separate attachment field, or not clickable at
   * all (Instagram, TikTok: a post's `link` is then shown as text at the end, and counted).
   */
  links: z.enum(['in_text', 'attachment', 'not_clickable']),
  /** Native scheduling limits, or `false`. */
  nativeScheduling: z.union([z.literal(false), NativeSchedulingSchema]),
  /** Privacy levels, or `false` when posts are always public. */
  privacy: z.union([z.literal(false), PrivacyRulesSchema]),
  /** `delete` is available. */
  delete: z.boolean(),
  /** Readable metrics. */
  metrics: MetricCapabilitiesSchema,
  /** Engagement support. */
  engagement: EngagementCapabilitiesSchema,
  /** Competitor, influencer and audience research; absent when the adapter offers none. */
  research: z.optional(ResearchCapabilitiesSchema),
  /** Webhooks (`webhooks.verify` and `webhooks.parse`) are available. */
  webhooks: z.boolean(),
  /** Reconciliation signals. */
  reconciliation: ReconciliationCapabilitiesSchema,
  /** Authentication. */
  auth: AuthCapabilitiesSchema,
  /** Rate limits. */
  rateLimits: RateLimitCapabilitiesSchema,
});
/** Everything an adapter can do and every rule it enforces, as data. */
export interface Capabilities extends z.output<typeof CapabilitiesSchema> {}
