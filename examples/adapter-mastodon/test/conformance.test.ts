import { runAdapterConformance } from '@smmkit/testkit/conformance';
import { createMastodonAdapter } from '../src/index.js';
import { createMastodonSimulator } from '../src/mocks/index.js';

runAdapterConformance({
  name: 'mastodon',
  setup: () => {
    const mastodon = createMastodonSimulator({ mediaProcessingMs: 20 });
    return {
      simulator: mastodon.sim,
      adapter: createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, mediaPollIntervalMs: 5 }),
      createAccount: () => {
        const { account, accessToken } = mastodon.addAccount(`conformance${mastodon.sim.accounts.size}`);
        return {
          account: { platform: 'mastodon', accountId: account.id, handle: account.handle },
          tokens: { accessToken },
        };
      },
      createPostRoute: 'POST /api/v1/statuses',
      seedEngagements: (accountId, count) => {
        mastodon.seedMentions(accountId, count);
      },
      seedBrandMentions: (term, count) => {
        mastodon.seedHashtagPosts(term, count);
      },
    };
  },
});
