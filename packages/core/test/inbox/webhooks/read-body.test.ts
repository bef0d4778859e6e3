import { describe, expect, it } from 'vitest';
import { readBodyWithin } from '../../../src/inbox/webhooks/read-body.js';

/** A request whose body streams `chunks` and records how far it was read and whether it was cancelled. */
function streamed(chunks: readonly string[], headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  let index = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) return controller.close();
        state.pulled += 1;
        controller.enqueue(new TextEncoder().encode(chunk));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request('https://app.example/webhooks/x', {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
  return { request, state };
}

describe('readBodyWithin', () => {
  it('reads a body up to the limit exactly', async () => {
    const body = await readBodyWithin(new Request('https://a.example/', { method: 'POST', body: 'abcd' }), 4);
    expect(new TextDecoder().decode(body)).toBe('abcd');
  });

  it('gives an empty body for a request without one', async () => {
    expect(await readBodyWithin(new Request('https://a.example/'), 4)).toEqual(new Uint8Array(0));
  });

  it('refuses a declared length over the limit without reading', async () => {
    const { request, state } = streamed(['abc'], { 'content-length': '5000' });
    expect(await readBodyWithin(request, 4)).toBeUndefined();
    expect(state.pulled).toBe(0);
  });

  it('stops reading and cancels a body that streams past the limit', async () => {
    const { request, state } = streamed(['ab', 'cd', 'ef', 'gh', 'ij']);
    expect(await readBodyWithin(request, 5)).toBeUndefined();
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(5);
  });
});
