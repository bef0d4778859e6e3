/**
 * A simulated TikTok (Content Posting API and Display API) for tests, demos and benchmarks,
 * built on `@smmkit/testkit`: creator info, chunked and pulled videos, photo posts, inbox
 * drafts, processing and moderation over simulated time, the Display API, OAuth, TikTok's limits
 * and error bodies.
 *
 * @example
 * ```ts
 * import { createTikTokSimulator } from '@smmkit/adapter-tiktok/mocks';
 * import { startSimulators } from '@smmkit/testkit';
 *
 * const tiktok = createTikTokSimulator();
 * const acme = tiktok.addCreator('acme');
 * const running = startSimulators(...tiktok.simulators);
 * ```
 *
 * @packageDocumentation
 */
export type { Publication, PublicationContent, PublicationUpload, SimulatedCreator } from './context.js';
export {
  type CreatorOptions,
  createTikTokSimulator,
  TIKTOK_CREATOR_SCOPES,
  TIKTOK_SIMULATED_BUDGETS,
  type TikTokSimulator,
  type TikTokSimulatorOptions,
} from './create-tiktok-simulator.js';
export { tiktokDialect } from './dialect.js';
export type { TikTokPostExtra } from './publications.js';
export { signedTikTokWebhook, type TikTokWebhookBody } from './webhooks.js';
