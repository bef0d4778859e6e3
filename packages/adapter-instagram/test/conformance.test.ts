import type { Media } from '@smmkit/core';
import { runAdapterConformance } from '@smmkit/testkit/conformance';
import { createInstagramAdapter } from '../src/index.js';
import { createInstagramSimulator } from '../src/mocks/index.js';

// Instagram fetches images from a public URL (https://developers.facebook.com/docs/instagram-platform/content-publishing); only video can be uploaded as
// bytes, and capabilities cannot say that per kind yet, so the image samples are given here.
const image: Media = {
  kind: 'image',
  mimeType: 'image/jpeg',
  source: { type: 'url', url: 'https://cdn.smmkit.test/conformance.jpg' },
  sizeBytes: 200_000,
  width: 1080,
  height: 1080,
  altText: 'Conformance image',
};

runAdapterConformance({
  name: 'instagram',
  setup: () => {
    const ig = createInstagramSimulator({ containerProcessingMs: 20, insightsDelayMs: 0 });
    return {
      simulator: ig.sim,
      extraSimulators: ig.simulators.filter((sim) => sim !== ig.sim),
      adapter: createInstagramAdapter({
        baseUrl: ig.baseUrl,
        containerPollIntervalMs: 5,
        containerPollTimeoutMs: 5_000,
      }),
      createAccount: () => {
        const created = ig.addAccount(`conformance${ig.sim.accounts.size}`, { followers: 100 });
        return {
          account: { platform: 'instagram', accountId: created.account.id, handle: created.account.handle },
          tokens: { accessToken: created.accessToken },
        };
      },
      createPostRoute: 'POST /:version/:igUserId/media_publish',
      samples: {
        image: { text: 'smmkit conformance image post', media: [image] },
        firstComment: {
          text: 'smmkit conformance first comment post',
          media: [image],
          firstComment: 'First comment',
        },
      },
      seedEngagements: (accountId, count) => {
        ig.seedMentions(accountId, count);
      },
      seedBrandMentions: (term, count) => {
        ig.seedHashtagMedia(term, count);
      },
    };
  },
});
