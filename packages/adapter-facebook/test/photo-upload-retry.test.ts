import { type Media, staticTokenProvider } from '@smmkit/core';
import { createPublisher } from '@smmkit/core/publisher';
import { describe, expect, it } from 'vitest';
import { photo, useFacebook } from './support/harness.js';

const h = useFacebook();

/** Answers the first unpublished photo upload with Graph's code 2 ("temporary") without making it. */
function failFirstUpload(): typeof fetch {
  let failed = false;
  return async (input, init) => {
    const request = new Request(input, init);
    if (!failed && request.method === 'POST' && new URL(request.url).pathname.endsWith('/photos')) {
      failed = true;
      return Response.json(
        {
          error: {
            type: 'OAuthException',
            code: 2,
            message: 'An unexpected error has occurred. Please retry your request later.',
          },
        },
        { status: 400 },
      );
    }
    return fetch(request);
  };
}

describe("a multi-photo post whose photo upload gets Meta's code 2", () => {
  it('retries the unpublished upload and publishes once, as nothing was shown yet', async () => {
    const publisher = createPublisher({
      adapters: [h.adapter({ fetch: failFirstUpload() })],
      tokens: () => staticTokenProvider(h.acme.accessToken),
      clock: h.adapterClock,
      retry: { random: () => 0.5 },
    });
    const media: Media[] = [photo('a'), photo('b')];
    const [outcome] = await publisher.publish({ text: 'Two loaves', media }, [
      { platform: 'facebook', accountId: h.acme.account.id },
    ]);
    expect(outcome?.status).toBe('published');
    expect(h.facebook.sim.posts.filter((post) => post.text === 'Two loaves')).toHaveLength(1);
  });
});
