import { AbortedError } from '../errors/aborted-error.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import { parseModel } from '../models/parse-model.js';
import type { Post } from '../models/post.js';
import type { Adapter } from './adapter.js';
import { type Capabilities, CapabilitiesSchema } from './capabilities.js';
import { capabilityConsistencyProblems } from './capability-consistency.js';

/** Each optional method and whether the capabilities declare it. */
const OPTIONAL_METHODS: Record<string, (capabilities: Capabilities) => boolean> = {
  delete: (c) => c.delete,
  getPostMetrics: (c) => c.metrics.post.length > 0,
  getAccountMetrics: (c) => c.metrics.account.length > 0,
  listEngagements: (c) => c.engagement.read.length > 0,
  reply: (c) => c.engagement.reply,
  hide: (c) => c.engagement.hide,
  deleteEngagement: (c) => c.engagement.delete,
  findRecentPosts: (c) => c.reconciliation.findRecentPosts,
  webhooks: (c) => c.webhooks,
};

/**
 * Checks an adapter and returns it ready for use:
 * - its capabilities must parse (strictly: a misspelt key fails);
 * - the capabilities must not contradict themselves (a minimum above its maximum, a media set
 *   using a kind without rules or an unlisted format);
 * - the optional methods present must be exactly those the capabilities declare;
 * - `publish` refuses an invalid post with a {@link ValidationError} listing every problem, and
 *   an already-aborted signal with an {@link AbortedError}, before the adapter sends anything.
 *
 * Throws a `ValidationError` describing every mismatch, so adapter authors see them all at once.
 *
 * @example
 * ```ts
 * export function createMastodonAdapter(settings: MastodonSettings): Adapter {
 *   return defineAdapter({ platform: 'mastodon', capabilities, validate, publish, delete: remove });
 * }
 * ```
 */
export function defineAdapter<A extends Adapter>(adapter: A): A {
  const subject = `adapter "${adapter.platform}"`;
  const capabilities = parseModel(CapabilitiesSchema, adapter.capabilities, `capabilities of ${subject}`);
  const problems: ValidationProblem[] = capabilityConsistencyProblems(capabilities).map((problem) => ({
    ...problem,
    path: ['capabilities', ...problem.path],
  }));
  for (const [method, declared] of Object.entries(OPTIONAL_METHODS)) {
    const present = (adapter as Record<string, unknown>)[method] !== undefined;
    if (present !== declared(capabilities)) {
      problems.push({
        path: [method],
        rule: 'adapter.capability_mismatch',
        message: present
          ? `${method} is implemented but the capabilities do not declare it`
          : `the capabilities declare ${method} but the adapter does not implement it`,
      });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems, subject, { platform: adapter.platform });

  const publish: Adapter['publish'] = async (post, context) => {
    assertPublishable(adapter, post);
    if (context.signal?.aborted) {
      throw new AbortedError('publish was aborted before it started.', {
        platform: adapter.platform,
        cause: context.signal.reason,
      });
    }
    return adapter.publish(post, context);
  };
  // Copy every member, methods bound to the adapter, so class-based adapters keep their
  // prototype methods and adapters keep members of their own beyond the contract.
  const defined: Record<string, unknown> = {};
  for (const name of memberNames(adapter)) {
    const value = (adapter as Record<string, unknown>)[name];
    if (value !== undefined) defined[name] = typeof value === 'function' ? value.bind(adapter) : value;
  }
  return Object.assign(defined, { capabilities, publish }) as unknown as A;
}

/** The names of an object's own members and of its class's methods (not `Object.prototype`'s). */
function memberNames(value: object): Set<string> {
  const names = new Set<string>();
  for (let level: object | null = value; level !== null && level !== Object.prototype; ) {
    for (const name of Object.getOwnPropertyNames(level)) if (name !== 'constructor') names.add(name);
    level = Object.getPrototypeOf(level) as object | null;
  }
  return names;
}

/**
 * Throws a {@link ValidationError} with every problem `adapter.validate` finds in `post`.
 *
 * @example
 * ```ts
 * assertPublishable(adapter, { text: 'Hello' }); // throws when the platform needs media
 * ```
 */
export function assertPublishable(adapter: Adapter, post: Post): void {
  const problems = adapter.validate(post);
  if (problems.length > 0) {
    throw new ValidationError(problems, `post for ${adapter.platform}`, { platform: adapter.platform });
  }
}
