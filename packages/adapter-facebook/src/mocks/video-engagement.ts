import type { SimulatedPost } from '@smmkit/testkit';
import { growingCount } from '@smmkit/testkit/simulator-kit';
import type { CommentStore } from './comments-store.js';

/** Simulated growth per hour of a live video's or reel's engagement (made-up figures, see testkit `growingCount`). */
const PER_HOUR = { plays: 400, viewers: 250, likes: 30, loves: 8, shares: 3 } as const;

/** How long, on average, one play of a video lasts in the simulator, ms (a made-up figure). */
const AVERAGE_PLAY_MS = 9_500;

/** What fans did with a video or reel, as the Video node and its `video_insights` edge report it. */
export interface VideoEngagement {
  /** Plays of 1 ms or more, replays excluded. */
  readonly plays: number;
  /** People who played it. */
  readonly viewers: number;
  /** Total time played, ms. */
  readonly viewTimeMs: number;
  /** "Like" reactions. */
  readonly likes: number;
  /** "Love" reactions. */
  readonly loves: number;
  /** Shares. */
  readonly shares: number;
  /** Comments under it, replies included. */
  readonly comments: number;
  /** Its top-level comments. */
  readonly topLevelComments: number;
}

/**
 * A video's or reel's engagement at `now`: growing with simulated time from when it went live
 * (`createdAt`), nothing before. Comments are the ones in the comment store (fans' seeded ones and
 * the Page's own); the rest grows with testkit's `growingCount`, so every read agrees.
 *
 * @param post - the video post
 * @param comments - the comment store
 * @param now - simulated now
 * @returns its engagement
 *
 * @example
 * ```ts
 * const { likes } = videoEngagement(post, comments, now);
 * ```
 */
export function videoEngagement(post: SimulatedPost, comments: CommentStore, now: number): VideoEngagement {
  const age = now - post.createdAt;
  const grown = (metric: keyof typeof PER_HOUR) => growingCount(post.id, metric, age, PER_HOUR[metric]);
  const plays = grown('plays');
  return {
    plays,
    viewers: Math.min(plays, grown('viewers')),
    viewTimeMs: plays * AVERAGE_PLAY_MS,
    likes: grown('likes'),
    loves: grown('loves'),
    shares: grown('shares'),
    comments: comments.on(post.id).length,
    topLevelComments: comments.topLevel(post.id).length,
  };
}
