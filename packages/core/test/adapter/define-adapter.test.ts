import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { Adapter, CheckedPost, EngagementPage } from '../../src/adapter/adapter.js';
import { type Capabilities, CapabilitiesSchema } from '../../src/adapter/capabilities.js';
import { checkPostRules } from '../../src/adapter/check-post-rules.js';
import type { PublishContext } from '../../src/adapter/context.js';
import { type AdapterDefinition, defineAdapter } from '../../src/adapter/define-adapter.js';
import { AbortedError } from '../../src/errors/aborted-error.js';
import { SmmkitError } from '../../src/errors/smmkit-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { Post } from '../../src/models/post.js';
import type { PublishResult } from '../../src/models/publish-result.js';
import {
  fakeAdapter,
  fakeCapabilities,
  fakeDefinition,
  fakePublishResult,
  instagramLikeCapabilities,
  xLikeCapabilities,
} from '../fixtures/capabilities.js';

const context: PublishContext = {
  account: { platform: 'fake', accountId: 'acct-1' },
  tokens: { getAccessToken: () => Promise.resolve('test-token') },
};

/** Runs `fn` and returns what it throws. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function validationErrorOf(fn: () => unknown): ValidationError {
  const error = thrownBy(fn);
  if (ValidationError.isInstance(error)) return error;
  throw error;
}

describe('defineAdapter: capabilities', () => {
  it('accepts the X-like and Instagram-like fixture capabilities as written', () => {
    expect(CapabilitiesSchema.safeParse(xLikeCapabilities)).toMatchObject({ success: true });
    expect(CapabilitiesSchema.safeParse(instagramLikeCapabilities)).toMatchObject({ success: true });
  });

  it('returns a usable adapter when every declared operation is implemented', async () => {
    const remove = vi.fn<NonNullable<Adapter['delete']>>(() => Promise.resolve());
    const publish = vi.fn<AdapterDefinition<unknown>['publish']>(() => Promise.resolve(fakePublishResult));
    const listEngagements = vi.fn<NonNullable<Adapter['listEngagements']>>(
      async function* (): AsyncIterable<EngagementPage> {
        yield { items: [] };
      },
    );
    const adapter = defineAdapter({
      platform: 'x',
      capabilities: xLikeCapabilities,
      validate: (post: Post) =>
        checkPostRules(post, xLikeCapabilities, { platformName: 'X', countText: (t) => t.length }),
      publish,
      delete: remove,
      getPostMetrics: () => Promise.resolve([]),
      listEngagements,
      reply: vi.fn(),
      hide: vi.fn(),
      findRecentPosts: () => Promise.resolve([]),
    });

    expect(adapter.platform).toBe('x');
    expect(adapter.capabilities).toEqual(xLikeCapabilities);
    const ref = { platform: 'x', accountId: 'a', platformPostId: 'p1' };
    await adapter.delete?.(ref, context);
    expect(remove).toHaveBeenCalledWith(ref, context);
    adapter.listEngagements?.({}, context);
    expect(listEngagements).toHaveBeenCalledWith({}, context);
    expect(adapter.validate({ text: 'Hello' })).toEqual([]);
    await expect(adapter.publish({ text: 'Hello' }, context)).resolves.toBe(fakePublishResult);
    expect(publish).toHaveBeenCalledTimes(1);
  });

  it('reports a misspelt key and a wrongly typed value together in one ValidationError with paths', () => {
    const { maxLength, ...text } = fakeCapabilities.text;
    const broken: unknown = { ...fakeCapabilities, text: { ...text, maxLenght: maxLength }, delete: 'yes' };
    const error = validationErrorOf(() =>
      defineAdapter(fakeDefinition({ capabilities: broken as Capabilities })),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.problems).toEqual([
      {
        path: ['text', 'maxLength'],
        rule: 'schema.invalid_type',
        message: 'is required (expected a number)',
      },
      { path: ['text'], rule: 'schema.unrecognized_keys', message: 'unknown key: maxLenght' },
      { path: ['delete'], rule: 'schema.invalid_type', message: 'expected a boolean, got string' },
    ]);
    expect(error.message).toContain('Invalid capabilities of adapter "fake" (3 problems)');
    expect(error.message).toContain('text: unknown key: maxLenght');
  });

  it('refuses an unknown media kind and an unknown metric name', () => {
    const broken: unknown = {
      ...fakeCapabilities,
      media: { ...fakeCapabilities.media, kinds: { sticker: { mimeTypes: ['image/webp'] } } },
      metrics: { post: ['likez'], account: [] },
    };
    const error = validationErrorOf(() =>
      defineAdapter(fakeDefinition({ capabilities: broken as Capabilities })),
    );
    expect(error.problems.map((p) => [p.rule, p.path])).toEqual([
      ['schema.unrecognized_keys', ['media', 'kinds']],
      ['schema.invalid_value', ['metrics', 'post', 0]],
    ]);
    expect(error.problems[0]?.message).toBe('unknown key: sticker');
  });
});

describe('defineAdapter: optional operations match the capabilities', () => {
  it('reports a declared but missing delete and an implemented but undeclared reply, both at once', () => {
    const adapter = fakeDefinition({ capabilities: { ...fakeCapabilities, delete: true }, reply: vi.fn() });
    const error = validationErrorOf(() => defineAdapter(adapter));
    expect(error.platform).toBe('fake');
    expect(error.problems).toEqual([
      {
        path: ['delete'],
        rule: 'adapter.capability_mismatch',
        message: 'the capabilities declare delete but the adapter does not implement it',
      },
      {
        path: ['reply'],
        rule: 'adapter.capability_mismatch',
        message: 'reply is implemented but the capabilities do not declare it',
      },
    ]);
    expect(error.message).toContain('Invalid adapter "fake" (2 problems)');
  });

  it.each<[string, Capabilities]>([
    ['delete', { ...fakeCapabilities, delete: true }],
    ['getPostMetrics', { ...fakeCapabilities, metrics: { post: ['likes'], account: [] } }],
    ['getAccountMetrics', { ...fakeCapabilities, metrics: { post: [], account: ['followers'] } }],
    [
      'listEngagements',
      { ...fakeCapabilities, engagement: { ...fakeCapabilities.engagement, read: ['comment'] } },
    ],
    ['reply', { ...fakeCapabilities, engagement: { ...fakeCapabilities.engagement, reply: true } }],
    ['hide', { ...fakeCapabilities, engagement: { ...fakeCapabilities.engagement, hide: true } }],
    [
      'deleteEngagement',
      { ...fakeCapabilities, engagement: { ...fakeCapabilities.engagement, delete: true } },
    ],
    [
      'findRecentPosts',
      { ...fakeCapabilities, reconciliation: { ...fakeCapabilities.reconciliation, findRecentPosts: true } },
    ],
    ['webhooks', { ...fakeCapabilities, webhooks: true }],
  ])('reports %s declared in the capabilities but not implemented', (method, capabilities) => {
    const error = validationErrorOf(() => defineAdapter(fakeDefinition({ capabilities })));
    expect(error.problems).toEqual([
      {
        path: [method],
        rule: 'adapter.capability_mismatch',
        message: `the capabilities declare ${method} but the adapter does not implement it`,
      },
    ]);
  });
});

describe('defineAdapter: publish guard', () => {
  it("throws a ValidationError for an invalid post and never calls the adapter's publish", async () => {
    const publish = vi.fn<AdapterDefinition<unknown>['publish']>(() => Promise.resolve(fakePublishResult));
    const adapter = defineAdapter(fakeDefinition({ publish }));
    const failure: unknown = await adapter.publish({ text: '   ' }, context).catch((error: unknown) => error);
    expect(ValidationError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({
      code: 'validation_failed',
      platform: 'fake',
      problems: [{ path: [], rule: 'post.empty' }],
    });
    expect(publish).not.toHaveBeenCalled();
  });

  it("throws an AbortedError for an already-aborted signal and never calls the adapter's publish", async () => {
    const publish = vi.fn<AdapterDefinition<unknown>['publish']>(() => Promise.resolve(fakePublishResult));
    const adapter = defineAdapter(fakeDefinition({ publish }));
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    controller.abort(reason);
    const failure: unknown = await adapter
      .publish({ text: 'Hello' }, { ...context, signal: controller.signal })
      .catch((error: unknown) => error);
    expect(AbortedError.isInstance(failure)).toBe(true);
    expect(SmmkitError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'aborted', platform: 'fake', cause: reason });
    expect(publish).not.toHaveBeenCalled();
  });

  it("passes a valid post and the context through to the adapter's publish and returns its result", async () => {
    const result: PublishResult = {
      ...fakePublishResult,
      warnings: [{ code: 'platform_partial_error', message: 'x' }],
    };
    const publish = vi.fn<AdapterDefinition<unknown>['publish']>(() => Promise.resolve(result));
    const adapter = defineAdapter(fakeDefinition({ publish }));
    const post: Post = { text: 'Hello' };
    const withSignal: PublishContext = { ...context, signal: new AbortController().signal };
    await expect(adapter.publish(post, withSignal)).resolves.toBe(result);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith({ platform: 'fake', post, options: {} }, withSignal);
    expect(publish.mock.calls[0]?.[0].post).toBe(post);
    expect(publish.mock.calls[0]?.[1]).toBe(withSignal);
  });

  it("lets the adapter's own publish failure through unchanged", async () => {
    const failure = new Error('platform down');
    const adapter = defineAdapter(fakeDefinition({ publish: () => Promise.reject(failure) }));
    await expect(adapter.publish({ text: 'Hello' }, context)).rejects.toBe(failure);
  });
});

describe('defineAdapter: one check per post', () => {
  const optionsSchema = z.strictObject({ tone: z._default(z.enum(['calm', 'loud']), 'calm') });
  /** A definition that counts its validate calls and records what publish received. */
  function counted() {
    const validate = vi.fn((post: Post, options: { tone: 'calm' | 'loud' }) => [
      ...checkPostRules(post, fakeCapabilities, { platformName: 'Fake' }),
      ...(options.tone === 'loud' && post.text?.endsWith('!') !== true
        ? [{ path: ['text'], rule: 'fake.loud_needs_bang', message: 'a loud post ends with !' }]
        : []),
    ]);
    const publish = vi.fn(async (_checked: CheckedPost<{ tone: 'calm' | 'loud' }>) => fakePublishResult);
    const adapter = defineAdapter({ ...fakeDefinition(), postOptions: optionsSchema, validate, publish });
    return { adapter, validate, publish };
  }

  it('publishes a post from check without checking it again, with its options parsed', async () => {
    const { adapter, validate, publish } = counted();
    const post: Post = { text: 'Hello!', options: { fake: { tone: 'loud' } } };
    const check = adapter.check(post);
    if (!check.ok) throw new Error('expected the post to pass');
    await adapter.publish(check.checked, context);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(publish.mock.calls[0]?.[0]).toEqual({ platform: 'fake', post, options: { tone: 'loud' } });
  });

  it('checks a plain post once on publish and hands the options with their defaults applied', async () => {
    const { adapter, validate, publish } = counted();
    await adapter.publish({ text: 'Hello' }, context);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(publish.mock.calls[0]?.[0].options).toEqual({ tone: 'calm' });
  });

  it('checks again a look-alike of a checked post that this adapter did not make', async () => {
    const { adapter, validate, publish } = counted();
    const forged = { platform: 'fake', post: { text: '   ' }, options: { tone: 'calm' } };
    const failure: unknown = await adapter
      .publish(forged as unknown as CheckedPost, context)
      .catch((error: unknown) => error);
    expect(ValidationError.isInstance(failure)).toBe(true);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(publish).not.toHaveBeenCalled();
  });

  it('reports bad options at their path in the post and still runs the platform rules on the defaults', () => {
    const { adapter } = counted();
    const check = adapter.check({ text: 'a'.repeat(501), options: { fake: { tone: 'shouty' } } });
    expect(check.ok).toBe(false);
    const rules = check.ok ? [] : check.problems.map((p) => `${p.path.join('.')} ${p.rule}`);
    expect(rules).toEqual(['text text.max_length', 'options.fake.tone schema.invalid_value']);
    expect(adapter.validate({ text: 'Hi', options: { fake: { tone: 'loud' } } })).toEqual([
      { path: ['text'], rule: 'fake.loud_needs_bang', message: 'a loud post ends with !' },
    ]);
  });

  it("returns every problem of the adapter's rules from validate and an empty list for a valid post", () => {
    const adapter: Adapter = fakeAdapter();
    expect(adapter.validate({ text: 'Hello' })).toEqual([]);
    expect(adapter.validate({ text: 'a'.repeat(501), firstComment: 'c' }).map((p) => p.rule)).toEqual([
      'text.max_length',
      'first_comment.unsupported',
    ]);
  });
});

