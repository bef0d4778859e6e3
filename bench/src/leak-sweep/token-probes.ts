/**
 * Probes of the app's side of auth: a token provider, the publisher's `tokens` option, and the
 * loader, `persist` and `refresh` callbacks of `createRefreshingTokenProvider`, each failing with
 * an error that quotes the tokens (raw, URL-encoded, JSON-escaped, as a string, in a property, in
 * a cause), as a database or HTTP library error does. Run through each adapter's publish.
 */
import { createRefreshingTokenProvider, type TokenProvider, type TokenSet } from '@smmkit/core';
import type { DemoPlatform } from '../../../examples/demo/src/platforms.ts';
import type { AppThrown } from './app-thrown.ts';
import type { Probe } from './probe.ts';
import { createProbeWorld, type ProbeWorld } from './probe-world.ts';
import { simulatorTokens, sweepTokens } from './route-probes.ts';
import { BASIC_CREDENTIAL, jsonEscaped, SWEEP_SECRETS } from './secret-set.ts';
import type { ProbeTokens, Work } from './work.ts';
import { runWork } from './work.ts';

const {
  accessToken: AT,
  refreshToken: RT,
  refreshedAccessToken: AT2,
  refreshedRefreshToken: RT2,
  clientSecret: CS,
} = SWEEP_SECRETS;

/** A long time before and after the probes' simulated start. */
const PAST = new Date(Date.parse('2026-01-01T00:00:00.000Z'));
const FUTURE = new Date(Date.parse('2027-01-01T00:00:00.000Z'));

interface TokenCase {
  readonly family: 'token provider' | 'token store' | 'refresh callback';
  readonly id: string;
  /** The providers; `app.own` marks what the sweep's callbacks throw. */
  tokens(app: AppThrown, world: ProbeWorld): ProbeTokens;
  /** Makes the platform reject the access token (so the adapter asks the provider to refresh). */
  readonly rejectToken?: boolean;
}

const databaseError = (message: string): Error =>
  Object.assign(new Error(message), { name: 'DatabaseError', code: '23505' });

/** A provider whose every call fails with `thrown()`. */
const failing = (app: AppThrown, thrown: () => unknown): ProbeTokens => ({
  provider: () => ({ getAccessToken: () => Promise.reject(app.own(thrown())) }),
});

/** A refreshing provider on `tokens`, refreshing with `refresh` and storing with `persist`. */
function refreshing(
  world: ProbeWorld,
  tokens: TokenSet | (() => Promise<TokenSet>),
  refresh: () => Promise<TokenSet>,
  persist: () => Promise<void> | void = () => undefined,
): ProbeTokens {
  return {
    provider: (): TokenProvider =>
      createRefreshingTokenProvider({
        platform: world.platform.id,
        tokens,
        refresh,
        persist,
        clock: world.clock,
      }),
  };
}

const expired: TokenSet = { accessToken: AT, refreshToken: RT, expiresAt: PAST };
const valid: TokenSet = { accessToken: AT, refreshToken: RT, expiresAt: FUTURE };
const refreshed = async (): Promise<TokenSet> => ({ accessToken: AT2, refreshToken: RT2, expiresAt: FUTURE });

