/**
 * A simulated LinkedIn (Community Management API) for tests, demos and benchmarks, built on
 * `@smmkit/testkit`: posts, images, documents and multi-part videos, comments, reactions,
 * versioning and daily limits, with LinkedIn's error bodies.
 *
 * @example
 * ```ts
 * import { createLinkedInSimulator } from '@smmkit/adapter-linkedin/mocks';
 * import { startSimulators } from '@smmkit/testkit';
 *
 * const linkedin = createLinkedInSimulator();
 * const ana = linkedin.addMember('ana');
 * const running = startSimulators(...linkedin.simulators);
 * ```
 *
 * @packageDocumentation
 */
export type { ActiveVersions, LinkedInPostExtra, SimulatedOrganization } from './context.js';
export {
  createLinkedInSimulator,
  type LinkedInSimulator,
  type LinkedInSimulatorOptions,
  MEMBER_SCOPES,
  ORGANIZATION_SCOPES,
  type SeedFollowerStatistics,
} from './create-linkedin-simulator.js';
export { linkedInDialect } from './dialect.js';
export type { AuditStampJson, LinkedInCommentJson, LinkedInPostJson } from './entities.js';
export type { FollowerFacet, FollowerStatistics } from './follower-statistics.js';
export { type ParsedLittleText, parseLittleText } from './little-text.js';
export { ORGANIZATION_ROLES, type OrganizationRole } from './organization-roles.js';
export type {
  LinkedInDecoratedComment,
  LinkedInDecoratedPost,
  LinkedInNotificationsDelivery,
  LinkedInSocialActionNotification,
} from './webhooks.js';
