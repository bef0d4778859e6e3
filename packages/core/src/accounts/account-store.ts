/**
 * An account the app connects: its own name for it (`id`), the platform account it stands for and
 * the app's settings for it. These are all the keys `createSmmkit` (its `accounts` and
 * `smm.accounts.connect`) takes: it refuses any other with a `ValidationError` naming it, so a
 * misspelt `zone` (for `timeZone`) or an `author` (for `accountId`) fails instead of being
 * ignored. To post as a LinkedIn organization, its URN is the `accountId`. (A type rather than an
 * interface, so an account is assignable where a store takes extras: `AccountStore.connect`.)
 *
 * @example
 * ```ts
 * const connection: AccountConnection = {
 *   id: 'brand-x',
 *   platform: 'x',
 *   accountId: '2244994945',
 *   handle: 'brand',
 *   timeZone: 'Europe/Berlin',
 *   slots: ['Mon-Fri 09:00', '17:30'],
 * };
 * ```
 */
export type AccountConnection = {
  /** The app's name for the account (`brand-x`): what `publish(post, { to })` takes. */
  readonly id: string;
  /** Platform id (`x`, `mastodon`, …); an adapter for it must be given to `createSmmkit`. */
  readonly platform: string;
  /** The platform's id for the account (the id the OAuth exchange's user lookup gave). */
  readonly accountId: string;
  /** Handle without `@`, for people. */
  readonly handle?: string | undefined;
  /** The audience's IANA zone: queue slots are wall times there, and reports place posts in it. */
  readonly timeZone?: string | undefined;
  /** Weekly queue slots in `timeZone` (`'Mon-Fri 09:00'`), for `'next-slot'`. */
  readonly slots?: readonly string[] | undefined;
};

/** Whether smmkit can act for an account, and since when it cannot. */
export type AccountStatus =
  | {
      /** Tokens are stored and were not refused for good. */
      readonly state: 'active';
    }
  | {
      /**
       * The platform refused the account's tokens for good: a person must connect it again.
       * Only connecting it clears this (`smm.accounts.connect`, or `AccountStore.connect`):
       * saving new tokens with `store.tokens.save` alone leaves it, and nothing is sent for it.
       */
      readonly state: 'needs_reauthorization';
      /** Why, in words (the refusal's message; never a token). */
      readonly reason: string;
      /** When smmkit found out. */
      readonly since: Date;
    };

/**
 * An account in the registry: as connected, with when and its status. Other keys are extras a
 * store kept (an app may store its own JSON values through `AccountStore.connect`, as the CLI
 * does), given back as they were.
 */
export interface ConnectedAccount extends AccountConnection {
  /** When it was (last) connected. */
  readonly connectedAt: Date;
  /** Whether smmkit can act for it. */
  readonly status: AccountStatus;
  /** Extras a store kept (JSON values), as they were connected. */
  readonly [extra: string]: unknown;
}

/**
 * The registry of connected accounts. Tokens are not here: they live in a `TokenStore` under the
 * account's `id`. smmkit ships `memoryAccountStore()` (`@smmkit/core/app`) and
 * `sqliteAccountStore(path)` (`@smmkit/core/sqlite`); `describeAccountStore` in
 * `@smmkit/testkit/conformance` checks yours.
 *
 * @example
 * ```ts
 * const store = memoryAccountStore();
 * await store.connect({ id: 'brand-x', platform: 'x', accountId: '2244994945' }, new Date());
 * (await store.get('brand-x'))?.status; // { state: 'active' }
 * ```
 */
export interface AccountStore {
  /**
   * Adds the account, or replaces the one with the same `id` (a reconnection): its status is
   * `active` again and `connectedAt` is `at`. Keys besides `AccountConnection`'s are the
   * app's extras, kept as given (JSON values); `createSmmkit` refuses them, a store keeps them.
   *
   * @throws ValidationError for an invalid connection (an empty id, an unknown zone, extras that
   *   are not JSON), or when another id already holds the same platform account
   */
  connect(
    account: AccountConnection & { readonly [extra: string]: unknown },
    at: Date,
  ): Promise<ConnectedAccount>;
  /** The account with `id`, if connected. */
  get(id: string): Promise<ConnectedAccount | undefined>;
  /** Every connected account, by `id`. */
  list(): Promise<ConnectedAccount[]>;
  /** Removes the account; resolves `true` when it was there. */
  disconnect(id: string): Promise<boolean>;
  /**
   * Marks the account as needing re-authorization, unless it already is (the first reason and
   * time stay). Resolves with the account, or `undefined` when it is not connected.
   */
  markNeedsReauthorization(id: string, reason: string, at: Date): Promise<ConnectedAccount | undefined>;
  /** Releases what the store holds open (a database connection it opened). */
  close?(): Promise<void>;
}
