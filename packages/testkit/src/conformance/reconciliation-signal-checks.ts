import { type Adapter, PlatformError, type PublishResult } from '@smmkit/core';
import { expect } from 'vitest';
import { lookupQuery } from './recent-posts-query.js';
import type { ReconciliationSuite } from './reconciliation-suite.js';

/**
 * Registers the checks of what makes the publisher send a create again after looking: a lookup
 * that fails must say so (a 5xx taken for "no posts" reads as "never made", and a resend makes a
 * second post), and the declared `duplicateSignal` and `readAfterWrite` must hold, since each
 * tells the publisher a resend is safe.
 *
 * @param suite - what the conformance suite lends the checks
 */
export function registerSignalChecks(suite: ReconciliationSuite): void {
  suite.itIfDeclared(
    'findRecentPosts',
    'reports a 5xx on findRecentPosts as a retryable error, never as no posts',
    async () => {
      const { adapter, simulator } = suite.current();
      const find = findRecentPostsOf(adapter);
      const ctx = suite.context();
      const query = lookupQuery(adapter, suite.firstPublishable(), simulator.clock.now());
      simulator.faults.inject({ kind: 'server_error' });
      const error = await suite.failureOf(find(query, ctx));
      expect(error.retryable, `${error.name} (${error.code}) is not retryable`).toBe(true);
    },
  );

  // The publisher resends a create once its looks found nothing when the platform refuses a
  // repeat: the resend either makes the post or is refused as `duplicate_content`.
  suite.itIfDeclared(
    'duplicateSignal',
    'refuses the same text published twice as duplicate_content (duplicateSignal)',
    async () => {
      const { adapter, simulator } = suite.current();
      const ctx = suite.context();
      const post = suite.firstPublishable();
      const first = await adapter.publish(post, ctx);
      const second = await settle(adapter.publish(post, ctx));
      if (second.ok) {
        throw new Error(
          `capabilities.reconciliation.duplicateSignal is true, but publishing the same text again made a second post (${second.value.ref.platformPostId} after ${first.ref.platformPostId}): the publisher would resend a lost create and post twice`,
        );
      }
      const error = await suite.failureOf(Promise.reject(second.error));
      expect(
        PlatformError.isInstance(error) && error.code === 'duplicate_content',
        `the repeat failed with ${error.name} (${error.code}), not a PlatformError duplicate_content: the publisher cannot tell it was a duplicate`,
      ).toBe(true);
      const stored = simulator.posts.filter((candidate) => candidate.inReplyToId === undefined);
      expect(stored.map((candidate) => candidate.id)).toEqual([first.ref.platformPostId]);
    },
  );

  // The publisher takes two empty looks on a read-after-write listing as proof that the create
  // never took effect, and resends it.
  suite.itIfDeclared(
    'readAfterWrite',
    'finds a post with findRecentPosts as soon as its create is answered (readAfterWrite)',
    async () => {
      const { adapter, simulator } = suite.current();
      const find = findRecentPostsOf(adapter);
      const ctx = suite.context();
      const post = suite.firstPublishable();
      const query = lookupQuery(adapter, post, simulator.clock.now());
      const published = await adapter.publish(post, ctx);
      const { text } = query;
      const found = await find(query, ctx);
      expect(
        found.map((recent) => recent.ref.platformPostId),
        `capabilities.reconciliation.readAfterWrite is true, so findRecentPosts({ since, text: ${JSON.stringify(text)}, post }) must list the post just created`,
      ).toEqual([published.ref.platformPostId]);
    },
  );
}

/** The adapter's `findRecentPosts`, bound; a plain failure when a check needs it and it is missing. */
function findRecentPostsOf(adapter: Adapter): NonNullable<Adapter['findRecentPosts']> {
  const find = adapter.findRecentPosts;
  if (find === undefined)
    throw new Error(
      'the adapter has no findRecentPosts: the publisher cannot look for a post, so declare reconciliation.findRecentPosts and give it',
    );
  return find.bind(adapter);
}

/** How a publish ended: its result, or what it threw. */
type Settled =
  | { readonly ok: true; readonly value: PublishResult }
  | { readonly ok: false; readonly error: unknown };

async function settle(publishing: Promise<PublishResult>): Promise<Settled> {
  try {
    return { ok: true, value: await publishing };
  } catch (error) {
    return { ok: false, error };
  }
}
