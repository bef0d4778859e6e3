import type { SimClock } from './sim-clock.js';

/** A token the simulator accepts. */
export interface ValidTokenCheck {
  /** The token is good. */
  readonly status: 'valid';
  /** Whose it is. */
  readonly accountId: string;
  /** What it was granted. */
  readonly scopes: readonly string[];
  /** When it was issued, simulated time (platforms that refresh only tokens of a certain age read it). */
  readonly issuedAt: number;
}

/** A token the simulator issued but no longer accepts. */
export interface RefusedTokenCheck {
  /** Why it is refused. */
  readonly status: 'expired' | 'revoked';
  /** Whose it was. */
  readonly accountId: string;
}

/** No token, or one the simulator never issued. */
export interface AbsentTokenCheck {
  /** Absent or unknown. */
  readonly status: 'missing' | 'unknown';
}

/** What the simulator knows about a token it was shown. */
export type TokenCheck = ValidTokenCheck | RefusedTokenCheck | AbsentTokenCheck;

/** Tokens the simulator issued to one account. */
export interface IssuedTokens {
  /** The access token to send. */
  readonly accessToken: string;
  /** The refresh token, when issued with `refreshable`. */
  readonly refreshToken?: string | undefined;
  /** When the access token expires, when it expires at all. */
  readonly expiresAt?: Date | undefined;
  /** When the refresh token expires, when there is one that expires (see `IssueOptions.refreshTtlMs`). */
  readonly refreshExpiresAt?: Date | undefined;
}

/** Options of {@link TokenRegistry.issue}. */
export interface IssueOptions {
  /** Lifetime of the access token; without one it never expires (Mastodon, OAuth 1.0a). */
  readonly expiresInMs?: number | undefined;
  /** Also issue a refresh token. */
  readonly refreshable?: boolean | undefined;
  /**
   * Lifetime of the refresh token, counted from this issue; refreshing does not extend it (a rotated
   * refresh token keeps what was left, as LinkedIn's year and TikTok's 365 days run from the first
   * authorization). Without one it never expires (X).
   */
  readonly refreshTtlMs?: number | undefined;
  /** Granted scopes. */
  readonly scopes?: readonly string[] | undefined;
}

interface AccessRecord {
  readonly accountId: string;
  readonly issuedAt: number;
  /** When it expires as issued. */
  readonly expiresAt: number | undefined;
  /** When `expire()` made it expire, earlier than issued; undone by `reset()`. */
  expiredAt: number | undefined;
  readonly scopes: readonly string[];
  revoked: boolean;
}

interface RefreshRecord {
  readonly accountId: string;
  readonly options: IssueOptions;
  readonly expiresAt: number | undefined;
  used: boolean;
  revoked: boolean;
}

/**
 * The simulated platform's OAuth server: issues tokens with expiry, refreshes them (rotating
 * the refresh token when the platform does), revokes them, and checks what a request presents.
 */
export class TokenRegistry {
  readonly #clock: SimClock;
  readonly #prefix: string;
  readonly #access = new Map<string, AccessRecord>();
  readonly #refresh = new Map<string, RefreshRecord>();
  #counter = 0;

  /**
   * @param clock - simulated time, for expiry
   * @param prefix - the start of every token, so that a leaked token is easy to spot in a test
   */
  constructor(clock: SimClock, prefix: string) {
    this.#clock = clock;
    this.#prefix = prefix;
  }

  /** Issues tokens for an account. */
  issue(accountId: string, options: IssueOptions = {}): IssuedTokens {
    const refreshExpiresAt =
      options.refreshTtlMs === undefined ? undefined : this.#clock.now() + options.refreshTtlMs;
    return this.#issue(accountId, options, refreshExpiresAt);
  }

