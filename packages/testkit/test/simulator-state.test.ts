import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { bearerToken } from '../src/simulator/platform-dialect.js';
import { PlatformSimulator } from '../src/simulator/platform-simulator.js';
import { manualClock } from '../src/simulator/sim-clock.js';

const START = Date.parse('2026-11-22T12:00:00Z');

function simulator() {
  const clock = manualClock(START);
  const sim = new PlatformSimulator({
    platform: 'acme',
    baseUrl: 'https://api.acme.test',
    clock,
    dialect: {
      extractToken: bearerToken,
      unauthorized: () => HttpResponse.json({}, { status: 401 }),
      rateLimited: () => HttpResponse.json({}, { status: 429 }),
      serverError: () => HttpResponse.json({}, { status: 500 }),
    },
  });
  return { sim, clock };
}

describe('SimulatorState accounts', () => {
  it('records when an account was created, and finds it by handle whatever the case', () => {
    const { sim, clock } = simulator();
    clock.advance(5_000);
    const ana = sim.addAccount({ handle: 'Ana' });
    const old = sim.addAccount({ handle: 'old', createdAt: START - 86_400_000 });
    expect(ana.createdAt).toBe(START + 5_000);
    expect(old.createdAt).toBe(START - 86_400_000);
    expect(sim.accountByHandle('ANA')).toBe(ana);
    expect(sim.accountByHandle('nobody')).toBeUndefined();
  });

  it('adds an account with tokens the simulator accepts, with the scopes and lifetime asked for', () => {
    const { sim, clock } = simulator();
    const ana = sim.addAccountWithTokens(
      { handle: 'ana', followers: 42 },
      { scopes: ['read'], expiresInMs: 60_000 },
    );
    expect(ana.account).toMatchObject({ handle: 'ana', followers: 42 });
    expect(sim.tokens.check(ana.accessToken)).toEqual({
      status: 'valid',
      accountId: ana.account.id,
      scopes: ['read'],
      issuedAt: START,
    });
    clock.advance(60_000);
    expect(sim.tokens.check(ana.accessToken).status).toBe('expired');
    expect(sim.addAccountWithTokens({ handle: 'bob' }).expiresAt).toBeUndefined();
  });
});

describe('SimulatorState media', () => {
  it('keeps a processed upload processing until its time has come, then makes it ready or failed', () => {
    const { sim, clock } = simulator();
    const image = sim.addMedia({ accountId: '1', kind: 'image', mimeType: 'image/png', sizeBytes: 10 });
    const video = sim.addMedia({
      accountId: '1',
      kind: 'video',
      mimeType: 'video/mp4',
      sizeBytes: 10,
      processingMs: 2_000,
    });
    const broken = sim.addMedia({
      accountId: '1',
      kind: 'video',
      mimeType: 'video/mp4',
      sizeBytes: 10,
      processingMs: 0,
      failure: 'Unsupported video format',
    });
    expect(image.state).toBe('ready');
    expect(sim.refreshMedia(video).state).toBe('processing');
    expect(broken.state).toBe('processing');
    expect(sim.refreshMedia(broken)).toMatchObject({ state: 'failed', failure: 'Unsupported video format' });
    clock.advance(1_999);
    expect(sim.refreshMedia(video).state).toBe('processing');
    clock.advance(1);
    expect(sim.refreshMedia(video).state).toBe('ready');
    expect(sim.media.get(video.id)).toBe(video);
  });
});

