import type { TokenSet } from '@smmkit/core';

/** What the callback server hands a flow when it starts an authorization. */
export interface AuthorizationStart {
  /** The fresh `state` the platform sends back to the redirect URI. */
  readonly state: string;
  /** Where the platform sends the user back: `<publicUrl>/callback/<platform>`. */
  readonly redirectUri: string;
  /** The S256 PKCE challenge, for flows with `pkce: true`. */
  readonly codeChallenge?: string | undefined;
}

/** What the callback server hands a flow when the platform sent the user back with a code. */
export interface AuthorizationFinish {
  /** The `code` of the redirect. */
  readonly code: string;
  /** The same redirect URI as in the authorization URL (the platforms compare them). */
  readonly redirectUri: string;
  /** The PKCE verifier whose challenge was in the authorization URL, for flows with `pkce: true`. */
  readonly codeVerifier?: string | undefined;
  /**
   * The platform account the user chose when starting (`/connect/<platform>?account=…`): a
   * Facebook Page id, a LinkedIn organization URN. Flows that find the account themselves ignore it.
   */
  readonly account?: string | undefined;
}

/** The account an authorization connected, and its tokens. */
export interface ConnectedGrant {
  /** The platform's id for the account: what the adapter acts for. */
  readonly accountId: string;
  /** The handle without `@`, when the platform said it. */
  readonly handle?: string | undefined;
  /** The tokens to store under the account. */
  readonly tokens: TokenSet;
}

/**
 * One platform's OAuth authorization code flow, written with the adapter's own auth helpers: the
 * URL that starts it, and what turns the redirect's code into an account and its tokens.
 */
export interface PlatformFlow {
  /** The platform id, as the adapter's (`x`, `linkedin`, …). */
  readonly platform: string;
  /** Whether the flow sends a PKCE challenge (X) and needs the verifier back for the exchange. */
  readonly pkce: boolean;
  /** The platform's authorization URL to send the user to. */
  authorizationUrl(start: AuthorizationStart): string;
  /** Exchanges the code and finds the account it authorizes. */
  finish(finish: AuthorizationFinish): Promise<ConnectedGrant>;
}

/** Where flows send their requests: the global `fetch` unless told otherwise (tests, proxies). */
export interface FlowTransport {
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
}
