/**
 * A simulated TikTok (Content Posting API and Display API) for tests, demos and benchmarks,
 * built on `@smmkit/testkit`.
 *
 * @packageDocumentation
 */
export {};
