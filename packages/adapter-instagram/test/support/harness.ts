import { inspect } from 'node:util';
import { type Account, type Clock, type Engagement, type EngagementPage, type EngagementQuery, type Media, type PostRef, type PublishContext, type RequestContext, staticTokenProvider } from '@smmkit/core';
import {
  type LoggedRequest,
  type ManualClock,
  manualClock,
  type RunningSimulators,
  startSimulators,
  failureOf as testkitFailureOf,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createInstagramAdapter, type InstagramAdapter, type InstagramSettings } from '../../src/index.js';
import {
  createInstagramSimulator,
  type InstagramSimulator,
  type InstagramSimulatorAccount,
  type InstagramSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** One hour, in milliseconds. */
export const HOUR = 60 * 60_000;
/** One day, in milliseconds. */
export const DAY = 24 * HOUR;

/** The Graph routes as the simulator declares them (`sim.log.forRoute`). */
export const ROUTES = {
  /** `POST /{ig-user-id}/media`: a container. */
  container: 'POST /:version/:igUserId/media',
  /** `POST /{ig-user-id}/media_publish`. */
  publish: 'POST /:version/:igUserId/media_publish',
  /** `GET /{ig-user-id}/content_publishing_limit`. */
  quota: 'GET /:version/:igUserId/content_publishing_limit',
  /** `GET /{id}`: container status and media permalink reads. */
  node: 'GET /:version/:id',
  /** `POST /{ig-media-id}/comments`: the first comment. */
  comment: 'POST /:version/:mediaId/comments',
} as const;

/** The resumable upload route on the rupload simulator. */
export const RUPLOAD_ROUTE = 'POST /ig-api-upload/:version/:containerId';

/** The polling settings every harness adapter uses unless told otherwise: 5 s checks, 2 min at most. */
export const POLL = { containerPollIntervalMs: 5_000, containerPollTimeoutMs: 120_000 } as const;

/** Simulator options a harness takes (the clock is the harness's own). */
export type HarnessOptions = Omit<InstagramSimulatorOptions, 'clock'>;

/** One simulated Instagram Graph API with the accounts `ana` (42 followers) and `bob`, on the file's clock. */
export interface InstagramWorld {
  readonly ig: InstagramSimulator;
  readonly ana: InstagramSimulatorAccount;
  readonly bob: InstagramSimulatorAccount;
  /** An adapter pointed at this simulator, with {@link POLL} unless `settings` say otherwise. */
  adapter(settings?: InstagramSettings): InstagramAdapter;
  /** A publish (or request) context for `user` (default ana) on the simulated clock. */
  context(
    extra?: Partial<PublishContext>,
    user?: InstagramSimulatorAccount,
  ): PublishContext & { readonly account: Account };
  /** A published media of `user` (default ana), `age` ms old, as a ref. */
  media(
    caption?: string,
    options?: { readonly age?: number; readonly user?: InstagramSimulatorAccount },
  ): PostRef;
  /** The requests to a Graph route (see {@link ROUTES}), in order. */
  requests(route: string): readonly LoggedRequest[];
  /** The query parameters of the requests to a Graph route, in order. */
  queries(route: string): URLSearchParams[];
  /** The JSON bodies of the requests to a Graph route, in order. */
  bodies(route: string): Record<string, unknown>[];
  /** Every Graph request as `METHOD /path?query` without the version, in order. */
  calls(): string[];
}

/** The simulators of one test file, their shared clock and the adapter clock over it. */
export interface InstagramHarness extends InstagramWorld {
  /** Simulated time; set back to {@link START} before each test. */
  readonly clock: ManualClock;
  /** The adapter's clock: `sleep` moves simulated time on at once (no real wait) and is recorded. */
  readonly adapterClock: Clock;
  /** The milliseconds the adapter slept, in order, in the current test. */
  readonly sleeps: number[];
  /**
   * Another simulated Graph API on the same clock, started with the others. Call at the top of
   * the file (before the hooks run), with its own `baseUrl` and `ruploadUrl`.
   */
  sibling(
    options: HarnessOptions & { readonly baseUrl: string; readonly ruploadUrl: string },
  ): InstagramWorld;
}

/**
 * Starts a simulated Instagram Graph API (and its rupload host) for the calling test file
 * (beforeAll/afterAll) and resets its state, the clock and the recorded sleeps before each test.
 */
export function useInstagram(options: HarnessOptions = {}): InstagramHarness {
  const clock = manualClock(START);
  const sleeps: number[] = [];
  const adapterClock: Clock = {
    now: () => clock.now(),
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      clock.advance(ms);
    },
  };
  const worlds: InstagramWorld[] = [];
  const world = (simulatorOptions: HarnessOptions): InstagramWorld => {
    const ig = createInstagramSimulator({ ...simulatorOptions, clock });
    const ana = ig.addAccount('ana', { followers: 42 });
    const bob = ig.addAccount('bob');
    const requests = (route: string) => ig.sim.log.forRoute(route);
    const made: InstagramWorld = {
      ig,
      ana,
      bob,
      adapter: (settings = {}) => createInstagramAdapter({ baseUrl: ig.baseUrl, ...POLL, ...settings }),
      context: (extra = {}, user = ana) => ({
        account: { platform: 'instagram', accountId: user.account.id, handle: user.account.handle },
        tokens: staticTokenProvider(user.accessToken),
        clock: adapterClock,
        ...extra,
      }),
      media: (caption = 'A photo', mediaOptions = {}) => {
        const user = mediaOptions.user ?? ana;
        const post = ig.seedMedia(user.account.id, caption, {
          createdAt: clock.now() - (mediaOptions.age ?? 0),
        });
        return { platform: 'instagram', accountId: user.account.id, platformPostId: post.id };
      },
      requests,
      queries: (route) => requests(route).map((entry) => new URL(entry.url).searchParams),
      bodies: (route) => requests(route).map((entry) => record(entry.json)),
      calls: () =>
        ig.sim.log.entries.map((entry) => {
          const url = new URL(entry.url);
          return `${entry.method} ${url.pathname.replace(/^\/v\d+\.\d+/, '')}${decodeURIComponent(url.search)}`;
        }),
    };
    worlds.push(made);
    return made;
  };
  const main = world(options);

  let running: RunningSimulators | undefined;
  beforeAll(() => {
    running = startSimulators(...worlds.flatMap((item) => item.ig.simulators));
  });
  afterAll(() => running?.close());
  beforeEach(() => {
    running?.reset();
    clock.set(START);
    sleeps.length = 0;
  });

  return { ...main, clock, adapterClock, sleeps, sibling: world };
}

