import { describe, expect, it } from 'vitest';
import { useFacebook } from '../support/harness.js';

// `limit` is "the maximum number of objects that may be returned", with no minimum
// (https://developers.facebook.com/docs/graph-api/results): the Page's /posts reads it as every
// other edge of the simulator does, instead of taking 0 or a word for the default 25.
const h = useFacebook();

const posts = async (limit: string) => {
  const response = await fetch(
    `${h.facebook.baseUrl}/v26.0/${h.acme.account.id}/posts?fields=message&limit=${encodeURIComponent(limit)}`,
    { headers: { authorization: `Bearer ${h.acme.accessToken}` } },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('GET /{page-id}/posts?limit=', () => {
  it('answers at most limit posts, none for 0, and refuses a limit that is no whole number', async () => {
    const adapter = h.adapter();
    for (const text of ['One', 'Two', 'Three']) await adapter.publish({ text }, h.context());

    expect((await posts('2')).body.data).toHaveLength(2);
    expect(await posts('0')).toEqual({ status: 200, body: { data: [] } });
    for (const limit of ['ten', '-1', '1.5', '']) {
      const refused = await posts(limit);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 100, message: `(#100) Invalid limit: ${limit}` });
    }
  });

  it('refuses a limit over 100, as Graph does for a Page\u2019s posts, and reads 100', async () => {
    // "You can only read a maximum of 100 feed posts with the limit field. If you try to read more
    // than that you will get an error" (https://developers.facebook.com/docs/graph-api/reference/page/feed).
    const adapter = h.adapter();
    for (const text of ['One', 'Two']) await adapter.publish({ text }, h.context());

    expect((await posts('100')).body.data).toHaveLength(2);
    const refused = await posts('101');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      code: 100,
      message: expect.stringContaining('not exceed 100'),
    });
  });
});
