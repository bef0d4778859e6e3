import { describe, expect, it } from 'vitest';
import { useTikTok } from '../support/harness.js';

// https://developers.tiktok.com/doc/tiktok-api-v2-error-handling gives scope_not_authorized one
// description, the same on every endpoint, naming no scope.
const h = useTikTok();
const { tiktok } = h;

describe("the TikTok simulator's scope refusals", () => {
  it('answer 401 scope_not_authorized in the same words on every route', async () => {
    const none = tiktok.addCreator('none', { scopes: [] });
    const call = (method: 'GET' | 'POST', path: string, json?: unknown) =>
      fetch(`${tiktok.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${none.accessToken}`,
          'content-type': 'application/json; charset=UTF-8',
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    const photos = {
      media_type: 'PHOTO',
      post_info: { title: 'p', privacy_level: 'SELF_ONLY' },
      source_info: { source: 'PULL_FROM_URL', photo_images: ['https://cdn.smmkit.test/p.jpg'] },
    };
    const refusals = [
      await call('POST', '/v2/post/publish/creator_info/query/'),
      await call('POST', '/v2/post/publish/video/init/', {}),
      await call('POST', '/v2/post/publish/inbox/video/init/', {}),
      await call('POST', '/v2/post/publish/content/init/', { ...photos, post_mode: 'DIRECT_POST' }),
      await call('POST', '/v2/post/publish/content/init/', { ...photos, post_mode: 'MEDIA_UPLOAD' }),
      await call('POST', '/v2/post/publish/status/fetch/', { publish_id: 'v_pub_url~v2-1.1' }),
      await call('POST', '/v2/post/publish/cancel/', { publish_id: 'v_pub_url~v2-1.1' }),
      await call('POST', '/v2/video/list/?fields=id', {}),
      await call('POST', '/v2/video/query/?fields=id', { filters: { video_ids: ['1'] } }),
      await call('GET', '/v2/user/info/?fields=open_id'),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({
        data: {},
        error: {
          code: 'scope_not_authorized',
          message: 'The user did not authorize the scope required for completing this request.',
          log_id: expect.any(String),
        },
      });
    }
  });
});
