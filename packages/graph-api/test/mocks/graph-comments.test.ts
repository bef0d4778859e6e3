import { manualClock, PlatformSimulator } from '@smmkit/testkit';
import { describe, expect, it } from 'vitest';
import { GraphComments, graphDialect } from '../../src/mocks/index.js';

const clock = manualClock(Date.parse('2026-11-22T12:00:00.000Z'));

function setUp() {
  const sim = new PlatformSimulator({
    platform: 'facebook',
    baseUrl: 'https://comments.graph.test',
    dialect: graphDialect(clock),
    clock,
  });
  const owner = sim.addAccount({ handle: 'bakery' });
  const fan = sim.addAccount({ handle: 'fan_1' });
  const post = sim.addPost({ accountId: owner.id, text: 'New bread' });
  const comments = new GraphComments(sim);
  const write = (text: string, authorId: string, parentId?: string) =>
    comments.add(
      {
        id: sim.nextId(),
        accountId: owner.id,
        postId: post.id,
        authorId,
        authorHandle: sim.accounts.get(authorId)?.handle ?? authorId,
        text,
        createdAt: clock.now(),
      },
      parentId,
    );
  return { sim, owner, fan, post, comments, write };
}

describe('GraphComments', () => {
  it('threads comments and replies under a post, oldest first, with fans’ seeded comments counted', () => {
    const { sim, owner, fan, post, comments, write } = setUp();
    const first = write('Looks great', fan.id);
    const reply = write('Thank you!', owner.id, first.id);
    const [seeded] = sim.seedReplies(post.id, 1, { kind: 'comment', store: () => ({ id: sim.nextId() }) });
    expect(first).toMatchObject({ kind: 'comment', hidden: false, postId: post.id, text: 'Looks great' });
    expect(reply.kind).toBe('reply');
    expect(comments.on(post.id).map((item) => item.id)).toEqual([first.id, reply.id, seeded?.id]);
    expect(comments.topLevel(post.id).map((item) => item.id)).toEqual([first.id, seeded?.id]);
    expect(comments.repliesTo(first.id)).toEqual([reply]);
    expect(comments.parentOf(reply.id)).toBe(first.id);
    expect(comments.parentOf(first.id)).toBeUndefined();
    expect(comments.get(reply.id)).toBe(reply);
    const [mention] = sim.seedMentions(owner.id, 1);
    expect(comments.get(mention?.id ?? '')).toBeUndefined();
  });

  it('removes a comment with its replies and their copies among the posts, and forgets threads on a reset', () => {
    const { sim, owner, fan, post, comments, write } = setUp();
    const first = write('Looks great', fan.id);
    const reply = write('Thank you!', owner.id, first.id);
    sim.addPost({ id: reply.id, accountId: owner.id, text: reply.text, inReplyToId: first.id });
    const other = write('When do you open?', fan.id);
    comments.remove(first.id);
    expect(comments.on(post.id)).toEqual([other]);
    expect(sim.posts.get(reply.id)).toBeUndefined();
    expect(comments.parentOf(reply.id)).toBeUndefined();
    const answer = write('At eight', owner.id, other.id);
    sim.reset();
    expect(comments.parentOf(answer.id)).toBeUndefined();
    expect(sim.engagements.get(answer.id)).toBeUndefined();
  });
});
