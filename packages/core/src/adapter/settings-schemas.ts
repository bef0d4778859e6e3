import * as z from 'zod/mini';
import { isHttpUrl } from '../models/http-url.js';
import type { ProblemParams } from '../parse/parse-model.js';

/**
 * The settings every adapter takes for its HTTP client: a `fetch` and a request timeout. Extend
 * it in the adapter's settings (and `Required<HttpSettings>` in the resolved ones, where
 * `undefined` leaves the HTTP client's default); check them with {@link fetchSetting} and
 * {@link positiveIntegerSetting}.
 *
 * @example
 * ```ts
 * export interface MastodonSettings extends HttpSettings { readonly instanceUrl: string }
 * ```
 */
export interface HttpSettings {
  /** A `fetch` to use instead of the global one (proxies, tests, edge runtimes). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /**
   * Milliseconds before one request is abandoned, once waiting for the answer and once more
   * reading its body. Default: core's HTTP client default (30 000). A request that uploads media
   * gets a second more per 125,000 bytes it sends (room for a 1 Mbit/s upload).
   */
  readonly timeoutMs?: number | undefined;
}

/**
 * The webhook body limit of an adapter that declares webhooks; check it with
 * {@link positiveIntegerSetting}. `Required<WebhookLimitSettings>` is its resolved form, where
 * `undefined` leaves the webhook handler's default.
 */
export interface WebhookLimitSettings {
  /**
   * The largest webhook delivery body accepted, in bytes; default 1 MiB. A larger one fails
   * `webhooks.verify` without being hashed and is refused by `webhooks.parse`.
   */
  readonly webhookMaxBodyBytes?: number | undefined;
}

/** What {@link settingIssue} turns into the problem of a setting that breaks a rule. */
export interface SettingIssue {
  /** Stable rule id of the problem, such as `settings.graph_version`. */
  readonly rule: string;
  /** A sentence a person can act on, or one made from the value checked. */
  readonly message: string | ((value: unknown) => string);
  /** The limit the rule enforces, when it has one. */
  readonly limit?: number | undefined;
  /** Show the value checked as the problem's `actual`. Never set it for a secret. */
  readonly showsValue?: boolean | undefined;
}

/**
 * The parameters of a `z.custom` or `z.refine` check of a setting, so that `parseModel` reports
 * it with its own rule id (not `schema.custom`), limit and, when allowed, the value found. A
 * failing check stops the checks after it on the same value, so one bad value is one problem.
 *
 * @param issue - the rule, message, limit and whether the value may be shown
 * @returns params for `z.custom(test, params)` or `z.refine(test, params)`
 *
 * @example
 * ```ts
 * const GraphVersionSetting = z.custom<string>(
 *   (value) => typeof value === 'string' && /^v\d+\.\d+$/.test(value),
 *   settingIssue({ rule: 'settings.graph_version', message: 'must be a version such as v26.0', showsValue: true }),
 * );
 * ```
 */
export function settingIssue(issue: SettingIssue): z.core.$ZodCustomParams {
  const { message } = issue;
  const params: ProblemParams = { rule: issue.rule, limit: issue.limit, showsValue: issue.showsValue };
  return {
    error: typeof message === 'string' ? message : (raw) => message(raw.input),
    params: { ...params },
    abort: true,
  };
}

/**
 * The largest whole-number setting: 2^31 − 1, the longest delay JavaScript's timers take (a
 * timeout above it is refused by ky at every request, or fires at once as a `setTimeout`).
 */
const MAX_INTEGER_SETTING = 2_147_483_647;

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_INTEGER_SETTING;
}

function isNonBlankText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * A count, size or duration that must be a positive whole number up to 2,147,483,647
 * (`settings.positive_integer`, the value as `actual`): a timeout of 0, a length of 2.5 or a
 * timeout of `Number.MAX_SAFE_INTEGER` (meant as "never") is refused. Wrap it in `z.optional`
 * or `z._default` for a setting that may be left out.
 *
 * @example
 * ```ts
 * const Settings = z.object({ timeoutMs: z.optional(positiveIntegerSetting), maxTextLength: z._default(positiveIntegerSetting, 500) });
 * ```
 */
