import {
  type Account,
  type Adapter,
  AuthError,
  type Capabilities,
  createRefreshingTokenProvider,
  type Engagement,
  type Post,
  type PublishContext,
  parseEngagement,
  parseMetricSample,
  RateLimitError,
  type SmmkitError,
  staticTokenProvider,
  ValidationError,
} from '@smmkit/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureOf as smmkitFailureOf } from '../failure-of.js';
import { type RunningSimulators, startSimulators } from '../simulator/start-simulators.js';
import { registerAbortChecks } from './abort-checks.js';
import type { ConformanceSetup } from './conformance-setup.js';
import { registerReconciliationChecks } from './reconciliation-checks.js';
import type { ReconciliationBehaviour } from './reconciliation-suite.js';
import { invalidPost, SAMPLE_KINDS, type SampleKind, samplePost } from './sample-posts.js';

/** Options of {@link runAdapterConformance}. */
export interface ConformanceOptions {
  /** The adapter's name in test titles. */
  readonly name: string;
  /**
   * Builds the simulator and the adapter. Keep it free of side effects (the suite starts and
   * stops the simulator itself): it is called once, while tests are registered, and the tests
   * then use what it built. A synchronous setup also lets the suite read the capabilities then,
   * to skip what the adapter does not declare.
   */
  readonly setup: () => ConformanceSetup | Promise<ConformanceSetup>;
}

