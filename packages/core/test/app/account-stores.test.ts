import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAccountStore } from '@smmkit/testkit/conformance';
import { afterAll } from 'vitest';
import { memoryAccountStore } from '../../src/accounts/memory-account-store.js';
import { sqliteAccountStore } from '../../src/sqlite/sqlite-account-store.js';

describeAccountStore('memoryAccountStore', memoryAccountStore);

const dir = mkdtempSync(join(tmpdir(), 'smmkit-accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fileOf = new Map<object, string>();

describeAccountStore(
  'sqliteAccountStore',
  () => {
    files += 1;
    const file = join(dir, `accounts-${files}.db`);
    const store = sqliteAccountStore(file);
    fileOf.set(store, file);
    return store;
  },
  { connectAgain: (store) => sqliteAccountStore(fileOf.get(store) ?? '') },
);
