import { EventEmitter } from 'node:events';
import { inspect } from 'node:util';
import { ValidationError } from '@smmkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { warnOncePerOutage } from '../src/connection-warnings.js';
import { bullmqWakeups } from '../src/index.js';

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
});
