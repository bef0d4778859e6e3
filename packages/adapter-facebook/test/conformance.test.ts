import { runAdapterConformance } from '@smmkit/testkit/conformance';
import { createFacebookAdapter } from '../src/index.js';
import { createFacebookSimulator } from '../src/mocks/index.js';

runAdapterConformance({
  name: 'facebook',
  setup: () => {
    // Videos are ready as soon as they are finished: the suite waits on the system clock.
    const facebook = createFacebookSimulator({ videoProcessingMs: 0 });
    return {
      simulator: facebook.sim,
      extraSimulators: facebook.simulators.filter((sim) => sim !== facebook.sim),
      adapter: createFacebookAdapter({ baseUrl: facebook.baseUrl }),
      createAccount: () => {
        const created = facebook.addPage(`conformance${facebook.sim.accounts.size}`);
        return {
          account: { platform: 'facebook', accountId: created.account.id, handle: created.account.handle },
          tokens: { accessToken: created.accessToken },
        };
      },
      createPostRoute: ['POST /:version/:pageId/feed', 'POST /:version/:pageId/photos'],
      seedEngagements: (accountId, count) => {
        facebook.seedMentions(accountId, count);
      },
    };
  },
});
