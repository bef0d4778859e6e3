import type * as z from 'zod/mini';
import { AbortedError } from '../errors/aborted-error.js';
import { ValidationError, type ValidationProblem } from '../errors/validation-error.js';
import type { Post } from '../models/post.js';
import type { PublishResult } from '../models/publish-result.js';
import { parseModel, safeParseModel } from '../parse/parse-model.js';
import type { Adapter, AdapterOperations, CheckedPost, PostCheck } from './adapter.js';
import { type Capabilities, CapabilitiesSchema } from './capabilities.js';
import { capabilityConsistencyProblems } from './capability-consistency.js';
import type { PublishContext } from './context.js';

/**
 * What an adapter author writes: the platform, its capabilities, how a post is checked and
 * published, and the optional operations the capabilities declare. {@link defineAdapter} turns
 * it into an {@link Adapter}.
 *
 * @typeParam O - the adapter's parsed post options (`post.options[platform]`)
 */
export interface AdapterDefinition<O = Record<string, never>> extends AdapterOperations {
  /** Platform id (`x`, `instagram`, `mastodon`); also the key of the post's options. */
  readonly platform: string;
  /** What the adapter can do and the rules it enforces. */
  readonly capabilities: Capabilities;
  /**
   * The schema of `post.options[platform]` (strict, so a misspelt option is a problem). Missing
   * options are read as `{}`, so its defaults apply. Without it the adapter takes no options.
   */
  readonly postOptions?: z.ZodMiniType<O> | undefined;
  /**
   * The platform's rules, with no I/O: usually `checkPostRules` against the capabilities plus the
   * platform's own. Gets the parsed options; when they are invalid their problems are reported
   * and this runs with the options' defaults, so every problem is found at once.
   */
  validate(post: Post, options: O): readonly ValidationProblem[];
  /** The platform flow for a post that passed the checks, with its options parsed. */
  publish(checked: CheckedPost<O>, context: PublishContext): Promise<PublishResult>;
}

/** The adapter {@link defineAdapter} returns: the contract plus every member of the definition. */
export type DefinedAdapter<D> = Adapter & Omit<D, 'validate' | 'publish' | 'postOptions'>;

/** Each optional method and whether the capabilities declare it. */
const OPTIONAL_METHODS: Record<keyof AdapterOperations, (capabilities: Capabilities) => boolean> = {
  delete: (c) => c.delete,
  getPostMetrics: (c) => c.metrics.post.length > 0,
  getAccountMetrics: (c) => c.metrics.account.length > 0,
  listEngagements: (c) => c.engagement.read.length > 0,
  reply: (c) => c.engagement.reply,
  hide: (c) => c.engagement.hide,
  deleteEngagement: (c) => c.engagement.delete,
  like: (c) => c.engagement.like,
  searchMentions: (c) => c.engagement.search !== false,
  lookupPublicAccount: (c) => c.research?.publicAccounts === true,
  getAudience: (c) => (c.research?.audience.length ?? 0) > 0,
  findRecentPosts: (c) => c.reconciliation.findRecentPosts,
  webhooks: (c) => c.webhooks,
};

/**
 * Checks an adapter definition and returns the adapter, ready for use:
 * - its capabilities must parse (strictly: a misspelt key fails) and not contradict themselves
 *   (a minimum above its maximum, a media set using a kind without rules or an unlisted format);
 * - the optional methods present must be exactly those the capabilities declare;
 * - `validate`, `check` and `publish` share one check of a post: its options are parsed with
 *   `postOptions` once, the definition's `validate` runs once, and `publish` hands the
 *   definition the parsed options. A post from `check` is published without a second check; a
 *   plain post is checked first and refused with a {@link ValidationError} listing every
 *   problem, and an already-aborted signal with an {@link AbortedError}, before anything is sent.
 *
 * Throws a `ValidationError` describing every mismatch, so adapter authors see them all at once.
 *
 * @example
 * ```ts
 * export function createMastodonAdapter(settings: MastodonSettings) {
 *   return defineAdapter({
 *     platform: 'mastodon',
 *     capabilities,
 *     postOptions: MastodonPostOptionsSchema,
 *     validate: (post, options) => validateMastodonPost(post, options, capabilities),
 *     publish: (checked, context) => publishToMastodon(http, checked, context),
 *     delete: (ref, context) => deleteStatus(http, ref, context),
 *   });
 * }
 * ```
 */
