import { describe, expect, it } from 'vitest';
import { isJsonObject, readJsonBody } from '../src/simulator/read-json-body.js';

const withBody = (body: string | undefined) =>
  new Request('https://api.test/posts', {
    method: 'POST',
    body: body ?? null,
    headers: { 'content-type': 'application/json' },
  });

describe('readJsonBody', () => {
  it('tells an empty body, text that is not JSON, an object and another JSON value apart', async () => {
    expect(await readJsonBody(withBody(undefined))).toEqual({ kind: 'empty' });
    expect(await readJsonBody(withBody('  \n'))).toEqual({ kind: 'empty' });
    expect(await readJsonBody(withBody('{"text": '))).toEqual({ kind: 'malformed' });
    expect(await readJsonBody(withBody('{"text":"hi"}'))).toEqual({ kind: 'object', value: { text: 'hi' } });
    expect(await readJsonBody(withBody('[1]'))).toEqual({ kind: 'other', value: [1] });
    expect(await readJsonBody(withBody('null'))).toEqual({ kind: 'other', value: null });
  });
});

describe('isJsonObject', () => {
  it('takes objects, not null, arrays or scalars', () => {
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect([null, [], 'a', 1, undefined].map(isJsonObject)).toEqual([false, false, false, false, false]);
  });
});
