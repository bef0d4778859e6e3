import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base.ts';

export default defineConfig({
  ...packageBuild,
  // Analytics has its own entry: apps that only publish never load the aggregator or the report.
  // The publisher has its own entry too: it brings p-queue, p-retry and eventemitter3.
  // The scheduler has its own entry too: it brings temporal-polyfill and rrule-temporal.
  // The inbox has its own entry too: it brings the sentiment word list.
  // So does the SQLite store: apps that never use it never load node:sqlite.
  entry: {
    index: 'src/index.ts',
    'adapter-kit': 'src/adapter-kit.ts',
    analytics: 'src/analytics/index.ts',
    app: 'src/app/index.ts',
    inbox: 'src/inbox/index.ts',
    publisher: 'src/publisher/index.ts',
    scheduler: 'src/scheduler/index.ts',
    sqlite: 'src/sqlite/index.ts',
  },
});
