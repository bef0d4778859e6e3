import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeLater,
  closeOpened,
  connectInMemory,
  emptyDir,
  errorOf,
  openSimulatedApp,
  textOf,
} from './support.ts';

afterEach(closeOpened);

async function schedule(client: Client, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name: 'schedule', arguments: args })) as CallToolResult;
}

const idsOf = (result: CallToolResult): string[] =>
  (result.structuredContent as { entries: { id: string }[] }).entries.map((entry) => entry.id);

/** Counts the creates of X posts (`POST /2/tweets`) the simulator receives. */
function countTweetCreates(): () => number {
  const original = globalThis.fetch;
  let creates = 0;
  globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request?.url ?? String(input);
    if (method === 'POST' && new URL(url).pathname === '/2/tweets') creates++;
    return original(input, init);
  };
  closeLater(() => {
    globalThis.fetch = original;
  });
  return () => creates;
}

describe('schedule through MCP, retried with the same idempotencyKey', () => {
  it('plans the post once and the worker publishes it once, however often the host retries the call', async () => {
    const app = await openSimulatedApp();
    const client = await connectInMemory(app, ['sim-x']);
    const creates = countTweetCreates();
    // Due already, so that the worker's next round publishes it.
    const args = {
      post: { text: 'Launch day! One post, please.' },
      to: ['sim-x'],
      at: new Date(Date.now() - 60_000).toISOString(),
      idempotencyKey: 'launch-1',
    };

    const first = await schedule(client, args);
    const retried = await schedule(client, args);

    expect(first.isError).toBeUndefined();
    expect(retried.isError).toBeUndefined();
    expect(idsOf(retried)).toEqual(idsOf(first));
    expect(textOf(retried)).toContain('nothing was scheduled again');
    expect(await app.smm.scheduler.list()).toHaveLength(1);
    const round = await app.smm.scheduler.tick();
    expect(round.finished.map((entry) => entry.status)).toEqual(['published']);
    expect(creates()).toBe(1);
  });

  it('plans the post once when the retry arrives while the first call is still running', async () => {
    const app = await openSimulatedApp();
    const client = await connectInMemory(app, ['sim-x']);
    const args = {
      post: { text: 'Twice at once' },
      to: ['sim-x'],
      at: 'next-slot',
      idempotencyKey: 'race-1',
    };

    const [first, second] = await Promise.all([schedule(client, args), schedule(client, args)]);

    expect(first.isError).toBeUndefined();
    expect(second.isError).toBeUndefined();
    expect(idsOf(second)).toEqual(idsOf(first));
    expect(await app.smm.scheduler.list()).toHaveLength(1);
  });

  it('answers a retry to a restarted server on the same store with the entries planned before', async () => {
    const store = join(emptyDir(), 'smmkit.db');
    const args = {
      post: {
        text: 'Across a restart',
        media: [
          {
            kind: 'image',
            mimeType: 'image/jpeg',
            source: { type: 'url', url: 'https://example.com/launch.jpg' },
            altText: 'Launch',
          },
        ],
        tags: ['launch'],
        campaign: 'spring',
      },
      // Both take an image by URL (X does not: it would refuse the post when it is planned).
      to: ['sim-facebook', 'sim-instagram'],
      at: 'next-slot',
      idempotencyKey: 'restart-1',
    };
    const before = await openSimulatedApp(store);
    const first = await schedule(await connectInMemory(before, ['sim-facebook', 'sim-instagram']), args);
    expect(first.isError, textOf(first)).toBeUndefined();
    expect(idsOf(first)).toHaveLength(2);
    await closeOpened();

    const after = await openSimulatedApp(store);
    const retried = await schedule(await connectInMemory(after, ['sim-facebook', 'sim-instagram']), args);

    expect(retried.isError).toBeUndefined();
    expect(idsOf(retried).sort()).toEqual(idsOf(first).sort());
    expect(await after.smm.scheduler.list()).toHaveLength(2);
  });

  it('refuses a key already used for another post, and plans nothing', async () => {
    const app = await openSimulatedApp();
    const client = await connectInMemory(app, ['sim-x']);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    await schedule(client, { post: { text: 'First post' }, to: ['sim-x'], at, idempotencyKey: 'same-key' });

    const reused = await schedule(client, {
      post: { text: 'Another post' },
      to: ['sim-x'],
      at,
      idempotencyKey: 'same-key',
    });

    expect(reused.isError).toBe(true);
    expect(errorOf(reused).problems?.[0]?.rule).toBe('mcp.idempotency_key_reused');
    const entries = await app.smm.scheduler.list();
    expect(entries.map((entry) => entry.post.text)).toEqual(['First post']);
  });
  it('tells the retry, as the first answer, that a wall time in a DST gap was moved', async () => {
    // The host retries because it never saw the first answer: the retry is the answer it reads.
    const client = await connectInMemory(await openSimulatedApp(), ['sim-x']);
    const args = {
      post: { text: 'Early bird' },
      to: ['sim-x'],
      at: { at: '2030-03-31T02:30', zone: 'Europe/Berlin' },
      idempotencyKey: 'dst-gap',
    };
    const first = await schedule(client, args);
    const retry = await schedule(client, args);

    const adjustmentOf = (result: CallToolResult) =>
      (result.structuredContent as { entries: { adjustment?: string }[] }).entries[0]?.adjustment;
    expect(adjustmentOf(first)).toBe('gap-shifted');
    expect(adjustmentOf(retry)).toBe('gap-shifted');
    expect(textOf(retry)).toContain('it goes out at 2030-03-31 03:30 local time');
  });
});