/**
 * Registers the smmkit adapter conformance suite with vitest: the behaviours every adapter must
 * show, each checked against the adapter's own simulator, including what the publisher's
 * reconciliation relies on (an uncertain create is an `AmbiguousOutcomeError`, `findRecentPosts`
 * finds a post whose answer was lost and no other, an idempotency key never makes a second post,
 * a declared `duplicateSignal` or `readAfterWrite` holds) and a signal aborted mid-publish.
 * Capabilities the adapter does not declare are skipped, visibly (the skipped tests say "not
 * declared").
 *
 * @example
 * ```ts
 * // test/conformance.test.ts (the Mastodon example's)
 * import { runAdapterConformance } from '@smmkit/testkit/conformance';
 * import { createMastodonAdapter } from '../src/index.js';
 * import { createMastodonSimulator } from '../src/mocks/index.js';
 *
 * runAdapterConformance({
 *   name: 'mastodon',
 *   setup: () => {
 *     const mastodon = createMastodonSimulator({ mediaProcessingMs: 20 });
 *     return {
 *       simulator: mastodon.sim,
 *       adapter: createMastodonAdapter({ instanceUrl: mastodon.instanceUrl, mediaPollIntervalMs: 5 }),
 *       createAccount: () => {
 *         const { account, accessToken } = mastodon.addAccount(`conformance${mastodon.sim.accounts.size}`);
 *         return {
 *           account: { platform: 'mastodon', accountId: account.id, handle: account.handle },
 *           tokens: { accessToken },
 *         };
 *       },
 *       createPostRoute: 'POST /api/v1/statuses',
 *       seedEngagements: (accountId, count) => {
 *         mastodon.seedMentions(accountId, count);
 *       },
 *       seedBrandMentions: (term, count) => {
 *         mastodon.seedHashtagPosts(term, count);
 *       },
 *     };
 *   },
 * });
 * ```
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  describe(`${options.name} adapter conformance`, () => {
    let setup: ConformanceSetup | undefined;
    let running: RunningSimulators | undefined;
    let tag = 0;
    // Capabilities are read when tests are registered, before they run: build the setup now.
    const built = buildSetup(options);
    const declared = built instanceof Promise ? undefined : declaredBy(built);

    beforeAll(async () => {
      setup = await built;
      running = startSimulators(setup.simulator, ...(setup.extraSimulators ?? []));
    });
    afterAll(() => running?.close());
    beforeEach(() => {
      running?.reset();
      tag += 1;
    });

    const current = (): ConformanceSetup => {
      if (setup === undefined) throw new Error('conformance setup did not run');
      return setup;
    };

    function context(extra: Partial<PublishContext> = {}): PublishContext & { account: Account } {
      const { account, tokens } = current().createAccount({ refreshable: false });
      return { account, tokens: staticTokenProvider(tokens.accessToken), ...extra };
    }

    function sample(kind: SampleKind): Post | undefined {
      const { adapter, samples } = current();
      return samples?.[kind] ?? samplePost(kind, adapter.capabilities, `${tag}-${Date.now()}`);
    }

    function firstPublishable(): Post {
      for (const kind of SAMPLE_KINDS) {
        const post = sample(kind);
        if (post) return post;
      }
      throw new Error('the adapter can publish none of the sample posts; give samples in the setup');
    }

    /** `it`, skipped with " (not declared)" in its title when the adapter does not declare `behaviour`. */
    function itIfDeclared(behaviour: keyof Declared, title: string, test: () => Promise<void>): void {
      const undeclared = declared?.[behaviour] === false;
      it.skipIf(undeclared)(`${title}${undeclared ? ' (not declared)' : ''}`, test);
    }

    /** The smmkit error `promise` rejects with, checked to carry no token the simulator issued. */
    function failureOf(promise: Promise<unknown>): Promise<SmmkitError> {
      return smmkitFailureOf(promise, { secrets: () => current().simulator.tokens.allIssued() });
    }

    it('rejects an invalid post with every problem, before sending anything', async () => {
      const { adapter, simulator } = current();
      const { post, rules } = invalidPost(adapter.capabilities);
      const problems = adapter.validate(post);
      expect(problems.map((problem) => problem.rule)).toEqual(expect.arrayContaining([...rules]));
      const error = await failureOf(adapter.publish(post, context()));
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).problems).toEqual(problems);
      expect(simulator.log.entries).toHaveLength(0);
    });

    describe('publishes every kind of post it supports', () => {
      for (const kind of SAMPLE_KINDS) {
        itIfDeclared(kind, `${kind} post`, async () => {
          const post = sample(kind);
          if (post === undefined) throw new Error(`no ${kind} sample`);
          const { adapter, simulator } = current();
          const ctx = context();
          const result = await adapter.publish(post, ctx);
          expect(result.ref.platform).toBe(adapter.platform);
          expect(result.ref.accountId).toBe(ctx.account.accountId);
          const stored = simulator.posts.get(result.ref.platformPostId);
          expect(stored, 'the post is in the simulator').toBeDefined();
          expect(stored?.text).toContain(post.text ?? '');
          expect(stored?.media.map((item) => item.kind)).toEqual((post.media ?? []).map((item) => item.kind));
          if (post.poll) expect(stored?.pollOptions).toEqual(post.poll.options);
          if (post.thread) {
            expect(result.threadRefs).toHaveLength(post.thread.length);
            let parent = result.ref.platformPostId;
            for (const [index, ref] of (result.threadRefs ?? []).entries()) {
              const part = simulator.posts.get(ref.platformPostId);
              expect(part?.inReplyToId).toBe(parent);
              expect(part?.text).toContain(post.thread[index]?.text ?? '');
              parent = ref.platformPostId;
            }
          }
          if (post.firstComment) {
            const comment = simulator.posts.filter((p) => p.inReplyToId === result.ref.platformPostId)[0];
            expect(comment?.text).toContain(post.firstComment);
            expect(result.firstCommentId).toBe(comment?.id);
          }
          expect(result.warnings).toEqual([]);
        });
      }
    });

    itIfDeclared('delete', 'deletes a post', async () => {
      const { adapter, simulator } = current();
      const ctx = context();
      const result = await adapter.publish(firstPublishable(), ctx);
      await adapter.delete?.(result.ref, ctx);
      expect(simulator.posts.get(result.ref.platformPostId)).toBeUndefined();
    });

    itIfDeclared('postMetrics', 'reads post metrics in the canonical vocabulary', async () => {
      const { adapter } = current();
      const ctx = context();
      const result = await adapter.publish(firstPublishable(), ctx);
      const samples = (await adapter.getPostMetrics?.([result.ref], ctx)) ?? [];
      expect(samples.length).toBeGreaterThan(0);
      for (const sample of samples) {
        const parsed = parseMetricSample(sample);
        expect(adapter.capabilities.metrics.post).toContain(parsed.metric);
        expect(parsed.platformPostId).toBe(result.ref.platformPostId);
        expect(parsed.scope).toBe('post');
      }
    });

    itIfDeclared('accountMetrics', 'reads account metrics in the canonical vocabulary', async () => {
      const { adapter } = current();
      const samples = (await adapter.getAccountMetrics?.(context())) ?? [];
      expect(samples.length).toBeGreaterThan(0);
      for (const sample of samples) {
        const parsed = parseMetricSample(sample);
        expect(adapter.capabilities.metrics.account).toContain(parsed.metric);
        expect(parsed.scope).toBe('account');
      }
    });

    itIfDeclared('engagement', 'lists engagement page by page to the end', async () => {
      const { adapter, seedEngagements } = current();
      if (seedEngagements === undefined)
        throw new Error('the setup must give seedEngagements when the adapter reads engagement');
      const ctx = context();
      seedEngagements(ctx.account.accountId, 7);
      const pages = await collectPages(adapter, ctx, 3);
      const items = pages.flatMap((page) => page.items);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(items).toHaveLength(7);
      expect(new Set(items.map((item) => item.id)).size).toBe(7);
      // Resuming from the cursor of a middle page returns exactly the items after it.
      const resumeFrom = pages[0]?.cursor;
      expect(resumeFrom).toBeDefined();
      const rest: Engagement[] = [];
      for await (const page of adapter.listEngagements?.({ pageSize: 3, cursor: resumeFrom }, ctx) ?? [])
        rest.push(...page.items);
      expect(rest.map((item) => item.id)).toEqual(items.slice(pages[0]?.items.length).map((item) => item.id));
      for (const item of items) expect(parseEngagement(item).platform).toBe(adapter.platform);
    });

    itIfDeclared('reply', 'replies', async () => {
      const { adapter, simulator } = current();
      const ctx = context();
      const published = await adapter.publish(firstPublishable(), ctx);
      const reply = await adapter.reply?.(published.ref, `Thanks! ${tag}`, ctx);
      expect(reply?.text).toContain(`Thanks! ${tag}`);
      const stored = simulator.posts.filter((post) => post.inReplyToId === published.ref.platformPostId);
      expect(stored.map((post) => post.id)).toContain(reply?.id);
    });

    itIfDeclared('like', 'likes an engagement and takes the like back', async () => {
      const { adapter, simulator, seedEngagements } = current();
      if (seedEngagements === undefined)
        throw new Error('the setup must give seedEngagements when the adapter likes engagement');
      const ctx = context();
      seedEngagements(ctx.account.accountId, 1);
      const [item] = (await collectPages(adapter, ctx, 10)).flatMap((page) => page.items);
      if (item === undefined) throw new Error('seedEngagements gave nothing to like');
      await adapter.like?.(item, true, ctx);
      expect(simulator.engagements.get(item.id)?.liked, 'liked on the platform').toBe(true);
      await adapter.like?.(item, false, ctx);
      expect(simulator.engagements.get(item.id)?.liked, 'unliked on the platform').toBe(false);
    });

    itIfDeclared('search', 'finds public posts that mention the brand, page by page', async () => {
      const { adapter, seedBrandMentions } = current();
      if (seedBrandMentions === undefined)
        throw new Error('the setup must give seedBrandMentions when the adapter declares search');
      const ctx = context();
      const term = `#brand${tag}`;
      seedBrandMentions(term, 12);
      const items: Engagement[] = [];
      let pages = 0;
      for await (const page of adapter.searchMentions?.({ terms: [term], pageSize: 10 }, ctx) ?? []) {
        items.push(...page.items);
        pages += 1;
        if (pages > 100) throw new Error('searchMentions did not stop after 100 pages');
      }
      expect(items).toHaveLength(12);
      expect(new Set(items.map((item) => item.id)).size).toBe(12);
      for (const item of items) {
        const parsed = parseEngagement(item);
        expect(parsed).toMatchObject({
          platform: adapter.platform,
          accountId: ctx.account.accountId,
          kind: 'mention',
        });
        expect(parsed.text.toLowerCase()).toContain(term.toLowerCase());
      }
      const times = items.map((item) => parseEngagement(item).createdAt.getTime());
      expect(times, 'newest first').toEqual([...times].sort((a, b) => b - a));
    });

    itIfDeclared('refreshable', 'refreshes an expired token once and succeeds', async () => {
      const { adapter, simulator, refreshTokens, createAccount } = current();
      if (refreshTokens === undefined)
        throw new Error('the setup must give refreshTokens when auth.refreshable');
      const { account, tokens: issued } = createAccount({ refreshable: true });
      let refreshes = 0;
      const tokens = createRefreshingTokenProvider({
        tokens: { accessToken: issued.accessToken, refreshToken: issued.refreshToken },
        refresh: async (refreshToken) => {
          refreshes += 1;
          return refreshTokens(refreshToken);
        },
        persist: () => {},
      });
      simulator.tokens.expire(issued.accessToken);
      const result = await adapter.publish(firstPublishable(), { account, tokens });
      expect(simulator.posts.get(result.ref.platformPostId)).toBeDefined();
      expect(refreshes).toBe(1);
    });

    it('reports a revoked token as an auth error that is not retryable', async () => {
      const { adapter, simulator, createAccount } = current();
      const { account, tokens } = createAccount({ refreshable: false });
      simulator.tokens.revoke({ accessToken: tokens.accessToken });
      const error = await failureOf(
        adapter.publish(firstPublishable(), { account, tokens: staticTokenProvider(tokens.accessToken) }),
      );
      expect(AuthError.isInstance(error)).toBe(true);
      expect(error.retryable).toBe(false);
    });

    it('reports a 429 as a rate-limit error with the reset time', async () => {
      const { adapter, simulator } = current();
      simulator.faults.inject({ kind: 'rate_limit' });
      const error = await failureOf(adapter.publish(firstPublishable(), context()));
      expect(
        RateLimitError.isInstance(error),
        `${error.name} (${error.code}) instead of a RateLimitError`,
      ).toBe(true);
      expect((error as RateLimitError).resetAt, missingResetAt(adapter.capabilities)).toBeInstanceOf(Date);
      expect(error.retryable).toBe(true);
    });

    it('reports a 5xx on a read as a retryable error', async () => {
      const { adapter, simulator } = current();
      const ctx = context();
      const published = await adapter.publish(firstPublishable(), ctx);
      simulator.faults.inject({ kind: 'server_error' });
      const read = adapter.getPostMetrics
        ? adapter.getPostMetrics([published.ref], ctx)
        : adapter.delete
          ? adapter.delete(published.ref, ctx)
          : collectPages(adapter, ctx, 10);
      const error = await failureOf(read);
      expect(error.retryable).toBe(true);
    });

    registerReconciliationChecks({
      current,
      context,
      firstPublishable,
      textlessPost: () => textless(current().adapter.capabilities, sample),
      itIfDeclared,
      failureOf,
    });

    registerAbortChecks({ current, context, firstPublishable, failureOf });
  });
}

