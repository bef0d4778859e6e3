import type { TimeGrain } from './time-buckets.js';

/** The post labels a rollup can group by (`account` is the platform's account id). */
export const POST_DIMENSIONS = ['platform', 'account', 'campaign', 'tag', 'variant', 'contentClass'] as const;

/** One of {@link POST_DIMENSIONS}. */
export type PostDimension = (typeof POST_DIMENSIONS)[number];

/** What a rollup can group by: a post label or one time bucket (`TIME_GRAINS`). */
export type Dimension = PostDimension | TimeGrain;
