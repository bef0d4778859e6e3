import type { PostRef } from '../models/post-ref.js';
import type { EntryError } from '../models/schedule-entry.js';

/**
 * The intent to create one post on one target, recorded before the create request is sent.
 * Its `key` is the target's idempotency key (`${publishKey}:${platform}:${accountId}`), so a
 * process that restarts after a crash finds the intent of the create it may have sent.
 */
export interface OutboxIntent {
  /** The target's idempotency key. */
  readonly key: string;
  /** The target's platform id. */
  readonly platform: string;
  /** The target's account id. */
  readonly accountId: string;
  /**
   * When the first create attempt starts: where reconciliation starts looking. A store keeps it
   * to the millisecond (the publisher's `fingerprint` is tied to it).
   */
  readonly startedAt: Date;
  /**
   * What the publisher writes to tell which post and which attempt the record is for: an opaque
   * string a store keeps exactly as given (today a digest of the post and the attempt's
   * `startedAt`). A run that finds a record begun for another post refuses to send (the key was
   * used again for another post) instead of answering with the first post's outcome. A record
   * without one (written before stores kept it, or settled
   * without a `begin`), or one re-opened since by a process that writes none (its `startedAt` no
   * longer the fingerprint's), is never compared.
   */
  readonly fingerprint?: string | undefined;
}

/** How an intent ended. `unknown`: the create may have gone out; reconciliation could not tell. */
export type OutboxStatus = 'sending' | 'published' | 'failed' | 'unknown';

/** What the outbox keeps of a settled publish. */
export interface OutboxSettlement {
  /** `published`, `failed` (nothing went out, safe to try again) or `unknown`. */
  readonly status: Exclude<OutboxStatus, 'sending'>;
  /** The post on the platform, when published. */
  readonly ref?: PostRef | undefined;
  /** Its public URL, when known. */
  readonly url?: string | undefined;
  /** When it went live, when known. */
  readonly publishedAt?: Date | undefined;
  /** For natively scheduled posts: when the platform will publish it. */
  readonly scheduledFor?: Date | undefined;
  /** Why it failed or is unknown. */
  readonly error?: EntryError | undefined;
  /** When it settled. */
  readonly settledAt: Date;
}

/** One outbox row: the intent and, once settled, how it ended. */
export interface OutboxRecord extends OutboxIntent {
  /** `sending` until settled. */
  readonly status: OutboxStatus;
  /** The settlement, once there is one. */
  readonly settlement?: OutboxSettlement | undefined;
}

/**
 * Where the publisher writes down each create before sending it, so that nothing is published
 * twice and nothing is lost silently, even across a crash:
 *
 * - before the first create of a target, `begin` records the intent, or returns the record an
 *   earlier run left for the same key;
 * - a record found `published` is the answer (nothing is sent again); one found `sending`
 *   (a run died mid-create) or `unknown` goes through reconciliation, never a blind create;
 *   one found `failed` may be tried again;
 * - every outcome is written back with `settle`; `unknown` ones stay listed by `unresolved`
 *   until reconciliation settles them.
 *
 * Every schedule store is an outbox; an app that calls `publish()` without a scheduler passes
 * one to `createPublisher({ outbox })`.
 */
export interface Outbox {
  /**
   * Records `intent` unless a record with its key exists. Atomic: of two concurrent calls with
   * one key, exactly one records it.
   *
   * @returns `undefined` when the intent was recorded now; otherwise the record already there
   *   (it is left as it was)
   */
  begin(intent: OutboxIntent): Promise<OutboxRecord | undefined>;
  /**
   * Records a `failed` record's new attempt: sets it back to `sending` with `startedAt` and the
   * new attempt's `fingerprint`, replacing the old one (nothing went out, so the key may now be
   * tried with another post; without a fingerprint the record keeps none).
   *
   * @returns false when the record is not `failed` (another run took it meanwhile)
   */
  retry(key: string, startedAt: Date, fingerprint?: string): Promise<boolean>;
  /**
   * Writes how the create with `key` ended. A missing key is recorded with it, so a settlement
   * is never lost: its `platform` and `accountId` then come from the settlement's `ref` (empty
   * without one) and its `startedAt` is `settledAt`. A record already `published` is final and
   * stays as it is: the post exists, and a late run that could not tell (a worker that lost its
   * lease and settles `unknown` after another found the post) must not make it look unsettled.
   */
  settle(key: string, settlement: OutboxSettlement): Promise<void>;
  /** The record with `key`, if any. */
  record(key: string): Promise<OutboxRecord | undefined>;
  /** Every record still `sending` or `unknown`, oldest first: creates nobody has settled. */
  unresolved(): Promise<OutboxRecord[]>;
}
