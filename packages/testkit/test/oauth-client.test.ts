import { describe, expect, it } from 'vitest';
import { readClientRequest } from '../src/simulator/oauth-client.js';

const SECRETS = new Map([['confidential', 's3cr:et%']]);
const basic = (credentials: string) => `Basic ${btoa(credentials)}`;
const post = (body: string, authorization?: string) =>
  new Request('https://sim.test/oauth/token', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(authorization ? { authorization } : {}),
    },
    body,
  });

describe('readClientRequest', () => {
  it('authenticates a confidential client by HTTP Basic with its form-urlencoded secret, and reads the form', async () => {
    const request = post('grant_type=refresh_token', basic(`confidential:${encodeURIComponent('s3cr:et%')}`));
    const { form, clientId } = await readClientRequest(request, SECRETS);
    expect(clientId).toBe('confidential');
    expect(form.get('grant_type')).toBe('refresh_token');
  });

  it('refuses a wrong secret, a public client in Basic and a malformed header', async () => {
    for (const authorization of [
      basic('confidential:nope'),
      basic('public:x'),
      basic('no-colon'),
      'Basic %%%',
      basic('a:%E0%A4%A'),
    ]) {
      expect((await readClientRequest(post('', authorization), SECRETS)).clientId).toBeUndefined();
    }
  });

  it('takes a public client by its form client_id, a confidential one only with secretInBody', async () => {
    expect((await readClientRequest(post('client_id=public'), SECRETS)).clientId).toBe('public');
    expect((await readClientRequest(post('client_id='), SECRETS)).clientId).toBeUndefined();
    expect((await readClientRequest(post(''), SECRETS)).clientId).toBeUndefined();
    const withSecret = `client_id=confidential&client_secret=${encodeURIComponent('s3cr:et%')}`;
    expect((await readClientRequest(post(withSecret), SECRETS)).clientId).toBeUndefined();
    expect((await readClientRequest(post(withSecret), SECRETS, { secretInBody: true })).clientId).toBe(
      'confidential',
    );
    const wrong = 'client_id=confidential&client_secret=nope';
    expect((await readClientRequest(post(wrong), SECRETS, { secretInBody: true })).clientId).toBeUndefined();
  });
});
