import type { Media, PostRef } from '@smmkit/core';
import { useSimulatorHarness } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFacebookAdapter, type FacebookSettings } from '../../src/index.js';
import {
  createFacebookSimulator,
  type FacebookSimulator,
  type FacebookSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-12-04T12:00:00.000Z');

/** The routes as the simulator declares them. */
export const ROUTES = {
  feed: 'POST /:version/:pageId/feed',
  photos: 'POST /:version/:pageId/photos',
} as const;

/**
 * A simulated Facebook with the Pages `acme` and `other`, started for the calling test file by
 * testkit's harness and reset before each test. `adapter()` is pointed at it and `context()`
 * acts for acme with its Page token.
 */
export function useFacebook(options: Omit<FacebookSimulatorOptions, 'clock'> = {}) {
  return useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const facebook = createFacebookSimulator({ ...simulatorOptions, clock: kit.clock });
      const acme = facebook.addPage('acme');
      const other = facebook.addPage('other');
      return {
        simulators: [...facebook.simulators],
        facebook,
        acme,
        other,
        adapter: (settings: FacebookSettings = {}) =>
          createFacebookAdapter({ baseUrl: facebook.baseUrl, ...settings }),
        context: kit.contextFor(facebook.sim, acme),
      };
    },
  });
}

/**
 * The video id of a published video or reel: the simulator stores it under its Page post id (the
 * ref once the Video node names it), or under its video id (a reel without a Page post, or a ref
 * taken before the video was live).
 */
export function videoIdOf(facebook: FacebookSimulator, ref: PostRef): string {
  const stored =
    facebook.sim.posts.get(ref.platformPostId) ??
    facebook.sim.posts.filter((post) => post.extra.videoId === ref.platformPostId)[0];
  return typeof stored?.extra.videoId === 'string' ? stored.extra.videoId : ref.platformPostId;
}

/** The Page post id a video's Video node names (`post_id`), read with `token`; `undefined` before it has one. */
export async function videoPostIdOf(
  facebook: FacebookSimulator,
  token: string,
  videoId: string,
): Promise<string | undefined> {
  const response = await fetch(`${facebook.baseUrl}/v26.0/${videoId}?fields=post_id`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { post_id?: string }).post_id;
}

/** A 16:9 MP4 at a public URL, `durationSec` long (42 s by default). */
export function hostedVideo(durationSec = 42): Media {
  return {
    kind: 'video',
    mimeType: 'video/mp4',
    source: { type: 'url', url: 'https://cdn.smmkit.test/clip.mp4' },
    sizeBytes: 5_000_000,
    durationSec,
    width: 1920,
    height: 1080,
  };
}

/** A JPEG photo at a public URL. */
export function photo(name: string, extra: Partial<Media> = {}): Media {
  return {
    kind: 'image',
    mimeType: 'image/jpeg',
    source: { type: 'url', url: `https://cdn.smmkit.test/${name}.jpg` },
    sizeBytes: 300_000,
    ...extra,
  } as Media;
}
