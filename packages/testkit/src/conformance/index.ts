/**
 * The smmkit adapter conformance suite, for vitest.
 *
 * @packageDocumentation
 */
export type { ConformanceSetup } from './conformance-setup.js';
export { type ConformanceOptions, runAdapterConformance } from './run-adapter-conformance.js';
export { invalidPost, SAMPLE_KINDS, type SampleKind, samplePost } from './sample-posts.js';
