import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // Tests run against the packages' sources, so they never see a stale build.
  resolve: {
    alias: {
      '@smmkit/core/analytics': source('./packages/core/src/analytics/index.ts'),
      '@smmkit/core/publisher': source('./packages/core/src/publisher/index.ts'),
      '@smmkit/core': source('./packages/core/src/index.ts'),
      '@smmkit/adapter-instagram/mocks': source('./packages/adapter-instagram/src/mocks/index.ts'),
      '@smmkit/adapter-instagram': source('./packages/adapter-instagram/src/index.ts'),
      '@smmkit/adapter-x/mocks': source('./packages/adapter-x/src/mocks/index.ts'),
      '@smmkit/adapter-x': source('./packages/adapter-x/src/index.ts'),
      '@smmkit/example-adapter-mastodon/mocks': source('./examples/adapter-mastodon/src/mocks/index.ts'),
      '@smmkit/example-adapter-mastodon': source('./examples/adapter-mastodon/src/index.ts'),
      '@smmkit/testkit/conformance': source('./packages/testkit/src/conformance/index.ts'),
      '@smmkit/testkit': source('./packages/testkit/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
