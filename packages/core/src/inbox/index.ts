/**
 * The engagement inbox: the comments, replies, mentions and direct messages of every account in
 * one store. This entry holds the store contract (`InboxStore`), the item model and the
 * in-memory store; the SQLite store is `sqliteInboxStore` in `@smmkit/core/sqlite`.
 *
 * @packageDocumentation
 */

// For authors of an InboxStore (a Redis one, yours): the item model and the patch rules every
// store shares, so all stores behave alike.
export {
  applyInboxPatch,
  type EngagementRef,
  INBOX_STATUSES,
  type InboxItem,
  type InboxItemPatch,
  InboxItemSchema,
  type InboxStatus,
  newInboxItem,
  parseInboxItem,
} from './inbox-item.js';
export { compareNewestFirst, foldText, matchesInboxQuery } from './inbox-query.js';
export type {
  InboxAddOptions,
  InboxCursor,
  InboxPosition,
  InboxQuery,
  InboxSource,
  InboxStore,
} from './inbox-store.js';
export { memoryInboxStore } from './memory-inbox-store.js';