export function defineAdapter<O, D extends AdapterDefinition<O>>(
  definition: D & AdapterDefinition<O>,
): DefinedAdapter<D> {
  const { platform } = definition;
  const subject = `adapter "${platform}"`;
  const capabilities = parseModel(CapabilitiesSchema, definition.capabilities, `capabilities of ${subject}`);
  const problems: ValidationProblem[] = capabilityConsistencyProblems(capabilities).map((problem) => ({
    ...problem,
    path: ['capabilities', ...problem.path],
  }));
  for (const [method, declared] of Object.entries(OPTIONAL_METHODS)) {
    const present = (definition as unknown as Record<string, unknown>)[method] !== undefined;
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
  if (problems.length > 0) throw new ValidationError(problems, subject, { platform });

  // Posts this adapter checked and accepted: `publish` trusts these and only these.
  const accepted = new WeakSet<CheckedPost>();
  const check = (post: Post): PostCheck => {
    const { options, problems: optionProblems } = readOptions(definition, post);
    const found = [
      ...(options === undefined ? [] : definition.validate.call(definition, post, options)),
      ...optionProblems,
    ];
    if (found.length > 0 || options === undefined) return { ok: false, problems: found };
    const checked: CheckedPost<O> = Object.freeze({ platform, post, options });
    accepted.add(checked);
    return { ok: true, checked };
  };
  const publish = async (input: Post | CheckedPost, context: PublishContext): Promise<PublishResult> => {
    let checked: CheckedPost;
    if (accepted.has(input as CheckedPost)) checked = input as CheckedPost;
    else {
      const result = check(input as Post);
      if (!result.ok) throw new ValidationError(result.problems, `post for ${platform}`, { platform });
      checked = result.checked;
    }
    if (context.signal?.aborted) {
      throw new AbortedError('publish was aborted before it started.', {
        platform,
        cause: context.signal.reason,
      });
    }
    return definition.publish.call(definition, checked as CheckedPost<O>, context);
  };
  const validate = (post: Post): readonly ValidationProblem[] => {
    const result = check(post);
    return result.ok ? [] : result.problems;
  };

  // Copy every member, methods bound to the definition, so class-based adapters keep their
  // prototype methods and adapters keep members of their own beyond the contract.
  const defined: Record<string, unknown> = {};
  for (const name of memberNames(definition)) {
    if (name === 'postOptions') continue;
    const value = (definition as unknown as Record<string, unknown>)[name];
    if (value !== undefined) defined[name] = typeof value === 'function' ? value.bind(definition) : value;
  }
  return Object.assign(defined, { capabilities, validate, check, publish }) as unknown as DefinedAdapter<D>;
}

/**
 * The post's options for the definition's platform, parsed, with their problems at
 * `['options', platform, …]`. When they are invalid, `options` falls back to the schema's
 * defaults (the options of `{}`) so the platform rules still run; it is `undefined` only when even
 * `{}` does not parse.
 */
function readOptions<O>(
  definition: AdapterDefinition<O>,
  post: Post,
): { readonly options: O | undefined; readonly problems: readonly ValidationProblem[] } {
  const schema = definition.postOptions;
  if (schema === undefined) return { options: {} as O, problems: [] };
  const given = post.options?.[definition.platform];
  const read = safeParseModel(schema, given ?? {});
  if (read.success) return { options: read.data, problems: [] };
  const problems = read.problems.map((problem) => ({
    ...problem,
    path: ['options', definition.platform, ...problem.path],
  }));
  const defaults = given === undefined ? read : safeParseModel(schema, {});
  return { options: defaults.success ? defaults.data : undefined, problems };
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
