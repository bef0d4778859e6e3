import { describe, expect, it } from 'vitest';
import { createInstagramSimulator, type InstagramSimulatorAccount } from '../../src/mocks/index.js';
import { type Json, useInstagramSimulators, V } from './support.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
let ana: InstagramSimulatorAccount;
let bob: InstagramSimulatorAccount;
const {
  clock,
  ig,
  igLogin,
  others: [small],
} = useInstagramSimulators(
  () => {
    ana = ig.addAccount('ana', { followers: 42 });
    bob = ig.addAccount('bob');
  },
  (clock) => [
    createInstagramSimulator({
      baseUrl: 'https://small.graph.test',
      ruploadUrl: 'https://small.rupload.test',
      clock,
      budgets: { instagram: { limit: 2, windowMs: HOUR } },
    }),
  ],
);

async function call(
  method: string,
  path: string,
  params: Record<string, string> = {},
  options: { token?: string | undefined; place?: 'header' | 'query' | 'form' | 'json'; base?: string } = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const token = 'token' in options ? options.token : ana.accessToken;
  const place = options.place ?? 'header';
  const url = new URL(`${options.base ?? ig.baseUrl}${path}`);
  const headers: Record<string, string> = {};
  const all = { ...params, ...(token !== undefined && place !== 'header' ? { access_token: token } : {}) };
  if (token !== undefined && place === 'header') headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (method === 'GET' || method === 'DELETE' || place === 'query' || place === 'header') {
    for (const [name, value] of Object.entries(all)) url.searchParams.set(name, value);
  } else if (place === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(all).toString();
  } else {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(all);
  }
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

const error = (body: Json) => body.error as Json;
const me = () => ana.account.id;

async function container(params: Record<string, string>): Promise<string> {
  const created = await call('POST', `${V}/${me()}/media`, params);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return String(created.body.id);
}
const status = async (id: string) => (await call('GET', `${V}/${id}`, { fields: 'status_code,status' })).body;
const publish = (id: string) => call('POST', `${V}/${me()}/media_publish`, { creation_id: id });
async function published(caption = 'Hello'): Promise<string> {
  const result = await publish(await container({ image_url: 'https://cdn.test/a.jpg', caption }));
  expect(result.status).toBe(200);
  return String(result.body.id);
}

describe('containers and publishing', () => {
  it('publishes an image: FINISHED at once, stored as a SimulatedPost, then PUBLISHED', async () => {
    const id = await container({
      image_url: 'https://cdn.test/a.jpeg',
      caption: 'Hi #sim',
      alt_text: 'A cat',
    });
    expect(await status(id)).toMatchObject({ id, status_code: 'FINISHED' });
    const result = await publish(id);
    const mediaId = String(result.body.id);
    expect(ig.sim.posts.get(mediaId)).toMatchObject({
      accountId: me(),
      text: 'Hi #sim',
      media: [{ kind: 'image', altText: 'A cat' }],
      extra: { kind: 'media', mediaType: 'IMAGE', containerId: id },
    });
    expect((await status(id)).status_code).toBe('PUBLISHED');
    const media = await call('GET', `${V}/${mediaId}`, {
      fields: 'permalink,shortcode,timestamp,like_count,comments_count,caption,media_type',
    });
    expect(media.body).toMatchObject({
      id: mediaId,
      caption: 'Hi #sim',
      media_type: 'IMAGE',
      comments_count: 0,
      timestamp: '2026-11-22T12:00:00+0000',
    });
    expect(String(media.body.permalink)).toMatch(/^https:\/\/www\.instagram\.com\/p\/\w+\/$/);
  });

  it('processes a reel for 30 s: publishing early is 9007/2207027', async () => {
    const id = await container({
      media_type: 'REELS',
      video_url: 'https://cdn.test/v.mp4',
      share_to_feed: 'true',
    });
    expect((await status(id)).status_code).toBe('IN_PROGRESS');
    const early = await publish(id);
    expect(early.status).toBe(400);
    expect(error(early.body)).toMatchObject({ code: 9007, error_subcode: 2207027, type: 'OAuthException' });
    clock.advance(30_000);
    expect((await status(id)).status_code).toBe('FINISHED');
    const result = await publish(id);
    expect(ig.sim.posts.get(String(result.body.id))?.media.map((m) => m.kind)).toEqual(['video']);
  });

  it('builds a carousel of 2–10 finished items and refuses others with 100/2207028', async () => {
    const a = await container({ image_url: 'https://cdn.test/1.jpg', is_carousel_item: 'true' });
    const b = await container({ video_url: 'https://cdn.test/2.mp4', is_carousel_item: 'true' });
    const early = await call('POST', `${V}/${me()}/media`, { media_type: 'CAROUSEL', children: `${a},${b}` });
    expect(error(early.body)).toMatchObject({ code: 100, error_subcode: 2207028 });
    clock.advance(30_000);
    const one = await call('POST', `${V}/${me()}/media`, { media_type: 'CAROUSEL', children: a });
    expect(error(one.body)).toMatchObject({ code: 100, error_subcode: 2207028 });
    const parent = await container({ media_type: 'CAROUSEL', children: `${a},${b}`, caption: 'Album' });
    const result = await publish(parent);
    expect(ig.sim.posts.get(String(result.body.id))).toMatchObject({
      text: 'Album',
      media: [{ kind: 'image' }, { kind: 'video' }],
      extra: { mediaType: 'CAROUSEL_ALBUM' },
    });
  });

  it('ends in ERROR for unreachable URLs and scripted failures, and EXPIRED after 24 h', async () => {
    const unreachable = await container({ image_url: 'https://unreachable.test/a.jpg' });
    expect(await status(unreachable)).toMatchObject({
      status_code: 'ERROR',
      status: expect.stringContaining('2207052'),
    });
    ig.failNextContainer();
    const failing = await container({ media_type: 'REELS', video_url: 'https://cdn.test/v.mp4' });
    clock.advance(30_000);
    expect(await status(failing)).toMatchObject({
      status_code: 'ERROR',
      status: expect.stringContaining('2207026'),
    });
    expect(error((await publish(failing)).body)).toMatchObject({ error_subcode: 2207026 });
    const stale = await container({ image_url: 'https://cdn.test/a.jpg' });
    clock.advance(DAY);
    expect((await status(stale)).status_code).toBe('EXPIRED');
    expect(error((await publish(stale)).body)).toMatchObject({
      code: -2,
      error_subcode: 2207020,
      message: 'The media you are trying to access has expired. Please try to upload again.',
    });
    expect(error((await publish('17999999999999999')).body)).toMatchObject({
      code: 24,
      error_subcode: 2207008,
    });
  });

  it('ends a reel in ERROR 1/2207057 when its thumb_offset is not before the end of a video whose length was declared', async () => {
    ig.setVideoDuration('https://cdn.test/ten.mp4', 10);
    const reel = (extra: Record<string, string>) =>
      container({ media_type: 'REELS', video_url: 'https://cdn.test/ten.mp4', ...extra });
    const past = await reel({ thumb_offset: '10000' });
    const within = await reel({ thumb_offset: '9999' });
    // "If you specify both cover_url and thumb_offset, we use cover_url and ignore thumb_offset".
    const covered = await reel({ thumb_offset: '10000', cover_url: 'https://cdn.test/cover.jpg' });
    const negative = await container({
      media_type: 'REELS',
      video_url: 'https://cdn.test/unknown-length.mp4',
      thumb_offset: '-1',
    });
    clock.advance(30_000);
    expect(await status(past)).toMatchObject({
      status_code: 'ERROR',
      status: expect.stringContaining('2207057'),
    });
    expect(await status(negative)).toMatchObject({ status_code: 'ERROR' });
    expect((await status(within)).status_code).toBe('FINISHED');
    expect((await status(covered)).status_code).toBe('FINISHED');
    const refused = await publish(past);
    expect(refused.status).toBe(400);
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
    expect(error(refused.body)).toMatchObject({
      code: 1,
      error_subcode: 2207057,
      error_user_msg:
        'Thumbnail offset must be greater than or equal to 0 and less than video duration, i.e. 10000',
    });
    expect((await publish(within)).status).toBe(200);
  });

  it('refuses non-JPEG images and long captions at creation', async () => {
    const png = await call('POST', `${V}/${me()}/media`, { image_url: 'https://cdn.test/a.png' });
    expect(error(png.body)).toMatchObject({ code: 36001, error_subcode: 2207005 });
    const long = await call('POST', `${V}/${me()}/media`, {
      image_url: 'https://cdn.test/a.jpg',
      caption: 'x'.repeat(2_201),
    });
    expect(error(long.body)).toMatchObject({ code: 36004, error_subcode: 2207010 });
  });

  it('refuses captions with more than 30 hashtags (36004/2207010) or 20 @ tags (100/2207040) at creation', async () => {
    const words = (mark: string, n: number) => Array.from({ length: n }, (_, i) => `${mark}w${i}`).join(' ');
    const create = (caption: string) =>
      call('POST', `${V}/${me()}/media`, { image_url: 'https://cdn.test/a.jpg', caption });
    expect((await create(`${words('#', 30)} ${words('@', 20)}`)).status).toBe(200);
    const hashtags = await create(words('#', 31));
    expect(hashtags.status).toBe(400);
    expect(error(hashtags.body)).toMatchObject({ code: 36004, error_subcode: 2207010 });
    const tags = await create(words('@', 21));
    expect(tags.status).toBe(400);
    expect(error(tags.body)).toMatchObject({
      code: 100,
      error_subcode: 2207040,
      error_user_msg: 'Cannot use more than 20 tags per created media.',
    });
  });

  it('refuses to publish a media_type=VIDEO container alone (100/2207089: use REELS); it is a carousel item', async () => {
    const single = await container({
      media_type: 'VIDEO',
      video_url: 'https://cdn.test/v.mp4',
      caption: 'Hi',
    });
    clock.advance(30_000);
    const refused = await publish(single);
    expect(refused.status).toBe(400);
    expect(error(refused.body)).toMatchObject({
      code: 100,
      error_subcode: 2207089,
      error_user_msg: expect.stringContaining('use media_type=REELS instead'),
    });
    expect(ig.sim.posts.size).toBe(0);
    const photo = await container({ image_url: 'https://cdn.test/1.jpg', is_carousel_item: 'true' });
    const album = await publish(await container({ media_type: 'CAROUSEL', children: `${photo},${single}` }));
    expect(album.status).toBe(200);
  });

  it('takes a resumable upload on rupload with OAuth header, offset and file_size', async () => {
    const created = await call('POST', `${V}/${me()}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
    });
    const uri = String(created.body.uri);
    expect(uri).toBe(`https://rupload.facebook.com/ig-api-upload/v25.0/${created.body.id}`);
    const upload = await fetch(uri, {
      method: 'POST',
      headers: { authorization: `OAuth ${ana.accessToken}`, offset: '0', file_size: '4' },
      body: new Uint8Array([1, 2, 3, 4]),
    });
    expect(await upload.json()).toMatchObject({ success: true });
    clock.advance(30_000);
    expect((await status(String(created.body.id))).status_code).toBe('FINISHED');
  });

  it('reports and enforces the publishing quota (9/2207042)', async () => {
    await published();
    const limit = await call('GET', `${V}/${me()}/content_publishing_limit`, {
      fields: 'quota_usage,config',
    });
    expect(limit.body).toEqual({
      data: [{ quota_usage: 1, config: { quota_total: 100, quota_duration: 86400 } }],
    });
    ig.setQuota(me(), { used: 100, total: 100 });
    const refused = await publish(await container({ image_url: 'https://cdn.test/b.jpg' }));
    expect(error(refused.body)).toMatchObject({ code: 9, error_subcode: 2207042 });
  });
});

describe('insights', () => {
  it('returns empty reach/views for a fresh media, then growing values', async () => {
    const id = await published();
    const metric = 'reach,views,likes,comments,shares,saved,total_interactions';
    const fresh = await call('GET', `${V}/${id}/insights`, { metric });
    const data = fresh.body.data as Json[];
    expect(data.map((item) => item.name)).toEqual(metric.split(','));
    expect(data[0]).toMatchObject({
      name: 'reach',
      period: 'lifetime',
      values: [],
      id: `${id}/insights/reach/lifetime`,
    });
    expect(data[2]).toMatchObject({ name: 'likes', values: [{ value: 0 }] });
    clock.advance(4 * HOUR);
    const later = (await call('GET', `${V}/${id}/insights`, { metric: 'reach' })).body.data as Json[];
    const values = later[0]?.values as { value: number }[];
    expect(values[0]?.value).toBeGreaterThan(0);
  });

  it('answers a removed metric with Graph error 100', async () => {
    const id = await published();
    const response = await call('GET', `${V}/${id}/insights`, { metric: 'reach,impressions' });
    expect(response.status).toBe(400);
    expect(error(response.body)).toMatchObject({ code: 100, type: 'OAuthException' });
    expect(String(error(response.body).message)).toContain('impressions metric is no longer supported');
  });
});

describe('comments and mentions', () => {
  it('pages comments with cursors and next, replies on top-level comments only', async () => {
    const id = await published();
    ig.seedComments(id, 5);
    const first = await call('GET', `${V}/${id}/comments`, { limit: '2', fields: 'id,text,username' });
    const paging = first.body.paging as { cursors: { after: string }; next: string };
    expect((first.body.data as Json[]).map((c) => c.text)).toEqual([
      'Comment 5 from fan_2',
      'Comment 4 from fan_1',
    ]);
    const second = await call('GET', `${V}/${id}/comments`, { limit: '2', after: paging.cursors.after });
    expect((second.body.data as Json[]).map((c) => c.text)).toEqual([
      'Comment 3 from fan_3',
      'Comment 2 from fan_2',
    ]);
    const next = await fetch(paging.next, { headers: { authorization: `Bearer ${ana.accessToken}` } });
    const ids = (data: unknown) => (data as Json[]).map((item) => item.id);
    expect(ids(((await next.json()) as Json).data)).toEqual(ids(second.body.data));

    const own = await call('POST', `${V}/${id}/comments`, { message: 'First!' }, { place: 'form' });
    const commentId = String(own.body.id);
    expect(ig.sim.posts.filter((post) => post.inReplyToId === id).map((post) => post.id)).toEqual([
      commentId,
    ]);
    const reply = await call('POST', `${V}/${commentId}/replies`, { message: 'Thread' }, { place: 'json' });
    const replies = await call('GET', `${V}/${commentId}/replies`, { fields: 'text,parent_id' });
    expect(replies.body.data).toEqual([{ id: reply.body.id, text: 'Thread', parent_id: commentId }]);
    const nested = await call('POST', `${V}/${String(reply.body.id)}/replies`, { message: 'no' });
    expect(error(nested.body).code).toBe(100);
  });

  it('hides and deletes comments', async () => {
    const id = await published();
    const [comment] = ig.seedComments(id, 1);
    const commentId = comment?.id ?? '';
    expect((await call('POST', `${V}/${commentId}`, { hide: 'true' })).body).toEqual({ success: true });
    expect((await call('GET', `${V}/${commentId}`, { fields: 'hidden' })).body).toEqual({
      id: commentId,
      hidden: true,
    });
    expect(
      (await call('POST', `${V}/${commentId}`, { hide: 'true' }, { token: bob.accessToken })).status,
    ).toBe(400);
    expect((await call('DELETE', `${V}/${commentId}`)).body).toEqual({ success: true });
    expect(error((await call('GET', `${V}/${commentId}`)).body)).toMatchObject({
      code: 100,
      error_subcode: 33,
    });
  });

  it('lists stories on /stories for 24 hours, never on /media, which takes since and until', async () => {
    const feed = await published('Feed post');
    clock.advance(HOUR);
    const story = String(
      (await publish(await container({ media_type: 'STORIES', image_url: 'https://cdn.test/s.jpg' }))).body
        .id,
    );
    const ids = async (edge: string, params: Record<string, string> = {}) =>
      ((await call('GET', `${V}/${me()}/${edge}`, params)).body.data as Json[]).map((item) => item.id);
    expect(await ids('media')).toEqual([feed]);
    expect(await ids('stories')).toEqual([story]);
    const after = String(Math.floor((clock.now() - 30 * 60_000) / 1000));
    expect(await ids('media', { since: after })).toEqual([]);
    expect(await ids('media', { until: after })).toEqual([feed]);
    clock.advance(DAY);
    expect(await ids('stories')).toEqual([]);
  });

  it('lists on /tags the media that tag the account (user_tags), not those whose caption mentions it', async () => {
    const tagged = await publish(
      await container({
        image_url: 'https://cdn.test/t.jpg',
        caption: 'With a friend',
        user_tags: JSON.stringify([{ username: 'bob', x: 0.5, y: 0.5 }]),
      }),
    );
    await published('Hello @bob, no tag');
    const tags = await call(
      'GET',
      `${V}/${bob.account.id}/tags`,
      { fields: 'id,caption' },
      { token: bob.accessToken },
    );
    expect(tags.body.data).toEqual([{ id: String(tagged.body.id), caption: 'With a friend' }]);
  });

  it('lists media that mention the account on /tags', async () => {
    ig.seedMentions(me(), 2);
    const tags = await call('GET', `${V}/${me()}/tags`, { fields: 'caption' });
    expect((tags.body.data as Json[]).map((m) => m.caption)).toEqual([
      'Look at this @ana (2)',
      'Look at this @ana (1)',
    ]);
  });
});

describe('Graph dialect', () => {
  it('accepts any version and the token in a header, the query, a form or JSON', async () => {
    for (const [version, place] of [
      ['/v21.0', 'header'],
      ['/v26.0', 'query'],
      ['/v25.0', 'form'],
      ['/v19.0', 'json'],
    ] as const) {
      const created = await call(
        'POST',
        `${version}/${me()}/media`,
        { image_url: 'https://cdn.test/a.jpg' },
        { place },
      );
      expect(created.status, `${version} ${place}`).toBe(200);
    }
    const bad = await call('GET', `/latest/${me()}`, { fields: 'username' });
    expect(bad.status).toBe(400);
  });

  it('reads the account fields', async () => {
    await published();
    const user = await call('GET', `${V}/${me()}`, { fields: 'followers_count,media_count,username' });
    expect(user.body).toEqual({ id: me(), followers_count: 42, media_count: 1, username: 'ana' });
  });

  it('answers 190/463 for an expired token and 190 for an unknown one', async () => {
    const token = ig.sim.tokens.issue(me(), { expiresInMs: HOUR }).accessToken;
    clock.advance(HOUR);
    const expired = await call('GET', `${V}/${me()}`, {}, { token });
    expect(expired.status).toBe(400);
    expect(error(expired.body)).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(String(error(expired.body).message)).toMatch(
      /^Error validating access token: Session has expired/,
    );
    expect(error((await call('GET', `${V}/${me()}`, {}, { token: 'nope' })).body).code).toBe(190);
  });

  it('holds every call to the Instagram use case alone: its usage header on every answer, code 80002', async () => {
    const who = small.addAccount('cat');
    const base = small.baseUrl;
    const first = await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    // "Instagram Platform requests are subject to Business Use Case (BUC) Rate Limits"
    // (https://developers.facebook.com/docs/graph-api/overview/rate-limiting): no X-App-Usage.
    expect(first.headers.get('x-app-usage')).toBeNull();
    const buc = JSON.parse(first.headers.get('x-business-use-case-usage') ?? '{}') as Json;
    expect(buc[who.account.id]).toEqual([
      {
        type: 'instagram',
        call_count: 50,
        total_cputime: 25,
        total_time: 25,
        estimated_time_to_regain_access: 0,
      },
    ]);
    await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    const third = await call('GET', `${V}/${who.account.id}`, {}, { token: who.accessToken, base });
    expect(third.status).toBe(400);
    expect(error(third.body)).toMatchObject({ code: 80002, is_transient: true });
  });

  it('answers injected 5xx with code 2 and is_transient', async () => {
    ig.sim.faults.inject({ kind: 'server_error' });
    const response = await call('GET', `${V}/${me()}`);
    expect(response.status).toBe(500);
    expect(error(response.body)).toMatchObject({ code: 2, is_transient: true });
  });
});

describe('OAuth', () => {
  it('exchanges for a 60-day token and lists pages with the IG account', async () => {
    const exchanged = await call(
      'GET',
      `${V}/oauth/access_token`,
      {
        grant_type: 'fb_exchange_token',
        client_id: '1',
        client_secret: 's',
        fb_exchange_token: ana.accessToken,
      },
      { token: undefined },
    );
    expect(exchanged.body).toMatchObject({ token_type: 'bearer', expires_in: 5183944 });
    const pages = await call('GET', `${V}/me/accounts`, {
      fields: 'id,name,access_token,instagram_business_account',
    });
    expect((pages.body.data as Json[])[0]).toMatchObject({ instagram_business_account: { id: me() } });
  });

  it('exchanges and refreshes Instagram Login tokens (refresh needs a 24 h old token)', async () => {
    const cat = igLogin.addAccount('cat');
    const short = igLogin.issueShortLivedToken(cat.account.id);
    const base = igLogin.baseUrl;
    const long = await call(
      'GET',
      '/access_token',
      { grant_type: 'ig_exchange_token', client_secret: 's' },
      { token: short, place: 'query', base },
    );
    const token = String(long.body.access_token);
    expect(long.body).toMatchObject({ token_type: 'bearer', expires_in: 5184000 });
    const early = await call(
      'GET',
      '/refresh_access_token',
      { grant_type: 'ig_refresh_token' },
      { token, place: 'query', base },
    );
    expect(early.status).toBe(400);
    clock.advance(DAY);
    const refreshed = await call(
      'GET',
      '/refresh_access_token',
      { grant_type: 'ig_refresh_token' },
      { token, place: 'query', base },
    );
    expect(refreshed.body).toMatchObject({ token_type: 'bearer', expires_in: 5184000 });
  });
});
