import { describe, expect, it, vi } from 'vitest';
import type { CheckedPost, RecentPost, RecentPostsQuery } from '../../src/adapter/adapter.js';
import type { Capabilities } from '../../src/adapter/capabilities.js';
import type { PublishContext } from '../../src/adapter/context.js';
import { AmbiguousOutcomeError } from '../../src/errors/ambiguous-outcome-error.js';
import { PlatformError } from '../../src/errors/platform-error.js';
import { TransientError } from '../../src/errors/transient-error.js';
import type { Post } from '../../src/models/post.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import { fakePublishResult } from '../fixtures/capabilities.js';
import { capabilities, fakeWorld, only, START } from './support/world.js';

const target = { platform: 'fake', accountId: 'acct-1' };
/** The fake platform's capabilities with these reconciliation signals (default: findRecentPosts only). */
const reconciling = (signals: Partial<Capabilities['reconciliation']>) =>
  capabilities({
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: false,
      readAfterWrite: false,
      ...signals,
    },
  });
const post: Post = { text: 'Launch day', link: 'https://example.com/launch' };
const lost = () =>
  new AmbiguousOutcomeError('The connection dropped after the create was sent.', {
    operation: 'create post',
  });
const found: RecentPost = {
  ref: {
    platform: 'fake',
    accountId: 'acct-1',
    platformPostId: 'found-1',
    url: 'https://fake.example/acct-1/found-1',
  },
  text: 'Launch day https://example.com/launch',
  createdAt: new Date(START + 10),
};
type Publish = (checked: CheckedPost, ctx: PublishContext) => Promise<PublishResult>;
type Find = (query: RecentPostsQuery) => Promise<readonly RecentPost[]>;

