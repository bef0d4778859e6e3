import type { EngagementQuery, Media, PostRef, RequestContext } from '@smmkit/core';
import {
  type AccountWithTokens,
  allPages,
  failureOf as testkitFailureOf,
  useSimulatorHarness,
} from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createInstagramAdapter, type InstagramAdapter, type InstagramSettings } from '../../src/index.js';
import {
  createInstagramSimulator,
  type InstagramSimulator,
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

/**
 * A simulated Instagram Graph API (and its rupload host) with the accounts `ana` (42 followers)
 * and `bob`, started for the calling test file by testkit's harness, which also resets it and
 * sets `clock` back to {@link START} before each test; `h.sibling({ baseUrl, ruploadUrl })` adds
 * another on the same clock. `adapter()` is pointed at it with {@link POLL}, `context()` acts for
 * ana unless told otherwise, on the harness's `adapterClock`.
 */
export function useInstagram(options: Omit<InstagramSimulatorOptions, 'clock'> = {}) {
  return useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const ig = createInstagramSimulator({ ...simulatorOptions, clock: kit.clock });
      const ana = ig.addAccount('ana', { followers: 42 });
      const requests = (route: string) => ig.sim.log.forRoute(route);
      return {
        simulators: ig.simulators,
        ig,
        ana,
        bob: ig.addAccount('bob'),
        adapter: (settings: InstagramSettings = {}) =>
          createInstagramAdapter({ baseUrl: ig.baseUrl, ...POLL, ...settings }),
        context: kit.contextFor(ig.sim, ana),
        /** A published media of `user` (default ana), `age` ms old, as a ref. */
        media(
          caption = 'A photo',
          media: { readonly age?: number; readonly user?: AccountWithTokens } = {},
        ): PostRef {
          const accountId = (media.user ?? ana).account.id;
          const post = ig.seedMedia(accountId, caption, { createdAt: kit.clock.now() - (media.age ?? 0) });
          return { platform: 'instagram', accountId, platformPostId: post.id };
        },
        /** The requests to a Graph route (see {@link ROUTES}), in order. */
        requests,
        /** The query parameters of the requests to a Graph route, in order. */
        queries: (route: string) => requests(route).map((entry) => new URL(entry.url).searchParams),
        /** The JSON or form bodies of the requests to a Graph route, in order. */
        bodies: (route: string) => ig.sim.log.bodies(route),
        /** Every Graph request as `METHOD /path?query` without the version, in order. */
        calls: () =>
          ig.sim.log.entries.map((entry) => {
            const url = new URL(entry.url);
            return `${entry.method} ${url.pathname.replace(/^\/v\d+\.\d+/, '')}${decodeURIComponent(url.search)}`;
          }),
      };
    },
  });
}

/** A media item at a public URL on the test CDN. */
const hosted = (
  kind: 'image' | 'video',
  url: string,
  extra: Partial<Media>,
  size: Partial<Media>,
): Media => ({
  kind,
  mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
  source: { type: 'url', url: `https://cdn.smmkit.test/${url}` },
  ...size,
  ...extra,
});

/** A JPEG at a public URL, 1080 × 1080 unless `extra` says otherwise. */
export const image = (name = 'photo', extra: Partial<Media> = {}) =>
  hosted('image', `${name}.jpg`, extra, { width: 1080, height: 1080 });

/** An MP4 at a public URL, 30 s, 1080 × 1920 unless `extra` says otherwise. */
export const video = (name = 'clip', extra: Partial<Media> = {}) =>
  hosted('video', `${name}.mp4`, extra, { durationSec: 30, width: 1080, height: 1920 });

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

/** Every page of a listing (at most 100, so a listing that never ends fails the test). */
export const pagesOf = (adapter: InstagramAdapter, query: EngagementQuery, context: RequestContext) =>
  allPages(adapter.listEngagements(query, context));

/** Every item of a listing. */
export const itemsOf = async (adapter: InstagramAdapter, query: EngagementQuery, context: RequestContext) =>
  (await pagesOf(adapter, query, context)).flatMap((page) => page.items);

/** A `fetch` that passes every call on, through `hooks` when given, and keeps each request and response. */
export { recordingFetch } from '@smmkit/testkit';
