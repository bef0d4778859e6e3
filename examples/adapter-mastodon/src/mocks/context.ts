import type { PlatformSimulator, SimulatedPost } from '@smmkit/testkit';
import { type IdempotencyKeys, readExtra } from '@smmkit/testkit/simulator-kit';

/** Every visibility Mastodon accepts (docs.joinmastodon.org/methods/statuses/#create, `visibility`). */
export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;

/** Who may see a status (docs.joinmastodon.org/entities/Status/#visibility). */
export type Visibility = (typeof VISIBILITIES)[number];

/** A local account a status mentions, and the notification the mention created for it. */
export interface StatusMention {
  /** The mentioned account. */
  readonly accountId: string;
  /** Its mention notification; none when authors mention themselves (Mastodon does not notify them). */
  readonly notificationId: string | undefined;
  /**
   * When the notification was made, epoch ms: when the server received the status, which for a
   * status that federated late is after the status's own `created_at`.
   */
  readonly notifiedAt: number;
}

/** The poll of a status (docs.joinmastodon.org/entities/Poll/). */
export interface StatusPoll {
  /** The poll's own id. */
  readonly id: string;
  /** When voting closes, simulated time. */
  readonly expiresAt: number;
  /** Whether several choices are allowed. */
  readonly multiple: boolean;
  /** Whether vote counts stay hidden until the end. */
  readonly hideTotals: boolean;
}

/**
 * What the Mastodon simulator keeps in `SimulatedPost.extra`, so that generic tools (the
 * conformance suite) read the neutral fields and Mastodon's own stay next to them.
 */
export interface StatusExtra {
  /** `public`, `unlisted`, `private` or `direct`. */
  readonly visibility: Visibility;
  /** The content warning, `''` when none. */
  readonly spoilerText: string;
  /** Marked sensitive (also implied by a content warning). */
  readonly sensitive: boolean;
  /** The `Idempotency-Key` it was created with, if any. */
  readonly idempotencyKey: string | undefined;
  /** ISO 639 language code. */
  readonly language: string;
  /** Its poll, if any. */
  readonly poll: StatusPoll | undefined;
  /** Local accounts it mentions, in text order. */
  readonly mentions: readonly StatusMention[];
  /** The author of the status it replies to, kept as Mastodon keeps it even after that status is deleted. */
  readonly inReplyToAccountId: string | undefined;
}

/** Everything the Mastodon routes share: the generic simulator, the server's settings and its own memory. */
export interface MastodonContext {
  /** The generic simulator: accounts, tokens, posts, media, limits, faults, log. */
  readonly sim: PlatformSimulator;
  /** The server's base URL, without a trailing slash. */
  readonly instanceUrl: string;
  /** The server's host name (`mastodon.example`), for `@user@host` mentions. */
  readonly host: string;
  /** `configuration.statuses.max_characters` (docs.joinmastodon.org/entities/Instance/#statuses). */
  readonly maxCharacters: number;
  /** How long videos and GIFs take to process, simulated milliseconds. */
  readonly mediaProcessingMs: number;
  /** The `Idempotency-Key`s of new statuses, per account, remembering the status each created. */
  readonly idempotency: IdempotencyKeys;
  /** Focal points given at upload (`meta.focus`). */
  readonly mediaFocus: Map<string, { readonly x: number; readonly y: number }>;
}

/** What a plain public status keeps: the defaults for posts stored by other tools. */
export const PLAIN_STATUS: StatusExtra = {
  visibility: 'public',
  spoilerText: '',
  sensitive: false,
  idempotencyKey: undefined,
  language: 'en',
  poll: undefined,
  mentions: [],
  inReplyToAccountId: undefined,
};

/** The Mastodon fields of a post (a content warning implies sensitive). */
export function statusExtra(post: SimulatedPost): StatusExtra {
  const extra = readExtra(post.extra, PLAIN_STATUS);
  return { ...extra, sensitive: extra.sensitive || extra.spoilerText !== '' };
}

/** Whether a status is public or unlisted: visible to everyone, boostable, counted in `replies_count`. */
export function isDistributable(post: SimulatedPost): boolean {
  const { visibility } = statusExtra(post);
  return visibility === 'public' || visibility === 'unlisted';
}

/**
 * Whether `viewerId` may see `post`: public and unlisted statuses are visible to everyone,
 * private and direct ones to their author and the accounts they mention (the simulator keeps no
 * follow graph, so followers are not counted) — docs.joinmastodon.org/entities/Status/#visibility.
 */
export function canSee(post: SimulatedPost, viewerId: string): boolean {
  if (isDistributable(post) || post.accountId === viewerId) return true;
  return statusExtra(post).mentions.some((mention) => mention.accountId === viewerId);
}

/**
 * The local account `@username` or `@username@this-host` names; none for another domain (the
 * simulator federates with no other server). Usernames match regardless of case.
 */
export function localAccount(context: MastodonContext, username: string, domain: string | undefined) {
  if (domain !== undefined && domain.toLowerCase() !== context.host) return undefined;
  return context.sim.accountByHandle(username);
}

/** The account's own upload `mediaId`, unless it does not exist or is attached to a status already. */
export function ownUnattachedMedia(context: MastodonContext, mediaId: string, accountId: string) {
  const media = context.sim.media.get(mediaId);
  const attached = context.sim.posts.filter((post) => post.media.some((item) => item.id === mediaId));
  return media?.accountId === accountId && attached.length === 0 ? media : undefined;
}
