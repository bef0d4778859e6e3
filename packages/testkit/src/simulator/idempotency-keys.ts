import type { SimClock } from './sim-clock.js';

/**
 * The idempotency keys a platform remembers (Mastodon's `Idempotency-Key` on a new status, the
 * same header on payment-style APIs): per scope (an account, a token) and key, what the first
 * request made — a post id, say — for `ttlMs` of simulated time. A repeat within that time
 * recalls it, so the simulator answers the first result again instead of creating a second;
 * after it the key is forgotten. An empty key is no key. A simulator keeps its dialect on top:
 * which header it reads, when it checks it, what it answers on a repeat. Make it
 * `sim.resettable(...)` so that a reset forgets every key.
 *
 * @typeParam T - what a key remembers (default a post id)
 *
 * @example
 * ```ts
 * const keys = sim.resettable(new IdempotencyKeys(sim.clock, 60 * 60_000));
 * const key = request.headers.get('idempotency-key');
 * const earlier = keys.recall(accountId, key);
 * if (earlier !== undefined) return Response.json(render(sim.posts.get(earlier)));
 * const post = sim.addPost({ accountId, text });
 * keys.remember(accountId, key, post.id);
 * ```
 */
export class IdempotencyKeys<T = string> {
  readonly #clock: SimClock;
  readonly #ttlMs: number;
  readonly #records = new Map<string, { readonly value: T; readonly expiresAt: number }>();

  /**
   * @param clock - the simulator's clock
   * @param ttlMs - how long a key is remembered after the request that made it
   */
  constructor(clock: SimClock, ttlMs: number) {
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  /** What `key` of `scope` made, while it is remembered; `undefined` for no key, a new one or an expired one. */
  recall(scope: string, key: string | null | undefined): T | undefined {
    if (!key) return undefined;
    const record = this.#records.get(recordKey(scope, key));
    return record !== undefined && this.#clock.now() < record.expiresAt ? record.value : undefined;
  }

  /** Remembers that `key` of `scope` made `value`, for `ttlMs` from now (nothing when there is no key). */
  remember(scope: string, key: string | null | undefined, value: T): void {
    if (!key) return;
    this.#records.set(recordKey(scope, key), { value, expiresAt: this.#clock.now() + this.#ttlMs });
  }

  /** Forgets every key (the simulator's reset). */
  clear(): void {
    this.#records.clear();
  }
}

function recordKey(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}
