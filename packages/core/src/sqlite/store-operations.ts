import type { StoreOperations } from './guarded-store.js';
import type { SqliteInboxStore } from './sqlite-inbox-store.js';

// What each SQLite store's methods do, in the words of an error after "could not".

/** The close every store has. */
const CLOSE = { close: 'close the database' } as const;

/** The inbox store's methods. */
export const INBOX_OPERATIONS: StoreOperations<SqliteInboxStore> = {
  add: 'add the engagements',
  get: 'read the inbox item',
  list: 'list inbox items',
  update: 'update the inbox item',
  getCursor: 'read the polling cursor',
  setCursor: 'save the polling cursor',
  markSeenIds: 'mark the ids as seen',
  unmarkSeenIds: 'unmark the seen ids',
  seenIdsAt: 'read when the ids were seen',
  moveSeenIds: 'move the seen ids',
  forgetSeenIds: 'forget old seen ids',
  ...CLOSE,
};
