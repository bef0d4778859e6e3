import { createFacebookSimulator } from '@smmkit/adapter-facebook/mocks';
import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
import { createLinkedInSimulator, MEMBER_SCOPES } from '@smmkit/adapter-linkedin/mocks';
import { createTikTokSimulator, TIKTOK_CREATOR_SCOPES } from '@smmkit/adapter-tiktok/mocks';
import { createXSimulator, DEFAULT_SCOPES } from '@smmkit/adapter-x/mocks';
import type { TokenSet } from '@smmkit/core';
import type { AccountConnection } from '@smmkit/core/app';
import { startSimulators } from '@smmkit/testkit';
import type { Platform } from '../config/platforms.js';
import type { AccountConfig } from '../config/smmkit-config.js';
import type { AdapterSettings } from './make-adapters.js';

/** The accounts `--simulate` uses when there is no config: one per platform. */
export const SEEDED_ACCOUNTS: readonly AccountConfig[] = [
  {
    id: 'sim-x',
    platform: 'x',
    accountId: 'simulated',
    handle: 'brand',
    timeZone: 'Europe/Berlin',
    slots: ['Mon-Fri 09:00', 'Mon-Fri 17:30'],
  },
  {
    id: 'sim-instagram',
    platform: 'instagram',
    accountId: 'simulated',
    handle: 'brand.studio',
    timeZone: 'Europe/Berlin',
    slots: ['Mon-Fri 12:00'],
  },
  {
    id: 'sim-facebook',
    platform: 'facebook',
    accountId: 'simulated',
    handle: 'brand.page',
    timeZone: 'Europe/Berlin',
    slots: ['Mon-Fri 10:00'],
  },
  {
    id: 'sim-linkedin',
    platform: 'linkedin',
    accountId: 'simulated',
    handle: 'brand',
    timeZone: 'Europe/Berlin',
    slots: ['Tue,Thu 08:30'],
  },
  {
    id: 'sim-tiktok',
    platform: 'tiktok',
    accountId: 'simulated',
    handle: 'brand',
    timeZone: 'Europe/Berlin',
    slots: ['Fri 18:00'],
  },
];

/** An account on a simulator, as the app connects it. */
export interface SimulatedConnection {
  /** The account, with the simulator's id for it. */
  readonly account: AccountConnection;
  /** The tokens the simulator issued. */
  readonly tokens: TokenSet;
}

/** The running simulators and what to wire to them. */
export interface Simulation {
  /** Settings pointing each adapter at its simulator. */
  readonly settings: AdapterSettings;
  /** The accounts and their tokens. */
  readonly connections: readonly SimulatedConnection[];
  /** Stops intercepting `fetch`. */
  close(): void;
}

/** Mentions each simulated account finds in its inbox. */
const SEEDED_MENTIONS = 3;

/** Earlier posts of a simulated X account, one a day. */
const SEEDED_POSTS = 7;

const DAY_MS = 86_400_000;

/**
 * Starts every platform's simulator in this process (MSW intercepts `fetch`; nothing reaches the
 * network) on the real clock, with media processed at once, and adds `accounts` to them, each
 * with a few mentions for the inbox. Their platform ids are the simulators' own.
 */
export function startSimulation(accounts: readonly AccountConfig[]): Simulation {
  // X's post ids hold their creation time (Snowflakes), and every command seeds its simulators
  // anew: the X simulator reads the start of the current UTC day while the seeds are made, so
  // each process makes the same ids, and one listed by `inbox` is found by `inbox reply`.
  let seedingAt: number | undefined;
  const x = createXSimulator({ mediaProcessingMs: 0, clock: { now: () => seedingAt ?? Date.now() } });
  const seededToday = (seed: () => void): void => {
    seedingAt = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    try {
      seed();
    } finally {
      seedingAt = undefined;
    }
  };
  const instagram = createInstagramSimulator({ containerProcessingMs: 0 });
  // Instagram's simulator answers on graph.facebook.com with its own tokens, and both have
  // `GET /{v}/{id}`: the Page's Graph gets an origin of its own, as in the demo.
  const facebook = createFacebookSimulator({
    baseUrl: 'https://graph.facebook-pages.test',
    videoProcessingMs: 0,
  });
  const linkedin = createLinkedInSimulator({ mediaProcessingMs: 0, videoProcessingMs: 0 });
  const tiktok = createTikTokSimulator({ processingMs: 0, moderationMs: 0 });

  const add: Record<Platform, (handle: string) => { id: string; tokens: TokenSet }> = {
    x: (handle) => {
      const added = x.addAccount(handle, { followers: 1200 });
      seededToday(() => {
        x.seedMentions(added.account.id, SEEDED_MENTIONS);
        // A week of earlier posts, one a day, for `report`: their metrics grow with their age.
        for (let day = SEEDED_POSTS; day >= 1; day -= 1) {
          x.sim.addPost({
            accountId: added.account.id,
            text: `Tip ${SEEDED_POSTS + 1 - day} of the week`,
            createdAt: x.sim.clock.now() - day * DAY_MS,
          });
        }
      });
      return { id: added.account.id, tokens: { ...tokensOf(added), scopes: DEFAULT_SCOPES } };
    },
    instagram: (handle) => {
      const added = instagram.addAccount(handle, { followers: 800 });
      instagram.seedMentions(added.account.id, SEEDED_MENTIONS);
      return { id: added.account.id, tokens: tokensOf(added) };
    },
    facebook: (handle) => {
      const added = facebook.addPage(handle, { followers: 600 });
      facebook.seedMentions(added.account.id, SEEDED_MENTIONS);
      return { id: added.account.id, tokens: tokensOf(added) };
    },
    linkedin: (handle) => {
      // The member granted what the adapter reads too: its follower count needs
      // r_member_profileAnalytics
      // (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/members/follower-statistics),
      // which the simulator's default member scopes leave out.
      const scopes = [...MEMBER_SCOPES, 'r_member_profileAnalytics'];
      const added = linkedin.addMember(handle, { scopes });
      return { id: added.account.id, tokens: { ...tokensOf(added), scopes } };
    },
    tiktok: (handle) => {
      const added = tiktok.addCreator(handle, { followers: 900 });
      return { id: added.account.id, tokens: { ...tokensOf(added), scopes: TIKTOK_CREATOR_SCOPES } };
    },
  };
  const connections = accounts.map(({ tokens: _names, ...account }): SimulatedConnection => {
    const added = add[account.platform as Platform](account.handle ?? account.id);
    return { account: { ...account, accountId: added.id }, tokens: added.tokens };
  });
  const running = startSimulators(
    x.sim,
    ...instagram.simulators,
    ...facebook.simulators,
    ...linkedin.simulators,
    ...tiktok.simulators,
  );
  const xHandle = accounts.find((account) => account.platform === 'x')?.handle;
  return {
    settings: {
      x: { baseUrl: x.baseUrl, ...(xHandle === undefined ? {} : { username: xHandle }) },
      instagram: { baseUrl: instagram.baseUrl },
      facebook: { baseUrl: facebook.baseUrl },
      linkedin: { baseUrl: linkedin.apiUrl },
      tiktok: { baseUrl: tiktok.apiUrl },
    },
    connections,
    close: () => running.close(),
  };
}

function tokensOf(added: {
  readonly accessToken: string;
  readonly refreshToken?: string | undefined;
  readonly expiresAt?: Date | undefined;
}): TokenSet {
  return { accessToken: added.accessToken, refreshToken: added.refreshToken, expiresAt: added.expiresAt };
}