describe('reconciliation', () => {
  it('reports unknown, honestly, when the adapter offers no way to check', async () => {
    const publish = vi.fn<Publish>().mockRejectedValue(lost());
    const { publisher, events } = fakeWorld({ publish });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('unknown');
    expect(outcome.status === 'unknown' && outcome.checked).toEqual([
      'nothing: the adapter offers neither idempotency keys nor findRecentPosts',
    ]);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(events.at(-1)?.name).toBe('unknown');
  });

  it('retries with the same idempotency key when the platform honours one', async () => {
    const publish = vi.fn<Publish>().mockRejectedValueOnce(lost()).mockResolvedValue(fakePublishResult);
    const { publisher } = fakeWorld({
      publish,
      capabilities: reconciling({ idempotencyKey: true, findRecentPosts: false }),
    });
    const outcome = only(await publisher.publish(post, [target], { idempotencyKey: 'entry-7' }));
    expect(outcome.status).toBe('published');
    const keys = publish.mock.calls.map(([, ctx]) => ctx.idempotencyKey);
    expect(keys).toEqual(['entry-7:fake:acct-1', 'entry-7:fake:acct-1']);
  });

  it('stops between idempotent rounds when the caller aborts, as unknown with the lost create as the reason', async () => {
    const controller = new AbortController();
    const publish = vi
      .fn<Publish>()
      .mockRejectedValueOnce(lost())
      .mockImplementationOnce(async () => {
        controller.abort();
        throw lost();
      });
    const { publisher } = fakeWorld(
      { publish, capabilities: reconciling({ idempotencyKey: true, findRecentPosts: false }) },
      { reconcile: { idempotentRetries: 3 } },
    );
    const outcome = only(
      await publisher.publish(post, [target], { idempotencyKey: 'entry-8', signal: controller.signal }),
    );
    expect(publish).toHaveBeenCalledTimes(2);
    expect(outcome.status).toBe('unknown');
    expect(outcome.status === 'unknown' && outcome.error.message).toBe(lost().message);
    expect(outcome.status === 'unknown' && outcome.checked).toEqual([
      'retried the create with the same idempotency key (round 1): ambiguous_outcome',
      'stopped before retrying again: aborted',
    ]);
  });

  it('finds the post on a second look and never publishes again', async () => {
    const publish = vi.fn<Publish>().mockRejectedValue(lost());
    const queries: RecentPostsQuery[] = [];
    const findRecentPosts = vi
      .fn<Find>()
      .mockImplementationOnce(async (query) => {
        queries.push(query);
        return [];
      })
      .mockImplementation(async (query) => {
        queries.push(query);
        return [found];
      });
    const { publisher, clock } = fakeWorld({
      publish,
      findRecentPosts,
      capabilities: reconciling({}),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'published' && outcome.result.ref.platformPostId).toBe('found-1');
    expect(outcome.status === 'published' && outcome.result.url).toBe('https://fake.example/acct-1/found-1');
    expect(outcome.status === 'published' && outcome.result.warnings[0]?.code).toBe('reconciled');
    expect(publish).toHaveBeenCalledTimes(1);
    expect(queries[0]).toEqual({
      since: new Date(START - 60_000),
      text: 'Launch day https://example.com/launch',
      limit: 100,
      post,
    });
    expect(clock.sleeps()).toContain(5_000);
  });

  it('retries once behind the duplicate signal, then finds the post after the refusal', async () => {
    const publish = vi
      .fn<Publish>()
      .mockRejectedValueOnce(lost())
      .mockRejectedValueOnce(new PlatformError('duplicate_content', 'duplicate content'));
    const findRecentPosts = vi
      .fn<Find>()
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([])
      .mockResolvedValue([found]);
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts,
      capabilities: reconciling({ duplicateSignal: true }),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('published');
    expect(publish).toHaveBeenCalledTimes(2);
    expect(findRecentPosts).toHaveBeenCalledTimes(3);
  });

  it('retries a look that failed on a 5xx instead of giving up as unknown', async () => {
    const publish = vi.fn<Publish>().mockRejectedValue(lost());
    const findRecentPosts = vi
      .fn<Find>()
      .mockRejectedValueOnce(new TransientError('transient', 'HTTP 503'))
      .mockResolvedValue([found]);
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts,
      capabilities: reconciling({}),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'published' && outcome.result.ref.platformPostId).toBe('found-1');
    expect(findRecentPosts).toHaveBeenCalledTimes(2);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('looks again when the create sent behind the duplicate signal loses its answer too', async () => {
    const publish = vi.fn<Publish>().mockRejectedValueOnce(lost()).mockRejectedValueOnce(lost());
    const findRecentPosts = vi
      .fn<Find>()
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([])
      .mockResolvedValue([found]);
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts,
      capabilities: reconciling({ duplicateSignal: true }),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'published' && outcome.result.ref.platformPostId).toBe('found-1');
    expect(publish).toHaveBeenCalledTimes(2);
    expect(findRecentPosts).toHaveBeenCalledTimes(3);
  });

  it('reports unknown with what it checked when the post is nowhere and no duplicate signal protects a retry', async () => {
    const publish = vi.fn<Publish>().mockRejectedValue(lost());
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts: vi.fn<Find>().mockResolvedValue([]),
      capabilities: reconciling({}),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'unknown' && outcome.checked).toEqual([
      'findRecentPosts since 2026-11-22T11:59:00.000Z (first look): not found',
      'findRecentPosts since 2026-11-22T11:59:00.000Z (second look after 5000 ms): not found',
    ]);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('sends the create again when a read-after-write listing shows nothing twice', async () => {
    const publish = vi.fn<Publish>().mockRejectedValueOnce(lost()).mockResolvedValue(fakePublishResult);
    const findRecentPosts = vi.fn<Find>().mockResolvedValue([]);
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts,
      capabilities: reconciling({ readAfterWrite: true }),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status === 'published' && outcome.result).toEqual(fakePublishResult);
    expect(publish).toHaveBeenCalledTimes(2);
    expect(findRecentPosts).toHaveBeenCalledTimes(2);
  });

  it('looks again, and sends again, while the resends behind a read-after-write listing lose their answers', async () => {
    const publish = vi
      .fn<Publish>()
      .mockRejectedValueOnce(lost())
      .mockRejectedValueOnce(lost())
      .mockResolvedValue(fakePublishResult);
    const findRecentPosts = vi.fn<Find>().mockResolvedValue([]);
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts,
      capabilities: reconciling({ readAfterWrite: true }),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('published');
    expect(publish).toHaveBeenCalledTimes(3);
    // The first two looks, then one after the resend's lost answer.
    expect(findRecentPosts).toHaveBeenCalledTimes(3);
  });

  it('never resends a post without text when the read-after-write listing holds several it cannot tell apart', async () => {
    const mediaOnly: Post = {
      media: [
        { kind: 'image', mimeType: 'image/png', source: { type: 'url', url: 'https://cdn.example/a.png' } },
      ],
    };
    const other = { ...found, text: '', ref: { ...found.ref, platformPostId: 'other-2' } };
    const publish = vi.fn<Publish>().mockRejectedValue(lost());
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts: vi.fn<Find>().mockResolvedValue([{ ...found, text: '' }, other]),
      capabilities: reconciling({ readAfterWrite: true }),
    });
    const outcome = only(await publisher.publish(mediaOnly, [target]));
    expect(outcome.status).toBe('unknown');
    expect(outcome.status === 'unknown' && outcome.checked[1]).toContain(
      'several matching posts, none told apart',
    );
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('never takes one of two posts with the same text for ours', async () => {
    const twin = { ...found, ref: { ...found.ref, platformPostId: 'found-2' } };
    const publish = vi.fn<Publish>().mockRejectedValue(lost());
    const { publisher } = fakeWorld({
      publish,
      findRecentPosts: vi.fn<Find>().mockResolvedValue([found, twin]),
      capabilities: reconciling({}),
    });
    const outcome = only(await publisher.publish(post, [target]));
    expect(outcome.status).toBe('unknown');
    expect(outcome.status === 'unknown' && outcome.checked[0]).toContain('several matching posts');
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('resends behind the idempotency key after its rounds and the looks came back empty', async () => {
    const publish = vi
      .fn<Publish>()
      .mockRejectedValueOnce(lost())
      .mockRejectedValueOnce(lost())
      .mockResolvedValue(fakePublishResult);
    const { publisher, clock } = fakeWorld(
      {
        publish,
        findRecentPosts: vi.fn<Find>().mockResolvedValue([]),
        capabilities: reconciling({ idempotencyKey: true }),
      },
      { reconcile: { idempotentRetries: 1 } },
    );
    const outcome = only(await publisher.publish(post, [target], { idempotencyKey: 'entry-9' }));
    expect(outcome.status).toBe('published');
    expect(outcome.status === 'published' && outcome.result).toEqual(fakePublishResult);
    const keys = publish.mock.calls.map(([, ctx]) => ctx.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set(['entry-9:fake:acct-1']));
    expect(publish).toHaveBeenCalledTimes(3);
    expect(clock.sleeps()).toContain(5_000);
  });

  it('treats a duplicate refusal on the first attempt as published when the post is ours, failed otherwise', async () => {
    const duplicate = () => new PlatformError('duplicate_content', 'duplicate content');
    const caps = reconciling({ duplicateSignal: true });
    const mine = fakeWorld({
      publish: vi.fn<Publish>().mockRejectedValue(duplicate()),
      findRecentPosts: vi.fn<Find>().mockResolvedValue([found]),
      capabilities: caps,
    });
    const ours = only(await mine.publisher.publish(post, [target]));
    expect(ours.status === 'published' && ours.result.warnings[0]?.message).toMatch(
      /refused the create as a duplicate/,
    );
    const older = fakeWorld({
      publish: vi.fn<Publish>().mockRejectedValue(duplicate()),
      findRecentPosts: vi.fn<Find>().mockResolvedValue([]),
      capabilities: caps,
    });
    const outcome = only(await older.publisher.publish(post, [target]));
    expect(outcome.status === 'failed' && outcome.error.code).toBe('duplicate_content');
  });

  it('says which thread parts and first comment a post found by looking never got', async () => {
    const { publisher } = fakeWorld({
      publish: vi.fn<Publish>().mockRejectedValue(lost()),
      findRecentPosts: vi.fn<Find>().mockResolvedValue([found]),
      capabilities: capabilities({
        threads: {},
        firstComment: true,
        reconciliation: {
          idempotencyKey: false,
          findRecentPosts: true,
          duplicateSignal: false,
          readAfterWrite: false,
        },
      }),
    });
    const outcome = only(
      await publisher.publish(
        { ...post, thread: [{ text: 'two' }, { text: 'three' }], firstComment: 'four' },
        [target],
      ),
    );
    expect(outcome.status === 'published' && outcome.result.warnings.map((w) => w.code)).toEqual([
      'reconciled',
      'thread_incomplete',
      'first_comment_failed',
    ]);
    expect(outcome.status === 'published' && outcome.result.warnings[1]?.message).toContain(
      'later 2 parts were not published; publish them as replies to found-1',
    );
  });
});
