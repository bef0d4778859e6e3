import { createIdGenerator } from './id-generator.js';
import { PostLikes } from './post-likes.js';
import { type FanPostOptions, seedFanPosts } from './seed-fan-posts.js';
import { type InboundItem, type SeedOptions, seedInbound } from './seed-inbound.js';
import {
  type SeededPublicAccount,
  type SeedPublicAccountOptions,
  seedPublicAccount,
} from './seed-public-account.js';
import { realClock, type SimClock } from './sim-clock.js';
import {
  type AccountWithTokens,
  Collection,
  type SimulatedAccount,
  type SimulatedEngagement,
  type SimulatedMedia,
  type SimulatedPost,
} from './state.js';
import { type IssueOptions, TokenRegistry } from './token-registry.js';

/**
 * How a platform stores a post another account writes (a status, a tweet): `SimulatorState.storePostsWith`.
 *
 * @example
 * ```ts
 * const store: PostStore = (author, { text }, createdAt) => sim.addPost({ accountId: author.id, text, createdAt });
 * ```
 */
export type PostStore = (
  author: SimulatedAccount,
  post: { readonly text: string; readonly inReplyTo?: SimulatedPost | undefined },
  createdAt: number,
) => SimulatedPost;

/** A store that can be emptied (a `Map`, a `Set`, anything with `clear`). */
export interface Clearable {
  /** Empties the store. */
  clear(): void;
}

/**
 * What a simulated platform holds — accounts and their tokens, posts, media, engagement — and the
 * ways tests fill it: accounts with tokens, plain posts and media, and engagement from fan
 * accounts. `PlatformSimulator` (`@smmkit/testkit`) adds the HTTP side (routes, faults, limits, log); the
 * platform's own rules (how it stores a status, renders a tweet) stay in its simulator.
 *
 * @example
 * ```ts
 * const sim = new PlatformSimulator({ platform: 'acme', baseUrl: 'https://api.acme.test', dialect });
 * const ana = sim.addAccountWithTokens({ handle: 'ana', followers: 42 });
 * const post = sim.addPost({ accountId: ana.account.id, text: 'Hello' });
 * sim.seedReplies(post.id, 3); // fan_1, fan_2 and fan_3 reply, a minute apart
 * ```
 */
export class SimulatorState {
  /** Platform id (`mastodon`, `x`, …), also the `platform` of the accounts tests act for. */
  readonly platform: string;
  /** Simulated time. */
  readonly clock: SimClock;
  /** The simulated OAuth server. */
  readonly tokens: TokenRegistry;
  /** Accounts. */
  readonly accounts = new Collection<SimulatedAccount>();
  /** Posts. */
  readonly posts = new Collection<SimulatedPost>();
  /** Uploaded media. */
  readonly media = new Collection<SimulatedMedia>();
  /** Comments, replies, mentions and messages. */
  readonly engagements = new Collection<SimulatedEngagement>();
  /** Makes the next id (increasing numeric strings). */
  readonly nextId: () => string = createIdGenerator();

  readonly #resettable: (Clearable | unknown[])[] = [];
  /** How the platform stores a post that seeds write (`storePostsWith`); a plain post until set. */
  #storePost: PostStore = (author, post, createdAt) =>
    this.addPost({ accountId: author.id, text: post.text, inReplyToId: post.inReplyTo?.id, createdAt });
  /** Who likes which post through the API (emptied on reset). */
  readonly likes: PostLikes = this.resettable(new PostLikes(this.engagements));

  /**
   * @param platform - platform id
   * @param clock - simulated time (default `Date.now()`, so fake timers apply)
   * @param tokenPrefix - start of every token issued, so leaked tokens are easy to find (default `sim_<platform>`)
   */
  constructor(platform: string, clock: SimClock = realClock, tokenPrefix = `sim_${platform}`) {
    this.platform = platform;
    this.clock = clock;
    this.tokens = new TokenRegistry(clock, tokenPrefix);
  }

