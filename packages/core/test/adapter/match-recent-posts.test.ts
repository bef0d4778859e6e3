import { describe, expect, it } from 'vitest';
import { matchRecentPosts } from '../../src/adapter/match-recent-posts.js';

const since = new Date('2026-11-22T12:00:00Z');
const post = (id: string, minute: number, text?: string) => ({
  ref: { platform: 'fake', accountId: 'a', platformPostId: id },
  ...(text === undefined ? {} : { text }),
  createdAt: new Date(since.getTime() + minute * 60_000),
});

describe('matchRecentPosts', () => {
  it('keeps posts created at or after since, in order, up to the limit', () => {
    const posts = [post('3', 2), post('2', 0), post('1', -1)];
    expect(matchRecentPosts(posts, { since }).map((p) => p.ref.platformPostId)).toEqual(['3', '2']);
    expect(matchRecentPosts(posts, { since }, { limit: 1 }).map((p) => p.ref.platformPostId)).toEqual(['3']);
  });

  it('matches text NFC-normalised with whitespace collapsed, and a post without text only when none is asked', () => {
    const posts = [post('1', 1, 'Cafe\u0301  launch\n'), post('2', 1, 'Other'), post('3', 1)];
    const found = matchRecentPosts(posts, { since, text: ' Café launch' });
    expect(found.map((p) => p.ref.platformPostId)).toEqual(['1']);
    expect(matchRecentPosts(posts, { since }).map((p) => p.ref.platformPostId)).toEqual(['1', '2', '3']);
  });

  it("undoes the platform's rewriting on both sides before comparing", () => {
    const dropUrls = (text: string) => text.replace(/https?:\/\/\S+/g, ' ');
    const posts = [post('1', 1, 'Sale https://t.co/abc')];
    expect(matchRecentPosts(posts, { since, text: 'Sale https://shop.example/x' })).toEqual([]);
    expect(
      matchRecentPosts(posts, { since, text: 'Sale https://shop.example/x' }, { normalize: dropUrls }),
    ).toHaveLength(1);
  });
});