export const positiveIntegerSetting: z.ZodMiniCustom<number, number> = z.custom<number>(
  isPositiveInteger,
  settingIssue({
    rule: 'settings.positive_integer',
    message: (value) =>
      typeof value === 'number' && Number.isInteger(value) && value > MAX_INTEGER_SETTING
        ? `must be at most ${MAX_INTEGER_SETTING} (the longest timer JavaScript runs)`
        : 'must be a positive whole number',
    showsValue: true,
  }),
);

/**
 * Text that may be left out but, when set, must not be empty or only whitespace
 * (`settings.non_empty`): secrets, verify tokens, usernames. The value is never copied into the
 * problem, since it may be a secret. Wrap it in `z.optional`.
 *
 * @example
 * ```ts
 * const Settings = z.object({ appSecret: z.optional(nonEmptyTextSetting) });
 * ```
 */
export const nonEmptyTextSetting: z.ZodMiniCustom<string, string> = z.custom<string>(
  isNonBlankText,
  settingIssue({
    rule: 'settings.non_empty',
    message: (value) => (typeof value === 'string' ? 'must not be empty when set' : 'must be text'),
  }),
);

/**
 * A secret that must be given (`settings.required`): missing, not text, empty or only
 * whitespace is refused, so an unset environment variable passed as `process.env.SECRET ?? ''`
 * never becomes a secret anyone can match. The value is never copied into the problem.
 *
 * @example
 * ```ts
 * parseModel(z.object({ consumerSecret: requiredSecretSetting }), { consumerSecret: '' }, 'webhook handler');
 * // throws: consumerSecret: must be set (it is empty)
 * ```
 */
export const requiredSecretSetting: z.ZodMiniCustom<string, string> = z.custom<string>(
  isNonBlankText,
  settingIssue({
    rule: 'settings.required',
    message: (value) => `must be set (it is ${typeof value === 'string' ? 'empty' : 'missing'})`,
  }),
);

/**
 * A `fetch` to use instead of the global one (proxies, tests, edge runtimes): anything but a
 * function is refused (`settings.fetch`) when the adapter is made, not at its first request.
 *
 * @example
 * ```ts
 * const Settings = z.object({ fetch: z.optional(fetchSetting) });
 * ```
 */
export const fetchSetting: z.ZodMiniCustom<typeof globalThis.fetch, typeof globalThis.fetch> = z.custom<
  typeof globalThis.fetch
>(
  (value) => typeof value === 'function',
  settingIssue({ rule: 'settings.fetch', message: 'must be a fetch function' }),
);

/**
 * A base URL that paths are appended to: an absolute `http:` or `https:` URL (`rule`, by default
 * `settings.base_url`), given back without trailing slashes so `${baseUrl}/2/tweets` never has
 * two. Hosts are not restricted, so simulators (`http://localhost:…`) and proxies work.
 *
 * @param example - the URL a person would expect there, quoted in the problem's message
 * @param rule - the problem's rule id, when not `settings.base_url`
 * @returns the schema of the setting: an http(s) URL in, the same without trailing slashes out
 *
 * @example
 * ```ts
 * const Settings = z.object({ baseUrl: z._default(httpBaseUrlSetting('https://api.x.com'), 'https://api.x.com') });
 * ```
 */
export function httpBaseUrlSetting(
  example: string,
  rule = 'settings.base_url',
): z.ZodMiniPipe<z.ZodMiniCustom<string, string>, z.ZodMiniTransform<string, string>> {
  return z.pipe(
    z.custom<string>(
      (value) => typeof value === 'string' && isHttpUrl(value),
      settingIssue({ rule, message: `must be an http(s) URL such as ${example}` }),
    ),
    z.transform((url: string) => url.replace(/\/+$/, '')),
  );
}
