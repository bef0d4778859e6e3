import type { Media } from '@smmkit/core';
import { failureOf as testkitFailureOf, useSimulatorHarness } from '@smmkit/testkit';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createLinkedInAdapter, type LinkedInSettings } from '../../src/index.js';
import {
  createLinkedInSimulator,
  type LinkedInSimulator,
  type LinkedInSimulatorOptions,
} from '../../src/mocks/index.js';

/** Simulated "now" at the start of every test. */
export const START = Date.parse('2026-11-22T12:00:00.000Z');

/** The create-post route as the simulator declares it. */
export const CREATE_POST = 'POST /rest/posts';

/**
 * A simulated LinkedIn with the member `ana` and the organization `Acme` (ana administers it),
 * started for the calling test file by testkit's harness, reset with the clock back at
 * {@link START} before each test. `adapter()` is pointed at it (media polled every 500 simulated
 * ms) and `context()` acts for ana on the harness's `adapterClock`.
 */
export function useLinkedIn(options: Omit<LinkedInSimulatorOptions, 'clock'> = {}) {
  return useSimulatorHarness({
    hooks: { beforeAll, afterAll, beforeEach },
    start: START,
    options,
    world: (simulatorOptions, kit) => {
      const linkedin = createLinkedInSimulator({ ...simulatorOptions, clock: kit.clock });
      const ana = linkedin.addMember('ana', {
        scopes: [
          'w_member_social',
          'r_member_social',
          'w_organization_social',
          'r_organization_social',
          'rw_organization_admin',
          'r_member_postAnalytics',
          'r_member_profileAnalytics',
        ],
      });
      const acme = linkedin.addOrganization('Acme', [ana.account.id], 1200);
      return {
        simulators: [...linkedin.simulators],
        linkedin,
        ana,
        acme,
        adapter: (settings: Partial<LinkedInSettings> = {}) =>
          createLinkedInAdapter({ mediaPollIntervalMs: 500, ...settings }),
        context: kit.contextFor(linkedin.sim, ana),
      };
    },
  });
}

/** The smmkit error `promise` rejects with, checked to carry no token `linkedin` issued. */
export const failureOf = (promise: Promise<unknown>, linkedin: LinkedInSimulator) =>
  testkitFailureOf(promise, { secrets: () => linkedin.sim.tokens.allIssued() });

/** The JSON bodies of the post creates the simulator received, in order. */
export const createBodies = (linkedin: LinkedInSimulator) => linkedin.sim.log.bodies(CREATE_POST);

/** A media item of `size` bytes. */
export function media(kind: Media['kind'], mimeType: string, size = 64, extra: Partial<Media> = {}): Media {
  return {
    kind,
    mimeType,
    source: { type: 'bytes', bytes: new Uint8Array(size).map((_, i) => i % 251) },
    ...extra,
  };
}

/**
 * A create-post body as the Posts API documents it: a published main-feed post by `author`
 * (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api).
 */
export function postBody(author: string, commentary: string, extra: Record<string, unknown> = {}) {
  return {
    author,
    commentary,
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    ...extra,
  };
}
