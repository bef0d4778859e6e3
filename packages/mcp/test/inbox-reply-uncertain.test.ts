import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { call, closeLater, closeOpened, connectInMemory, errorOf, openSimulatedApp } from './support.ts';

afterEach(closeOpened);

/** Lets the first X reply (`POST /2/tweets`) reach the simulator, then drops its answer. */
function dropFirstReplyAnswer(): void {
  const original = globalThis.fetch;
  let dropped = false;
  globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request?.url ?? String(input);
    const response = await original(input, init);
    if (!dropped && method === 'POST' && new URL(url).pathname === '/2/tweets') {
      dropped = true;
      throw new TypeError('fetch failed');
    }
    return response;
  };
  closeLater(() => {
    globalThis.fetch = original;
  });
}

/** The first X item of the simulated inbox, as inbox_list gives it. */
async function firstXItem(client: Client): Promise<{ platform: string; account: string; id: string }> {
  const listed = await call(client, 'inbox_list', { accounts: ['sim-x'] });
  const items = (listed.structuredContent as { items: { platform: string; account: string; id: string }[] })
    .items;
  const item = items.find((each) => each.platform === 'x');
  if (item === undefined) throw new Error('no X item in the simulated inbox');
  return { platform: item.platform, account: item.account, id: item.id };
}

describe('inbox_reply after a reply whose answer was lost', () => {
  it('refuses the next reply under a new key, sending nothing, until despiteUncertainReply', async () => {
    const client = await connectInMemory(await openSimulatedApp(), ['sim-x']);
    const item = await firstXItem(client);
    dropFirstReplyAnswer();

    const lost = await call(client, 'inbox_reply', { ...item, text: 'Thanks!', idempotencyKey: 'reply-1' });
    expect(lost.isError).toBe(true);
    expect(errorOf(lost).code).toBe('ambiguous_outcome');

    // An agent that gave up on the first key and tries again under a new one.
    const again = await call(client, 'inbox_reply', { ...item, text: 'Thanks!', idempotencyKey: 'reply-2' });
    expect(again.isError).toBe(true);
    expect(errorOf(again).problems?.map((problem) => problem.rule)).toEqual(['inbox.reply_uncertain']);

    // Another text: the first reply did reach X, which would refuse the same text as a duplicate.
    const anyway = await call(client, 'inbox_reply', {
      ...item,
      text: 'Thanks, we are on it!',
      idempotencyKey: 'reply-3',
      despiteUncertainReply: true,
    });
    expect(anyway.isError, JSON.stringify(anyway.content)).toBeUndefined();
    expect((anyway.structuredContent as { item: { status: string } }).item.status).toBe('replied');
  });
});
