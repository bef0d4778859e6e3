/**
 * A tiny TikTok-like platform for the publisher benches: a simulator on testkit's
 * PlatformSimulator that enforces sliding-window budgets and sends NO rate-limit headers, and an
 * adapter (defineAdapter + createHttpClient) that declares the same budgets in its capabilities.
 * The publisher can only stay under the limit by counting its own sends against the declared
 * budgets. Posts are text-only; `GET /v2/posts` lists an account's recent posts, for reconciling,
 * and is read-after-write (it lists a post as soon as its create is answered).
 */
import type { Adapter, Capabilities } from '@smmkit/core';
import type { RecentPost } from '@smmkit/core/adapter-kit';
import { checkPostRules, createHttpClient, defineAdapter } from '@smmkit/core/adapter-kit';
import { type ManualClock, PlatformSimulator } from '@smmkit/testkit';
import { bearerToken, type PlatformDialect, type RateBudgetRule } from '@smmkit/testkit/simulator-kit';
import * as z from 'zod/mini';

const CreatedSchema = z.object({ data: z.object({ id: z.string(), created_at: z.number() }) });
const ListSchema = z.object({
  data: z.array(z.object({ id: z.string(), text: z.string(), created_at: z.number() })),
});

export const HEADERLESS_PLATFORM = 'tiktokish';
const BASE_URL = 'https://open.tiktokish.test';

/**
 * Budgets of the platform, per account: enforced by the simulator and declared by the adapter alike.
 * A type, not an interface, so it can be handed to the simulator as its budgets record as is.
 */
export type HeaderlessBudgets = {
  readonly publish: RateBudgetRule;
  readonly list: RateBudgetRule;
};

const error = (status: number, code: string): Response =>
  Response.json({ error: { code, message: code } }, { status });

const dialect: PlatformDialect = {
  extractToken: bearerToken,
  unauthorized: (reason) =>
    error(
      401,
      reason === 'expired'
        ? 'access_token_expired'
        : reason === 'revoked'
          ? 'access_token_revoked'
          : 'access_token_invalid',
    ),
  rateLimited: () => error(429, 'rate_limit_exceeded'),
  serverError: () => error(500, 'internal_error'),
  // No rateLimitHeaders: the platform never says how much is left.
};

/** The simulator. */
export function createHeaderlessSimulator(clock: ManualClock, budgets: HeaderlessBudgets): PlatformSimulator {
  const sim = new PlatformSimulator({
    platform: HEADERLESS_PLATFORM,
    baseUrl: BASE_URL,
    dialect,
    clock,
    budgets,
  });
  sim.route('POST', '/v2/post/publish', { bucket: 'publish' }, async ({ request, accountId, now }) => {
    const body = (await request.json()) as { text?: unknown };
    if (typeof body.text !== 'string' || body.text === '') return error(400, 'invalid_params');
    const post = sim.addPost({ accountId, text: body.text, createdAt: now });
    return Response.json({ data: { id: post.id, created_at: post.createdAt } }, { status: 201 });
  });
  sim.route('GET', '/v2/posts', { bucket: 'list' }, ({ url, accountId }) => {
    const since = Number(url.searchParams.get('since') ?? '0');
    const text = url.searchParams.get('text');
    const posts = sim.posts
      .filter(
        (post) =>
          post.accountId === accountId && post.createdAt >= since && (text === null || post.text === text),
      )
      .reverse()
      .slice(0, 20);
    return Response.json({
      data: posts.map((post) => ({ id: post.id, text: post.text, created_at: post.createdAt })),
    });
  });
  return sim;
}

const asRule = (bucket: string, rule: RateBudgetRule): Capabilities['rateLimits']['budgets'][number] => ({
  bucket,
  limit: rule.limit,
  windowSec: rule.windowMs / 1000,
  scope: 'user',
  resets: rule.kind === 'sliding' ? 'rolling' : 'fixed',
});

/** The adapter, declaring the simulator's budgets (and no headers). */
export function createHeaderlessAdapter(options: {
  readonly budgets: HeaderlessBudgets;
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly timeoutMs?: number | undefined;
}): Adapter {
  const capabilities: Capabilities = {
    text: { maxLength: 2200, counting: 'code_points', required: true },
    media: { required: false, kinds: {}, sets: [], sources: ['url'] },
    formats: ['feed'],
    threads: false,
    polls: false,
    firstComment: false,
    links: 'in_text',
    nativeScheduling: false,
    privacy: false,
    delete: false,
    metrics: { post: [], account: [] },
    engagement: { read: [], reply: false, hide: false, delete: false, like: false, search: false },
    webhooks: false,
    reconciliation: {
      idempotencyKey: false,
      findRecentPosts: true,
      duplicateSignal: false,
      // `GET /v2/posts` reads the store that `POST /v2/post/publish` wrote to, so two empty looks
      // prove a lost create never took effect and the publisher may send it again. (The real
      // TikTok adapter cannot say this: its list shows a video only after processing.)
      readAfterWrite: true,
    },
    auth: { flavour: 'token', refreshable: false, refreshTokenRotates: false },
    rateLimits: {
      headers: false,
      budgets: [asRule('publish', options.budgets.publish), asRule('list', options.budgets.list)],
      operations: { publish: ['publish'], findRecentPosts: ['list'] },
    },
  };
  const http = createHttpClient({
    platform: HEADERLESS_PLATFORM,
    baseUrl: BASE_URL,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
  });
  const toPostRef = (accountId: string, id: string) => ({
    platform: HEADERLESS_PLATFORM,
    accountId,
    platformPostId: id,
  });
  return defineAdapter({
    platform: HEADERLESS_PLATFORM,
    capabilities,
    validate: (post) => checkPostRules(post, capabilities, { platformName: 'TikTok-ish' }),
    async publish({ post }, context) {
      const { data } = await http.request({
        method: 'POST',
        path: '/v2/post/publish',
        operation: 'create post',
        json: { text: post.text },
        schema: CreatedSchema,
        context,
        createsResource: true,
      });
      return {
        ref: toPostRef(context.account.accountId, data.data.id),
        publishedAt: new Date(data.data.created_at),
        warnings: [],
      };
    },
    async findRecentPosts(query, context): Promise<readonly RecentPost[]> {
      const { data } = await http.request({
        method: 'GET',
        path: '/v2/posts',
        operation: 'list recent posts',
        searchParams: { since: query.since.getTime(), text: query.text },
        schema: ListSchema,
        context,
      });
      return data.data.map((item) => ({
        ref: toPostRef(context.account.accountId, item.id),
        text: item.text,
        createdAt: new Date(item.created_at),
      }));
    },
  });
}
