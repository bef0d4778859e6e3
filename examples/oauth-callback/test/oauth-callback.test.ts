import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFacebookSimulator } from '@smmkit/adapter-facebook/mocks';
import { createInstagramSimulator } from '@smmkit/adapter-instagram/mocks';
import { createLinkedInSimulator } from '@smmkit/adapter-linkedin/mocks';
import { createTikTokSimulator } from '@smmkit/adapter-tiktok/mocks';
import { createXSimulator } from '@smmkit/adapter-x/mocks';
import { parsePost } from '@smmkit/core';
import { createSmmkit, type Smmkit } from '@smmkit/core/app';
import { sqliteStore } from '@smmkit/core/sqlite';
import type { PlatformSimulator } from '@smmkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformsFromEnv } from '../src/platforms-from-env.js';
import { createOAuthCallbackServer } from '../src/server.js';
import { simulatorsFetch } from './simulators-fetch.js';

// Each platform's simulator, its registered app, and the person who will approve the consent.
const x = createXSimulator({ clientSecrets: { 'x-client': 'x-secret' } });
const brand = x.addAccount('brand');
const linkedin = createLinkedInSimulator();
linkedin.addApp('li-client', 'li-secret');
const ana = linkedin.addMember('ana');
const acmeOrg = linkedin.addOrganization('Acme', [ana.account.id]);
const tiktok = createTikTokSimulator();
tiktok.addApp('tt-key', 'tt-secret');
const creator = tiktok.addCreator('acme');
const facebook = createFacebookSimulator();
const page = facebook.addPage('acme_page');
const pageAdmin = facebook.addUser('bo', { pages: [{ pageId: page.account.id }] });
const instagram = createInstagramSimulator({ baseUrl: 'https://graph.instagram.com' });
const igAccount = instagram.addAccount('acme.shop');

const simulators: PlatformSimulator[] = [
  x.sim,
  ...linkedin.simulators,
  ...tiktok.simulators,
  ...facebook.simulators,
  ...instagram.simulators,
];
const env = {
  X_CLIENT_ID: 'x-client',
  X_CLIENT_SECRET: 'x-secret',
  LINKEDIN_CLIENT_ID: 'li-client',
  LINKEDIN_CLIENT_SECRET: 'li-secret',
  TIKTOK_CLIENT_KEY: 'tt-key',
  TIKTOK_CLIENT_SECRET: 'tt-secret',
  META_APP_ID: 'meta-app',
  META_APP_SECRET: 'meta-secret',
  INSTAGRAM_APP_ID: 'ig-app',
  INSTAGRAM_APP_SECRET: 'ig-secret',
};
const { flows, adapters, refresh } = platformsFromEnv(env, {
  fetch: simulatorsFetch(simulators, { 'api.instagram.com': 'graph.instagram.com' }),
});

const dir = mkdtempSync(join(tmpdir(), 'smmkit-oauth-callback-'));
const database = join(dir, 'smm.db');
let smm: Smmkit;
let server: ReturnType<typeof createOAuthCallbackServer>;
let base = '';

