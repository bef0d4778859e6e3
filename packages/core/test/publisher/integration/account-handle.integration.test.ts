import { describe, expect, it } from 'vitest';
import type { PublishOutcome } from '../../../src/publisher/outcome.js';
import { useSimulators } from './world.js';

const sims = useSimulators();

const urlOf = (outcomes: readonly PublishOutcome[]) =>
  outcomes.map((outcome) => (outcome.status === 'published' ? outcome.result.url : outcome.status));

describe('the publisher passes the account handle to the adapter', () => {
  it("gives X the handle, so the post's URL names the account", async () => {
    const asked: unknown[] = [];
    const publisher = sims.publisher({
      handle: async (account) => {
        asked.push(account);
        return account.platform === 'x' ? 'ana' : undefined;
      },
    });
    const outcomes = await publisher.publish({ text: 'With a handle' }, [sims.xTarget]);
    const [id] = sims.x.sim.posts.filter(() => true).map((post) => post.id);
    expect(urlOf(outcomes)).toEqual([`https://x.com/ana/status/${id}`]);
    expect(asked).toEqual([{ platform: 'x', accountId: sims.xTarget.accountId }]);
  });

  it('without a handle, X gives its account-less URL', async () => {
    const outcomes = await sims.publisher().publish({ text: 'No handle' }, [sims.xTarget]);
    const [id] = sims.x.sim.posts.filter(() => true).map((post) => post.id);
    expect(urlOf(outcomes)).toEqual([`https://x.com/i/web/status/${id}`]);
  });

  it('publishes all the same when looking the handle up fails', async () => {
    const publisher = sims.publisher({
      handle: () => {
        throw new Error('registry down');
      },
    });
    const outcomes = await publisher.publish({ text: 'Registry down' }, [sims.xTarget]);
    const [id] = sims.x.sim.posts.filter(() => true).map((post) => post.id);
    expect(urlOf(outcomes)).toEqual([`https://x.com/i/web/status/${id}`]);
  });

  it('hands the handle to reads run through it too', async () => {
    const publisher = sims.publisher({ handle: () => 'ana' });
    const seen = await publisher.run(sims.xTarget, 'metrics', async (context) => context.account);
    expect(seen).toEqual({ platform: 'x', accountId: sims.xTarget.accountId, handle: 'ana' });
  });
});
