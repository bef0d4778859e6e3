import { TransientError } from '@smmkit/core';
import { describe, expect, it } from 'vitest';
import { discoverInstagramAccounts } from '../src/index.js';

/** A fetch that answers `/me/accounts` with `pages` in turn, recording each URL asked. */
function scripted(pages: readonly unknown[]) {
  const requests: URL[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    requests.push(new URL(input instanceof Request ? input.url : String(input)));
    return Response.json(pages[requests.length - 1] ?? { data: [] });
  };
  return { fetch, requests };
}

const options = (fetch: typeof globalThis.fetch) => ({
  userAccessToken: 'user-token',
  baseUrl: 'https://graph.example',
  fetch,
});

describe('discoverInstagramAccounts', () => {
  it('reads every page of /me/accounts and keeps the Pages with a linked Instagram account', async () => {
    const { fetch, requests } = scripted([
      {
        data: [
          { id: '11', name: 'Bakery (no Instagram)', access_token: 'page-11' },
          {
            id: '12',
            name: 'Bakery Shop',
            access_token: 'page-12',
            instagram_business_account: { id: '1712', username: 'bakeryshop' },
          },
        ],
        paging: {
          cursors: { after: 'AFTER-1' },
          next: 'https://graph.example/v26.0/me/accounts?after=AFTER-1',
        },
      },
      {
        data: [{ id: '13', instagram_business_account: { id: '1713' } }],
        paging: { cursors: { after: 'AFTER-2' } },
      },
    ]);
    const links = await discoverInstagramAccounts(options(fetch));
    expect(links).toEqual([
      {
        instagramAccountId: '1712',
        username: 'bakeryshop',
        pageId: '12',
        pageName: 'Bakery Shop',
        pageAccessToken: 'page-12',
      },
      { instagramAccountId: '1713', pageId: '13' },
    ]);
    expect(requests.map((url) => url.searchParams.get('after'))).toEqual([null, 'AFTER-1']);
    expect(requests[0]?.searchParams.get('fields')).toBe(
      'id,name,access_token,instagram_business_account{id,username,name}',
    );
    // The user token travels in the Authorization header, never in the URL.
    expect(requests.every((url) => !url.href.includes('user-token'))).toBe(true);
  });

  it('reports a linked account Meta answers in another shape as an invalid response', async () => {
    const { fetch } = scripted([{ data: [{ id: '12', instagram_business_account: 'not an object' }] }]);
    const error = await discoverInstagramAccounts(options(fetch)).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(TransientError.isInstance(error)).toBe(true);
    expect(TransientError.isInstance(error) && error.code).toBe('invalid_response');
  });
});
