/** An authorization the server started and waits to see come back. */
export interface PendingAuthorization {
  /** Which platform's flow started it. */
  readonly platform: string;
  /** The app's name for the account to connect (`brand-x`). */
  readonly id: string;
  /** The platform account the user asked for, when they named one. */
  readonly account?: string | undefined;
  /** The PKCE verifier, for flows that send a challenge. */
  readonly codeVerifier?: string | undefined;
}

/** Pending authorizations by their `state`, each usable once and for a limited time. */
export interface PendingAuthorizations {
  /** Remembers an authorization under its `state`. */
  put(state: string, pending: PendingAuthorization): void;
  /** Takes the authorization of `state` out, or `undefined` when unknown, used or too old. */
  take(state: string): PendingAuthorization | undefined;
}

/**
 * Ten minutes to come back: the longest consent screen a person needs, well under the life of
 * the platforms' codes once issued (X's lives 30 s from the redirect, so the server exchanges at once).
 */
const DEFAULT_TTL_MS = 10 * 60_000;

/**
 * In-memory pending authorizations. A `state` is taken on first use, so a replayed or forged
 * callback finds nothing (the CSRF check of the OAuth `state`). One process only: behind a load
 * balancer, keep them in a shared store (or a signed, encrypted cookie) instead.
 *
 * @param now - the clock, in ms
 * @param ttlMs - how long a started authorization may take to come back
 * @returns the store
 *
 * @example
 * ```ts
 * const pending = pendingAuthorizations();
 * pending.put(state, { platform: 'x', id: 'brand-x', codeVerifier });
 * pending.take(state); // the authorization, once
 * ```
 */
export function pendingAuthorizations(
  now: () => number = Date.now,
  ttlMs = DEFAULT_TTL_MS,
): PendingAuthorizations {
  const byState = new Map<string, PendingAuthorization & { readonly expiresAt: number }>();
  return {
    put(state, pending) {
      // Forget what nobody came back for, so the map stays small.
      for (const [key, entry] of byState) if (entry.expiresAt <= now()) byState.delete(key);
      byState.set(state, { ...pending, expiresAt: now() + ttlMs });
    },
    take(state) {
      const entry = byState.get(state);
      byState.delete(state);
      if (entry === undefined || entry.expiresAt <= now()) return undefined;
      const { expiresAt: _expiresAt, ...pending } = entry;
      return pending;
    },
  };
}
