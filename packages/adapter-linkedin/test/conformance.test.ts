import { runAdapterConformance } from '@smmkit/testkit/conformance';
import { createLinkedInAdapter, refreshLinkedInToken } from '../src/index.js';
import { createLinkedInSimulator } from '../src/mocks/index.js';

runAdapterConformance({
  name: 'linkedin',
  setup: () => {
    const linkedin = createLinkedInSimulator({ mediaProcessingMs: 10, videoProcessingMs: 20 });
    return {
      simulator: linkedin.sim,
      extraSimulators: [linkedin.www],
      adapter: createLinkedInAdapter({ mediaPollIntervalMs: 5, mediaPollTimeoutMs: 5_000 }),
      createAccount: ({ refreshable }) => {
        const created = linkedin.addMember(`conformance${linkedin.sim.accounts.size}`, { refreshable });
        return {
          account: { platform: 'linkedin', accountId: created.account.id, handle: created.account.handle },
          tokens: { accessToken: created.accessToken, refreshToken: created.refreshToken },
        };
      },
      createPostRoute: 'POST /rest/posts',
      seedEngagements: (accountId, count) => {
        linkedin.seedComments(linkedin.addPost(accountId, 'A post people comment on'), count);
      },
      refreshTokens: (refreshToken) =>
        refreshLinkedInToken({ clientId: 'conformance', clientSecret: 'conformance-secret', refreshToken }),
    };
  },
});
