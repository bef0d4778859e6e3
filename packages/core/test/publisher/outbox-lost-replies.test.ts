import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CheckedPost } from '../../src/adapter/adapter.js';
import type { PublishContext } from '../../src/adapter/context.js';
import { PlatformError } from '../../src/errors/platform-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import type { Post } from '../../src/models/post.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import { memoryScheduleStore } from '../../src/scheduler/memory-schedule-store.js';
import type { Outbox } from '../../src/scheduler/outbox.js';
import { sqliteScheduleStore } from '../../src/sqlite/index.js';
import { fakePublishResult } from '../fixtures/capabilities.js';
import { fakeWorld, only, START } from './support/world.js';

const target = { platform: 'fake', accountId: 'acct-1' };
const post: Post = { text: 'Launch day' };
const CALL_KEY = 'entry-1';
const KEY = `${CALL_KEY}:fake:acct-1`;
const options = { idempotencyKey: CALL_KEY };
type Publish = (checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>;

/** What a store answers when its write went through but the reply did not (Redis: "Command timed out"). */
const replyLost = () =>
  new TransientError('timeout', 'Redis did not answer in time (Command timed out).', {
    hint: 'Check the load on Redis and the network, then try again; the command may still have run.',
  });

/** `outbox` whose `begin` applies its write, then throws as if the reply were lost, once. */
function losingOneReply(outbox: Outbox, method: 'begin'): Outbox {
  let lost = false;
  return {
    ...outbox,
    [method]: async (intent: Parameters<Outbox['begin']>[0]) => {
      const answer = await outbox.begin(intent);
      if (lost) return answer;
      lost = true;
      throw replyLost();
    },
  };
}

describe('publisher with an outbox whose reply is lost', () => {
  // The fake platform has no way to look for a post (no listing, no read-after-write), like
  // Facebook, Instagram, LinkedIn and TikTok: a record mistaken for a dead run's ends unknown.
  it('never sends when the begin went through but its reply was lost: the record is reconciled like any other', async () => {
    // The run cannot tell its record from another run's that reconciled it meanwhile (and may
    // have re-created the post): only reconciling never sends twice. Here nothing can be found,
    // so the outcome is unknown, left to a person, and nothing was sent.
    const store = memoryScheduleStore();
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish }, { outbox: losingOneReply(store, 'begin') });
    const outcome = only(await publisher.publish(post, [target], options));
    expect(outcome.status).toBe('unknown');
    expect(publish).not.toHaveBeenCalled();
    expect(await store.record(KEY)).toMatchObject({ status: 'unknown' });
  });

  it("still sends nothing when the record found after a lost reply is another run's of the same post", async () => {
    const store = memoryScheduleStore();
    const other = fakeWorld(
      { publish: vi.fn<Publish>(() => new Promise<PublishResult>(() => {})) },
      { outbox: store },
    );
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    // This run's begin never reaches the store; meanwhile another run of the same post begins.
    const outbox: Outbox = {
      ...store,
      begin: vi
        .fn<Outbox['begin']>()
        .mockImplementationOnce(async () => {
          void other.publisher.publish(post, [target], options);
          await vi.waitFor(async () => expect(await store.record(KEY)).toBeDefined());
          throw replyLost();
        })
        .mockImplementation((intent) => store.begin(intent)),
    };
    const { publisher } = fakeWorld({ publish }, { outbox });
    expect(only(await publisher.publish(post, [target], options)).status).toBe('unknown');
    expect(publish).not.toHaveBeenCalled();
  });
});

describe('a record re-opened by a process of the previous release (no fingerprints)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smmkit-outbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is not refused as another post: its fingerprint was left by an earlier start', async () => {
    const file = join(dir, 'reopened.db');
    const store = sqliteScheduleStore(file);
    // This release's run of `post` fails for sure: the record is `failed`, fingerprinted for it.
    const refused = fakeWorld(
      { publish: vi.fn<Publish>().mockRejectedValue(new PlatformError('platform_refused', 'No.')) },
      { outbox: store },
    );
    expect(only(await refused.publisher.publish(post, [target], options)).status).toBe('failed');
    // A process of the previous release re-opens it with its own SQL (the fingerprint untouched),
    // publishes an edited post under the same key and settles it.
    const edited: Post = { text: 'Launch day, edited' };
    const old = new DatabaseSync(file);
    old
      .prepare(
        "UPDATE smmkit_outbox SET status = 'sending', started_at = ?, settlement = NULL WHERE key = ? AND status = 'failed'",
      )
      .run(START + 60_000, KEY);
    old.close();
    await store.settle(KEY, {
      status: 'published',
      ref: { ...fakePublishResult.ref, platformPostId: 'edited-1' },
      settledAt: new Date(START + 61_000),
    });
    // This release's run of the edited post with that key answers from the record: nothing sent.
    const publish = vi.fn<Publish>(async () => fakePublishResult);
    const { publisher } = fakeWorld({ publish }, { outbox: store });
    const outcome = only(await publisher.publish(edited, [target], options));
    expect(outcome.status === 'published' && outcome.result.ref.platformPostId).toBe('edited-1');
    expect(publish).not.toHaveBeenCalled();
    await store.close();
  });
});
