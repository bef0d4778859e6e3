/**
 * A simulated X API v2 for tests, demos and benchmarks, built on `@smmkit/testkit`. Apps that only
 * publish never load it: it is the `./mocks` entry of `@smmkit/adapter-x`.
 *
 * @example
 * ```ts
 * import { createXSimulator } from '@smmkit/adapter-x/mocks';
 * import { startSimulators } from '@smmkit/testkit';
 *
 * const x = createXSimulator();
 * const { accessToken } = x.addAccount('ana');
 * const running = startSimulators(x.sim);
 * ```
 *
 * @packageDocumentation
 */
export { X_BUDGETS, type XBucket } from './budgets.js';
export type { ProcessingError, TweetExtra, XSimulatorOptions, XVocabulary } from './context.js';
export { createXSimulator, type XSimulator, type XSimulatorAccount } from './create-x-simulator.js';
export { type RateLimitBodyShape, xDialect, xRateLimitHeaders, xUserDailyHeaders } from './dialect.js';
export { mediaKeyOf, VIEWS_PER_HOUR } from './entities/media.js';
export { METRICS_PER_HOUR } from './entities/tweet.js';
export type { XDmEventJson, XMediaJson, XTweetJson, XUserJson } from './entities/types.js';
export { DEFAULT_MAX_WEIGHTED_LENGTH, DUPLICATE_WINDOW_MS } from './limits.js';
export { DUPLICATE_CONTENT_DETAIL, TEXT_TOO_LONG_MESSAGE } from './problems.js';
export { conversationIdOf } from './routes/direct-messages.js';
export { DEFAULT_PROCESSING_ERROR, type ProcessingInfoJson } from './routes/media.js';
export { DEFAULT_SCOPES } from './scopes.js';
export {
  type ActivityDirectMessage,
  type ActivityReplyTarget,
  type ActivityTweet,
  type ActivityUser,
  signXWebhook,
  type XAccountActivityBuilders,
  type XCrcResponse,
  xAccountActivityEvent,
  xCrcResponse,
} from './webhooks.js';
