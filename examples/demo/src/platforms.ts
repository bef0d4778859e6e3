import { createFacebookAdapter } from '@smmkit/adapter-facebook';
import { createFacebookSimulator } from '@smmkit/adapter-facebook/mocks';
import { createInstagramAdapter } from '@smmkit/adapter-instagram';
import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
import { createLinkedInAdapter, linkedInPostUrl } from '@smmkit/adapter-linkedin';
import { createLinkedInSimulator } from '@smmkit/adapter-linkedin/mocks';
import { createTikTokAdapter, isTikTokPublicId, tiktokPostUrl } from '@smmkit/adapter-tiktok';
import { createTikTokSimulator } from '@smmkit/adapter-tiktok/mocks';
import { createXAdapter, refreshXToken, xPostUrl } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import type { Adapter, Media, Post, PostRef, TargetOverrides, TokenSet } from '@smmkit/core';
import type { RefreshTokens } from '@smmkit/core/app';
import { createMastodonAdapter } from '@smmkit/example-adapter-mastodon';
import { createMastodonSimulator } from '@smmkit/example-adapter-mastodon/mocks';
import type { FastForwardClock, ManualClock, PlatformSimulator, ScriptedFault } from '@smmkit/testkit';

/** One platform of the demo, running on its simulator. */
export interface SimulatedPlatform {
  /** The simulator: posts, faults, request log, MSW handlers. */
  readonly sim: PlatformSimulator;
  /** Other hosts the platform needs simulated (Instagram's upload host), started with `sim`. */
  readonly extraSimulators?: readonly PlatformSimulator[] | undefined;
  /** The adapter, talking to the simulator. */
  readonly adapter: Adapter;
  /** The demo account's id on the platform. */
  readonly accountId: string;
  /** The demo account's handle, for post URLs (X builds them with it). */
  readonly handle?: string | undefined;
  /** Its tokens, as the platform's OAuth exchange gave them. */
  readonly tokens: TokenSet;
  /** The platform's refresh call, when its tokens expire during the demo (X: after 2 hours). */
  readonly refresh?: RefreshTokens | undefined;
  /** What this platform's posts change (shorter text, platform options). */
  readonly overrides?: TargetOverrides | undefined;
  /** Changes for one post on top of `overrides` (Instagram fetches images from a URL). */
  overridesFor?(post: Post): TargetOverrides | undefined;
  /** Faults the simulator injects during the demo, in order. */
  readonly faults: readonly ScriptedFault[];
  /** A post's public URL, for outcomes that come without one (a post found by reconciliation). */
  postUrl(ref: PostRef): string;
}

/** An entry of {@link PLATFORMS}: how to simulate one platform for the demo. */
export interface DemoPlatform {
  /** The platform id (the adapter's `platform`). */
  readonly id: string;
  /** The name printed. */
  readonly name: string;
  /**
   * Makes the simulator on simulated time, adds the demo account and makes the adapter.
   *
   * @param time - the simulators' clock
   * @param clock - the clock of adapters and token providers (skips waits) and their `fetch`
   */
  setUp(time: ManualClock, clock: FastForwardClock): SimulatedPlatform;
}

/** Fifteen minutes, X's rate-limit window. */
const FIFTEEN_MINUTES = 15 * 60_000;

const x: DemoPlatform = {
  id: 'x',
  name: 'X',
  setUp(time, clock) {
    const simulator = createXSimulator({
      clock: time,
      // A tight limit: five posts per 15 minutes instead of 100, so the publisher has to hold back.
      budgets: { 'tweets-create': { limit: 5, windowMs: FIFTEEN_MINUTES, kind: 'fixed' } },
    });
    const ana = simulator.addAccount('ana', { followers: 12_400, displayName: 'Ana (demo)' });
    return {
      sim: simulator.sim,
      adapter: createXAdapter({ baseUrl: simulator.baseUrl, fetch: clock.fetch }),
      accountId: ana.account.id,
      // The registry's handle reaches the adapter: post URLs are https://x.com/ana/status/….
      handle: 'ana',
      // X tokens last 2 hours: the metrics read a day later needs a refresh, which this does.
      tokens: { accessToken: ana.accessToken, refreshToken: ana.refreshToken, expiresAt: ana.expiresAt },
      refresh: (refreshToken) =>
        refreshXToken({
          clientId: 'smmkit-demo',
          baseUrl: simulator.baseUrl,
          refreshToken,
          clock,
          fetch: clock.fetch,
        }),
      postUrl: (ref) => xPostUrl(ref.platformPostId, 'ana'),
      faults: [
        // The first image upload gets a 503: the publisher retries, each image is stored once.
        { kind: 'server_error', route: 'POST /2/media/upload/initialize' },
        // The fifth create (the first after the four of the thread) is stored but its answer is
        // lost: the publisher finds the post with findRecentPosts instead of posting it twice.
        { kind: 'accepted_then_lost', route: 'POST /2/tweets', skip: 4 },
      ],
    };
  },
};

