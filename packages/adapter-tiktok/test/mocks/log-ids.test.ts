import { type AccountWithTokens, manualClock, startSimulators } from '@smmkit/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createTikTokSimulator, type TikTokSimulator } from '../../src/mocks/index.js';

// A log_id is the UTC second of the answer and a hex request number
// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling); the number is the
// simulator's own, started again by a reset, so a test's log ids do not depend on the tests
// that ran before it.
const START = Date.parse('2026-12-04T12:00:00.000Z');
const FIRST_THREE = [
  '2026120412000000000000000000000001',
  '2026120412000000000000000000000002',
  '2026120412000000000000000000000003',
];

let running: { close(): void } | undefined;
afterEach(() => {
  running?.close();
  running = undefined;
});

/** A simulated TikTok on `clock` with the creator acme, served. */
function serve(clock = manualClock(START)): { tiktok: TikTokSimulator; acme: AccountWithTokens } {
  const tiktok = createTikTokSimulator({ clock });
  const acme = tiktok.addCreator('acme');
  running = startSimulators(...tiktok.simulators);
  return { tiktok, acme };
}

/** The log ids of three answers: a route's success, the dialect's 401 and OAuth's flat error. */
async function threeLogIds(tiktok: TikTokSimulator, acme: AccountWithTokens): Promise<string[]> {
  const creatorInfo = (token: string) =>
    fetch(`${tiktok.apiUrl}/v2/post/publish/creator_info/query/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
  const ok = await creatorInfo(acme.accessToken);
  const refused = await creatorInfo('not-a-token');
  const oauth = await fetch(`${tiktok.apiUrl}/v2/oauth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=authorization_code',
  });
  expect([ok.status, refused.status, oauth.status]).toEqual([200, 401, 400]);
  const bodies = (await Promise.all([ok.json(), refused.json()])) as { error: { log_id: string } }[];
  const flat = (await oauth.json()) as { log_id: string };
  return [...bodies.map((body) => body.error.log_id), flat.log_id];
}

describe("the TikTok simulator's log ids", () => {
  it('start again after a reset, as on a fresh simulator', async () => {
    const { tiktok, acme } = serve();
    expect(await threeLogIds(tiktok, acme)).toEqual(FIRST_THREE);
    tiktok.sim.reset();
    expect(await threeLogIds(tiktok, acme)).toEqual(FIRST_THREE);
  });

  it('are numbered per simulator', async () => {
    const clock = manualClock(START);
    const first = serve(clock);
    await threeLogIds(first.tiktok, first.acme);
    running?.close();
    const second = serve(clock);
    expect(await threeLogIds(second.tiktok, second.acme)).toEqual(FIRST_THREE);
  });
});
