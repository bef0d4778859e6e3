import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The workspace's entry points are listed once, as tsconfig.json's `paths` (plain JSON, no
// comments). Longest name first: an alias also matches its subpaths, and the first match wins, so
// `@smmkit/core/analytics` must come before `@smmkit/core`.
const { paths } = (
  JSON.parse(readFileSync(source('./tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, [string]> };
  }
).compilerOptions;
const alias = Object.fromEntries(
  Object.entries(paths)
    .sort(([a], [b]) => b.length - a.length)
    .map(([name, [path]]) => [name, source(path)]),
);

export default defineConfig({
  // Tests run against the packages' sources, so they never see a stale build.
  resolve: { alias },
  test: {
    // docs/.vitepress/test: the built docs site in headless Chromium (`pnpm docs:build` first).
    include: [
      'packages/*/test/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
      'docs/.vitepress/test/**/*.test.ts',
    ],
    environment: 'node',
    // A private Redis for the scheduler-bullmq tests unless REDIS_URL names one.
    globalSetup: ['./scripts/redis-for-tests.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
