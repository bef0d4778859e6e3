import type { EventEmitter } from 'eventemitter3';
import type { PublishProgress } from '../adapter/context.js';
import type { ErrorCode } from '../errors/error-code.js';
import { isolatedEmitter, type ListenerErrorEvent } from '../events/isolated-emitter.js';
import type { Target } from '../models/target.js';
import type { FailedOutcome, PublishedOutcome, UnknownOutcome } from './outcome.js';

/** A target's publish was accepted and waits in its bucket's queue. */
export interface QueuedEvent {
  /** The target. */
  readonly target: Target;
  /** The queue it waits in (`platform/accountId/bucket`). */
  readonly queue: string;
}

/** An attempt is about to reach the platform. */
export interface AttemptEvent {
  /** The target. */
  readonly target: Target;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** `publish`, or `reconcile-retry` for a create retried after an ambiguous failure. */
  readonly operation: 'publish' | 'reconcile-retry';
}

/** Media upload or processing progress of a target's publish. */
export interface ProgressEvent {
  /** The target. */
  readonly target: Target;
  /** What the adapter reported. */
  readonly progress: PublishProgress;
}

/** A failed attempt will be tried again after `delayMs`. */
export interface RetryEvent {
  /** The target. */
  readonly target: Target;
  /** The attempt that comes next (2 for the first retry). */
  readonly attempt: number;
  /** How long the publisher waits first, in ms. */
  readonly delayMs: number;
  /** The code of the error that failed the attempt. */
  readonly code: ErrorCode;
}

/** A bucket is paused or its budget used up until `until`. */
export interface RateLimitedEvent {
  /** Platform id. */
  readonly platform: string;
  /** The account whose budget it is. */
  readonly accountId: string;
  /** The bucket (`POST /2/tweets`, `api`, …). */
  readonly bucket: string;
  /** When requests to it go out again. */
  readonly until: Date;
  /** `rate_limited`: the platform answered 429; `budget`: the publisher holds back before the limit. */
  readonly reason: 'rate_limited' | 'budget';
}

/**
 * The publisher's events and their payloads. No payload ever holds a token.
 *
 * @example
 * ```ts
 * publisher.events.on('retry', ({ target, attempt, delayMs, code }) =>
 *   console.log(`${target.platform}: attempt ${attempt} in ${delayMs} ms after ${code}`));
 * ```
 */
export interface PublisherEvents {
  /** A target was queued. */
  queued: (event: QueuedEvent) => void;
  /** An attempt starts. */
  attempt: (event: AttemptEvent) => void;
  /** Upload or processing progress. */
  progress: (event: ProgressEvent) => void;
  /** An attempt failed and will be retried. */
  retry: (event: RetryEvent) => void;
  /** A bucket waits for its reset. */
  'rate-limited': (event: RateLimitedEvent) => void;
  /** A target was published. */
  published: (outcome: PublishedOutcome) => void;
  /** A target failed. */
  failed: (outcome: FailedOutcome) => void;
  /** A target's outcome is unknown after reconciliation. */
  unknown: (outcome: UnknownOutcome) => void;
  /**
   * A listener of the app threw. The publish went on as if it had not: a listener can never
   * change an outcome or stop a publish.
   */
  'listener-error': (event: ListenerErrorEvent) => void;
}

/** Every event, as a record so the compiler checks the list below misses none and invents none. */
const EVENTS: { readonly [name in keyof PublisherEvents]: true } = {
  queued: true,
  attempt: true,
  progress: true,
  retry: true,
  'rate-limited': true,
  published: true,
  failed: true,
  unknown: true,
  'listener-error': true,
};

/**
 * The name of every event in {@link PublisherEvents}, in the order declared there, for listening
 * to all of them at once.
 *
 * @example
 * ```ts
 * const seen: string[] = [];
 * for (const name of PUBLISHER_EVENT_NAMES) publisher.events.on(name, () => seen.push(name));
 * ```
 */
export const PUBLISHER_EVENT_NAMES = Object.keys(EVENTS) as readonly (keyof PublisherEvents)[];

/** The typed emitter the publisher exposes as `events`. */
export type PublisherEventEmitter = EventEmitter<PublisherEvents>;

/**
 * A new typed emitter for {@link PublisherEvents}.
 *
 * @returns the emitter
 */
export function createPublisherEvents(): PublisherEventEmitter {
  return isolatedEmitter<PublisherEvents>();
}
