import { describe, expect, it } from 'vitest';
import { readParams } from '../src/simulator/request-params.js';

const URL_BASE = 'https://api.acme.test/statuses';

describe('readParams', () => {
  it('reads a form body with bracket names as lists and objects, on top of the query string', async () => {
    const body = new URLSearchParams([
      ['status', 'Hello'],
      ['media_ids[]', '1'],
      ['media_ids[]', '2'],
      ['poll[options][]', 'yes'],
      ['poll[options][]', 'no'],
      ['poll[expires_in]', '300'],
      ['visibility', 'unlisted'],
    ]);
    const params = await readParams(
      new Request(`${URL_BASE}?visibility=public&limit=5`, { method: 'POST', body }),
    );
    expect(params.string('status')).toBe('Hello');
    expect(params.strings('media_ids')).toEqual(['1', '2']);
    expect(params.object('poll')?.strings('options')).toEqual(['yes', 'no']);
    expect(params.object('poll')?.string('expires_in')).toBe('300');
    expect(params.string('visibility')).toBe('unlisted');
    expect(params.string('limit')).toBe('5');
    expect(params.string('media_ids')).toBeUndefined();
    expect(params.strings('status')).toBeUndefined();
  });

  it('reads a JSON object body with its types, scalars also as strings', async () => {
    const request = new Request(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sensitive: true, media_ids: [1, '2'], poll: { expires_in: 300 } }),
    });
    const params = await readParams(request);
    expect(params.value('sensitive')).toBe(true);
    expect(params.string('sensitive')).toBe('true');
    expect(params.strings('media_ids')).toEqual(['1', '2']);
    expect(params.object('poll')?.string('expires_in')).toBe('300');
  });

  it('gives the uploaded file of a multipart body', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(64)], { type: 'image/png' }), 'a.png');
    form.append('description', 'A cat');
    const params = await readParams(new Request(URL_BASE, { method: 'POST', body: form }));
    expect(params.file('file')?.size).toBe(64);
    expect(params.string('description')).toBe('A cat');
    expect(params.file('description')).toBeUndefined();
  });

  it('throws a SyntaxError for a JSON body that does not parse, and reads nothing from a JSON array', async () => {
    const json = (body: string) =>
      new Request(URL_BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await expect(readParams(json('{"status": '))).rejects.toBeInstanceOf(SyntaxError);
    expect((await readParams(json('["a"]'))).value('0')).toBeUndefined();
    expect((await readParams(json('  '))).value('status')).toBeUndefined();
  });

  it('throws a SyntaxError for a multipart body that does not parse (another boundary than declared)', async () => {
    const request = new Request(URL_BASE, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=declared' },
      body: '--other\r\nContent-Disposition: form-data; name="status"\r\n\r\nHello\r\n--other--\r\n',
    });
    await expect(readParams(request)).rejects.toBeInstanceOf(SyntaxError);
  });
});
