/**
 * The smmkit adapter conformance suite, for vitest.
 *
 * @packageDocumentation
 */
export type { ConformanceAccount, ConformanceSetup, SamplePosts } from './conformance-setup.js';
export { type ConformanceOptions, runAdapterConformance } from './run-adapter-conformance.js';
export {
  type InvalidSample,
  invalidPost,
  SAMPLE_KINDS,
  type SampleKind,
  samplePost,
} from './sample-posts.js';
