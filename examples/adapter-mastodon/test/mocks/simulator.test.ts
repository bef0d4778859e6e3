import { manualClock, type RunningSimulators, type SimulatedAccount, startSimulators } from '@smmkit/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonSimulator } from '../../src/mocks/index.js';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const clock = manualClock(START);
const mastodon = createMastodonSimulator({ clock });
const limited = createMastodonSimulator({
  instanceUrl: 'https://limited.example',
  clock,
  budgets: { api: { limit: 2, windowMs: 5 * 60_000 } },
});
const base = mastodon.instanceUrl;

let running: RunningSimulators;
let ana: { readonly account: SimulatedAccount; readonly accessToken: string };
let bob: { readonly account: SimulatedAccount; readonly accessToken: string };

beforeAll(() => {
  ana = mastodon.addAccount('ana', { followers: 42 });
  bob = mastodon.addAccount('bob');
  running = startSimulators(mastodon.sim, limited.sim);
});
afterEach(() => {
  running.reset();
  clock.set(START);
});
afterAll(() => running.close());

interface Call {
  readonly method?: string;
  readonly token?: string;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly headers?: Record<string, string>;
}

function call(url: string, { method = 'GET', token = ana.accessToken, json, body, headers = {} }: Call = {}) {
  const all: Record<string, string> = { authorization: `Bearer ${token}`, ...headers };
  if (json !== undefined) all['content-type'] = 'application/json';
  const init: RequestInit = { method, headers: all };
  if (json !== undefined) init.body = JSON.stringify(json);
  else if (body !== undefined) init.body = body;
  return fetch(url.startsWith('http') ? url : `${base}${url}`, init);
}

/** Reads a JSON body as a loose record for assertions. */
async function read(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

function post(json: unknown, options: Omit<Call, 'json' | 'method'> = {}) {
  return call('/api/v1/statuses', { ...options, method: 'POST', json });
}

function upload(type: string, description?: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(64)], { type }), 'file');
  if (description !== undefined) form.append('description', description);
  return call('/api/v2/media', { method: 'POST', body: form });
}

function nextLink(response: Response): string | undefined {
  return response.headers.get('link')?.match(/<([^>]+)>; rel="next"/)?.[1];
}

