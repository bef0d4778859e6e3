import type { Media } from '@smmkit/core';
import { failureOf as testkitFailureOf, useSimulatorHarness } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTikTokAdapter, type TikTokSettings } from '../../src/index.js';
import {
  createTikTokSimulator,
  type TikTokSimulator,
  type TikTokSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-12-04T12:00:00.000Z');

/** The routes as the simulators declare them. */
export const ROUTES = {
  creatorInfo: 'POST /v2/post/publish/creator_info/query/',
  videoInit: 'POST /v2/post/publish/video/init/',
  inboxInit: 'POST /v2/post/publish/inbox/video/init/',
  contentInit: 'POST /v2/post/publish/content/init/',
  status: 'POST /v2/post/publish/status/fetch/',
  cancel: 'POST /v2/post/publish/cancel/',
  upload: 'PUT /video/',
  videoQuery: 'POST /v2/video/query/',
  videoList: 'POST /v2/video/list/',
  userInfo: 'GET /v2/user/info/',
  token: 'POST /v2/oauth/token/',
} as const;

/**
 * A simulated TikTok with the creators `acme` and `bea`, started for the calling test file by
 * testkit's harness and reset before each test (clock back at {@link START}). `adapter()` is
 * pointed at it (status read every 1 000 simulated ms) and `context()` acts for acme on the
 * harness's `adapterClock`, with acme's handle.
 */
export function useTikTok(options: Omit<TikTokSimulatorOptions, 'clock'> = {}) {
  return useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const tiktok = createTikTokSimulator({ ...simulatorOptions, clock: kit.clock });
      const acme = tiktok.addCreator('acme', { followers: 5200 });
      const bea = tiktok.addCreator('bea');
      return {
        simulators: [...tiktok.simulators],
        tiktok,
        acme,
        bea,
        adapter: (settings: TikTokSettings = {}) =>
          createTikTokAdapter({ baseUrl: tiktok.apiUrl, publishPollIntervalMs: 1000, ...settings }),
        context: kit.contextFor(tiktok.sim, acme),
      };
    },
  });
}

/** The smmkit error `promise` rejects with, checked to carry no token `tiktok` issued. */
export const failureOf = (promise: Promise<unknown>, tiktok: TikTokSimulator) =>
  testkitFailureOf(promise, { secrets: () => tiktok.sim.tokens.allIssued() });

/** A video of `size` bytes in memory, 30 s at 30 fps, 1080×1920. */
export function video(size = 2048, extra: Partial<Media> = {}): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'bytes', bytes: new Uint8Array(size).map((_, i) => i % 251) },
    durationSec: 30,
    fps: 30,
    width: 1080,
    height: 1920,
    ...extra,
  } as Media;
}

/** A JPEG photo at an HTTPS URL. */
export function photo(name: string, extra: Partial<Media> = {}): Media {
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { type: 'url', url: `https://media.acme.test/${name}.jpg` },
    width: 1080,
    height: 1350,
    ...extra,
  } as Media;
}

/** `options.tiktok` of a public direct post, with `extra`. */
export const publicOptions = (extra: Record<string, unknown> = {}) => ({
  tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE', ...extra },
});
