import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFetch } from '../src/recording-fetch.js';

const server = setupServer(
  http.post('https://api.acme.test/echo', async ({ request }) => HttpResponse.text(await request.text())),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('recordingFetch', () => {
  it('passes calls on and keeps each request and response, bodies still readable', async () => {
    const recorder = recordingFetch();
    const response = await recorder.fetch('https://api.acme.test/echo', { method: 'POST', body: 'hello' });
    expect(await response.text()).toBe('hello');
    expect(await recorder.requests[0]?.text()).toBe('hello');
    expect(await recorder.responses[0]?.text()).toBe('hello');
  });

  it('runs `before` ahead of the call and lets `after` replace the answer, which is what it keeps', async () => {
    const order: string[] = [];
    const recorder = recordingFetch({
      before: () => {
        order.push('before');
      },
      after: async (_request, response) => {
        order.push(`after ${await response.text()}`);
        return new Response('changed', { status: 503 });
      },
    });
    const response = await recorder.fetch('https://api.acme.test/echo', { method: 'POST', body: 'hi' });
    expect(order).toEqual(['before', 'after hi']);
    expect(response.status).toBe(503);
    expect(recorder.responses.map((kept) => kept.status)).toEqual([503]);
  });
});