describe('statuses', () => {
  it('creates a status and answers a Status entity with escaped HTML content', async () => {
    const response = await post({
      status: 'Hi <b> & "you"\nsecond line',
      visibility: 'unlisted',
      language: 'fr',
    });
    expect(response.status).toBe(200);
    const status = await read(response);
    expect(status).toMatchObject({
      content: '<p>Hi &lt;b&gt; &amp; &quot;you&quot;<br />second line</p>',
      visibility: 'unlisted',
      language: 'fr',
      created_at: '2026-11-22T12:00:00.000Z',
      url: `${base}/@ana/${String(status.id)}`,
      uri: `${base}/users/ana/statuses/${String(status.id)}`,
      replies_count: 0,
      in_reply_to_id: null,
      account: { id: ana.account.id, username: 'ana', acct: 'ana', followers_count: 42, statuses_count: 1 },
    });
    const stored = mastodon.sim.posts.get(String(status.id));
    expect(stored?.text).toBe('Hi <b> & "you"\nsecond line');
    expect(stored?.extra).toMatchObject({ visibility: 'unlisted', sensitive: false, language: 'fr' });
  });

  it('reads form bodies with poll[options][] and marks a content warning sensitive', async () => {
    const form = new URLSearchParams([
      ['status', 'Tea or coffee?'],
      ['spoiler_text', 'drinks'],
      ['poll[options][]', 'Tea'],
      ['poll[options][]', 'Coffee'],
      ['poll[expires_in]', '600'],
    ]);
    const response = await call('/api/v1/statuses', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const status = await read(response);
    expect(status).toMatchObject({ sensitive: true, spoiler_text: 'drinks' });
    expect(status.poll).toMatchObject({
      expires_at: '2026-11-22T12:10:00.000Z',
      options: [{ title: 'Tea' }, { title: 'Coffee' }],
    });
    expect(mastodon.sim.posts.filter()[0]?.pollOptions).toEqual(['Tea', 'Coffee']);
  });

  it('shows a status, and answers 404 "Record not found" for a missing or private one', async () => {
    const created = await read(await post({ status: 'public' }));
    const shown = await call(`/api/v1/statuses/${String(created.id)}`, { token: bob.accessToken });
    expect((await read(shown)).id).toBe(created.id);

    const hidden = await read(await post({ status: 'followers only', visibility: 'private' }));
    const refused = await call(`/api/v1/statuses/${String(hidden.id)}`, { token: bob.accessToken });
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: 'Record not found' });
    expect((await call('/api/v1/statuses/123')).status).toBe(404);
  });

  it("deletes only one's own status and answers it with its source text", async () => {
    const created = await read(await post({ status: 'bye **now**' }));
    const id = String(created.id);

    const notOwner = await call(`/api/v1/statuses/${id}`, { method: 'DELETE', token: bob.accessToken });
    expect(notOwner.status).toBe(404);
    expect(mastodon.sim.posts.size).toBe(1);

    const deleted = await call(`/api/v1/statuses/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    const body = await read(deleted);
    expect(body.text).toBe('bye **now**');
    expect(body).not.toHaveProperty('content');
    expect(mastodon.sim.posts.size).toBe(0);
    expect((await call(`/api/v1/statuses/${id}`)).status).toBe(404);
  });

  it('returns the same status for a repeated Idempotency-Key within an hour and stores one', async () => {
    const headers = { 'idempotency-key': 'post-1' };
    const first = await read(await post({ status: 'once' }, { headers }));
    const again = await post({ status: 'once, retried' }, { headers });
    expect(again.status).toBe(200);
    expect((await read(again)).id).toBe(first.id);
    expect(mastodon.sim.posts.size).toBe(1);

    const otherAccount = await read(await post({ status: 'once' }, { headers, token: bob.accessToken }));
    expect(otherAccount.id).not.toBe(first.id);

    clock.advance(60 * 60_000);
    const afterAnHour = await read(await post({ status: 'once' }, { headers }));
    expect(afterAnHour.id).not.toBe(first.id);
    expect(mastodon.sim.posts.size).toBe(3);
  });

  it.each([
    ['no text and no media', { status: '  ' }, 422, "Validation failed: Text can't be blank"],
    [
      '501 characters',
      { status: 'a'.repeat(501) },
      422,
      'Validation failed: Text character limit of 500 exceeded',
    ],
    [
      'a content warning past the limit',
      { status: 'a'.repeat(490), spoiler_text: 'b'.repeat(11) },
      422,
      'Validation failed: Text character limit of 500 exceeded',
    ],
    [
      'an unknown media id',
      { status: 'x', media_ids: ['999'] },
      422,
      'Media 999 not found or already attached to another post',
    ],
    [
      'five media',
      { status: 'x', media_ids: ['1', '2', '3', '4', '5'] },
      422,
      'Cannot attach more than 4 files',
    ],
    [
      'a reply to a missing status',
      { status: 'x', in_reply_to_id: '42' },
      404,
      'The post you are trying to reply to does not appear to exist.',
    ],
    [
      'an unknown visibility',
      { status: 'x', visibility: 'friends' },
      422,
      'Validation failed: Visibility is not included in the list',
    ],
  ])('refuses %s', async (_case, body, status, error) => {
    const response = await post(body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
    expect(mastodon.sim.posts.size).toBe(0);
  });

  it('counts every URL as 23 characters and a remote mention as its username', async () => {
    const url = `https://example.com/${'p'.repeat(200)}`;
    // 470 + 1 + 23 + 1 + 5 ('@carl') = 500
    const response = await post({ status: `${'a'.repeat(470)} ${url} @carl@elsewhere.example` });
    expect(response.status).toBe(200);
    expect(String((await read(response)).content)).toContain(`<a href="${url}"`);
  });

  it('refuses media that belongs to someone else', async () => {
    const media = await read(await upload('image/png'));
    const response = await post({ status: 'x', media_ids: [media.id] }, { token: bob.accessToken });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: `Media ${String(media.id)} not found or already attached to another post`,
    });
  });

  it('answers a thread with ancestors and descendants', async () => {
    const root = await read(await post({ status: 'root' }));
    const [first] = mastodon.seedReplies(String(root.id), 2);
    const context = await read(await call(`/api/v1/statuses/${String(first?.id)}/context`));
    expect((context.ancestors as { id: string }[]).map((status) => status.id)).toEqual([root.id]);
    const rootContext = await read(await call(`/api/v1/statuses/${String(root.id)}/context`));
    expect(rootContext.descendants).toHaveLength(2);
    expect(mastodon.statusOf(String(root.id))?.replies_count).toBe(2);
  });

  it('favourites and unfavourites a status, answering the Status each time, and 404 for a missing one', async () => {
    const created = await read(await post({ status: 'likeable' }));
    const id = String(created.id);
    const favourited = await call(`/api/v1/statuses/${id}/favourite`, {
      method: 'POST',
      token: bob.accessToken,
    });
    expect(favourited.status).toBe(200);
    expect(await read(favourited)).toMatchObject({ id, favourited: true, favourites_count: 1 });
    // Favouriting again changes nothing ("Status favourited or was already favourited").
    const again = await call(`/api/v1/statuses/${id}/favourite`, { method: 'POST', token: bob.accessToken });
    expect(await read(again)).toMatchObject({ favourited: true, favourites_count: 1 });
    // Others see the count, not bob's favourite.
    expect(await read(await call(`/api/v1/statuses/${id}`))).toMatchObject({
      favourited: false,
      favourites_count: 1,
    });
    const undone = await call(`/api/v1/statuses/${id}/unfavourite`, {
      method: 'POST',
      token: bob.accessToken,
    });
    expect(await read(undone)).toMatchObject({ id, favourited: false, favourites_count: 0 });
    const missing = await call('/api/v1/statuses/999999/favourite', { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Record not found' });
  });

  it('grows favourites with simulated time', async () => {
    const created = await read(await post({ status: 'popular' }));
    expect(created.favourites_count).toBe(0);
    clock.advance(4 * 60 * 60_000);
    expect(mastodon.statusOf(String(created.id))?.favourites_count).toBeGreaterThan(0);
  });
});