describe('defineAdapter with class-based adapters and inconsistent capabilities', () => {
  it('keeps prototype methods of a class-based adapter, bound to the instance', async () => {
    class ClassAdapter {
      readonly platform = 'fake';
      readonly capabilities = { ...fakeCapabilities, delete: true };
      deleted: string[] = [];
      validate() {
        return [];
      }
      async publish() {
        return fakePublishResult;
      }
      async delete(ref: { platformPostId: string }) {
        this.deleted.push(ref.platformPostId);
      }
    }
    const instance = new ClassAdapter();
    const adapter = defineAdapter(instance as unknown as Adapter);
    expect(adapter.validate({ text: 'hi' })).toEqual([]);
    await adapter.delete?.(
      { platform: 'fake', accountId: 'a', platformPostId: 'p1' },
      { account: { platform: 'fake', accountId: 'a' }, tokens: { getAccessToken: async () => 't' } },
    );
    expect(instance.deleted).toEqual(['p1']);
  });

  it("keeps an adapter's own members beyond the contract (Instagram's resolveMention)", async () => {
    const extra = { ...fakeAdapter(), resolveMention: async (id: string) => `resolved ${id}` };
    const adapter = defineAdapter(extra);
    expect(await adapter.resolveMention('m1')).toBe('resolved m1');
  });

  it('reports capabilities that contradict themselves, all at once', () => {
    const capabilities = {
      ...fakeCapabilities,
      media: {
        ...fakeCapabilities.media,
        sets: [
          { kinds: ['video' as const], min: 3, max: 1 },
          { format: 'story' as const, kinds: ['image' as const], min: 1, max: 1 },
        ],
      },
    };
    let error: unknown;
    try {
      defineAdapter(fakeDefinition({ capabilities }));
    } catch (caught) {
      error = caught;
    }
    expect(ValidationError.isInstance(error)).toBe(true);
    const rules = (error as ValidationError).problems.map((p) => `${p.path.join('.')} ${p.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        'capabilities.media.sets.0 capabilities.range',
        'capabilities.media.sets.0.kinds capabilities.unknown_kind',
        'capabilities.media.sets.1.format capabilities.unknown_format',
      ]),
    );
  });
});