const mastodon: DemoPlatform = {
  id: 'mastodon',
  name: 'Mastodon',
  setUp(time, clock) {
    const simulator = createMastodonSimulator({ clock: time });
    const ana = simulator.addAccount('ana', { followers: 3_100, displayName: 'Ana (demo)' });
    return {
      sim: simulator.sim,
      adapter: createMastodonAdapter({
        instanceUrl: simulator.instanceUrl,
        mediaPollIntervalMs: 500,
        fetch: clock.fetch,
      }),
      accountId: ana.account.id,
      tokens: { accessToken: ana.accessToken },
      postUrl: (ref) => `${simulator.instanceUrl}/@ana/${ref.platformPostId}`,
      overrides: { options: { visibility: 'public', language: 'en' } },
      faults: [
        // The first create is stored but its answer is lost: the publisher retries with the same
        // idempotency key and the server hands back the status it already made.
        { kind: 'accepted_then_lost', route: 'POST /api/v1/statuses' },
        // The first create after the thread (the retry above and its three parts) gets a 429 with
        // the reset in its headers: the publisher pauses the bucket until then.
        { kind: 'rate_limit', route: 'POST /api/v1/statuses', skip: 4 },
      ],
    };
  },
};

/** Where the demo pretends its images are hosted: Instagram fetches images from a URL. */
const CDN = 'https://cdn.example.com/spring-26';

/** The dimensions of `media` scaled down to at most `maxWidth` wide, aspect kept. */
function fitWidth(media: Media, maxWidth: number): Pick<Media, 'width' | 'height'> {
  const { width, height } = media;
  if (width === undefined || height === undefined || width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.round((height * maxWidth) / width) };
}

const instagram: DemoPlatform = {
  id: 'instagram',
  name: 'Instagram',
  setUp(time, clock) {
    const simulator = createInstagramSimulator({ clock: time });
    const ana = simulator.addAccount('ana.linen', { followers: 8_900 });
    return {
      sim: simulator.sim,
      extraSimulators: simulator.simulators.filter((sim) => sim !== simulator.sim),
      adapter: createInstagramAdapter({ baseUrl: simulator.baseUrl, fetch: clock.fetch }),
      accountId: ana.account.id,
      tokens: { accessToken: ana.accessToken },
      // Images are created from a public URL (`image_url`,
      // https://developers.facebook.com/docs/instagram-platform/content-publishing), at most 1,440 px wide
      // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media):
      // the same pictures, as the CDN serves them resized. A video given as bytes goes through the resumable
      // upload host.
      overridesFor: (post) => {
        const media = post.media;
        if (media === undefined || !media.some((item) => item.kind === 'image')) return undefined;
        return {
          media: media.map(
            (item, index): Media =>
              item.kind === 'image'
                ? {
                    ...item,
                    ...fitWidth(item, 1440),
                    source: { type: 'url', url: `${CDN}/image-${index + 1}.jpg?w=1440` },
                  }
                : item,
          ),
        };
      },
      postUrl: (ref) => ref.url ?? `https://www.instagram.com/p/${ref.platformPostId}/`,
      faults: [
        // The first media_publish is published but its answer is lost: the publisher finds the
        // post with findRecentPosts instead of publishing it twice.
        { kind: 'accepted_then_lost', route: 'POST /:version/:igUserId/media_publish' },
      ],
    };
  },
};

const linkedin: DemoPlatform = {
  id: 'linkedin',
  name: 'LinkedIn',
  setUp(time, clock) {
    const simulator = createLinkedInSimulator({ clock: time });
    const ana = simulator.addMember('ana');
    ana.account.followers = 5_400;
    return {
      sim: simulator.sim,
      extraSimulators: [simulator.www],
      adapter: createLinkedInAdapter({ fetch: clock.fetch }),
      // The member's URN: LinkedIn posts as `urn:li:person:…`.
      accountId: ana.account.id,
      tokens: { accessToken: ana.accessToken },
      postUrl: (ref) => linkedInPostUrl(ref.platformPostId),
      faults: [
        // The first image upload is refused with a 500: the publisher retries, nothing was posted.
        { kind: 'server_error', route: 'POST /rest/images' },
        // The first post is stored but its answer is lost: LinkedIn takes no idempotency key, so
        // the publisher finds the post among the author's (findRecentPosts) instead of posting twice.
        { kind: 'accepted_then_lost', route: 'POST /rest/posts' },
      ],
    };
  },
};