describe('hashtag timelines', () => {
  it('lists public statuses with the tag, in any case, to anyone, without unlisted or private ones', async () => {
    const shown = await read(await post({ status: 'Public #Coffee' }));
    await post({ status: 'Quiet #coffee', visibility: 'unlisted' });
    await post({ status: 'Friends #coffee', visibility: 'private' });
    await post({ status: 'No tag here: coffee' });
    const response = await fetch(`${base}/api/v1/timelines/tag/COFFEE`);
    expect(response.status).toBe(200);
    const statuses = (await response.json()) as Record<string, unknown>[];
    expect(statuses.map((status) => status.id)).toEqual([shown.id]);
    expect(nextLink(response)).toBe(`${base}/api/v1/timelines/tag/COFFEE?max_id=${String(shown.id)}`);
  });

  it('takes any[], all[] and none[] beside the tag', async () => {
    const tea = await read(await post({ status: '#tea' }));
    const both = await read(await post({ status: '#coffee #tea' }));
    const coffee = await read(await post({ status: '#coffee' }));
    const ids = async (query: string) =>
      ((await (await call(`/api/v1/timelines/tag/coffee?${query}`)).json()) as { id: string }[]).map(
        (status) => status.id,
      );
    expect(await ids('any[]=tea')).toEqual([coffee.id, both.id, tea.id]);
    expect(await ids('all[]=tea')).toEqual([both.id]);
    expect(await ids('none[]=tea')).toEqual([coffee.id]);
  });
});

