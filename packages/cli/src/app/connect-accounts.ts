import { createHash } from 'node:crypto';
import type { TokenSet } from '@smmkit/core';
import type { AccountConnection, SmmkitStore } from '@smmkit/core/app';
import type { AccountConfig, AccountTokensConfig } from '../config/smmkit-config.js';

/**
 * Where an account's tokens came from on this run: `env` (read from the variables the config
 * names, now in the store), `store` (kept from an earlier run, refreshed there), `simulator`, or
 * `missing` (the variable is not set and the store has none).
 */
export type TokenSource = 'env' | 'store' | 'simulator' | 'missing';

/** The account extra that tells whether the variables' tokens changed since they were stored. */
const DIGEST_KEY = 'envTokenDigest';

/** A short SHA-256 of the tokens: compares them across runs without keeping them in the registry. */
const digestOf = (tokens: TokenSet): string =>
  createHash('sha256')
    .update(`${tokens.accessToken}\n${tokens.refreshToken ?? ''}`)
    .digest('hex')
    .slice(0, 16);

const sameAccount = (a: AccountConnection, b: AccountConnection): boolean =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/**
 * Puts the config's accounts in the registry and their tokens in the store. Tokens are read from
 * the named variables when the store has none, or when the variables hold other tokens than
 * those stored from them before (a new authorization); otherwise the store's (refreshed, rotated)
 * tokens stay. Tokens with a refresh token are never replaced by variables without one (a run
 * whose environment lacks the refresh variable would otherwise drop the rotated refresh token):
 * the stored ones stay and `warn` says which variable is missing. An account whose settings
 * changed in the config is connected again.
 *
 * @param warn - called with a message (never a token) when the variables' tokens are not used
 */
export async function connectConfigAccounts(
  store: SmmkitStore,
  accounts: readonly AccountConfig[],
  env: NodeJS.ProcessEnv,
  now: Date,
  warn: (message: string) => void,
): Promise<Map<string, TokenSource>> {
  const sources = new Map<string, TokenSource>();
  for (const { tokens: names, ...account } of accounts) {
    const fromEnv =
      names === undefined
        ? undefined
        : env[names.accessTokenEnv] === ''
          ? undefined
          : env[names.accessTokenEnv];
    const stored = await store.tokens.load(account.id);
    const registered = await store.accounts.get(account.id);
    const tokenSet: TokenSet | undefined =
      fromEnv === undefined
        ? undefined
        : {
            accessToken: fromEnv,
            refreshToken:
              names?.refreshTokenEnv === undefined ? undefined : env[names.refreshTokenEnv] || undefined,
          };
    const changed =
      tokenSet !== undefined && (stored === undefined || registered?.[DIGEST_KEY] !== digestOf(tokenSet));
    // Losing the stored refresh token would leave the account to fail once its access token
    // expires: the variables' access token alone never replaces it.
    const keepStored =
      changed && tokenSet.refreshToken === undefined && stored?.tokens.refreshToken !== undefined;
    if (keepStored && names !== undefined) warn(keptStoredTokensWarning(account.id, names));
    const digest = tokenSet === undefined || keepStored ? undefined : digestOf(tokenSet);
    const connection: AccountConnection = {
      ...account,
      ...(digest === undefined
        ? registered?.[DIGEST_KEY] === undefined
          ? {}
          : { [DIGEST_KEY]: registered[DIGEST_KEY] }
        : { [DIGEST_KEY]: digest }),
    };
    const newTokens = changed && !keepStored;
    if (newTokens) await store.tokens.save(account.id, tokenSet);
    if (newTokens || registered === undefined || !sameAccount(connectionOf(registered), connection)) {
      await store.accounts.connect(connection, now);
      // Connecting makes an account active; a changed setting alone does not mend refused tokens.
      const status = registered?.status;
      if (!newTokens && status?.state === 'needs_reauthorization') {
        await store.accounts.markNeedsReauthorization(account.id, status.reason, status.since);
      }
    }
    sources.set(account.id, newTokens ? 'env' : stored !== undefined ? 'store' : 'missing');
  }
  return sources;
}

/** What to say when the variables' tokens lack the refresh token the stored ones have. */
function keptStoredTokensWarning(id: string, names: AccountTokensConfig): string {
  const kept = `${id}: kept the stored tokens, which have a refresh token, instead of ${names.accessTokenEnv} without one`;
  return names.refreshTokenEnv === undefined
    ? `${kept} (the config names no refreshTokenEnv for this account). To connect new tokens, add tokens.refreshTokenEnv to the account and set that variable too.`
    : `${kept} (${names.refreshTokenEnv} is not set). To connect new tokens, set ${names.refreshTokenEnv} to the refresh token that came with them.`;
}

/** A registered account without what the registry adds (when, status). */
function connectionOf(account: AccountConnection): AccountConnection {
  const {
    connectedAt: _at,
    status: _status,
    ...connection
  } = account as AccountConnection & {
    connectedAt?: unknown;
    status?: unknown;
  };
  return connection;
}