  /**
   * Adds an account, created now unless `createdAt` says otherwise, and returns it.
   *
   * @example
   * ```ts
   * const account = sim.addAccount({ handle: 'acme' });
   * const { accessToken } = sim.tokens.issue(account.id);
   * ```
   */
  addAccount(account: {
    readonly handle: string;
    readonly id?: string | undefined;
    readonly displayName?: string | undefined;
    readonly followers?: number | undefined;
    readonly createdAt?: number | undefined;
  }): SimulatedAccount {
    return this.accounts.put({
      id: account.id ?? this.nextId(),
      handle: account.handle,
      displayName: account.displayName ?? account.handle,
      followers: account.followers ?? 0,
      following: 0,
      createdAt: account.createdAt ?? this.clock.now(),
    });
  }

  /**
   * Adds an account and issues it tokens (never expiring unless `tokens.expiresInMs` is given):
   * the account a test acts as.
   *
   * @example
   * ```ts
   * const { account, accessToken } = sim.addAccountWithTokens({ handle: 'ana' }, { scopes: ['read', 'write'] });
   * ```
   */
  addAccountWithTokens(
    account: Parameters<SimulatorState['addAccount']>[0],
    tokens: IssueOptions = {},
  ): AccountWithTokens {
    const added = this.addAccount(account);
    return { account: added, ...this.tokens.issue(added.id, tokens) };
  }

  /**
   * The account with `handle`, compared case-insensitively (as Mastodon and X match usernames).
   *
   * @example
   * ```ts
   * sim.accountByHandle('Ana')?.id; // ana's id
   * ```
   */
  accountByHandle(handle: string): SimulatedAccount | undefined {
    const wanted = handle.toLowerCase();
    return this.accounts.filter((account) => account.handle.toLowerCase() === wanted)[0];
  }

  /**
   * Stores a post and returns it. Left out, a field gets the plain post's value: the next id, no
   * media, reply or poll, no extras, created now.
   *
   * @example
   * ```ts
   * const post = sim.addPost({ accountId: account.id, text: 'Hello' });
   * ```
   */
  addPost(post: Pick<SimulatedPost, 'accountId' | 'text'> & Partial<SimulatedPost>): SimulatedPost {
    return this.posts.put({
      id: post.id ?? this.nextId(),
      accountId: post.accountId,
      text: post.text,
      media: post.media ?? [],
      inReplyToId: post.inReplyToId,
      pollOptions: post.pollOptions,
      createdAt: post.createdAt ?? this.clock.now(),
      extra: post.extra ?? {},
    });
  }

  /**
   * Stores an upload and returns it: without `processingMs` ready at once (or `failed` with
   * `failure`); with it `processing` until `processingMs` simulated milliseconds have passed,
   * when {@link SimulatorState.refreshMedia} makes it `ready` (or `failed` with `failure`).
   *
   * @example
   * ```ts
   * const video = sim.addMedia({ accountId, kind: 'video', mimeType: 'video/mp4', sizeBytes: 2048, processingMs: 3_000 });
   * ```
   */
  addMedia(
    media: Pick<SimulatedMedia, 'accountId' | 'kind' | 'mimeType' | 'sizeBytes'> & {
      readonly id?: string | undefined;
      readonly altText?: string | undefined;
      readonly processingMs?: number | undefined;
      readonly failure?: string | undefined;
    },
  ): SimulatedMedia {
    const processed = media.processingMs !== undefined;
    const now = this.clock.now();
    return this.media.put({
      id: media.id ?? this.nextId(),
      accountId: media.accountId,
      kind: media.kind,
      mimeType: media.mimeType,
      sizeBytes: media.sizeBytes,
      altText: media.altText,
      state: processed ? 'processing' : media.failure === undefined ? 'ready' : 'failed',
      readyAt: now + (media.processingMs ?? 0),
      failure: media.failure,
    });
  }