const facebook: DemoPlatform = {
  id: 'facebook',
  name: 'Facebook',
  setUp(time, clock) {
    // Instagram's simulator already answers on graph.facebook.com with its own tokens, and both
    // have `GET /{v}/{id}`: the Page's Graph gets an origin of its own in the demo.
    const simulator = createFacebookSimulator({ clock: time, baseUrl: 'https://graph.facebook-pages.test' });
    const page = simulator.addPage('linen.workshop', { followers: 6_700 });
    return {
      sim: simulator.sim,
      // Videos and reels upload to Graph's video hosts, simulated next to the Page's Graph.
      extraSimulators: simulator.simulators.filter((sim) => sim !== simulator.sim),
      adapter: createFacebookAdapter({ baseUrl: simulator.baseUrl, fetch: clock.fetch }),
      // The Page id; its Page token posts to the Page feed.
      accountId: page.account.id,
      tokens: { accessToken: page.accessToken },
      // Photos are given by a public URL (https://developers.facebook.com/docs/graph-api/reference/page/photos/):
      // the same pictures, as the CDN serves them.
      overridesFor: (post) => {
        const media = post.media;
        if (media === undefined || !media.some((item) => item.kind === 'image')) return undefined;
        return {
          media: media.map(
            (item, index): Media =>
              item.kind === 'image'
                ? { ...item, source: { type: 'url', url: `${CDN}/image-${index + 1}.jpg` } }
                : item,
          ),
        };
      },
      postUrl: (ref) => ref.url ?? `https://www.facebook.com/${ref.platformPostId}`,
      faults: [
        // The first feed post is stored but its answer is lost: the publisher finds it among the
        // Page's posts (findRecentPosts) instead of posting twice.
        { kind: 'accepted_then_lost', route: 'POST /:version/:pageId/feed' },
      ],
    };
  },
};

const tiktok: DemoPlatform = {
  id: 'tiktok',
  name: 'TikTok',
  setUp(time, clock) {
    // Moderation takes a minute of simulated time before TikTok shows the public post id.
    const simulator = createTikTokSimulator({
      clock: time,
      moderationMs: 60_000,
      verifiedUrlPrefixes: [`${CDN}/`],
      // TikTok's access tokens last 24 h; the demo's campaign runs longer on simulated time.
      accessTokenSeconds: 30 * 86_400,
    });
    const creator = simulator.addCreator('linen.workshop', { followers: 9_100 });
    return {
      sim: simulator.sim,
      extraSimulators: simulator.simulators.filter((sim) => sim !== simulator.sim),
      adapter: createTikTokAdapter({ baseUrl: simulator.apiUrl, fetch: clock.fetch }),
      accountId: creator.account.id,
      tokens: { accessToken: creator.accessToken },
      // TikTok has no default audience: every direct post names one among the creator's options
      // (https://developers.tiktok.com/doc/content-sharing-guidelines).
      overrides: { options: { privacyLevel: 'PUBLIC_TO_EVERYONE' } },
      // Photo posts are pulled from a URL on a domain the app verified, at most 1080p
      // (https://developers.tiktok.com/doc/content-posting-api-reference-photo-post).
      overridesFor: (post) => {
        const media = post.media;
        if (media === undefined || !media.some((item) => item.kind === 'image')) return undefined;
        return {
          media: media.map(
            (item, index): Media =>
              item.kind === 'image'
                ? {
                    ...item,
                    ...fitWidth(item, 1080),
                    source: { type: 'url', url: `${CDN}/image-${index + 1}.jpg?w=1080` },
                  }
                : item,
          ),
        };
      },
      // Until moderation is over TikTok gives no public id, only the publish id: no URL yet.
      postUrl: (ref) =>
        isTikTokPublicId(ref.platformPostId)
          ? tiktokPostUrl('linen.workshop', ref.platformPostId, 'video')
          : `publish ${ref.platformPostId}`,
      faults: [],
    };
  },
};

/**
 * Every platform the demo publishes to. A new adapter with a simulator is one more entry here.
 */
export const PLATFORMS: readonly DemoPlatform[] = [x, mastodon, instagram, linkedin, facebook, tiktok];
