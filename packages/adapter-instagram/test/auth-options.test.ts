import { ValidationError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import {
  discoverInstagramAccounts,
  exchangeInstagramCode,
  instagramLoginAuthorizationUrl,
  refreshInstagramToken,
} from '../src/index.js';

/** A fetch that records every request and never answers one: bad options must stop before it. */
function noRequests() {
  const requests: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    requests.push(String(input instanceof Request ? input.url : input));
    throw new Error('no request expected');
  };
  return { fetch, requests };
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!ValidationError.isInstance(error)) throw new Error(`expected a ValidationError, got ${String(error)}`);
  return error;
}

describe('auth helper options', () => {
  it('refuses a bad version, base URL and timeout at once, before any request', async () => {
    const { fetch, requests } = noRequests();
    const error = await rejection(
      refreshInstagramToken({
        accessToken: 'token-MUST-NOT-LEAK',
        graphVersion: '26',
        baseUrl: 'graph.instagram.com',
        timeoutMs: 0,
        fetch,
      }),
    );
    expect(error.platform).toBe('instagram');
    expect(error.problems.map((problem) => [problem.path.join('.'), problem.rule])).toEqual([
      ['graphVersion', 'settings.graph_version'],
      ['baseUrl', 'settings.base_url'],
      ['timeoutMs', 'settings.positive_integer'],
    ]);
    expect(JSON.stringify(error)).not.toContain('token-MUST-NOT-LEAK');
    expect(requests).toEqual([]);
  });

  it('refuses a fetch that is not a function and a token URL that is not http(s)', async () => {
    const error = await rejection(
      exchangeInstagramCode({
        clientId: '1',
        appSecret: 'secret',
        redirectUri: 'https://app.example/callback',
        code: 'code',
        tokenUrl: 'ftp://api.instagram.com/oauth/access_token',
        // @ts-expect-error: not a fetch
        fetch: 'fetch',
      }),
    );
    expect(error.problems.map((problem) => problem.rule)).toEqual(['settings.token_url', 'settings.fetch']);
  });

  it('sends to the base URL given, without its trailing slash, with the version appended', async () => {
    const { fetch, requests } = noRequests();
    await expect(
      discoverInstagramAccounts({
        userAccessToken: 'user-token',
        baseUrl: 'https://graph.proxy.example//',
        fetch,
      }),
    ).rejects.toThrow();
    expect(requests.map((url) => new URL(url).pathname)).toEqual(['/v26.0/me/accounts']);
    expect(new URL(requests[0] ?? '').origin).toBe('https://graph.proxy.example');
  });
});

describe('authorization URL options', () => {
  it('lists the scopes asked when the basic one is missing', () => {
    let caught: unknown;
    try {
      instagramLoginAuthorizationUrl({
        clientId: '1',
        redirectUri: 'https://app.example/callback',
        scopes: ['instagram_business_content_publish', 'instagram_business_manage_comments'],
        state: 's',
      });
    } catch (error) {
      caught = error;
    }
    if (!ValidationError.isInstance(caught)) throw new Error('expected a ValidationError');
    expect(caught.problems).toEqual([
      {
        path: ['scopes'],
        rule: 'oauth.scope_required',
        message: 'must include instagram_business_basic',
        actual: 'instagram_business_content_publish,instagram_business_manage_comments',
      },
    ]);
  });
});
