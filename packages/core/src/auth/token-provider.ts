/** Options for one token request. */
export interface TokenRequestOptions {
  /** Stops waiting (for a refresh in flight, for example) when aborted. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Hands adapters the access token of one account. Adapters never store tokens: they ask for one
 * before each request and call {@link TokenProvider.refresh} when the platform says it expired.
 *
 * A fixed token is a one-liner; {@link createRefreshingTokenProvider} refreshes expiring tokens
 * once for all concurrent callers and persists rotated refresh tokens.
 *
 * @example
 * ```ts
 * const tokens: TokenProvider = { getAccessToken: async () => process.env.X_TOKEN ?? '' };
 * ```
 */
export interface TokenProvider {
  /** A token to use now. Should refresh ahead of expiry when it can. */
  getAccessToken(options?: TokenRequestOptions): Promise<string>;
  /**
   * Called when the platform rejected `rejectedToken` as expired. Returns a fresh token; when
   * another caller already refreshed (the current token differs from `rejectedToken`), returns
   * that one without refreshing again. Absent when the provider cannot refresh.
   */
  refresh?(rejectedToken: string, options?: TokenRequestOptions): Promise<string>;
}

/**
 * Tokens as an OAuth token endpoint hands them out, normalised: what a refreshing provider keeps
 * and what it hands to your persistence callback.
 */
export interface TokenSet {
  /** The bearer token sent to the platform. */
  readonly accessToken: string;
  /** When the access token stops working, when the platform said (`expires_in`). */
  readonly expiresAt?: Date | undefined;
  /** The token to get a new access token with. Some platforms rotate it on every refresh (X, TikTok). */
  readonly refreshToken?: string | undefined;
  /** When the refresh token stops working, when the platform said. */
  readonly refreshTokenExpiresAt?: Date | undefined;
  /** Granted scopes, when the platform said. */
  readonly scopes?: readonly string[] | undefined;
}
