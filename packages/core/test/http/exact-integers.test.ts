import { describe, expect, it } from 'vitest';
import { exactIntegers } from '../../src/http/exact-integers.js';

const answering = (text: string) => async () => new Response(text, { headers: { 'content-length': '1' } });

describe('exactIntegers', () => {
  it("quotes the named fields' integers, alone or in lists, and leaves everything else as it was", async () => {
    const text =
      '{"user_id":17841405793187219,"ids":[ 7431000000000000003 ,12],"count":17841405793187219,"name":"user_id"}';
    const fetch = exactIntegers(['user_id', 'ids'], () => true, answering(text));
    const answer = await fetch('https://api.example.test/token');
    expect(await answer.text()).toBe(
      '{"user_id":"17841405793187219","ids":[ "7431000000000000003" ,"12"],"count":17841405793187219,"name":"user_id"}',
    );
    expect(answer.headers.get('content-length')).toBeNull();
  });

  it('leaves the answers it does not apply to untouched', async () => {
    const fetch = exactIntegers(['user_id'], (url) => url.pathname === '/token', answering('{"user_id":1}'));
    expect(await (await fetch('https://api.example.test/other')).text()).toBe('{"user_id":1}');
  });
});
