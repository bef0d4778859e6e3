import type { MediaKind } from '@smmkit/core';
import { compareIds } from './id-generator.js';
import type { IssuedTokens } from './token-registry.js';

/** An account on the simulated platform. */
export interface SimulatedAccount {
  /** The platform's id for the account. */
  readonly id: string;
  /** The handle (`@name` without the `@`). */
  readonly handle: string;
  /** The display name. */
  readonly displayName: string;
  /** Followers now (grows with simulated time when a simulator chooses). */
  followers: number;
  /** Accounts it follows. */
  following: number;
  /** When it was created, simulated time (set by `addAccount`; absent on accounts stored directly). */
  readonly createdAt?: number;
}

/**
 * An account and the tokens the simulator issued it, as `addAccountWithTokens` returns them: what
 * a test needs to act as that account.
 *
 * @example
 * ```ts
 * const ana: AccountWithTokens = sim.addAccountWithTokens({ handle: 'ana' });
 * await adapter.publish(post, { account: { platform: sim.platform, accountId: ana.account.id }, tokens: staticTokenProvider(ana.accessToken) });
 * ```
 */
export interface AccountWithTokens extends IssuedTokens {
  /** The account. */
  readonly account: SimulatedAccount;
}

/** A media item uploaded to the simulated platform. */
export interface SimulatedMedia {
  /** The platform's id for the upload. */
  readonly id: string;
  /** Who uploaded it. */
  readonly accountId: string;
  /** Image, video, GIF or document. */
  readonly kind: MediaKind;
  /** The MIME type it was uploaded with. */
  readonly mimeType: string;
  /** Bytes received. */
  readonly sizeBytes: number;
  /** Alt text, when given. */
  altText: string | undefined;
  /** Processing state; it moves from `processing` to `ready` at `readyAt` unless it failed. */
  state: 'processing' | 'ready' | 'failed';
  /** When processing finishes, in simulated time. */
  readonly readyAt: number;
  /** Why processing failed, in the platform's words. */
  failure: string | undefined;
}

/** A post (status, tweet, share, media object) on the simulated platform, in a platform-neutral shape. */
export interface SimulatedPost {
  /** The platform's id. */
  readonly id: string;
  /** The author. */
  readonly accountId: string;
  /** The text as stored. */
  readonly text: string;
  /** Media attached, in order. */
  readonly media: readonly SimulatedMedia[];
  /** The post this one replies to (threads, first comments). */
  readonly inReplyToId: string | undefined;
  /** Poll options, when it has a poll. */
  readonly pollOptions: readonly string[] | undefined;
  /** Creation instant, simulated time. */
  readonly createdAt: number;
  /** The platform-specific extras the simulator wants to keep (visibility, idempotency key, …). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A comment, reply, mention or message on the simulated platform. */
export interface SimulatedEngagement {
  /** The platform's id. */
  readonly id: string;
  /** The kind, in core's vocabulary. */
  readonly kind: 'comment' | 'reply' | 'mention' | 'direct_message' | 'reaction';
  /** The account it is addressed to (whose inbox it lands in). */
  readonly accountId: string;
  /** The post it is on or replies to. */
  readonly postId: string | undefined;
  /** The author's id. */
  readonly authorId: string;
  /** The author's handle. */
  readonly authorHandle: string;
  /** The text. */
  readonly text: string;
  /** Creation instant, simulated time. */
  readonly createdAt: number;
  /** Hidden by the account owner. */
  hidden: boolean;
  /** Liked by the account owner; simulators whose platform has likes set it (absent: never liked). */
  liked?: boolean;
}

/** Anything stored in a {@link Collection}. */
export interface Identified {
  /** The platform's id for it. */
  readonly id: string;
}

/**
 * An in-memory table keyed by id, for a simulator's posts, media and engagement. Items are listed
 * in creation order: by {@link compareIds} (numeric ids and URNs by their number), and in
 * insertion order where ids carry no number.
 *
 * @typeParam T - the stored item, identified by its `id`
 */
export class Collection<T extends Identified> {
  readonly #items = new Map<string, T>();

  /** @param items - items to start with */
  constructor(items: Iterable<T> = []) {
    for (const item of items) this.#items.set(item.id, item);
  }

  /** Adds or replaces an item. */
  put(item: T): T {
    this.#items.set(item.id, item);
    return item;
  }

  /** The item with `id`, if present. */
  get(id: string): T | undefined {
    return this.#items.get(id);
  }

  /** Removes an item; true when it was there. */
  delete(id: string): boolean {
    return this.#items.delete(id);
  }

  /** Items matching `predicate`, oldest first. */
  filter(predicate: (item: T) => boolean = () => true): T[] {
    return [...this.#items.values()].filter(predicate).sort((a, b) => compareIds(a.id, b.id));
  }

  /** Number of items. */
  get size(): number {
    return this.#items.size;
  }

  /** Removes everything. */
  clear(): void {
    this.#items.clear();
  }
}

/**
 * A count that grows with simulated time like engagement on a real post: fast at first, then
 * slower (square root of age), different per post and metric, and the same every run.
 *
 * @example
 * ```ts
 * growingCount(post.id, 'likes', now - post.createdAt, 40); // 0 at publish, ~40 after an hour
 * ```
 */
export function growingCount(seed: string, metric: string, ageMs: number, perHour: number): number {
  let hash = 2166136261;
  for (const char of `${seed}:${metric}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  const jitter = 0.5 + ((hash >>> 0) % 1000) / 1000;
  return Math.floor(perHour * jitter * Math.sqrt(Math.max(0, ageMs) / 3_600_000));
}
