import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeMetricsStore } from '@smmkit/testkit/conformance';
import { afterAll } from 'vitest';
import { memoryMetricsStore } from '../../src/app/memory-metrics-store.js';
import { sqliteMetricsStore } from '../../src/sqlite/sqlite-metrics-store.js';

describeMetricsStore('memoryMetricsStore', memoryMetricsStore);

const dir = mkdtempSync(join(tmpdir(), 'smmkit-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fileOf = new Map<object, string>();

describeMetricsStore(
  'sqliteMetricsStore',
  () => {
    files += 1;
    const file = join(dir, `metrics-${files}.db`);
    const store = sqliteMetricsStore(file);
    fileOf.set(store, file);
    return store;
  },
  { connectAgain: (store) => sqliteMetricsStore(fileOf.get(store) ?? '') },
);