/** A JPEG at a public URL, 1080 × 1080 unless `extra` says otherwise. */
export function image(name = 'photo', extra: Partial<Media> = {}): Media {
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { type: 'url', url: `https://cdn.smmkit.test/${name}.jpg` },
    width: 1080,
    height: 1080,
    ...extra,
  };
}

/** An MP4 at a public URL, 30 s, 1080 × 1920 unless `extra` says otherwise. */
export function video(name = 'clip', extra: Partial<Media> = {}): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'url', url: `https://cdn.smmkit.test/${name}.mp4` },
    durationSec: 30,
    width: 1080,
    height: 1920,
    ...extra,
  };
}

/** An MP4 given as `size` bytes in memory (uploaded through rupload). */
export function videoBytes(size = 4_096, extra: Partial<Media> = {}): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'bytes', bytes: new Uint8Array(size).fill(7) },
    durationSec: 20,
    ...extra,
  };
}

/** The smmkit error `promise` rejects with, checked to carry no token `ig` issued nor any of `secrets`. */
export const failureOf = (
  promise: Promise<unknown>,
  ig: InstagramSimulator,
  secrets: readonly string[] = [],
) => testkitFailureOf(promise, { secrets: () => [...ig.sim.tokens.allIssued(), ...secrets] });

/** Hooks of {@link recordingFetch}. */
export interface FetchHooks {
  /** Runs before a request is sent (to change simulator state as if someone else acted meanwhile). */
  readonly before?: ((request: Request) => void | Promise<void>) | undefined;
  /** Replaces a response (to change what the platform answered). */
  readonly after?: ((request: Request, response: Response) => Response | Promise<Response>) | undefined;
}

/** A `fetch` that passes every call on, through `hooks` when given, and keeps each request. */
export function recordingFetch(hooks: FetchHooks = {}): {
  readonly fetch: typeof globalThis.fetch;
  readonly requests: Request[];
} {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      await hooks.before?.(request);
      const response = await fetch(request);
      return hooks.after === undefined ? response : hooks.after(request, response);
    },
  };
}

/** Every page of a listing. */
export async function pagesOf(
  adapter: InstagramAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<EngagementPage[]> {
  const pages: EngagementPage[] = [];
  for await (const page of adapter.listEngagements(query, context)) {
    pages.push(page);
    if (pages.length > 100) throw new Error('the listing did not stop after 100 pages');
  }
  return pages;
}

/** Every item of a listing. */
export async function itemsOf(
  adapter: InstagramAdapter,
  query: EngagementQuery,
  context: RequestContext,
): Promise<Engagement[]> {
  return (await pagesOf(adapter, query, context)).flatMap((page) => page.items);
}

/** `value` as a record, for reading JSON bodies in assertions. */
export function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null)
    throw new Error(`expected an object, got ${inspect(value)}`);
  return value as Record<string, unknown>;
}
