import { GraphComments, type GraphRoute } from '@smmkit/graph-api/mocks';
import type { PlatformSimulator } from '@smmkit/testkit';
import { type PlatformSimulatorOptions, readExtra } from '@smmkit/testkit/simulator-kit';
import type { FollowerDemographics } from './demographics.js';
import { CONTAINER_TTL_MS, DEFAULT_QUOTA_TOTAL, HOUR_MS } from './limits.js';
import type { PublishingError } from './publishing-errors.js';

/**
 * What a container creates (https://developers.facebook.com/docs/instagram-platform/content-publishing;
 * VIDEO only as a carousel item).
 */
export type ContainerMediaType = 'IMAGE' | 'VIDEO' | 'REELS' | 'STORIES' | 'CAROUSEL';

/** `status_code` of a container (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container). */
export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

/** A media container (POST /{ig-user-id}/media). */
export interface Container {
  /** Container id. */
  readonly id: string;
  /** The IG user it belongs to. */
  readonly accountId: string;
  /** What it makes. */
  readonly mediaType: ContainerMediaType;
  /** A carousel child. */
  readonly isCarouselItem: boolean;
  /** `image_url`. */
  readonly imageUrl: string | undefined;
  /** `video_url` (or the uploaded bytes of a resumable upload). */
  readonly videoUrl: string | undefined;
  /** `caption`. */
  readonly caption: string;
  /** `alt_text`. */
  readonly altText: string | undefined;
  /** Child container ids of a carousel. */
  readonly children: readonly string[];
  /** `collaborators` usernames. */
  readonly collaborators: readonly string[];
  /** `user_tags` as sent. */
  readonly userTags: string | undefined;
  /** `share_to_feed` of a reel. */
  readonly shareToFeed: boolean | undefined;
  /** Creation instant. */
  readonly createdAt: number;
  /** When processing finishes; `undefined` while a resumable upload waits for its bytes. */
  readyAt: number | undefined;
  /** Why it ends in ERROR (shown once processing is over). */
  failure: PublishingError | undefined;
  /** The media it became. */
  publishedId: string | undefined;
  /** A resumable upload (`upload_type=resumable`) and its progress. */
  upload:
    | {
        /** Bytes received so far. */
        received: number;
        /** Total size from the `file_size` header; `undefined` until the first chunk. */
        fileSize: number | undefined;
      }
    | undefined;
}

/** Per-account quota adjustments made with `setQuota`. */
export interface QuotaOverride {
  /** `quota_total`. */
  readonly total: number;
  /** Added to the real count of posts published in the last 24 h. */
  readonly offset: number;
}

/**
 * Settings of `createInstagramSimulator`: a simulator's `clock` and `budgets`, and Instagram's
 * own. The budgets are `app`, the Platform rate limit (200 calls per hour per account), and
 * `instagram`, the Business Use Case limit (4,800 calls per 24 h per account), as
 * `@smmkit/graph-api/mocks` declares them (`GRAPH_APP_BUDGET`, `GRAPH_USE_CASES.instagram`); pass
 * smaller ones to test throttling.
 */
export interface InstagramSimulatorOptions extends Pick<PlatformSimulatorOptions, 'clock' | 'budgets'> {
  /** Graph host (default `https://graph.facebook.com`; `https://graph.instagram.com` for Instagram Login). */
  readonly baseUrl?: string | undefined;
  /** Resumable upload host (default `https://rupload.facebook.com`). */
  readonly ruploadUrl?: string | undefined;
  /** How long video containers stay IN_PROGRESS, simulated ms (default 30 000). */
  readonly containerProcessingMs?: number | undefined;
  /** How long image containers stay IN_PROGRESS, simulated ms (default 0: FINISHED at once). */
  readonly imageProcessingMs?: number | undefined;
  /** How long `reach` and `views` insights stay empty after publishing, simulated ms (default 1 h). */
  readonly insightsDelayMs?: number | undefined;
  /** `quota_total` of published posts per 24 h (default 100, see `DEFAULT_QUOTA_TOTAL`). */
  readonly quotaTotal?: number | undefined;
}

/**
 * Everything the Instagram routes share: the Graph simulator and its route registrar, the
 * settings of `createInstagramSimulator` with their defaults, and Instagram's own state
 * (emptied by a reset unless said otherwise).
 */