describe('media', () => {
  it('processes a video in the background: 202, then 206, then 200 once the time has passed', async () => {
    const uploaded = await upload('video/mp4', 'a cat');
    expect(uploaded.status).toBe(202);
    const media = await read(uploaded);
    expect(media).toMatchObject({ type: 'video', url: null, description: 'a cat' });
    const id = String(media.id);

    const processing = await call(`/api/v1/media/${id}`);
    expect(processing.status).toBe(206);
    expect((await read(processing)).url).toBeNull();
    const early = await post({ status: 'too soon', media_ids: [id] });
    expect(early.status).toBe(422);
    expect(await early.json()).toEqual({
      error: 'Cannot attach files that have not finished processing. Try again in a moment!',
    });

    clock.advance(2_000);
    const ready = await call(`/api/v1/media/${id}`);
    expect(ready.status).toBe(200);
    expect(typeof (await read(ready)).url).toBe('string');

    const status = await read(await post({ status: 'now', media_ids: [id] }));
    expect(status.media_attachments).toMatchObject([{ id, type: 'video', description: 'a cat' }]);
    expect(mastodon.sim.posts.filter()[0]?.media.map((item) => item.id)).toEqual([id]);
    // Attached media is no longer reachable through /api/v1/media/:id.
    expect((await call(`/api/v1/media/${id}`)).status).toBe(404);
  });

  it('processes an image at once (200 with a url) and refuses unsupported types', async () => {
    const image = await upload('image/jpeg');
    expect(image.status).toBe(200);
    expect(await read(image)).toMatchObject({
      type: 'image',
      url: expect.stringMatching(/^https:\/\/mastodon\.example\//),
    });

    const text = await upload('text/plain');
    expect(text.status).toBe(422);
    expect(await text.json()).toEqual({
      error: 'Validation failed: File content type is invalid, File is invalid',
    });
  });
});

describe('notifications', () => {
  it('pages mentions newest first and walks to the end by the Link header', async () => {
    const seeded = mastodon.seedMentions(ana.account.id, 5);
    let url: string | undefined = `${base}/api/v1/notifications?types[]=mention&limit=2`;
    const pages: string[][] = [];
    let lastResponse: Response | undefined;
    while (url !== undefined) {
      const response = await call(url);
      const page = (await response.json()) as { id: string; type: string; status: { id: string } }[];
      expect(page.every((notification) => notification.type === 'mention')).toBe(true);
      pages.push(page.map((notification) => notification.status.id));
      lastResponse = response;
      url = nextLink(response);
      if (url !== undefined) expect(url).toContain('types%5B%5D=mention');
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1, 0]);
    expect(pages.flat()).toEqual(seeded.map((engagement) => engagement.id).reverse());
    // Mastodon links `next` on every non-empty page; the empty page that ends the walk has no Link.
    expect(lastResponse?.headers.get('link')).toBeNull();
  });

  it('links rel="next" with max_id of the oldest and rel="prev" with min_id of the newest', async () => {
    mastodon.seedMentions(ana.account.id, 3);
    const response = await call('/api/v1/notifications?limit=2');
    const [newest, oldest] = (await response.json()) as { id: string }[];
    expect(response.headers.get('link')).toBe(
      `<${base}/api/v1/notifications?limit=2&max_id=${String(oldest?.id)}>; rel="next", ` +
        `<${base}/api/v1/notifications?limit=2&min_id=${String(newest?.id)}>; rel="prev"`,
    );
    const newer = await call(`/api/v1/notifications?min_id=${String(oldest?.id)}`);
    expect(((await newer.json()) as { id: string }[]).map((n) => n.id)).toEqual([newest?.id]);
  });

  it('notifies local accounts a new status mentions, but not its author', async () => {
    await post({ status: '@bob and @ana@mastodon.example, look' });
    const forBob = (await (
      await call('/api/v1/notifications', { token: bob.accessToken })
    ).json()) as unknown[];
    const forAna = (await (await call('/api/v1/notifications')).json()) as unknown[];
    expect([forBob.length, forAna.length]).toEqual([1, 0]);
  });
});