  /**
   * Ends the processing of `media` once its time has come on the simulator's clock: `ready`, or
   * `failed` when it was added with a `failure`. Returns it.
   *
   * @example
   * ```ts
   * if (sim.refreshMedia(media).state === 'processing') return stillProcessing();
   * ```
   */
  refreshMedia(media: SimulatedMedia): SimulatedMedia {
    if (media.state === 'processing' && this.clock.now() >= media.readyAt)
      media.state = media.failure === undefined ? 'ready' : 'failed';
    return media;
  }

  /**
   * Fans mention `accountId` in `count` posts (`@handle Mention 1 from fan_1`, …), replying to
   * `options.postId` when given. Each is a post (stored by `options.store`) and a `mention` in
   * `engagements` under the same id.
   *
   * @returns the mentions, oldest first
   * @throws Error when the account or the post does not exist
   *
   * @example
   * ```ts
   * const mentions = sim.seedMentions(ana.account.id, 5);
   * ```
   */
  seedMentions(
    accountId: string,
    count: number,
    options: SeedOptions & { readonly postId?: string | undefined } = {},
  ): SimulatedEngagement[] {
    const target = this.accounts.get(accountId);
    if (target === undefined) throw new Error(`seedMentions: no account ${accountId}`);
    const inReplyTo = options.postId === undefined ? undefined : this.posts.get(options.postId);
    if (options.postId !== undefined && inReplyTo === undefined)
      throw new Error(`seedMentions: no post ${options.postId}`);
    return this.#seedPosts(count, options, (author, index) => ({
      kind: 'mention',
      text: options.text?.(author, index) ?? `@${target.handle} Mention ${index + 1} from ${author.handle}`,
      addressee: target.id,
      inReplyTo,
    }));
  }

  /**
   * Fans reply `count` times to `postId` (`Reply 1 from fan_1`, …), or comment on it with
   * `kind: 'comment'` (`Comment 1 from fan_1`, …). Each lands in the post author's inbox.
   *
   * @returns the replies, oldest first
   * @throws Error when the post does not exist
   *
   * @example
   * ```ts
   * const comments = sim.seedReplies(media.id, 3, { kind: 'comment', store: () => ({ id: sim.nextId() }) });
   * ```
   */
  seedReplies(
    postId: string,
    count: number,
    options: SeedOptions & { readonly kind?: 'reply' | 'comment' | undefined } = {},
  ): SimulatedEngagement[] {
    const post = this.posts.get(postId);
    if (post === undefined) throw new Error(`seedReplies: no post ${postId}`);
    const kind = options.kind ?? 'reply';
    const word = kind === 'comment' ? 'Comment' : 'Reply';
    return this.#seedPosts(count, options, (author, index) => ({
      kind,
      text: options.text?.(author, index) ?? `${word} ${index + 1} from ${author.handle}`,
      addressee: post.accountId,
      inReplyTo: post,
    }));
  }

  /**
   * Fans send `accountId` `count` direct messages (`Message 1 from fan_1`, …): engagement only,
   * no post.
   *
   * @returns the messages, oldest first
   * @throws Error when the account does not exist
   *
   * @example
   * ```ts
   * const [first] = sim.seedMessages(ana.account.id, 2);
   * ```
   */
  seedMessages(
    accountId: string,
    count: number,
    options: Pick<SeedOptions, 'text'> = {},
  ): SimulatedEngagement[] {
    if (this.accounts.get(accountId) === undefined) throw new Error(`seedMessages: no account ${accountId}`);
    return seedInbound(this, {
      count,
      author: (handle, index) => this.#fan(handle, index),
      item: (author, index) => ({
        kind: 'direct_message',
        text: options.text?.(author, index) ?? `Message ${index + 1} from ${author.handle}`,
        addressee: accountId,
      }),
      store: () => ({ id: this.nextId() }),
    });
  }

  /**
   * Another account (a competitor, an influencer) with public posts, for a lookup by username to
   * find: `posts` posts (default 10) `spacingMs` apart (default a day), the newest at simulated
   * now, saying `Post <n> from <username>` unless `text` says otherwise, each stored by
   * `options.store` (default the simulator's, `storePostsWith`). An account with that username is reused (its counts
   * set when given); a new one has 1,000 followers and follows 100.
   *
   * @returns the account and its new posts, oldest first
   *
   * @example
   * ```ts
   * const rival = sim.seedPublicAccount('rivalcoffee', { followers: 5_400, posts: 30, spacingMs: 8 * 3_600_000 });
   * ```
   */
  seedPublicAccount(username: string, options: SeedPublicAccountOptions = {}): SeededPublicAccount {
    return seedPublicAccount(this, username, {
      ...options,
      store: options.store ?? ((account, text, createdAt) => this.#storePost(account, { text }, createdAt)),
    });
  }

  /**
   * Sets how the platform stores a post the seeds write (`seedMentions`, `seedReplies`,
   * `seedPublicAccount`, `seedFanPosts`) when they are not given a `store` of their own: a status,
   * a tweet, with the platform's extra fields. Default: a plain post (`addPost`).
   *
   * @example
   * ```ts
   * sim.storePostsWith((author, { text, inReplyTo }, createdAt) =>
   *   storeStatus(context, { accountId: author.id, text, inReplyTo, createdAt }),
   * );
   * ```
   */
  storePostsWith(store: PostStore): void {
    this.#storePost = store;
  }

  /**
   * Fans (`fan_1`, `fan_2`, `fan_3`, in turn) write `count` public posts addressed to no one, for
   * hashtag timelines and keyword search to find: `Post 1 from fan_1`, … unless `text` says
   * otherwise, a minute apart, the newest at simulated now, each stored by `options.store`
   * (default the simulator's, `storePostsWith`). No engagement is recorded: nobody was mentioned.
   *
   * @returns the posts, oldest first
   *
   * @example
   * ```ts
   * const posts = sim.seedFanPosts(3, { text: (author, index) => `Post ${index + 1} about #acme from ${author.handle}` });
   * ```
   */
  seedFanPosts(count: number, options: FanPostOptions = {}): SimulatedPost[] {
    return seedFanPosts({ clock: this.clock, fan: (handle, index) => this.#fan(handle, index) }, count, {
      ...options,
      store: options.store ?? ((author, text, createdAt) => this.#storePost(author, { text }, createdAt)),
    });
  }

  /**
   * Returns `store`, emptied whenever the simulator is reset: for the platform's own memory
   * (idempotency keys, upload sessions, scripted failures), which goes with the state it refers to.
   *
   * @example
   * ```ts
   * const idempotency = sim.resettable(new Map<string, string>());
   * ```
   */
  resettable<T extends Clearable | unknown[]>(store: T): T {
    this.#resettable.push(store);
    return store;
  }

  /**
   * Empties posts, media, engagement and the stores made {@link SimulatorState.resettable}.
   * Accounts and tokens stay valid: tokens revoked, expired with `tokens.expire` or used for a
   * rotating refresh since they were issued are as they were issued again ({@link TokenRegistry.reset}).
   */
  reset(): void {
    this.tokens.reset();
    this.posts.clear();
    this.media.clear();
    this.engagements.clear();
    for (const store of this.#resettable) {
      if (Array.isArray(store)) store.length = 0;
      else store.clear();
    }
  }

  #seedPosts(
    count: number,
    options: SeedOptions,
    item: (author: SimulatedAccount, index: number) => InboundItem,
  ): SimulatedEngagement[] {
    return seedInbound(this, {
      count,
      author: (handle, index) => this.#fan(handle, index),
      item,
      store: options.store ?? ((author, item, createdAt) => this.#storePost(author, item, createdAt)),
    });
  }

  /** The fan account `handle`, created on first use (followers grow with the index). */
  #fan(handle: string, index: number): SimulatedAccount {
    return this.accountByHandle(handle) ?? this.addAccount({ handle, followers: 10 * (index + 1) });
  }
}
