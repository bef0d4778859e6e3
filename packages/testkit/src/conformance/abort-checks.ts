import { AbortedError, type TokenProvider } from '@smmkit/core';
import { expect, it } from 'vitest';
import type { ReconciliationSuite } from './reconciliation-suite.js';

/**
 * Registers the checks of `PublishContext.signal`, which "stops the call; work not yet sent is not
 * sent" (docs/adapter-contract.md): a signal aborted before the call never reaches the adapter
 * (`defineAdapter` refuses it), so the adapter's own handling is checked with a signal that aborts
 * once the publish is under way, while its first request waits for the token. An adapter that
 * drops the signal sends the create anyway: the post appears although the caller stopped it.
 *
 * @param suite - what the conformance suite lends the checks
 */
export function registerAbortChecks(
  suite: Pick<ReconciliationSuite, 'current' | 'context' | 'firstPublishable' | 'failureOf'>,
): void {
  it('honours an aborted signal: nothing is sent', async () => {
    const { adapter, simulator } = suite.current();
    const error = await suite.failureOf(
      adapter.publish(suite.firstPublishable(), suite.context({ signal: AbortSignal.abort() })),
    );
    expect(AbortedError.isInstance(error)).toBe(true);
    expect(simulator.log.entries).toHaveLength(0);
  });

  it('honours a signal aborted while the publish runs: nothing more is sent, no post is made', async () => {
    const { adapter, simulator } = suite.current();
    const controller = new AbortController();
    const ctx = suite.context({ signal: controller.signal });
    const tokens: TokenProvider = {
      getAccessToken: async (options) => {
        // The publish is under way, its request not sent yet: the caller stops it now.
        controller.abort();
        return ctx.tokens.getAccessToken(options);
      },
    };
    const publishing = adapter.publish(suite.firstPublishable(), { ...ctx, tokens });
    const outcome = await publishing.then(
      (result) => `published ${result.ref.platformPostId}`,
      () => undefined,
    );
    const sent = simulator.log.entries.map((entry) => entry.route);
    expect(
      outcome,
      `the publish returned (${outcome}) although its signal aborted before its first request was sent (requests sent since: ${sent.join(', ') || 'none'}): pass the context's signal to every request and let the abort's error through`,
    ).toBeUndefined();
    const error = await suite.failureOf(publishing);
    // Nothing went out, so no AmbiguousOutcomeError either: that would send the publisher looking
    // for a post that cannot exist (core's HTTP client checks the signal right before each send).
    expect(
      AbortedError.isInstance(error),
      `${error.name} (${error.code}) instead of an AbortedError: nothing was sent, so the outcome is not ambiguous`,
    ).toBe(true);
    expect(sent, 'requests sent after the abort').toEqual([]);
    expect(simulator.posts.size, 'posts made after the abort').toBe(0);
  });
}