describe('SimulatorState seeding', () => {
  it('has fans mention an account, a minute apart, newest now, each a post and a mention under the same id', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    const mentions = sim.seedMentions(ana.id, 4);
    expect(mentions.map((m) => m.text)).toEqual([
      '@ana Mention 1 from fan_1',
      '@ana Mention 2 from fan_2',
      '@ana Mention 3 from fan_3',
      '@ana Mention 4 from fan_1',
    ]);
    expect(mentions.map((m) => m.createdAt)).toEqual([
      START - 180_000,
      START - 120_000,
      START - 60_000,
      START,
    ]);
    expect(mentions.every((m) => m.kind === 'mention' && m.accountId === ana.id)).toBe(true);
    expect(mentions.every((m) => sim.posts.get(m.id)?.text === m.text)).toBe(true);
    expect(sim.accountByHandle('fan_2')).toMatchObject({ followers: 20 });
    expect(sim.accounts.size).toBe(4);
  });

  it('stores fan posts the platform way, replying to the post given', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    const post = sim.addPost({ accountId: ana.id, text: 'Hello' });
    const [mention] = sim.seedMentions(ana.id, 1, {
      postId: post.id,
      text: (author) => `hi from ${author.handle}`,
      store: (author, item, createdAt) =>
        sim.addPost({ accountId: author.id, text: item.text, createdAt, extra: { visibility: 'public' } }),
    });
    expect(mention).toMatchObject({ postId: post.id, text: 'hi from fan_1' });
    expect(sim.posts.get(mention?.id ?? '')?.extra).toEqual({ visibility: 'public' });
  });

  it('has fans reply to a post, or comment on it, in its author inbox', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    const post = sim.addPost({ accountId: ana.id, text: 'Hello' });
    const replies = sim.seedReplies(post.id, 2);
    expect(replies.map((r) => [r.kind, r.text, r.accountId, r.postId])).toEqual([
      ['reply', 'Reply 1 from fan_1', ana.id, post.id],
      ['reply', 'Reply 2 from fan_2', ana.id, post.id],
    ]);
    expect(sim.posts.get(replies[0]?.id ?? '')?.inReplyToId).toBe(post.id);
    const comments = sim.seedReplies(post.id, 1, { kind: 'comment', store: () => ({ id: sim.nextId() }) });
    expect(comments[0]).toMatchObject({ kind: 'comment', text: 'Comment 1 from fan_1' });
    expect(sim.posts.get(comments[0]?.id ?? '')).toBeUndefined();
  });

  it('sends direct messages that are engagement only', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    const messages = sim.seedMessages(ana.id, 2);
    expect(messages.map((m) => [m.kind, m.text])).toEqual([
      ['direct_message', 'Message 1 from fan_1'],
      ['direct_message', 'Message 2 from fan_2'],
    ]);
    expect(sim.posts.size).toBe(0);
    expect(sim.engagements.size).toBe(2);
  });

  it('seeds another account with public posts a day apart, the newest now, as plain posts by default', () => {
    const { sim } = simulator();
    const { account, posts } = sim.seedPublicAccount('RivalCoffee', { posts: 3, displayName: 'Rival' });
    expect(account).toMatchObject({
      handle: 'RivalCoffee',
      displayName: 'Rival',
      followers: 1_000,
      following: 100,
    });
    expect(posts.map((post) => [post.accountId, post.text, post.createdAt])).toEqual([
      [account.id, 'Post 1 from RivalCoffee', START - 2 * 86_400_000],
      [account.id, 'Post 2 from RivalCoffee', START - 86_400_000],
      [account.id, 'Post 3 from RivalCoffee', START],
    ]);
    expect(posts.every((post) => sim.posts.get(post.id) === post)).toBe(true);
  });

  it('reuses an account with the username, setting only the counts given, and stores posts the platform way', () => {
    const { sim } = simulator();
    const first = sim.seedPublicAccount('rival', { followers: 5, posts: 0 });
    first.account.following = 7;
    const again = sim.seedPublicAccount('RIVAL', {
      followers: 9,
      posts: 2,
      spacingMs: 60_000,
      text: (index) => `Fresh ${index}`,
      store: (account, text, createdAt) =>
        sim.addPost({ accountId: account.id, text, createdAt, extra: { visibility: 'public' } }),
    });
    expect(again.account).toBe(first.account);
    expect(again.account).toMatchObject({ followers: 9, following: 7 });
    expect(again.posts.map((post) => [post.text, post.createdAt, post.extra])).toEqual([
      ['Fresh 0', START - 60_000, { visibility: 'public' }],
      ['Fresh 1', START, { visibility: 'public' }],
    ]);
    expect(sim.accounts.size).toBe(1);
  });

  it('has fans write public posts in turn, a minute apart, newest now, addressed to no one', () => {
    const { sim } = simulator();
    const posts = sim.seedFanPosts(4);
    expect(
      posts.map((post) => [sim.accounts.get(post.accountId)?.handle, post.text, post.createdAt]),
    ).toEqual([
      ['fan_1', 'Post 1 from fan_1', START - 3 * 60_000],
      ['fan_2', 'Post 2 from fan_2', START - 2 * 60_000],
      ['fan_3', 'Post 3 from fan_3', START - 60_000],
      ['fan_1', 'Post 4 from fan_1', START],
    ]);
    expect(['fan_1', 'fan_2', 'fan_3'].map((handle) => sim.accountByHandle(handle)?.followers)).toEqual([
      10, 20, 30,
    ]);
    expect(posts.every((post) => sim.posts.get(post.id) === post)).toBe(true);
    expect(sim.engagements.size).toBe(0);
  });

  it('stores fan posts with the text and the store the platform gives', () => {
    const { sim } = simulator();
    const [post] = sim.seedFanPosts(1, {
      text: (author, index) => `#acme ${index} by ${author.handle}`,
      store: (author, text, createdAt) =>
        sim.addPost({ accountId: author.id, text, createdAt, extra: { visibility: 'public' } }),
    });
    expect(post).toMatchObject({
      text: '#acme 0 by fan_1',
      createdAt: START,
      extra: { visibility: 'public' },
    });
  });

  it('stores every seed post the way the platform said, unless a seed brings its own store', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    sim.storePostsWith((author, { text, inReplyTo }, createdAt) =>
      sim.addPost({
        accountId: author.id,
        text,
        inReplyToId: inReplyTo?.id,
        createdAt,
        extra: { kind: 'status' },
      }),
    );
    const [mention] = sim.seedMentions(ana.id, 1);
    const [reply] = sim.seedReplies(String(mention?.id), 1);
    const [fan] = sim.seedFanPosts(1);
    const { posts } = sim.seedPublicAccount('rival', { posts: 1 });
    const [own] = sim.seedFanPosts(1, {
      store: (author, text, createdAt) => sim.addPost({ accountId: author.id, text, createdAt }),
    });
    const stored = [mention?.id, reply?.id, fan?.id, posts[0]?.id].map(
      (id) => sim.posts.get(String(id))?.extra,
    );
    expect(stored).toEqual(Array.from({ length: 4 }, () => ({ kind: 'status' })));
    expect(sim.posts.get(String(reply?.id))?.inReplyToId).toBe(mention?.id);
    expect(own?.extra).toEqual({});
  });

  it('refuses to seed for an account or a post it does not have', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    expect(() => sim.seedMentions('404', 1)).toThrow('seedMentions: no account 404');
    expect(() => sim.seedMentions(ana.id, 1, { postId: '404' })).toThrow('seedMentions: no post 404');
    expect(() => sim.seedReplies('404', 1)).toThrow('seedReplies: no post 404');
    expect(() => sim.seedMessages('404', 1)).toThrow('seedMessages: no account 404');
  });
});

