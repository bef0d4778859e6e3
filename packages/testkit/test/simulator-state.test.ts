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

  it('refuses to seed for an account or a post it does not have', () => {
    const { sim } = simulator();
    const ana = sim.addAccount({ handle: 'ana' });
    expect(() => sim.seedMentions('404', 1)).toThrow('seedMentions: no account 404');
    expect(() => sim.seedMentions(ana.id, 1, { postId: '404' })).toThrow('seedMentions: no post 404');
    expect(() => sim.seedReplies('404', 1)).toThrow('seedReplies: no post 404');
    expect(() => sim.seedMessages('404', 1)).toThrow('seedMessages: no account 404');
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