beforeAll(async () => {
  smm = await createSmmkit({ store: sqliteStore(database), adapters, refresh });
  // The public URL is known once the server listens on the port the system chose; it is read per request.
  const options = { smm, flows, publicUrl: '' };
  server = createOAuthCallbackServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options.publicUrl = base;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await smm.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `/connect/<platform>?…` and returns the platform's authorization URL it redirects to. */
async function start(platform: string, query: string): Promise<URL> {
  const response = await fetch(`${base}/connect/${platform}?${query}`, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location') ?? '');
}

/** Where a platform without a consent-URL helper sends the user back: the redirect URI with code and state. */
function redirectWith(authorization: URL, code: string): string {
  const callback = new URL(authorization.searchParams.get('redirect_uri') ?? '');
  callback.searchParams.set('code', code);
  callback.searchParams.set('state', authorization.searchParams.get('state') ?? '');
  return callback.toString();
}

/** The account and tokens the SQLite file holds for `id`, read by a second connection. */
async function stored(id: string) {
  const store = sqliteStore(database);
  try {
    return { account: await store.accounts.get(id), tokens: (await store.tokens.load(id))?.tokens };
  } finally {
    await store.close();
  }
}

describe('OAuth callback server on the simulators', () => {
  it('connects an X account with PKCE and stores it with its rotating refresh token', async () => {
    const authorization = await start('x', 'id=brand-x');
    expect(authorization.origin + authorization.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${base}/callback/x`);

    // X checks the PKCE verifier against the challenge: a wrong one would fail the exchange.
    const response = await fetch(x.consent(authorization.toString(), brand.account.id));
    expect([response.status, await response.text()]).toEqual([
      200,
      `Connected brand-x: x account ${brand.account.id} (brand).\nIts tokens are in the store. Check it with: smmkit doctor\n`,
    ]);
    const { account, tokens } = await stored('brand-x');
    expect(account).toMatchObject({ platform: 'x', accountId: brand.account.id, handle: 'brand' });
    expect(account?.status).toEqual({ state: 'active' });
    expect(x.sim.tokens.check(tokens?.accessToken)).toMatchObject({
      status: 'valid',
      accountId: brand.account.id,
    });
    expect(tokens?.refreshToken).toEqual(expect.any(String));
  });

  it('connects a LinkedIn organization the member administers', async () => {
    const authorization = await start('linkedin', `id=acme-linkedin&account=${acmeOrg}`);
    expect(authorization.searchParams.get('code_challenge')).toBeNull();
    const code = linkedin.authorize({
      memberId: ana.account.id,
      clientId: authorization.searchParams.get('client_id') ?? '',
      redirectUri: authorization.searchParams.get('redirect_uri') ?? '',
      scopes: (authorization.searchParams.get('scope') ?? '').split(' '),
    });
    const response = await fetch(redirectWith(authorization, code));
    expect(await response.text()).toContain(`Connected acme-linkedin: linkedin account ${acmeOrg}.`);
    const { tokens } = await stored('acme-linkedin');
    expect(linkedin.sim.tokens.check(tokens?.accessToken)).toMatchObject({
      status: 'valid',
      accountId: ana.account.id,
    });
  });

  it('connects a TikTok creator by the open_id of the token answer', async () => {
    const authorization = await start('tiktok', 'id=acme-tiktok');
    expect(authorization.searchParams.get('scope')).toBe(
      'user.info.basic,user.info.stats,video.publish,video.upload,video.list',
    );
    const code = tiktok.authorize({
      accountId: creator.account.id,
      clientKey: authorization.searchParams.get('client_key') ?? '',
      redirectUri: authorization.searchParams.get('redirect_uri') ?? '',
      scopes: (authorization.searchParams.get('scope') ?? '').split(','),
    });
    const response = await fetch(redirectWith(authorization, code));
    expect(await response.text()).toContain(`Connected acme-tiktok: tiktok account ${creator.account.id}.`);
    const { tokens } = await stored('acme-tiktok');
    expect(tiktok.sim.tokens.check(tokens?.accessToken)).toMatchObject({ status: 'valid' });
    expect(tokens?.refreshToken).toEqual(expect.any(String));
  });

  it('connects the Facebook Page the user may post to, with its Page token', async () => {
    const authorization = await start('facebook', 'id=acme-facebook');
    const response = await fetch(facebook.consent(authorization.toString(), pageAdmin.user.id));
    expect(await response.text()).toContain(
      `Connected acme-facebook: facebook account ${page.account.id} (acme_page).`,
    );
    const { tokens } = await stored('acme-facebook');
    // The Page's token, not the user's: the adapter posts as the Page.
    expect(facebook.sim.tokens.check(tokens?.accessToken)).toMatchObject({
      status: 'valid',
      accountId: page.account.id,
    });
  });

  it('connects an Instagram professional account with Instagram Login and a 60-day token', async () => {
    const authorization = await start('instagram', 'id=acme-instagram');
    expect(authorization.origin + authorization.pathname).toBe('https://www.instagram.com/oauth/authorize');
    const response = await fetch(instagram.consent(authorization.toString(), igAccount.account.id));
    expect(await response.text()).toContain(
      `Connected acme-instagram: instagram account ${igAccount.account.id}.`,
    );
    const { tokens } = await stored('acme-instagram');
    expect(instagram.sim.tokens.check(tokens?.accessToken)).toMatchObject({ status: 'valid' });
    expect(tokens?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 50 * 86_400_000);
  });

  it('publishes a first post with the stored tokens', async () => {
    const post = parsePost({ text: 'Hello from the callback example' });
    const outcomes = await smm.publish(post, { to: ['brand-x', 'acme-linkedin', 'acme-facebook'] });
    expect(outcomes.map((outcome) => [outcome.target.platform, outcome.status])).toEqual([
      ['x', 'published'],
      ['linkedin', 'published'],
      ['facebook', 'published'],
    ]);
    expect(x.sim.posts.filter((stored) => stored.accountId === brand.account.id).map((p) => p.text)).toEqual([
      'Hello from the callback example',
    ]);
  });

  it('connects an account again (re-authorization), refusing a forged and a replayed callback', async () => {
    const authorization = await start('x', 'id=brand-x');
    const callback = x.consent(authorization.toString(), brand.account.id);
    const forged = new URL(callback);
    forged.searchParams.set('state', 'not-a-state-we-started');
    expect((await fetch(forged)).status).toBe(400);
    const first = await fetch(callback);
    expect([first.status, await first.text()]).toEqual([200, expect.stringContaining('Connected brand-x')]);
    const replayed = await fetch(callback);
    expect([replayed.status, await replayed.text()]).toEqual([
      400,
      'Unknown or expired state: start again at /connect/<platform>.\n',
    ]);
  });

  it('refuses to connect an account already connected under another id', async () => {
    const authorization = await start('x', 'id=brand-x-again');
    const response = await fetch(x.consent(authorization.toString(), brand.account.id));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('is already connected as "brand-x"');
    expect((await stored('brand-x-again')).account).toBeUndefined();
  });

  it('says why when the user declines, and stores nothing', async () => {
    const authorization = await start('x', 'id=declined-x');
    const declined = new URL(`${base}/callback/x`);
    declined.searchParams.set('error', 'access_denied');
    declined.searchParams.set('state', authorization.searchParams.get('state') ?? '');
    const response = await fetch(declined);
    expect([response.status, await response.text()]).toEqual([400, 'x did not authorize: access_denied\n']);
    expect((await stored('declined-x')).account).toBeUndefined();
  });
});
