/**
 * smmkit's conformance suites, for vitest: the adapter suite (every adapter against its
 * simulator), the account store suite (every `AccountStore`), the metrics store suite (every `MetricsStore`), the schedule store suite (every `ScheduleStore`, and so every `Outbox`) and the
 * inbox store suite (every `InboxStore`).
 *
 * @packageDocumentation
 */
export { type AccountStoreSuiteOptions, describeAccountStore } from './account-store.js';
export type { ConformanceAccount, ConformanceSetup, SamplePosts } from './conformance-setup.js';
export { describeInboxStore, type InboxStoreSuiteOptions } from './inbox-store.js';
export { describeMetricsStore, type MetricsStoreSuiteOptions } from './metrics-store.js';
export { type ConformanceOptions, runAdapterConformance } from './run-adapter-conformance.js';
export {
  type InvalidSample,
  invalidPost,
  SAMPLE_KINDS,
  type SampleKind,
  samplePost,
} from './sample-posts.js';
export { describeScheduleStore, type ScheduleStoreSuiteOptions } from './schedule-store.js';