  #issue(accountId: string, options: IssueOptions, refreshExpiresAt: number | undefined): IssuedTokens {
    const accessToken = this.#token('at');
    const issuedAt = this.#clock.now();
    const expiresAt = options.expiresInMs === undefined ? undefined : issuedAt + options.expiresInMs;
    this.#access.set(accessToken, {
      accountId,
      issuedAt,
      expiresAt,
      expiredAt: undefined,
      scopes: options.scopes ?? [],
      revoked: false,
    });
    let refreshToken: string | undefined;
    if (options.refreshable) {
      refreshToken = this.#token('rt');
      this.#refresh.set(refreshToken, {
        accountId,
        options,
        expiresAt: refreshExpiresAt,
        used: false,
        revoked: false,
      });
    }
    return {
      accessToken,
      refreshToken,
      expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt),
      refreshExpiresAt:
        refreshToken === undefined || refreshExpiresAt === undefined ? undefined : new Date(refreshExpiresAt),
    };
  }

  /**
   * New tokens for a refresh token, or `undefined` when it is unknown, revoked, expired, or already
   * used while `rotate` is on (platforms that rotate refresh tokens refuse the old one: X, TikTok).
   * Without `rotate` the same refresh token comes back (LinkedIn).
   */
  refresh(refreshToken: string, rotate: boolean): IssuedTokens | undefined {
    const record = this.#refresh.get(refreshToken);
    if (record === undefined || record.revoked || (rotate && record.used)) return undefined;
    if (record.expiresAt !== undefined && this.#clock.now() >= record.expiresAt) return undefined;
    if (rotate) {
      record.used = true;
      return this.#issue(record.accountId, { ...record.options, refreshable: true }, record.expiresAt);
    }
    const issued = this.#issue(record.accountId, { ...record.options, refreshable: false }, undefined);
    const refreshExpiresAt = record.expiresAt === undefined ? undefined : new Date(record.expiresAt);
    return { ...issued, refreshToken, refreshExpiresAt };
  }

  /** What a request presenting `token` gets. */
  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') return { status: 'missing' };
    const record = this.#access.get(token);
    if (record === undefined) return { status: 'unknown' };
    if (record.revoked) return { status: 'revoked', accountId: record.accountId };
    const expiresAt = record.expiredAt ?? record.expiresAt;
    if (expiresAt !== undefined && this.#clock.now() >= expiresAt) {
      return { status: 'expired', accountId: record.accountId };
    }
    return { status: 'valid', accountId: record.accountId, scopes: record.scopes, issuedAt: record.issuedAt };
  }

  /** Makes an access token expire now (until {@link TokenRegistry.reset}). */
  expire(accessToken: string): void {
    const record = this.#access.get(accessToken);
    if (record) record.expiredAt = this.#clock.now();
  }

  /**
   * Puts every token issued back as it was issued: undoes `expire`, `revoke` and the use of a
   * rotated refresh token. Tokens stay issued (those a refresh issued too), so the accounts a
   * test file set up once act again in the next test. A token's own lifetime still runs on the clock.
   *
   * @example
   * ```ts
   * sim.tokens.revoke({ accountId });
   * sim.tokens.reset();
   * sim.tokens.check(accessToken).status; // 'valid'
   * ```
   */
  reset(): void {
    for (const record of this.#access.values()) {
      record.expiredAt = undefined;
      record.revoked = false;
    }
    for (const record of this.#refresh.values()) {
      record.used = false;
      record.revoked = false;
    }
  }

  /**
   * Revokes an access token, a refresh token (RFC 7009), or every token of an account (as a user
   * removing the app does), until {@link TokenRegistry.reset}. An unknown token is ignored.
   */
  revoke(
    tokenOrAccount:
      | { readonly accessToken: string }
      | { readonly refreshToken: string }
      | { readonly accountId: string },
  ): void {
    if ('accessToken' in tokenOrAccount || 'refreshToken' in tokenOrAccount) {
      const record =
        'accessToken' in tokenOrAccount
          ? this.#access.get(tokenOrAccount.accessToken)
          : this.#refresh.get(tokenOrAccount.refreshToken);
      if (record) record.revoked = true;
      return;
    }
    for (const record of [...this.#access.values(), ...this.#refresh.values()]) {
      if (record.accountId === tokenOrAccount.accountId) record.revoked = true;
    }
  }

  /** Every access and refresh token issued so far, for leak checks. */
  allIssued(): readonly string[] {
    return [...this.#access.keys(), ...this.#refresh.keys()];
  }

  #token(kind: string): string {
    this.#counter += 1;
    const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
    return `${this.#prefix}_${kind}_${this.#counter}_${random}`;
  }
}
