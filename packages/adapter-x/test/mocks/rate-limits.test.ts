import { describe, expect, it } from 'vitest';
import { useX } from '../support/harness.js';
import { call } from './support/x-client.js';

// X's per-user limits, each endpoint its own window, from the table of
// https://docs.x.com/x-api/fundamentals/rate-limits: an app that polls or reads at the pace the
// simulator allows must not be throttled by X.
const h = useX();
const { x, ana, bob, clock } = h;

const get = (path: string) => call(x.baseUrl, path, { token: ana.accessToken });

describe('the per-user limits of the read endpoints', () => {
  it.each([
    ['GET /2/tweets', () => '/2/tweets?ids=1', 5000],
    ['GET /2/tweets/:id', () => '/2/tweets/1', 900],
    ['GET /2/dm_events', () => '/2/dm_events', 15],
    [
      'GET /2/dm_conversations/with/:participant_id/dm_events',
      () => `/2/dm_conversations/with/${bob.account.id}/dm_events`,
      15,
    ],
    ['GET /2/media/upload (status)', () => '/2/media/upload?command=STATUS&media_id=1', 1000],
  ])('%s: x-rate-limit-limit is the documented figure', async (_, path, limit) => {
    const answer = await get(path());
    expect(answer.headers.get('x-rate-limit-limit')).toBe(String(limit));
  });

  it('keeps GET /2/tweets and GET /2/tweets/:id in windows of their own', async () => {
    await get('/2/tweets?ids=1');
    const single = await get('/2/tweets/1');
    expect(single.headers.get('x-rate-limit-remaining')).toBe('899');
  });

  it('refuses the 16th read of the direct messages in 15 minutes with a 429, and allows it after', async () => {
    for (let n = 0; n < 15; n += 1) expect((await get('/2/dm_events')).status).toBe(200);
    expect((await get('/2/dm_events')).status).toBe(429);
    clock.advance(15 * 60_000);
    expect((await get('/2/dm_events')).status).toBe(200);
  });
});

describe('POST /2/media/metadata', () => {
  it('allows 500 per 15 minutes', async () => {
    const answer = await call(x.baseUrl, '/2/media/metadata', {
      method: 'POST',
      token: ana.accessToken,
      json: { id: '1', metadata: { alt_text: { text: 'A cup' } } },
    });
    expect(answer.headers.get('x-rate-limit-limit')).toBe('500');
  });
});

describe('POST /2/dm_conversations/with/:participant_id/messages', () => {
  it('takes a token with dm.write, tweet.read and users.read: the spec asks no dm.read to send', async () => {
    const token = x.sim.tokens.issue(ana.account.id, { scopes: ['dm.write', 'tweet.read', 'users.read'] });
    const sent = await call(x.baseUrl, `/2/dm_conversations/with/${bob.account.id}/messages`, {
      method: 'POST',
      token: token.accessToken,
      json: { text: 'Thanks for writing' },
    });
    expect(sent.status).toBe(201);
  });
});