export function instagramContext(
  sim: PlatformSimulator,
  route: GraphRoute,
  ruploadUrl: string,
  options: InstagramSimulatorOptions,
) {
  return {
    /** The Graph simulator. */
    sim,
    /** Declares a Graph route on `sim`. */
    route,
    /** Base URL of resumable uploads (`https://rupload.facebook.com`). */
    ruploadUrl,
    /**
     * Whether it answers as the Instagram API with Instagram Login (`graph.instagram.com`), not
     * with Facebook Login (`graph.facebook.com`): permissions and some fields differ.
     */
    instagramLogin: new URL(sim.baseUrl).hostname === 'graph.instagram.com',
    /** Video processing time, simulated ms. */
    containerProcessingMs: options.containerProcessingMs ?? 30_000,
    /** Image processing time, simulated ms. */
    imageProcessingMs: options.imageProcessingMs ?? 0,
    /** How long reach/views stay empty after publishing, simulated ms. */
    insightsDelayMs: options.insightsDelayMs ?? HOUR_MS,
    /** Default `quota_total`. */
    quotaTotal: options.quotaTotal ?? DEFAULT_QUOTA_TOTAL,
    /** Containers by id. */
    containers: sim.resettable(new Map<string, Container>()),
    /** Subcodes the next created containers fail with, first in first out. */
    containerFailures: sim.resettable<number[]>([]),
    /**
     * The length in seconds of each video whose length a test declared (`setVideoDuration`), by
     * its URL: the simulator fetches nothing, so it knows no other video's length.
     */
    videoDurations: sim.resettable(new Map<string, number>()),
    /** Quota adjustments by account. */
    quotas: sim.resettable(new Map<string, QuotaOverride>()),
    /** The Facebook Page of each IG account (Facebook Login); it outlives a reset. */
    pages: new Map<string, string>(),
    /** The comments and replies on media, threaded. */
    comments: new GraphComments(sim),
    /** The hashtags each IG user has queried, by name, with the instant of the first query in the 7-day window. */
    hashtagSearches: sim.resettable(new Map<string, Map<string, number>>()),
    /**
     * The accounts that are professional (Business or Creator) accounts, which business discovery
     * finds; other accounts (fans) are personal. Like accounts, it outlives a reset.
     */
    professional: new Set<string>(),
    /** Follower demographics seeded per account; others get `defaultDemographics`. */
    demographics: sim.resettable(new Map<string, FollowerDemographics>()),
  } as const;
}

/** Everything the Instagram routes share (see {@link instagramContext}). */
export type InstagramContext = ReturnType<typeof instagramContext>;

/** A container's status now (EXPIRED when not published within 24 h: https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container). */
export function containerStatus(container: Container, now: number): ContainerStatus {
  if (container.publishedId !== undefined) return 'PUBLISHED';
  if (now >= container.createdAt + CONTAINER_TTL_MS) return 'EXPIRED';
  if (container.readyAt === undefined || now < container.readyAt) return 'IN_PROGRESS';
  return container.failure === undefined ? 'FINISHED' : 'ERROR';
}

const STATUS_TEXT: Readonly<Record<Exclude<ContainerStatus, 'ERROR'>, string>> = {
  IN_PROGRESS: 'In Progress: Media is still being processed.',
  FINISHED: 'Finished: Media has been uploaded and it is ready to be published.',
  PUBLISHED: 'Published: Media has been successfully published.',
  EXPIRED: 'Expired: Media was not published within 24 hours.',
};

/**
 * Every field of an IG Container (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container):
 * `id`, `status_code`, and `status`, `Finished`/`In Progress`/… or, for ERROR,
 * `Error: Media upload has failed with error code <subcode>` (observed wording; the IG Container
 * reference: `status` holds the subcode).
 */
export function containerJson(container: Container, now: number): Record<string, unknown> {
  const status = containerStatus(container, now);
  const subcode = container.failure?.subcode ?? 2207001;
  const text =
    status === 'ERROR' ? `Error: Media upload has failed with error code ${subcode}` : STATUS_TEXT[status];
  return { id: container.id, status_code: status, status: text };
}

/** Extra fields of a published media or comment in `SimulatedPost.extra`. */
export interface InstagramPostExtra {
  /** `media` for a published IG Media, `comment` for a comment the account wrote. */
  readonly kind: 'media' | 'comment';
  /** IMAGE, VIDEO, CAROUSEL_ALBUM (Graph's `media_type` of a published media). */
  readonly mediaType?: string | undefined;
  /** FEED, REELS, STORY (`media_product_type`). */
  readonly productType?: string | undefined;
  /** `https://www.instagram.com/p/<shortcode>/`. */
  readonly permalink?: string | undefined;
  /** The shortcode. */
  readonly shortcode?: string | undefined;
  /** The container it was published from. */
  readonly containerId?: string | undefined;
  /** Comments switched off (`comment_enabled=false`). */
  readonly commentsDisabled?: boolean | undefined;
  /** The media a comment is on. */
  readonly mediaId?: string | undefined;
  /** The most accounts that see the media (a seeded cap on its `reach` and `views`); none when unset. */
  readonly viewers?: number | undefined;
}

/** What a post stored by other tools (the conformance suite, a benchmark) reads as: a plain media. */
const PLAIN_MEDIA: Required<InstagramPostExtra> = {
  kind: 'media',
  mediaType: undefined,
  productType: undefined,
  permalink: undefined,
  shortcode: undefined,
  containerId: undefined,
  commentsDisabled: false,
  mediaId: undefined,
  viewers: undefined,
};

/** The Instagram extras of a stored post. */
export const postExtra = (extra: Readonly<Record<string, unknown>>) => readExtra(extra, PLAIN_MEDIA);
