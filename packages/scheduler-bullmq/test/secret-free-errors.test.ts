import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { inspect } from 'node:util';
import { ValidationError } from '@smmkit/core';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort, spawnRedisServer } from '../../../scripts/redis-for-tests.js';
import { warnOncePerOutage } from '../src/connection-warnings.js';
import { bullmqWakeups, redisScheduleStore } from '../src/index.js';
import { redisFailure } from '../src/redis-failure.js';

const PASSWORD = 'hunter2-SECRET';

/** A BullMQ queue or worker as far as the warnings need one: its error event and its backend. */
function fakeSource(): EventEmitter & { getBackend(): EventEmitter } {
  const backend = new EventEmitter();
  return Object.assign(new EventEmitter(), { getBackend: () => backend });
}

/** Redis's reply to an AUTH it does not know, as ioredis raises it: the reply quotes the password. */
function unknownAuthReply(): Error {
  const error = new Error(`ERR unknown command 'auth', with args beginning with: '${PASSWORD}' `);
  error.name = 'ReplyError';
  return error;
}

describe('what scheduler-bullmq prints of a failure never holds the Redis password', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  afterEach(() => {
    process.off('warning', onWarning);
    warnings.length = 0;
  });

  it("reports a Redis reply error by its name and first word, not the reply's text", async () => {
    process.on('warning', onWarning);
    const source = fakeSource();
    warnOncePerOutage(source, 'BullMQ wake-ups (queue "smmkit-wakeups")');
    source.emit('error', unknownAuthReply());
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('failed (ReplyError ERR)');
    expect(inspect(warnings[0])).not.toContain(PASSWORD);
  });

  it('leaves the quoted arguments out of a reply passed on, its stack too when it was read already', () => {
    const reply = unknownAuthReply();
    void reply.stack; // read first, as ioredis' showFriendlyErrorStack or an app's listener does
    const passed = redisFailure(reply, { store: 'schedule store', operation: 'read the entry' });
    expect(passed).toBe(reply);
    expect(inspect(passed, { depth: 10, showHidden: true })).not.toContain(PASSWORD);
    expect(reply.message).toContain("ERR unknown command 'auth'");
  });

  it('refuses a Redis URL that is not a URL without quoting it', () => {
    let thrown: unknown;
    try {
      bullmqWakeups({ connection: `redis://default:${PASSWORD}/path@host:6379` });
    } catch (error) {
      thrown = error;
    }
    expect(ValidationError.isInstance(thrown)).toBe(true);
    for (const text of [inspect(thrown, { depth: 10, showHidden: true }), JSON.stringify(thrown)]) {
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('keeps the password out of what a store prints when Redis does not know AUTH', {
    timeout: 20_000,
  }, async () => {
    // Redis without AUTH answers "ERR unknown command 'auth', with args beginning with: '<password>'";
    // with requirepass every later command is refused too (NOAUTH), so the store call fails.
    const server = await noAuthRedis();
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    process.on('warning', onWarning);
    const store = redisScheduleStore({ connection: server.url.replace('redis://', `redis://:${PASSWORD}@`) });
    try {
      // ioredis reconnects after each refused login; what it and the store print meanwhile is checked.
      let failure: unknown;
      void store.get('entry-1').catch((error: unknown) => {
        failure = error;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(inspect(failure, { depth: 10, showHidden: true })).not.toContain(PASSWORD);
      const shown = [...printed.mock.calls.flat(), ...warnings].map((value) => inspect(value)).join('\n');
      expect(shown).not.toContain(PASSWORD);
    } finally {
      printed.mockRestore();
      await store.close();
      server.kill();
    }
  });
});

/** A redis-server that requires a password but knows no AUTH (nor HELLO): every login fails. */
async function noAuthRedis(): Promise<{ readonly url: string; kill(): void }> {
  const port = await freePort();
  const server: ChildProcess = spawnRedisServer(port, [
    '--requirepass',
    'unguessable',
    '--rename-command',
    'AUTH',
    '',
    '--rename-command',
    'HELLO',
    '',
  ]);
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(url, {
      lazyConnect: true,
      enableReadyCheck: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch (error) {
      // NOAUTH: the server answers (and refuses), so it is up.
      if (error instanceof Error && error.message.startsWith('NOAUTH')) break;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer at ${url}`, { cause: error });
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, kill: () => server.kill() };
}
