/**
 * The simulated X and Mastodon of `pnpm bench:scheduler`: half the accounts on each, adapters
 * talking to the simulators in this process, and a tally of every post the platforms stored.
 *
 * Two choices keep 100,000 publishes within a few minutes, and neither hides a duplicate:
 *
 * - Requests go straight to the simulators' MSW handlers (msw's `getResponse`, as testkit's
 *   `serveSimulators` answers them over HTTP) instead of through MSW's interception of sockets,
 *   whose emulated TLS connection per request costs more than the rest of a publish. Same
 *   handlers, token checks, rate-limit windows and request logs.
 * - Both simulators scan every stored post on each create (X's duplicate-content rule, Mastodon's
 *   statuses_count), which makes 50,000 posts per platform quadratic. {@link BenchPlatforms.sweep}
 *   moves the posts stored so far into the tally after each round. A post the platforms stored
 *   twice is counted twice either way; moving posts out only makes X accept a repeated text
 *   that it would otherwise refuse as a duplicate, so a double publish shows as a duplicate here
 *   instead of as a refusal.
 */
import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { type Adapter, staticTokenProvider, type Target, type TokenProvider } from '@smmkit/core';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import type { FastForwardClock, ManualClock, PlatformSimulator } from '@smmkit/testkit';
import { getResponse } from 'msw';

const DAY = 86_400_000;

/** What {@link createBenchPlatforms} builds. */
export interface BenchPlatforms {
  /** One target per account: even indexes on X, odd ones on Mastodon. */
  readonly targets: readonly Target[];
  /** The adapters (on the fast-forward clock's counted fetch). */
  readonly adapters: readonly Adapter[];
  /** The token of a target's account. */
  tokens(target: Target): TokenProvider;
  /** Moves the posts the simulators hold into the tally (see the module's comment). */
  sweep(): void;
  /** How often each post is on its platform: `platform account text` → times stored. */
  tally(): ReadonlyMap<string, number>;
}

/** The tally's key of a post. */
export function postKey(platform: string, accountId: string, text: string): string {
  return `${platform} ${accountId} ${text}`;
}

/**
 * Makes the simulators, `accounts` accounts with tokens, and the adapters, and points the
 * process's `fetch` at the simulators (the bench uses no network at all; the fast-forward clock's
 * counted fetch calls the global one, so time holds still while a request is answered).
 *
 * @param accounts - how many accounts, split between X and Mastodon
 * @param time - the simulators' clock
 * @param clock - the fast-forward clock of the publisher and scheduler
 */
export function createBenchPlatforms(
  accounts: number,
  time: ManualClock,
  clock: FastForwardClock,
): BenchPlatforms {
  const x = createXSimulator({ clock: time });
  const mastodon = createMastodonSimulator({ clock: time });
  const providers = new Map<string, TokenProvider>();
  const targets: Target[] = [];
  for (let n = 0; n < accounts; n += 1) {
    const { platform, accountId, token } =
      n % 2 === 0
        ? (() => {
            // X tokens last 2 h; the week runs on simulated time, so issue long ones.
            const made = x.addAccount(`xbench${n}`, { accessTokenTtlMs: 365 * DAY });
            return { platform: 'x', accountId: made.account.id, token: made.accessToken };
          })()
        : (() => {
            const made = mastodon.addAccount(`mbench${n}`);
            return { platform: 'mastodon', accountId: made.account.id, token: made.accessToken };
          })();
    providers.set(`${platform} ${accountId}`, staticTokenProvider(token));
    targets.push({ platform, accountId });
  }

  const simulators: readonly PlatformSimulator[] = [x.sim, mastodon.sim];
  const byOrigin = new Map(simulators.map((sim) => [new URL(sim.baseUrl).origin, sim]));
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const sim = byOrigin.get(new URL(request.url).origin);
    if (sim === undefined) throw new TypeError(`no simulator for ${request.url}`);
    const response = await getResponse([...sim.handlers], request);
    if (response === undefined)
      throw new TypeError(`no simulated route for ${request.method} ${request.url}`);
    if (response.type === 'error') throw new TypeError('fetch failed (simulated network error)');
    return response;
  };

  const tally = new Map<string, number>();
  return {
    targets,
    adapters: [
      createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch }),
      createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, fetch: clock.fetch }),
    ],
    tokens: (target) =>
      providers.get(`${target.platform} ${target.accountId}`) ?? staticTokenProvider('none'),
    sweep() {
      for (const sim of simulators) {
        for (const post of sim.posts.filter()) {
          const key = postKey(sim.platform, post.accountId, post.text);
          tally.set(key, (tally.get(key) ?? 0) + 1);
          sim.posts.delete(post.id);
        }
      }
    },
    tally: () => tally,
  };
}
