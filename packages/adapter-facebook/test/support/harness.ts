import type { Media } from '@smmkit/core';
import { useSimulatorHarness } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createFacebookAdapter, type FacebookSettings } from '../../src/index.js';
import { createFacebookSimulator, type FacebookSimulatorOptions } from '../../src/mocks/index.js';

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