describe('SimulatorState likes', () => {
  it('keeps who likes a post in order, marks the liker own inbox item liked, and forgets likes on reset', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    const bob = sim.addAccount({ handle: 'bob' });
    const [mention] = sim.seedMentions(ana.id, 1);
    if (mention === undefined) throw new Error('no mention seeded');
    sim.likes.set(mention.id, bob.id, true);
    expect(sim.engagements.get(mention.id)?.liked).toBeUndefined();
    sim.likes.set(mention.id, ana.id, true);
    expect(sim.likes.of(mention.id)).toEqual([bob.id, ana.id]);
    expect(sim.engagements.get(mention.id)?.liked).toBe(true);
    sim.likes.set(mention.id, ana.id, false);
    sim.likes.set(mention.id, ana.id, false);
    expect(sim.likes.has(mention.id, ana.id)).toBe(false);
    expect(sim.engagements.get(mention.id)?.liked).toBe(false);
    sim.reset();
    expect(sim.likes.of(mention.id)).toEqual([]);
  });
});

describe('SimulatorState.resettable', () => {
  it('empties the platform memory it was given on reset, and keeps accounts and tokens', () => {
    const { sim } = simulator();
    const keys = sim.resettable(new Map([['key', 'status']]));
    const failures = sim.resettable(['scripted']);
    const ana = sim.addAccountWithTokens({ handle: 'ana' });
    sim.addPost({ accountId: ana.account.id, text: 'Hello' });
    sim.reset();
    expect(keys.size).toBe(0);
    expect(failures).toEqual([]);
    expect(sim.posts.size).toBe(0);
    expect(sim.tokens.check(ana.accessToken).status).toBe('valid');
  });
});

describe('SimulatorState.reset and tokens', () => {
  it('puts back tokens revoked, expired or used for a rotating refresh in an earlier test', () => {
    const { sim } = simulator();
    const ana = sim.addAccountWithTokens({ handle: 'ana' }, { refreshable: true });
    const bob = sim.addAccountWithTokens({ handle: 'bob' });
    const rotated = sim.tokens.refresh(ana.refreshToken ?? '', true);
    sim.tokens.revoke({ accountId: ana.account.id });
    sim.tokens.expire(bob.accessToken);
    expect(sim.tokens.check(ana.accessToken).status).toBe('revoked');
    expect(sim.tokens.check(bob.accessToken).status).toBe('expired');

    sim.reset();
    expect(sim.tokens.check(ana.accessToken).status).toBe('valid');
    expect(sim.tokens.check(bob.accessToken).status).toBe('valid');
    expect(sim.tokens.check(rotated?.accessToken).status).toBe('valid');
    // The refresh token used for the rotation works once more, as when it was issued.
    expect(sim.tokens.refresh(ana.refreshToken ?? '', true)).toBeDefined();
  });

  it('still lets a token run out on the clock after a reset', () => {
    const { sim, clock } = simulator();
    const ana = sim.addAccountWithTokens({ handle: 'ana' }, { expiresInMs: 60_000 });
    sim.tokens.expire(ana.accessToken);
    sim.reset();
    expect(sim.tokens.check(ana.accessToken).status).toBe('valid');
    clock.advance(60_000);
    expect(sim.tokens.check(ana.accessToken).status).toBe('expired');
  });
});
