import { runAdapterConformance } from '@smmkit/testkit/conformance';
import { createTikTokAdapter, refreshTikTokToken } from '../src/index.js';
import { createTikTokSimulator } from '../src/mocks/index.js';

const options = { tiktok: { privacyLevel: 'PUBLIC_TO_EVERYONE' } };

runAdapterConformance({
  name: 'tiktok',
  setup: () => {
    // Published at once: the suite waits on the system clock.
    const tiktok = createTikTokSimulator({ processingMs: 0, moderationMs: 0 });
    tiktok.addApp('conformance-key', 'conformance-secret');
    return {
      simulator: tiktok.sim,
      extraSimulators: [tiktok.upload],
      adapter: createTikTokAdapter({ baseUrl: tiktok.apiUrl, publishPollIntervalMs: 5 }),
      createAccount: ({ refreshable }) => {
        const created = tiktok.addCreator(`conformance${tiktok.sim.accounts.size}`, { refreshable });
        return {
          account: { platform: 'tiktok', accountId: created.account.id, handle: created.account.handle },
          tokens: { accessToken: created.accessToken, refreshToken: created.refreshToken },
        };
      },
      // The first sample the suite publishes is the photo post, created by its init.
      createPostRoute: 'POST /v2/post/publish/content/init/',
      refreshTokens: (refreshToken) =>
        refreshTikTokToken({
          clientKey: 'conformance-key',
          clientSecret: 'conformance-secret',
          refreshToken,
          tokenUrl: `${tiktok.apiUrl}/v2/oauth/token/`,
        }),
      samples: {
        // Photos are pulled from URLs; videos are uploaded in chunks.
        image: {
          title: 'Conformance',
          text: 'smmkit conformance photo post',
          media: [
            {
              kind: 'image',
              mimeType: 'image/jpeg',
              source: { type: 'url', url: 'https://media.smmkit.test/photo.jpg' },
            },
          ],
          options,
        },
        video: {
          text: 'smmkit conformance video post',
          media: [
            {
              kind: 'video',
              mimeType: 'video/mp4',
              source: { type: 'bytes', bytes: new Uint8Array(4096).map((_, i) => i % 251) },
              durationSec: 5,
              fps: 30,
            },
          ],
          options,
        },
      },
    };
  },
});
