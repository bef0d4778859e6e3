import type { Account, Post, PublishContext, SmmkitError } from '@smmkit/core';
import type { ConformanceSetup } from './conformance-setup.js';

/** The optional behaviours the reconciliation checks need declared. */
export type ReconciliationBehaviour =
  | 'findRecentPosts'
  | 'idempotencyKey'
  | 'textlessPost'
  | 'duplicateSignal'
  | 'readAfterWrite';

/** What the reconciliation, signal and abort checks borrow from the conformance suite that registers them. */
export interface ReconciliationSuite {
  /** The setup, once the suite's `beforeAll` has built it. */
  current(): ConformanceSetup;
  /** A publish context for a fresh account, with `extra` spread in. */
  context(extra?: Partial<PublishContext>): PublishContext & { account: Account };
  /** The first sample post the adapter can publish. */
  firstPublishable(): Post;
  /** A media post without text, when the adapter can publish one. */
  textlessPost(): Post | undefined;
  /** `it`, skipped with " (not declared)" when the adapter does not declare `behaviour`. */
  itIfDeclared(behaviour: ReconciliationBehaviour, title: string, test: () => Promise<void>): void;
  /** The smmkit error `promise` rejects with, checked to carry no issued token. */
  failureOf(promise: Promise<unknown>): Promise<SmmkitError>;
}
