import { runAdapterConformance } from '@smmkit/testkit/conformance';
import { createXAdapter, refreshXToken } from '../src/index.js';
import { createXSimulator } from '../src/mocks/index.js';

runAdapterConformance({
  name: 'x',
  setup: () => {
    // Enterprise access, so the suite checks every operation (self-serve apps cannot like).
    const x = createXSimulator({ mediaProcessingMs: 20, checkAfterSecs: 0, access: 'enterprise' });
    return {
      simulator: x.sim,
      adapter: createXAdapter({ baseUrl: x.baseUrl, mediaPollTimeoutMs: 5_000, access: 'enterprise' }),
      createAccount: ({ refreshable }) => {
        const created = x.addAccount(`conformance${x.sim.accounts.size}`, {
          scopes: [
            ...[
              'tweet.read',
              'tweet.write',
              'users.read',
              'media.write',
              'tweet.moderate.write',
              'like.write',
              'dm.read',
              'dm.write',
            ],
            ...(refreshable ? ['offline.access'] : []),
          ],
        });
        return {
          account: { platform: 'x', accountId: created.account.id, handle: created.account.handle },
          tokens: { accessToken: created.accessToken, refreshToken: created.refreshToken },
        };
      },
      createPostRoute: 'POST /2/tweets',
      seedEngagements: (accountId, count) => {
        x.seedMentions(accountId, count);
      },
      seedBrandMentions: (term, count) => {
        x.seedBrandMentions(term, count);
      },
      refreshTokens: (refreshToken) =>
        refreshXToken({ clientId: 'conformance-client', refreshToken, baseUrl: x.baseUrl }),
    };
  },
});
