import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { InboxAccount } from '../../src/inbox/inbox-options.js';
import { MINUTE, texts, useInboxWorld } from './support/world.js';

const world = useInboxWorld();
const { x, mastodon, xAna, mastodonAna } = world;

/** The error a promise rejects with. */
const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('inbox accounts given as a function', () => {
  it('reads them at every round: an account added is polled from that round on, one left out no longer', async () => {
    let accounts: readonly InboxAccount[] = [xAna];
    const inbox = world.inbox({ accounts: () => accounts });
    x.seedMentions(xAna.accountId, 2);
    mastodon.seedMentions(mastodonAna.accountId, 1);

    const first = await inbox.poll();
    expect(first.failures).toEqual([]);
    expect(first.added.map((item) => item.platform)).toEqual(['x', 'x']);

    accounts = [xAna, mastodonAna];
    const second = await inbox.poll();
    expect(second.added.map((item) => item.platform)).toEqual(['mastodon']);

    accounts = [mastodonAna];
    world.time.advance(10 * MINUTE);
    x.seedMentions(xAna.accountId, 1);
    mastodon.seedMentions(mastodonAna.accountId, 1);
    const third = await inbox.poll();
    expect(third.added.map((item) => item.platform)).toEqual(['mastodon']);
    expect((await texts(inbox, { platforms: ['x'] })).length).toBe(2);
  });

  it('checks what an async function returns at each round: an account without adapter rejects the round, and nothing is polled', async () => {
    let accounts: readonly InboxAccount[] = [xAna, { platform: 'threads', accountId: '42' }];
    // Made without reading the accounts: a registry may be down at start, or empty.
    const inbox = world.inbox({ accounts: async () => accounts });
    x.seedMentions(xAna.accountId, 1);

    const refused = await refusal(inbox.poll());
    expect(ValidationError.isInstance(refused)).toBe(true);
    expect((refused as ValidationError).problems.map(({ path, rule }) => [path, rule])).toEqual([
      [['accounts', 1, 'platform'], 'inbox.account_platform'],
    ]);
    expect(await texts(inbox)).toEqual([]);

    accounts = [xAna];
    expect((await inbox.poll()).added.map((item) => item.platform)).toEqual(['x']);
  });
});
