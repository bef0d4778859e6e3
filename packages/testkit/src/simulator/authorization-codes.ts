import { pkceChallenge } from '@smmkit/core/adapter-kit';
import type { SimClock } from './sim-clock.js';

/**
 * What a user granted on a simulated consent screen, kept with the code until it is exchanged
 * (OAuth 2.0 authorization code grant, RFC 6749 §4.1; PKCE, RFC 7636). A platform may add fields
 * of its own (whether a refresh token comes with it, say).
 */
export interface AuthorizationGrant {
  /** The account that consented. */
  readonly accountId: string;
  /** The client (app) the code was issued to. */
  readonly clientId: string;
  /** The exact `redirect_uri` of the authorization request. */
  readonly redirectUri: string;
  /** The scopes granted. */
  readonly scopes: readonly string[];
  /** The PKCE `code_challenge`, when the request carried one. */
  readonly codeChallenge?: string | undefined;
  /** `S256` (default) or `plain`. */
  readonly codeChallengeMethod?: 'S256' | 'plain' | undefined;
}

/** What a token request presents with an authorization code. */
export interface CodeExchange {
  /** The client making the request. */
  readonly clientId: string;
  /** Its `redirect_uri` parameter (`null` when absent). */
  readonly redirectUri: string | null;
  /** Its `code_verifier` parameter (`null` or absent when not sent). */
  readonly codeVerifier?: string | null | undefined;
}

/** Settings of {@link AuthorizationCodes}. */
export interface AuthorizationCodesOptions {
  /** Simulated time, for the codes' lifetime. */
  readonly clock: SimClock;
  /** How long a code can be exchanged, in ms (X: 30 s, LinkedIn: 30 min, TikTok: 10 min). */
  readonly ttlMs: number;
  /** Makes a new code (each platform has its own look). */
  readonly newCode: () => string;
  /**
   * Whether `verifier` answers the grant's challenge. Default RFC 7636 §4.6: for `S256`,
   * BASE64URL(SHA-256(verifier)) equals it; for `plain`, the verifier itself does.
   */
  readonly answersChallenge?:
    | ((verifier: string, grant: AuthorizationGrant) => boolean | Promise<boolean>)
    | undefined;
}

const rfc7636 = async (verifier: string, grant: AuthorizationGrant): Promise<boolean> =>
  (grant.codeChallengeMethod === 'plain' ? verifier : await pkceChallenge(verifier)) === grant.codeChallenge;

/**
 * The authorization codes a simulated consent screen hands out, each exchangeable once, before it
 * expires, by the client it was issued to with the same redirect URI and, when the authorization
 * carried a PKCE challenge, a verifier that answers it. A simulator keeps only its dialect: its
 * consent URL, its token endpoint's answers and errors. Make it `sim.resettable` so a reset
 * forgets the codes.
 *
 * @example
 * ```ts
 * const codes = sim.resettable(new AuthorizationCodes({ clock: sim.clock, ttlMs: 30_000, newCode: () => `code_${sim.nextId()}` }));
 * const code = codes.issue({ accountId: ana.id, clientId: 'app', redirectUri: 'https://app.test/cb', scopes: ['read'] });
 * const grant = await codes.redeem(code, { clientId: 'app', redirectUri: 'https://app.test/cb' }); // once
 * ```
 */
export class AuthorizationCodes<G extends AuthorizationGrant = AuthorizationGrant> {
  readonly #codes = new Map<string, { readonly grant: G; readonly expiresAt: number }>();
  readonly #options: AuthorizationCodesOptions;

  /** @param options - the clock, the codes' lifetime and look, and the PKCE check */
  constructor(options: AuthorizationCodesOptions) {
    this.#options = options;
  }

  /** Issues a code for `grant`, valid `ttlMs` from simulated now. */
  issue(grant: G): string {
    const code = this.#options.newCode();
    this.#codes.set(code, { grant, expiresAt: this.#options.clock.now() + this.#options.ttlMs });
    return code;
  }

  /**
   * The grant of `code` when `exchange` may have it, else `undefined`. Either way the code is used
   * up: a code is exchanged at most once (RFC 6749 §4.1.2).
   */
  async redeem(code: string, exchange: CodeExchange): Promise<G | undefined> {
    const pending = this.#codes.get(code);
    this.#codes.delete(code);
    if (
      pending === undefined ||
      this.#options.clock.now() >= pending.expiresAt ||
      pending.grant.clientId !== exchange.clientId ||
      pending.grant.redirectUri !== exchange.redirectUri
    )
      return undefined;
    const { grant } = pending;
    if (grant.codeChallenge !== undefined) {
      const verifier = exchange.codeVerifier ?? '';
      const answers = this.#options.answersChallenge ?? rfc7636;
      if (verifier === '' || !(await answers(verifier, grant))) return undefined;
    }
    return grant;
  }

  /** Forgets every code (the simulator's reset). */
  clear(): void {
    this.#codes.clear();
  }
}
