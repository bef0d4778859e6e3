import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { openSmmkit } from '@smmkit/cli';
import { AmbiguousOutcomeError } from '@smmkit/core';
import type { Smmkit } from '@smmkit/core/app';
import type { PublishOutcome } from '@smmkit/core/publisher';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmmkitMcpServer, type SmmkitMcpServerOptions } from '../src/create-server.js';

/**
 * How long the held create waits for its abort before it lets the request through. With the
 * cancellation wired the abort comes at once; without it, this ends the wait so the test fails
 * on its assertions instead of hanging.
 */
const GUARD_MS = 10_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The SDK's client, connected in memory to a server made with `options`. */
async function connect(options: SmmkitMcpServerOptions): Promise<Client> {
  const server = createSmmkitMcpServer(options);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'agent', version: '0.0.0' });
  await client.connect(clientSide);
  cleanups.push(
    () => client.close(),
    () => server.close(),
  );
  return client;
}

/**
 * Holds the first create of a Facebook Page post (`POST …/feed`) until its request is aborted,
 * as a slow platform (a video being processed) would. `held` resolves once it holds it.
 */
function holdFirstCreate(): { held: Promise<void>; wasAborted: () => boolean } {
  const original = globalThis.fetch;
  let holding: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    holding = resolve;
  });
  let first = true;
  let aborted = false;
  globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request?.url ?? String(input);
    if (first && method === 'POST' && url.endsWith('/feed')) {
      first = false;
      const signal = init?.signal ?? request?.signal;
      holding();
      await new Promise<void>((resolve, reject) => {
        const guard = setTimeout(resolve, GUARD_MS);
        signal?.addEventListener('abort', () => {
          clearTimeout(guard);
          aborted = true;
          reject(signal.reason);
        });
      });
    }
    return original(input, init);
  };
  cleanups.push(() => {
    globalThis.fetch = original;
  });
  return { held, wasAborted: () => aborted };
}

describe('publish through MCP, retried', () => {
  it('stops the create when the client cancels, and a retry under the same key never publishes it twice', async () => {
    const { smm, adapters, close } = await openSmmkit({}, { simulate: true });
    cleanups.push(close);
    const hold = holdFirstCreate();
    const outcomes: PublishOutcome[] = [];
    const settled = new Promise<PublishOutcome>((resolve) => {
      for (const event of ['published', 'failed', 'unknown'] as const) {
        smm.publisher.events.on(event, (outcome: PublishOutcome) => {
          outcomes.push(outcome);
          resolve(outcome);
        });
      }
    });
    const client = await connect({ app: smm, adapters, allow: ['sim-facebook'] });
    const call = {
      name: 'publish',
      arguments: { post: { text: 'Launch day!' }, to: ['sim-facebook'], idempotencyKey: 'launch-day' },
    };

    // The agent's client gives up on the slow call (its timeout, or the user's stop).
    const stop = new AbortController();
    const first = client.callTool(call, undefined, { signal: stop.signal });
    await hold.held;
    stop.abort(new Error('the agent stopped waiting'));
    await expect(first).rejects.toThrow('the agent stopped waiting');
    const stopped = await settled;
    expect(hold.wasAborted()).toBe(true);
    expect(stopped.status).toBe('unknown');

    // The retry under the same key finds the intent the cancelled call recorded: it looks for the
    // post instead of sending it blindly, so the platform never gets it twice.
    const retry = (await client.callTool(call)) as CallToolResult;
    expect(retry.isError).toBeUndefined();
    const { published, unknown } = retry.structuredContent as { published: number; unknown: number };
    expect(published + unknown).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === 'published').length).toBeLessThanOrEqual(1);
  }, 30_000);

  it('requires the key, described as what makes a retry of this post safe', async () => {
    const { smm, adapters, close } = await openSmmkit({}, { simulate: true });
    cleanups.push(close);
    const sent: unknown[] = [];
    smm.publisher.events.on('queued', (event) => sent.push(event));
    const client = await connect({ app: smm, adapters, allow: ['sim-x'] });
    const { tools } = await client.listTools();
    for (const name of ['publish', 'inbox_reply']) {
      const tool = tools.find((each) => each.name === name);
      expect(tool?.inputSchema.required).toContain('idempotencyKey');
      expect(JSON.stringify(tool?.inputSchema.properties?.idempotencyKey)).toMatch(
        /reuse it exactly when retrying/,
      );
    }
    const keyless = (await client.callTool({
      name: 'publish',
      arguments: { post: { text: 'Hello' }, to: ['sim-x'] },
    })) as CallToolResult;
    expect(keyless.isError).toBe(true);
    expect(textOf(keyless)).toContain('idempotencyKey');
    expect(sent).toEqual([]);
  });
});

/** A target of the stub app's outcomes. */
const TARGET = { platform: 'x', accountId: '2244994945' } as PublishOutcome['target'];

/** A server on an app whose publish answers `outcomes`, whatever it is given. */
function serverAnswering(outcomes: readonly PublishOutcome[]): Promise<Client> {
  const app = { publish: async () => outcomes } as unknown as Smmkit;
  return connect({ app, adapters: [], allow: ['brand-x'] });
}

const textOf = (result: CallToolResult): string =>
  result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');

describe("publish's answer", () => {
  it('is no tool error when the outcome is unknown, and says to check before retrying under the same key', async () => {
    const client = await serverAnswering([
      {
        status: 'unknown',
        target: TARGET,
        error: new AmbiguousOutcomeError('The create timed out after it was sent.', {
          operation: 'create post',
        }),
        checked: ['recent posts of the account'],
      },
    ]);
    const result = (await client.callTool({
      name: 'publish',
      arguments: { post: { text: 'Hello' }, to: ['brand-x'], idempotencyKey: 'hello-1' },
    })) as CallToolResult;
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ published: 0, failed: 0, unknown: 1 });
    expect(textOf(result)).toMatch(
      /brand-x: UNKNOWN: the post may be on the platform\. Check .* SAME idempotencyKey/,
    );
  });

  it("shows each published target's warnings in its text", async () => {
    const client = await serverAnswering([
      {
        status: 'published',
        target: TARGET,
        result: {
          ref: { platform: 'x', accountId: '2244994945', platformPostId: '1850' },
          url: 'https://x.com/brand/status/1850',
          publishedAt: new Date(),
          warnings: [{ code: 'already_published', message: 'An earlier run already published this target.' }],
        },
      } as unknown as PublishOutcome,
    ]);
    const result = (await client.callTool({
      name: 'publish',
      arguments: { post: { text: 'Hello' }, to: ['brand-x'], idempotencyKey: 'hello-1' },
    })) as CallToolResult;
    expect(textOf(result)).toContain(
      'brand-x: published https://x.com/brand/status/1850 Warning already_published: An earlier run already published this target.',
    );
  });
});
