import { describe, expect, it } from 'vitest';
import { createFacebookAdapter } from '../src/index.js';
import { hostedVideo, useFacebook, videoIdOf, videoPostIdOf } from './support/harness.js';

// The Video reference (https://developers.facebook.com/docs/graph-api/reference/video/) does not
// say how `post_id` is written; here the Video node gives the post id alone, without the Page id.
const h = useFacebook({ videoPostIdForm: 'bare', videoProcessingMs: 20_000 });
const SECRET = 'meta-app-secret-for-webhooks';
const HOUR = 3_600_000;

/** A video published now on a Page big enough for insights, its ref, and the video id. */
async function publishedVideo() {
  const page = h.facebook.addPage(`big${h.facebook.sim.accounts.size}`, { followers: 1_500 });
  const result = await h
    .adapter()
    .publish({ text: 'Doors open', media: [hostedVideo()] }, h.context({}, page));
  return { page, result, videoId: videoIdOf(h.facebook, result.ref) };
}

describe('a Video node whose post_id is the post id alone', () => {
  it('gives a ref of {page-id}_{post-id}, which a comment webhook on the video points at', async () => {
    const { page, result, videoId } = await publishedVideo();
    const bare = await videoPostIdOf(h.facebook, page.accessToken, videoId);
    expect(bare).not.toContain('_');
    expect(result.ref.platformPostId).toBe(`${page.account.id}_${bare}`);

    const { webhooks } = createFacebookAdapter({ baseUrl: h.facebook.baseUrl, appSecret: SECRET });
    const [comment] = h.facebook.seedComments(videoId, 1);
    const parsed = webhooks?.parse(await h.facebook.signedWebhook(comment?.id ?? '', SECRET)) ?? [];
    expect(parsed.map((engagement) => engagement.postRef?.platformPostId)).toEqual([
      result.ref.platformPostId,
    ]);
  });

  it('reads the metrics of a ref taken before the video had its Page post on that post', async () => {
    const { page, result, videoId } = await publishedVideo();
    const ref = { ...result.ref, platformPostId: videoId };
    h.clock.advance(3 * HOUR);

    const samples = await h.adapter().getPostMetrics([ref], h.context({}, page));

    expect(samples.map((sample) => sample.metric)).toEqual(
      expect.arrayContaining(['comments', 'reactions', 'impressions']),
    );
    const read = h.facebook.sim.log.forRoute('GET /:version/:objectId/insights');
    expect(read.map((entry) => new URL(entry.url).pathname)).toEqual([
      `/v26.0/${result.ref.platformPostId}/insights`,
    ]);
  });
});
