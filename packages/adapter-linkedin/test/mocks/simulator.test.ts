import { describe, expect, it } from 'vitest';
import { postBody, useLinkedIn } from '../support/harness.js';

const h = useLinkedIn({ videoPartBytes: 10, dailyPosts: { perMember: 2 } });
const API = 'https://api.linkedin.com/rest';

function call(path: string, init: RequestInit & { version?: string | null; token?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${init.token ?? h.ana.accessToken}`);
  if (init.version !== null) headers.set('linkedin-version', init.version ?? '202610');
  if (!headers.has('x-restli-protocol-version')) headers.set('x-restli-protocol-version', '2.0.0');
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(path.startsWith('http') ? path : `${API}${path}`, { ...init, headers });
}

const post = (commentary: string, extra: Record<string, unknown> = {}) =>
  call('/posts', {
    method: 'POST',
    body: JSON.stringify(postBody(h.ana.account.id, commentary, extra)),
  });

describe('LinkedIn simulator', () => {
  it('answers a create with 201, no body and the URN in x-restli-id', async () => {
    const response = await post('Hello');
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
    const urn = response.headers.get('x-restli-id') ?? '';
    expect(urn).toMatch(/^urn:li:share:\d+$/);
    const read = await call(`/posts/${encodeURIComponent(urn)}`);
    expect(await read.json()).toMatchObject({ id: urn, author: h.ana.account.id, commentary: 'Hello' });
  });

  it('cuts unescaped commentary at the first reserved character and still answers 201', async () => {
    const response = await post('Launch (beta) today');
    expect(response.status).toBe(201);
    const stored = h.linkedin.sim.posts.get(response.headers.get('x-restli-id') ?? '');
    expect(stored?.text).toBe('Launch ');
    expect(stored?.extra.truncated).toBe(true);
  });

  it('needs a LinkedIn-Version it serves and the Rest.li 2.0 header', async () => {
    const missing = await call('/posts?q=author', { version: null });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'VERSION_MISSING' });
    const sunset = await call('/posts?q=author', { version: '202301' });
    expect(sunset.status).toBe(426);
    expect(await sunset.json()).toMatchObject({ code: 'NONEXISTENT_VERSION', status: 426 });
    const noRestli = await call('/posts?q=author', { headers: { 'x-restli-protocol-version': '1.0.0' } });
    expect(noRestli.status).toBe(400);
  });

  it('refuses a token without the scope, with ACCESS_DENIED', async () => {
    const reader = h.linkedin.addMember('reader', { scopes: ['r_member_social'] });
    const response = await call('/posts', {
      method: 'POST',
      token: reader.accessToken,
      body: JSON.stringify({
        author: reader.account.id,
        commentary: 'x',
        visibility: 'PUBLIC',
        lifecycleState: 'PUBLISHED',
        distribution: { feedDistribution: 'MAIN_FEED' },
      }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'ACCESS_DENIED', serviceErrorCode: 100 });
  });

  it('takes a video part only when it is exactly its byte range, and finalizes with its ETags', async () => {
    const init = await call('/videos?action=initializeUpload', {
      method: 'POST',
      body: JSON.stringify({ initializeUploadRequest: { owner: h.ana.account.id, fileSizeBytes: 25 } }),
    });
    const { value } = (await init.json()) as {
      value: {
        video: string;
        uploadToken: string;
        uploadInstructions: { uploadUrl: string; firstByte: number; lastByte: number }[];
      };
    };
    expect(value.uploadInstructions.map((part) => [part.firstByte, part.lastByte])).toEqual([
      [0, 9],
      [10, 19],
      [20, 24],
    ]);
    const [first, second, third] = value.uploadInstructions;
    const put = (url: string, size: number) => call(url, { method: 'PUT', body: new Uint8Array(size) });
    expect((await put(first?.uploadUrl ?? '', 9)).status).toBe(400);
    const etags = [];
    for (const [part, size] of [
      [first, 10],
      [second, 10],
      [third, 5],
    ] as const) {
      const answer = await put(part?.uploadUrl ?? '', size);
      etags.push(answer.headers.get('etag'));
    }
    const finalize = (uploadedPartIds: unknown[]) =>
      call('/videos?action=finalizeUpload', {
        method: 'POST',
        body: JSON.stringify({
          finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds },
        }),
      });
    expect((await finalize([...etags].reverse())).status).toBe(400);
    expect((await finalize(etags)).status).toBe(200);
    const status = await call(`/videos/${encodeURIComponent(value.video)}`);
    expect(await status.json()).toMatchObject({ id: value.video, status: 'PROCESSING' });
    h.clock.advance(30_000);
    const later = await call(`/videos/${encodeURIComponent(value.video)}`);
    expect(await later.json()).toMatchObject({ status: 'AVAILABLE' });
  });

  it('refuses a post naming media that is still processing', async () => {
    const init = await call('/images?action=initializeUpload', {
      method: 'POST',
      body: JSON.stringify({ initializeUploadRequest: { owner: h.ana.account.id } }),
    });
    const { value } = (await init.json()) as { value: { uploadUrl: string; image: string } };
    await call(value.uploadUrl, {
      method: 'PUT',
      body: new Uint8Array(10),
      headers: { 'content-type': 'image/png' },
    });
    const early = await post('Too early', { content: { media: { id: value.image } } });
    expect(early.status).toBe(400);
    h.clock.advance(1_000);
    expect((await post('In time', { content: { media: { id: value.image } } })).status).toBe(201);
  });

  it('refuses a duplicate of a recent post with 422', async () => {
    await post('Same words');
    const again = await post('Same words');
    expect(again.status).toBe(422);
    expect(((await again.json()) as { message: string }).message).toMatch(
      /^Content is a duplicate of urn:li:share:/,
    );
  });

  it('answers 429 past the daily post limit until midnight UTC, with no rate-limit headers', async () => {
    expect((await post('One')).status).toBe(201);
    expect((await post('Two')).status).toBe(201);
    const third = await post('Three');
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual({
      status: 429,
      serviceErrorCode: 101,
      message: 'Resource level throttle limit for calls to this resource is reached.',
    });
    expect([...third.headers.keys()].filter((name) => name.includes('ratelimit'))).toEqual([]);
    h.clock.set(Date.parse('2026-11-22T23:59:59.000Z'));
    expect((await post('Still today')).status).toBe(429);
    h.clock.set(Date.parse('2026-11-23T00:00:00.000Z'));
    expect((await post('Tomorrow')).status).toBe(201);
  });

  it('reacts to a comment with 201 and the reaction, and deletes it by (actor, entity) with 204', async () => {
    const postUrn = (await post('Comment here')).headers.get('x-restli-id') ?? '';
    const [comment] = h.linkedin.seedComments(postUrn, 1);
    const commentUrn = comment?.id ?? '';
    const actor = encodeURIComponent(h.ana.account.id);
    const react = (body: Record<string, unknown>) =>
      call(`/reactions?actor=${actor}`, { method: 'POST', body: JSON.stringify(body) });

    const created = await react({ root: commentUrn, reactionType: 'LIKE' });
    expect(created.status).toBe(201);
    const id = `urn:li:reaction:(${h.ana.account.id},${commentUrn})`;
    expect(created.headers.get('x-restli-id')).toBe(id);
    expect(await created.json()).toMatchObject({
      id,
      root: commentUrn,
      reactionType: 'LIKE',
      created: { actor: h.ana.account.id },
    });
    const listed = await call(`/reactions/(entity:${encodeURIComponent(commentUrn)})?q=entity`);
    expect(await listed.json()).toMatchObject({
      elements: [{ id, reactionType: 'LIKE' }],
      paging: { total: 1 },
    });

    const key = `(actor:${actor},entity:${encodeURIComponent(commentUrn)})`;
    expect((await call(`/reactions/${key}`, { method: 'DELETE' })).status).toBe(204);
    expect(h.linkedin.reactionsOn(commentUrn)).toEqual([]);
    const again = await call(`/reactions/${key}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a reaction on nothing with 404 and an unknown type with 422', async () => {
    const actor = encodeURIComponent(h.ana.account.id);
    const react = (body: Record<string, unknown>) =>
      call(`/reactions?actor=${actor}`, { method: 'POST', body: JSON.stringify(body) });
    const nothing = await react({ root: 'urn:li:comment:(urn:li:activity:1,2)', reactionType: 'LIKE' });
    expect(nothing.status).toBe(404);
    expect(await nothing.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const postUrn = (await post('React here')).headers.get('x-restli-id') ?? '';
    const retired = await react({ root: postUrn, reactionType: 'MAYBE' });
    expect(retired.status).toBe(422);
    expect(await retired.json()).toMatchObject({
      status: 422,
      message: expect.stringContaining('/reactionType'),
    });
    expect(h.linkedin.reactionsOn(postUrn)).toEqual([]);
  });
});