const CASES: readonly TokenCase[] = [
  {
    family: 'token provider',
    id: 'provider rejects: database error quoting the token (raw)',
    tokens: (app) =>
      failing(app, () =>
        databaseError(
          `duplicate key value violates unique constraint: Key (access_token)=(${AT}) already exists`,
        ),
      ),
  },
  {
    family: 'token provider',
    id: 'provider rejects: HTTP error with the token in the URL (URL-encoded)',
    tokens: (app) =>
      failing(
        app,
        () => new Error(`GET https://vault.test/v1/token?access_token=${encodeURIComponent(AT)} failed`),
      ),
  },
  {
    family: 'token provider',
    id: 'provider rejects: JSON answer in the message (JSON-escaped)',
    tokens: (app) =>
      failing(app, () => new Error(`vault answered {"token":"${jsonEscaped(AT)}","ok":false}`)),
  },
  {
    family: 'token provider',
    id: 'provider rejects with a string quoting the token',
    tokens: (app) => failing(app, () => `no session for ${AT}`),
  },
  {
    family: 'token provider',
    id: 'provider throws synchronously, quoting the token',
    tokens: (app) => ({
      provider: () => ({
        getAccessToken: () => {
          throw app.own(new Error(`token cache corrupt near ${AT}`));
        },
      }),
    }),
  },
  {
    family: 'token provider',
    id: 'provider rejects: the token in error properties (pg detail, parameters)',
    tokens: (app) =>
      failing(app, () =>
        Object.assign(new Error('insert failed'), {
          code: '23505',
          detail: `Key (access_token)=(${AT})`,
          parameters: [AT, RT],
        }),
      ),
  },
  {
    family: 'token provider',
    id: 'provider rejects: cause quoting the token',
    tokens: (app) =>
      failing(app, () => new Error('loading tokens failed', { cause: app.own(new Error(`row ${AT}`)) })),
  },
  {
    family: 'token provider',
    id: "publisher's tokens option throws, quoting the token",
    tokens: (app) => ({
      provider: sweepTokens.provider,
      publisherOption: () => {
        throw app.own(databaseError(`no row for Key (access_token)=(${AT})`));
      },
    }),
  },
  {
    family: 'token store',
    id: 'tokens loader rejects quoting both tokens (raw)',
    tokens: (app, world) =>
      refreshing(
        world,
        () => Promise.reject(app.own(databaseError(`could not decrypt (${AT}, ${RT}): bad key`))),
        refreshed,
      ),
  },
  {
    family: 'token store',
    id: 'tokens loader rejects quoting both tokens (URL-encoded)',
    tokens: (app, world) =>
      refreshing(
        world,
        () =>
          Promise.reject(
            app.own(new Error(`GET /tokens?a=${encodeURIComponent(AT)}&r=${encodeURIComponent(RT)}: 500`)),
          ),
        refreshed,
      ),
  },
  {
    family: 'token store',
    id: 'persist throws quoting the refreshed tokens (raw)',
    tokens: (app, world) =>
      refreshing(world, expired, refreshed, () => {
        throw app.own(databaseError(`Key (access_token, refresh_token)=(${AT2}, ${RT2}) already exists`));
      }),
  },
  {
    family: 'token store',
    id: 'persist rejects quoting the refreshed tokens (JSON-escaped)',
    tokens: (app, world) =>
      refreshing(world, expired, refreshed, () =>
        Promise.reject(
          app.own(new Error(`redis: {"at":"${jsonEscaped(AT2)}","rt":"${jsonEscaped(RT2)}"} too large`)),
        ),
      ),
  },
  {
    family: 'token store',
    id: 'persist rejects with a string quoting the refreshed tokens',
    tokens: (app, world) =>
      refreshing(world, expired, refreshed, () => Promise.reject(app.own(`cannot store ${AT2} ${RT2}`))),
  },
  {
    family: 'refresh callback',
    id: 'refresh throws quoting refresh token and client secret (raw)',
    tokens: (app, world) =>
      refreshing(world, expired, () =>
        Promise.reject(app.own(new Error(`invalid_grant for refresh_token=${RT} client_secret=${CS}`))),
      ),
  },
  {
    family: 'refresh callback',
    id: 'refresh throws quoting refresh token and client secret (URL-encoded)',
    tokens: (app, world) =>
      refreshing(world, expired, () =>
        Promise.reject(
          app.own(
            new Error(
              `POST /oauth2/token refresh_token=${encodeURIComponent(RT)}&client_secret=${encodeURIComponent(CS)} failed`,
            ),
          ),
        ),
      ),
  },
  {
    family: 'refresh callback',
    id: 'refresh throws quoting the Basic credential (base64 of client_id:secret)',
    tokens: (app, world) =>
      refreshing(world, expired, () =>
        Promise.reject(app.own(new Error(`401 for Authorization: Basic ${BASIC_CREDENTIAL}`))),
      ),
  },
  {
    family: 'refresh callback',
    id: 'refresh throws a string quoting the refresh token',
    tokens: (app, world) =>
      refreshing(world, expired, () => Promise.reject(app.own(`refresh failed for ${RT}`))),
  },
  {
    family: 'refresh callback',
    id: 'refresh throws an error whose cause quotes the refresh token (JSON-escaped)',
    tokens: (app, world) =>
      refreshing(world, expired, () =>
        Promise.reject(
          app.own(
            new Error('token endpoint failed', {
              cause: app.own(new Error(`{"refresh_token":"${jsonEscaped(RT)}"}`)),
            }),
          ),
        ),
      ),
  },
  {
    family: 'refresh callback',
    id: 'platform rejects the token (expired_token fault), refresh throws quoting the refresh token',
    rejectToken: true,
    tokens: (app, world) =>
      refreshing(world, valid, () =>
        Promise.reject(app.own(new Error(`invalid_grant: ${RT} was already used`))),
      ),
  },
  {
    family: 'refresh callback',
    id: 'platform rejects the token (expired_token fault), persist throws quoting the refreshed tokens',
    rejectToken: true,
    tokens: (app, world) =>
      refreshing(world, valid, refreshed, () => {
        throw app.own(databaseError(`Key (access_token)=(${AT2}) violates check "rt <> ${RT2}"`));
      }),
  },
];

/** The probes of the app's token callbacks, through `work` (a publish) on `platform`. */
export function tokenProbes(platform: DemoPlatform, work: Work): Probe[] {
  return CASES.map((tokenCase) => ({
    platform: platform.id,
    family: tokenCase.family,
    id: `${work.label} · ${tokenCase.id}`,
    run: async (server, app) => {
      const before = app.count;
      const world = await createProbeWorld(platform, server);
      const artifacts = await runWork(world, work, tokenCase.tokens(app, world), () => {
        if (tokenCase.rejectToken !== true) return;
        // The simulators' own fault injection: every request gets the platform's expired-token answer.
        for (const sim of world.simulators) sim.faults.inject({ kind: 'expired_token', times: 1_000 });
      });
      // The fault is the callback's failure: it fired when the callback threw.
      return { artifacts, hits: app.count - before, secrets: simulatorTokens(world) };
    },
  }));
}
