import type { RateLimitInfo } from '../models/rate-limit-info.js';
import type { ErrorCode } from './error-code.js';

/**
 * Marks smmkit errors with the kinds they are, under a registry-wide symbol, so that
 * `isInstance` recognises an error made by another installed copy of `@smmkit/core`
 * (where `instanceof` fails because the classes differ).
 */
const KINDS = Symbol.for('@smmkit/core/error-kinds');

/** What the platform itself said about a failure, kept verbatim for support tickets and logs. */
export interface PlatformErrorDetails {
  /** The platform's own error code (X problem `type`, Graph `code`, TikTok `error.code`, …). */
  readonly code?: string | number;
  /** The platform's sub-code where it has one (Graph `error_subcode`). */
  readonly subcode?: string | number;
  /** The platform's own message. */
  readonly message?: string;
  /** The platform's error type or title (Graph `type`, problem-JSON `title`). */
  readonly type?: string;
  /** The platform's request trace id (Graph `fbtrace_id`, TikTok `log_id`), for support requests. */
  readonly traceId?: string;
}

/** Options every smmkit error accepts. */
export interface SmmkitErrorOptions {
  /** Platform id the failure came from (`x`, `instagram`, …), when it came from one. */
  readonly platform?: string | undefined;
  /** HTTP status of the platform response, when there was one. */
  readonly status?: number | undefined;
  /** Rate-limit state the platform reported with the failure. */
  readonly rateLimit?: RateLimitInfo | undefined;
  /** What the platform itself said. */
  readonly platformError?: PlatformErrorDetails | undefined;
  /** What the caller can do about it; each class has a sensible default. */
  readonly hint?: string | undefined;
  /** The underlying error. Never pass an object that holds a token (ky's HTTPError holds the request). */
  readonly cause?: unknown;
}

/**
 * The base of every error smmkit raises. Match on {@link SmmkitError.code} (stable) and use
 * `SomeError.isInstance(error)` rather than `instanceof`, which fails across duplicate installs.
 *
 * Errors never carry tokens or secrets: not in the message, not in a property, not in `cause`
 * as it prints. The one exception is an error your own code threw (a token provider or store,
 * the publisher's `tokens` option): it is kept as `cause` for you to read, non-enumerable and
 * left out of `util.inspect`, and its message is never copied into smmkit's.
 *
 * @example
 * ```ts
 * try {
 *   await adapter.publish(post, ctx);
 * } catch (error) {
 *   if (RateLimitError.isInstance(error)) console.log('try again at', error.resetAt);
 *   else if (SmmkitError.isInstance(error)) console.log(error.code, error.hint);
 * }
 * ```
 */
export class SmmkitError extends Error {
  /** The kind name `isInstance` checks for; each subclass sets its own. */
  static readonly kind: string = 'SmmkitError';

  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Whether trying the same call again later can succeed. */
  readonly retryable: boolean;
  /** Platform id the failure came from, when it came from one. */
  readonly platform: string | undefined;
  /** HTTP status of the platform response, when there was one. */
  readonly status: number | undefined;
  /** Rate-limit state reported with the failure. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** What the platform itself said. */
  readonly platformError: PlatformErrorDetails | undefined;
  /** What the caller can do about it. */
  readonly hint: string;

  /**
   * @param code - stable code, see {@link ErrorCode}
   * @param message - what happened, in one sentence; never include a token
   * @param retryable - whether trying again later can succeed
   * @param options - context; see {@link SmmkitErrorOptions}
   */
  constructor(code: ErrorCode, message: string, retryable: boolean, options: SmmkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.kind;
    this.code = code;
    this.retryable = retryable;
    this.platform = options.platform;
    this.status = options.status;
    this.rateLimit = options.rateLimit;
    this.platformError = options.platformError;
    this.hint = options.hint ?? 'See the error code in the smmkit docs.';
    Object.defineProperty(this, KINDS, { value: kindsOf(new.target), enumerable: false });
  }

  /**
   * True when `value` is an error of this class (or a subclass) from any installed copy of
   * `@smmkit/core`.
   */
  static isInstance<T extends abstract new (...args: never[]) => SmmkitError>(
    this: T & { readonly kind: string },
    value: unknown,
  ): value is InstanceType<T> {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    // `this` is the class isInstance was called on (RateLimitError.isInstance), on purpose.
    // biome-ignore lint/complexity/noThisInStatic: polymorphic static, see above
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }

  /** A plain, secret-free description for logs and JSON APIs. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      platform: this.platform,
      status: this.status,
      rateLimit: this.rateLimit,
      platformError: this.platformError,
      hint: this.hint,
    };
  }
}

/**
 * The kind names of a class and all its smmkit ancestors, most specific first. A subclass that
 * declares no `kind` of its own (a user's `class MyError extends PlatformError {}`) is still
 * recognised by its ancestors' `isInstance`.
 */
function kindsOf(ctor: { readonly kind: string }): readonly string[] {
  const kinds: string[] = [];
  let current: unknown = ctor;
  while (typeof current === 'function' && 'kind' in current) {
    if (Object.hasOwn(current, 'kind')) kinds.push((current as unknown as { kind: string }).kind);
    current = Object.getPrototypeOf(current);
  }
  return Object.freeze(kinds);
}
