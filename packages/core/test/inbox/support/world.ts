import { createInstagramAdapter } from '@smmkit/adapter-instagram';
import { createInstagramSimulator, type InstagramSimulator } from '@smmkit/adapter-instagram/mocks';
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator, type XSimulator } from '@smmkit/adapter-x/mocks';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator, type MastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import {
  type FastForwardClock,
  fastForwardClock,
  type ManualClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
} from '@smmkit/testkit';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Adapter } from '../../../src/adapter/adapter.js';
import { staticTokenProvider } from '../../../src/auth/static-token-provider.js';
import { INBOX_EVENT_NAMES, type InboxEvents } from '../../../src/inbox/events.js';
import { createInbox } from '../../../src/inbox/inbox.js';
import type { Inbox } from '../../../src/inbox/inbox-api.js';
import type { InboxAccount, InboxOptions } from '../../../src/inbox/inbox-options.js';
import type { InboxStore } from '../../../src/inbox/inbox-store.js';
import { memoryInboxStore } from '../../../src/inbox/memory-inbox-store.js';
import type { Target } from '../../../src/models/target.js';
import { createPublisher, type Publisher } from '../../../src/publisher/publisher.js';

/** Simulated "now" at the start of every test: Sunday 22 November 2026, 12:00 UTC. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What an inbox emitted, in order. */
export type Seen = {
  readonly [K in keyof InboxEvents]: { name: K; payload: Parameters<InboxEvents[K]>[0] };
}[keyof InboxEvents];

/** An inbox with the events it emitted. */
export type RecordingInbox = Inbox & { readonly seen: Seen[] };

/** ana on a simulated X, Mastodon and Instagram, one fast-forward clock, and inboxes over them. */
export interface InboxWorld {
  readonly time: ManualClock;
  readonly clock: FastForwardClock;
  readonly x: XSimulator;
  readonly mastodon: MastodonSimulator;
  readonly ig: InstagramSimulator;
  readonly xAna: Target;
  readonly mastodonAna: Target;
  readonly igAna: Target;
  /** The three accounts, as inbox accounts. */
  readonly accounts: readonly InboxAccount[];
  /** The adapters over the simulators (plus `extra`). */
  adapters(extra?: readonly Adapter[]): Adapter[];
  /** A publisher over the adapters, on the world's clock. */
  publisher(adapters?: readonly Adapter[]): Publisher;
  /** An inbox over every account (the test's store unless given), recording its events. */
  inbox(options?: Partial<InboxOptions>): RecordingInbox;
  /** The test's store (new for each test). */
  store(): InboxStore;
}

/**
 * Starts the simulators for the file; resets them, the clock and the store before each test and
 * stops the inboxes after it.
 *
 * @param makeStore - makes each test's store (default an in-memory one)
 */
export function useInboxWorld(makeStore: () => InboxStore = memoryInboxStore): InboxWorld {
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  // The X app has Enterprise access: self-serve apps cannot like through X's API.
  const x = createXSimulator({ clock: time, access: 'enterprise' });
  const mastodon = createMastodonSimulator({ clock: time });
  const ig = createInstagramSimulator({ clock: time });
  // Tests travel days ahead (spike baselines); token refresh is not what they test.
  const xUser = x.addAccount('ana', { accessTokenTtlMs: 365 * DAY });
  const mastodonUser = mastodon.addAccount('ana');
  const igUser = ig.addAccount('ana', { followers: 42 });
  const xAna: Target = { platform: 'x', accountId: xUser.account.id };
  const mastodonAna: Target = { platform: 'mastodon', accountId: mastodonUser.account.id };
  const igAna: Target = { platform: 'instagram', accountId: igUser.account.id };
  const tokens = new Map([
    ['x', xUser.accessToken],
    ['mastodon', mastodonUser.accessToken],
    ['instagram', igUser.accessToken],
  ]);
  let running: RunningSimulators | undefined;
  let store = makeStore();
  const inboxes: Inbox[] = [];
  beforeAll(() => {
    running = startSimulators(x.sim, mastodon.sim, ...ig.simulators);
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    running?.reset();
    time.set(START);
    await store.close?.();
    store = makeStore();
  });
  afterEach(async () => {
    await Promise.all(inboxes.splice(0).map((inbox) => inbox.stop()));
  });

  const adapters = (extra: readonly Adapter[] = []): Adapter[] => [
    createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch, access: 'enterprise' }),
    createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch: clock.fetch }),
    createInstagramAdapter({ baseUrl: ig.baseUrl, fetch: clock.fetch }),
    ...extra,
  ];
  const publisher = (list: readonly Adapter[] = adapters()): Publisher =>
    createPublisher({
      adapters: list,
      tokens: (target) => staticTokenProvider(tokens.get(target.platform) ?? ''),
      clock,
      retry: { random: () => 0.5 },
    });

  return {
    time,
    clock,
    x,
    mastodon,
    ig,
    xAna,
    mastodonAna,
    igAna,
    accounts: [xAna, mastodonAna, igAna],
    adapters,
    publisher,
    store: () => store,
    inbox(options = {}) {
      const list = options.adapters ?? adapters();
      const inbox = createInbox({
        adapters: list,
        publisher: options.publisher ?? publisher(list),
        accounts: [xAna, mastodonAna, igAna],
        store,
        clock,
        ...options,
      });
      inboxes.push(inbox);
      const seen: Seen[] = [];
      for (const name of INBOX_EVENT_NAMES) {
        inbox.events.on(name, (payload: unknown) => {
          seen.push({ name, payload } as Seen);
        });
      }
      return Object.assign(inbox, { seen });
    },
  };
}

/** The items an inbox hands out for `filter`, as `platform:text`. */
export async function texts(inbox: Inbox, filter: Parameters<Inbox['items']>[0] = {}): Promise<string[]> {
  const found: string[] = [];
  for await (const item of inbox.items(filter)) found.push(`${item.platform}:${item.text}`);
  return found;
}

/** The payloads of one event an inbox emitted, in order. */
export function emitted<K extends keyof InboxEvents>(
  inbox: RecordingInbox,
  name: K,
): Parameters<InboxEvents[K]>[0][] {
  return inbox.seen.flatMap((event) =>
    event.name === name ? [event.payload as Parameters<InboxEvents[K]>[0]] : [],
  );
}