/** Which optional behaviours the adapter declares; `undefined` entries run. */
type Declared = Partial<
  Record<
    | SampleKind
    | 'delete'
    | 'postMetrics'
    | 'accountMetrics'
    | 'engagement'
    | 'reply'
    | 'like'
    | 'search'
    | 'refreshable'
    | ReconciliationBehaviour,
    boolean
  >
>;

/**
 * Calls the setup. A setup that throws gives a rejected promise, so the error fails the tests
 * (in `beforeAll`) instead of their registration; a rejection is only reported there.
 */
function buildSetup(options: ConformanceOptions): ConformanceSetup | Promise<ConformanceSetup> {
  let built: ConformanceSetup | Promise<ConformanceSetup>;
  try {
    built = options.setup();
  } catch (error) {
    built = Promise.reject(error);
  }
  if (built instanceof Promise) built.catch(() => {});
  return built;
}

/** What a setup's adapter declares. Test registration is synchronous: only a synchronous setup can say. */
function declaredBy(setup: ConformanceSetup): Declared {
  const capabilities = setup.adapter.capabilities;
  const declared: Declared = {
    delete: capabilities.delete,
    postMetrics: capabilities.metrics.post.length > 0,
    accountMetrics: capabilities.metrics.account.length > 0,
    engagement: capabilities.engagement.read.length > 0,
    reply: capabilities.engagement.reply,
    like: capabilities.engagement.like,
    search: capabilities.engagement.search !== false,
    refreshable: capabilities.auth.refreshable,
    findRecentPosts: capabilities.reconciliation.findRecentPosts,
    idempotencyKey: capabilities.reconciliation.idempotencyKey,
    duplicateSignal: capabilities.reconciliation.duplicateSignal,
    readAfterWrite: capabilities.reconciliation.readAfterWrite,
  };
  const probe = (kind: SampleKind) => setup.samples?.[kind] ?? samplePost(kind, capabilities, 'probe');
  for (const kind of SAMPLE_KINDS) declared[kind] = probe(kind) !== undefined;
  declared.textlessPost =
    capabilities.reconciliation.findRecentPosts && textless(capabilities, probe) !== undefined;
  return declared;
}