describe('accounts', () => {
  it('verifies credentials and pages statuses with next only on a full page', async () => {
    const me = await read(await call('/api/v1/accounts/verify_credentials'));
    expect(me).toMatchObject({ id: ana.account.id, username: 'ana', source: { privacy: 'public' } });

    for (const text of ['one', 'two', 'three']) await post({ status: text });
    const first = await call(`/api/v1/accounts/${ana.account.id}/statuses?limit=2`);
    expect(((await first.json()) as unknown[]).length).toBe(2);
    const next = nextLink(first);
    expect(next).toBeDefined();
    const last = await call(String(next));
    expect(((await last.json()) as unknown[]).length).toBe(1);
    expect(nextLink(last)).toBeUndefined();
    expect((await call('/api/v1/accounts/999')).status).toBe(404);
  });

  it('looks up an account by username or username@this-host without a token, regardless of case', async () => {
    const rival = mastodon.seedPublicAccount('Rival_Coffee', { followers: 5_400, following: 12, posts: 2 });
    const host = new URL(base).host;
    for (const acct of ['rival_coffee', `RIVAL_COFFEE@${host}`]) {
      const found = await fetch(`${base}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
      expect(found.status).toBe(200);
      expect(await read(found)).toMatchObject({
        id: rival.account.id,
        username: 'Rival_Coffee',
        acct: 'Rival_Coffee',
        followers_count: 5_400,
        following_count: 12,
        statuses_count: 2,
      });
    }
    for (const acct of ['nobody', 'rival_coffee@elsewhere.example', '']) {
      const missing = await call(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
      expect(missing.status).toBe(404);
      expect(await read(missing)).toEqual({ error: 'Record not found' });
    }
  });

  it('seeds another account with public statuses a day apart, the newest now, reusing an existing account', () => {
    const seeded = mastodon.seedPublicAccount('seeded_rival');
    expect(seeded.account).toMatchObject({ handle: 'seeded_rival', followers: 1_000, following: 100 });
    expect(seeded.posts.map((status) => status.createdAt)).toEqual(
      Array.from({ length: 10 }, (_, index) => START - (9 - index) * 24 * 60 * 60_000),
    );
    expect(mastodon.statusOf(seeded.posts[0]?.id ?? '')?.visibility).toBe('public');

    const again = mastodon.seedPublicAccount('SEEDED_RIVAL', { followers: 7, posts: 1, text: () => 'Fresh' });
    expect(again.account.id).toBe(seeded.account.id);
    expect(again.account).toMatchObject({ followers: 7, following: 100 });
    expect(mastodon.statusOf(again.posts[0]?.id ?? '')?.content).toBe('<p>Fresh</p>');
  });
});

describe('limits, tokens and faults', () => {
  it('answers 429 "Too many requests" with X-RateLimit headers once the budget is spent', async () => {
    const { accessToken } = limited.addAccount('carl');
    const get = () =>
      call(`${limited.instanceUrl}/api/v1/accounts/verify_credentials`, { token: accessToken });
    expect((await get()).headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await get()).headers.get('x-ratelimit-remaining')).toBe('0');
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: 'Too many requests' });
    expect(refused.headers.get('x-ratelimit-limit')).toBe('2');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-reset')).toBe('2026-11-22T12:05:00.000000Z');

    clock.advance(5 * 60_000);
    expect((await get()).status).toBe(200);
  });

  it('refuses a revoked token and an unknown one with 401 in Doorkeeper words', async () => {
    const { accessToken } = mastodon.sim.tokens.issue(ana.account.id);
    mastodon.sim.tokens.revoke({ accessToken });
    const revoked = await post({ status: 'x' }, { token: accessToken });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: 'The access token was revoked' });
    const unknown = await post({ status: 'x' }, { token: 'nope' });
    expect(await unknown.json()).toEqual({ error: 'The access token is invalid' });
    expect(mastodon.sim.posts.size).toBe(0);
  });

  it("sends Doorkeeper's Bearer challenge with the 401 of a bad or absent token", async () => {
    const challenge = (description: string) =>
      `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`;
    const bad = await call('/api/v1/accounts/verify_credentials', { token: 'nope' });
    const absent = await fetch(`${base}/api/v1/accounts/verify_credentials`);
    for (const refused of [bad, absent]) {
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe(challenge('The access token is invalid'));
      expect(await refused.json()).toEqual({ error: 'The access token is invalid' });
    }
    const { accessToken } = mastodon.sim.tokens.issue(ana.account.id);
    mastodon.sim.tokens.revoke({ accessToken });
    const revoked = await call('/api/v1/accounts/verify_credentials', { token: accessToken });
    expect(revoked.headers.get('www-authenticate')).toBe(challenge('The access token was revoked'));
  });

  it('stores the status when the connection drops after the server accepted it', async () => {
    mastodon.sim.faults.inject({ kind: 'accepted_then_lost', route: 'POST /api/v1/statuses' });
    await expect(post({ status: 'lost answer' })).rejects.toThrow();
    expect(mastodon.sim.posts.filter().map((stored) => stored.text)).toEqual(['lost answer']);
  });

  it('can answer an unreadable body, and a 503 in Mastodon shape', async () => {
    mastodon.sim.faults.inject({ kind: 'malformed_body', route: 'POST /api/v1/statuses' });
    const malformed = await post({ status: 'garbled' });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
    expect(mastodon.sim.posts.size).toBe(1);

    mastodon.sim.faults.inject({ kind: 'server_error' });
    const unavailable = await post({ status: 'down' });
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toEqual({
      error: 'There was a temporary problem serving your request, please try again',
    });
    expect(mastodon.sim.posts.size).toBe(1);
  });
});
