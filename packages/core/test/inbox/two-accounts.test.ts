import { createXAdapter } from '@smmkit/adapter-x';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { fastForwardClock, manualClock, type RunningSimulators, startSimulators } from '@smmkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementSla } from '../../src/analytics/engagement-sla.js';
import { staticTokenProvider } from '../../src/auth/static-token-provider.js';
import { createInbox } from '../../src/inbox/inbox.js';
import { memoryInboxStore } from '../../src/inbox/memory-inbox-store.js';
import { createPublisher } from '../../src/publisher/publisher.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');

describe('one post that engages two of the app’s accounts', () => {
  const time = manualClock(START);
  const clock = fastForwardClock(time);
  const x = createXSimulator({ clock: time });
  const ana = x.addAccount('ana', { accessTokenTtlMs: 86_400_000 });
  const ben = x.addAccount('ben', { accessTokenTtlMs: 86_400_000 });
  const anaAccount = { platform: 'x', accountId: ana.account.id };
  const benAccount = { platform: 'x', accountId: ben.account.id };
  let running: RunningSimulators | undefined;
  beforeAll(() => {
    running = startSimulators(x.sim);
  });
  afterAll(() => running?.close());

  it('is an item of each account, and a reply goes out as the account it was given', async () => {
    const tokens = new Map([
      [ana.account.id, ana.accessToken],
      [ben.account.id, ben.accessToken],
    ]);
    const adapters = [createXAdapter({ baseUrl: x.baseUrl, fetch: clock.fetch })];
    const publisher = createPublisher({
      adapters,
      tokens: (target) => staticTokenProvider(tokens.get(target.accountId) ?? ''),
      clock,
    });
    const inbox = createInbox({
      adapters,
      publisher,
      accounts: [anaAccount, benAccount],
      store: memoryInboxStore(),
      clock,
    });
    const [post] = x.seedBrandMentions('launch', 1, { text: () => '@ana @ben is the launch today?' });
    if (post === undefined) throw new Error('not seeded');

    const { added } = await inbox.poll();
    expect(added.map((item) => [item.id, item.accountId]).sort()).toEqual(
      [
        [post.id, ana.account.id],
        [post.id, ben.account.id],
      ].sort(),
    );

    const { reply, item } = await inbox.reply({ ...benAccount, id: post.id }, '@fan_1 Yes, at noon!');
    expect(x.tweetOf(reply.id)).toMatchObject({ author_id: ben.account.id });
    expect(item).toMatchObject({ accountId: ben.account.id, status: 'replied' });
    expect(await inbox.get({ ...anaAccount, id: post.id })).toMatchObject({ status: 'new' });
    // Ana's copy still waits for an answer in the SLA figures.
    const log = await inbox.slaLog();
    const sla = engagementSla(log.engagements, log.responses, { targetMs: 3_600_000 });
    expect(sla.overall).toMatchObject({ inbound: 2, answered: 1 });
  });
});
