import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connectSimulated, requireFreshBin, textOf } from './support.ts';

beforeAll(requireFreshBin);

describe('schedule at a wall time the clocks change over', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectSimulated(['--allow', 'sim-x']);
  }, 30_000);
  afterAll(() => client.close());

  const schedule = (at: string) =>
    call(client, 'schedule', {
      post: { text: 'Early bird' },
      to: ['sim-x'],
      at: { at, zone: 'Europe/Berlin' },
      idempotencyKey: `early-bird-${at}`,
    });

  it('tells the agent that a time in the spring-forward gap moved forward, and to when', async () => {
    // 2030-03-31 is the last Sunday of March: Berlin's clocks go from 02:00 to 03:00.
    const result = await schedule('2030-03-31T02:30');
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({
      entries: [{ publishAt: '2030-03-31T01:30:00.000Z', adjustment: 'gap-shifted' }],
    });
    expect(textOf(result)).toContain('gap-shifted');
    expect(textOf(result)).toContain('2030-03-31 03:30 local time');
  });

  it('tells the agent that a time of the fall-back night took the first of its two instants', async () => {
    const result = await schedule('2030-10-27T02:30');
    expect(result.structuredContent).toMatchObject({
      entries: [{ publishAt: '2030-10-27T00:30:00.000Z', adjustment: 'overlap-earlier' }],
    });
    expect(textOf(result)).toContain('overlap-earlier');
  });

  it('adds nothing to an ordinary wall time', async () => {
    const result = await schedule('2030-05-06T09:00');
    const { entries } = result.structuredContent as { entries: Record<string, unknown>[] };
    expect(entries[0]?.publishAt).toBe('2030-05-06T07:00:00.000Z');
    expect(entries[0]).not.toHaveProperty('adjustment');
    expect(textOf(result)).not.toContain('Note');
  });
});