/**
 * Why a 429 came back without its reset time: the HTTP client takes `resetAt` from `Retry-After`,
 * else from the rate-limit headers its `parseRateLimit` reads (docs/errors.md).
 */
function missingResetAt(capabilities: Capabilities): string {
  return capabilities.rateLimits.headers
    ? "the 429's resetAt is missing: capabilities.rateLimits.headers is true but the adapter gave no parseRateLimit (createHttpClient) that reads the reset from the 429's headers"
    : "the 429's resetAt is missing: it had no Retry-After the adapter read, and capabilities.rateLimits.headers is false";
}

/**
 * A media post without text, made from the first media sample, when the platform takes posts
 * without text (`text.required: false`); otherwise `undefined`.
 */
function textless(
  capabilities: Capabilities,
  sample: (kind: SampleKind) => Post | undefined,
): Post | undefined {
  if (capabilities.text.required) return undefined;
  for (const kind of ['image', 'video', 'gif'] as const) {
    const post = sample(kind);
    if (post?.media === undefined || post.media.length === 0) continue;
    const { text: _text, ...withoutText } = post;
    return withoutText;
  }
  return undefined;
}

async function collectPages(adapter: Adapter, ctx: PublishContext, pageSize: number) {
  const pages: { items: readonly Engagement[]; cursor?: string | undefined }[] = [];
  if (adapter.listEngagements === undefined) return pages;
  for await (const page of adapter.listEngagements({ pageSize }, ctx)) {
    pages.push(page);
    if (pages.length > 100) throw new Error('listEngagements did not stop after 100 pages');
  }
  return pages;
}
