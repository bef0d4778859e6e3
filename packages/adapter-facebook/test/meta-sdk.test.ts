/**
 * The simulator answers Meta's own Node.js SDK (`facebook-nodejs-business-sdk`), the way apps
 * that already use it talk to Graph: it sends POST parameters as a JSON body and the token in the
 * query, pages with the `paging.next` URLs Graph returns, and reads errors from `error`. The SDK
 * calls `https://graph.facebook.com` through axios over Node's `http`, which MSW intercepts in
 * process like `fetch`, so no server is needed.
 */
import { Comment, FacebookAdsApi, Page, PagePost } from 'facebook-nodejs-business-sdk';
import { describe, expect, it } from 'vitest';
import { useFacebook } from './support/harness.js';

const h = useFacebook();
const HOUR = 3_600_000;
/** A Page big enough for insights (100 followers at least; https://developers.facebook.com/docs/graph-api/reference/insights). */
const shop = h.facebook.addPage('sdk_shop', { followers: 2_000 });

/** The SDK acting for `shop` with its Page token; crash reporting off, so it never installs a process handler. */
const sdk = () => new FacebookAdsApi(shop.accessToken, 'en_US', false);

describe('the Meta Business SDK against the simulator', () => {
  it('publishes a feed post and a photo to the Page', async () => {
    const page = new Page(shop.account.id, {}, null, sdk());
    const post = await page.createFeed([], {
      message: 'Hello from the Meta SDK',
      link: 'https://smmkit.dev',
    });
    expect(post.id).toMatch(new RegExp(`^${shop.account.id}_\\d+$`));
    const stored = h.facebook.sim.posts.get(post.id);
    expect(stored).toMatchObject({ accountId: shop.account.id, text: 'Hello from the Meta SDK' });
    expect(stored?.extra.link).toBe('https://smmkit.dev');

    const photo = await page.createPhoto([], {
      url: 'https://cdn.smmkit.test/bread.png',
      caption: 'Fresh bread',
    });
    const photoPost = h.facebook.sim.posts.get(String(photo._data.post_id));
    expect(photoPost).toMatchObject({ accountId: shop.account.id, text: 'Fresh bread' });
    expect(photoPost?.media.map((media) => media.mimeType)).toEqual(['image/png']);
    // The SDK sends the token in the query and the parameters (with the Page's id) as JSON.
    const sent = h.facebook.sim.log.entries.filter((entry) => entry.method === 'POST');
    expect(sent.map((entry) => new URL(entry.url).searchParams.has('access_token'))).toEqual([true, true]);
    expect(h.facebook.sim.log.bodies('POST /:version/:pageId/photos')).toEqual([
      { url: 'https://cdn.smmkit.test/bread.png', caption: 'Fresh bread', id: shop.account.id },
    ]);
  });

  it('reads a post’s comments page after page, and replies', async () => {
    const api = sdk();
    const created = await new Page(shop.account.id, {}, null, api).createFeed([], { message: 'Tell us!' });
    h.facebook.seedComments(created.id, 5);
    const post = new PagePost(created.id, {}, null, api);
    const first = await post.getComments(['id', 'message', 'created_time'], { limit: 2 });
    const messages = first.map((comment) => String(comment._data.message));
    expect(first).toHaveLength(2);
    let page = first;
    while (page.hasNext()) {
      page = await page.next();
      messages.push(...page.map((comment) => String(comment._data.message)));
    }
    expect(messages).toHaveLength(5);
    expect(new Set(messages).size).toBe(5);

    const reply = await post.createComment([], { message: 'Thanks for asking' });
    const again = await post.getComments(['message'], { limit: 10 });
    expect(again.map((comment) => comment.id)).toContain(reply.id);
    expect(again.at(-1)?._data.message).toBe('Thanks for asking');
  });

  it('likes a comment as the Page and takes the like back (`/{comment-id}/likes`)', async () => {
    const api = sdk();
    const created = await new Page(shop.account.id, {}, null, api).createFeed([], { message: 'Like us' });
    const [fan] = h.facebook.seedComments(created.id, 1);
    if (fan === undefined) throw new Error('expected a comment');
    const comment = new Comment(fan.id, {}, null, api);
    const liked = await comment.createLike([], {});
    expect(liked._data.success).toBe(true);
    expect(h.facebook.sim.engagements.get(fan.id)?.liked).toBe(true);
    const read = await new Comment(fan.id, {}, null, api).get(['user_likes', 'like_count']);
    expect(read._data.user_likes).toBe(true);
    expect(await comment.deleteLikes({})).toEqual({ success: true });
    expect(h.facebook.sim.engagements.get(fan.id)?.liked).toBe(false);
  });

  it('reads a post’s insights', async () => {
    const created = await new Page(shop.account.id, {}, null, sdk()).createFeed([], { message: 'Measured' });
    h.clock.advance(3 * HOUR);
    const insights = await new PagePost(created.id, {}, null, sdk()).getInsights([], {
      metric: 'post_media_view,post_total_media_view_unique',
    });
    expect(insights.map((insight) => insight._data.name)).toEqual([
      'post_media_view',
      'post_total_media_view_unique',
    ]);
    for (const insight of insights) {
      expect(insight._data.period).toBe('lifetime');
      expect(insight._data.values[0].value).toBeGreaterThan(0);
    }
  });

  it('gets Graph’s errors as FacebookRequestErrors with Meta’s status, code and message', async () => {
    const page = new Page(shop.account.id, {}, null, sdk());
    const refused = await rejection(page.createFeed([], { message: '' }));
    expect(refused).toMatchObject({
      name: 'FacebookRequestError',
      status: 400,
      response: { code: 100, type: 'OAuthException', fbtrace_id: expect.any(String) },
    });
    expect(refused.message).toContain('(#100)');
    // A removed metric (post_impressions) is refused too.
    const created = await page.createFeed([], { message: 'Counted' });
    const removed = await rejection(
      new PagePost(created.id, {}, null, sdk()).getInsights([], { metric: 'post_impressions' }),
    );
    expect(removed).toMatchObject({ name: 'FacebookRequestError', status: 400, response: { code: 100 } });
  });
});

/** What `promise` rejected with; the SDK's `FacebookRequestError` is not exported, so tests read its fields. */
async function rejection(pending: unknown): Promise<Error & Record<string, unknown>> {
  // The SDK types edge reads as `Cursor | Promise<Cursor>`: a promise at runtime.
  const error = await Promise.resolve(pending).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Error)) throw new Error(`expected a rejection, got ${String(error)}`);
  return error as Error & Record<string, unknown>;
}
