import { describe, expect, it } from 'vitest';
import {
  type CollectPublicAccountOptions,
  collectPublicAccount,
  type PublicPostRead,
} from '../../src/adapter/collect-public-account.js';
import type { MetricSample } from '../../src/models/metric-sample.js';

const observedAt = new Date('2026-11-22T12:00:00Z');

function sample(metric: 'followers' | 'likes', value: number, platformPostId?: string): MetricSample {
  return {
    platform: 'example',
    accountId: 'rival',
    ...(platformPostId === undefined
      ? { scope: 'account' as const }
      : { scope: 'post' as const, platformPostId }),
    metric,
    rawName: metric,
    value,
    observedAt,
    period: 'lifetime',
  };
}

/** A post published `hoursAgo` hours before `observedAt`, with one likes sample. */
function read(id: string, hoursAgo: number): PublicPostRead {
  return {
    post: { platformPostId: id, createdAt: new Date(observedAt.getTime() - hoursAgo * 3_600_000), text: id },
    samples: [sample('likes', hoursAgo, id)],
  };
}

/** Pages served in order by a numeric cursor, recording what each call asked. */
function pages(...served: (readonly PublicPostRead[])[]) {
  const calls: { cursor: number | undefined; wanted: number }[] = [];
  const readPage: CollectPublicAccountOptions<number>['readPage'] = async (cursor, wanted) => {
    calls.push({ cursor, wanted });
    const index = cursor ?? 0;
    return { posts: served[index] ?? [], next: index + 1 < served.length ? index + 1 : undefined };
  };
  return { calls, readPage };
}

const profile = {
  platform: 'example',
  accountId: 'rival',
  handle: 'rivalcoffee',
  name: 'Rival Coffee',
  samples: [sample('followers', 120)],
};

describe('collectPublicAccount', () => {
  it('returns the profile with its samples, then every page of posts with theirs, newest first', async () => {
    const { calls, readPage } = pages([read('p1', 1), read('p2', 2)], [read('p3', 3)]);
    const account = await collectPublicAccount({ profile, readPage, limit: 10, observedAt });

    expect(account).toEqual({
      platform: 'example',
      accountId: 'rival',
      handle: 'rivalcoffee',
      name: 'Rival Coffee',
      observedAt,
      samples: [
        sample('followers', 120),
        sample('likes', 1, 'p1'),
        sample('likes', 2, 'p2'),
        sample('likes', 3, 'p3'),
      ],
      posts: [read('p1', 1).post, read('p2', 2).post, read('p3', 3).post],
    });
    expect(calls).toEqual([
      { cursor: undefined, wanted: 10 },
      { cursor: 1, wanted: 8 },
    ]);
  });

  it('stops at the limit without reading a further page, and drops the surplus samples', async () => {
    const { calls, readPage } = pages(
      [read('p1', 1), read('p2', 2)],
      [read('p3', 3), read('p4', 4)],
      [read('p5', 5)],
    );
    const account = await collectPublicAccount({ profile, readPage, limit: 3, observedAt });

    expect(account.posts.map((post) => post.platformPostId)).toEqual(['p1', 'p2', 'p3']);
    expect(account.samples.map((s) => s.platformPostId)).toEqual([undefined, 'p1', 'p2', 'p3']);
    expect(calls.map((call) => call.wanted)).toEqual([3, 1]);
  });

  it('stops at the first post older than since, reading no page after it', async () => {
    const { calls, readPage } = pages([read('p1', 1), read('p2', 30)], [read('p3', 40)]);
    const since = new Date(observedAt.getTime() - 24 * 3_600_000);
    const account = await collectPublicAccount({ profile, readPage, since, limit: 10, observedAt });

    expect(account.posts.map((post) => post.platformPostId)).toEqual(['p1']);
    expect(calls).toHaveLength(1);
  });

  it('keeps a post that two pages repeat once', async () => {
    const { readPage } = pages([read('p1', 1), read('p2', 2)], [read('p2', 2), read('p3', 3)]);
    const account = await collectPublicAccount({ profile, readPage, limit: 10, observedAt });

    expect(account.posts.map((post) => post.platformPostId)).toEqual(['p1', 'p2', 'p3']);
    expect(account.samples).toHaveLength(4);
  });

  it('leaves out a name the profile does not give, and answers an account with no posts', async () => {
    const { readPage } = pages([]);
    const account = await collectPublicAccount({
      profile: { ...profile, name: undefined },
      readPage,
      limit: 5,
      observedAt,
    });

    expect(account).not.toHaveProperty('name');
    expect(account.posts).toEqual([]);
    expect(account.samples).toEqual(profile.samples);
  });
});
