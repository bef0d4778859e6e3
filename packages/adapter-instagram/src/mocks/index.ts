/**
 * A simulated Instagram Graph API for tests, demos and benchmarks, built on `@smmkit/graph-api`'s
 * Graph simulator base (error bodies, usage headers and throttling, paging, Facebook Login) and
 * `@smmkit/testkit`. Apps that only publish never load it: it is the `./mocks` entry of
 * `@smmkit/adapter-instagram`. The simulator's `signedWebhook` (or `@smmkit/graph-api/mocks`'
 * `graphWebhookRequest`) writes and signs webhook deliveries as Meta does.
 *
 * @example
 * ```ts
 * import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
 * import { startSimulators } from '@smmkit/testkit';
 *
 * const ig = createInstagramSimulator();
 * const { account, accessToken } = ig.addAccount('ana');
 * const running = startSimulators(...ig.simulators);
 * ```
 *
 * @packageDocumentation
 */
export type {
  Container,
  ContainerMediaType,
  ContainerStatus,
  InstagramPostExtra,
  InstagramSimulatorOptions,
} from './context.js';
export {
  type BusinessAccountOptions,
  createInstagramSimulator,
  type InstagramSimulator,
  type InstagramSimulatorAccount,
  type SeedFollowerDemographics,
  type SeedMediaOptions,
} from './create-instagram-simulator.js';
export type { DemographicBreakdown, FollowerDemographics } from './demographics.js';
export { MEDIA_METRICS, REMOVED_METRICS } from './insights.js';
export {
  CONTAINER_TTL_MS,
  CONTAINERS_PER_DAY,
  DEFAULT_QUOTA_TOTAL,
  IG_LONG_LIVED_TOKEN_TTL_S,
  MAX_CAPTION_LENGTH,
} from './limits.js';
export { PUBLISHING_ERRORS, type PublishingError, type PublishingErrors } from './publishing-errors.js';
export { type CommentChange, instagramWebhook, type MentionChange, type WebhookUser } from './webhooks.js';
