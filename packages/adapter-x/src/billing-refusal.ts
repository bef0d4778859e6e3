import { PlatformError } from '@smmkit/core';
import type { PlatformErrorDetails, PlatformFailure } from '@smmkit/core/adapter-kit';

/**
 * The problem `type` of X's answer when the app's pay-per-use credits are used up, seen on live
 * answers: `{"detail":"credits depleted","status":402,"title":"Payment Required",
 * "type":"https://api.x.com/2/problems/credits-depleted"}`. ASSUMED from those answers: X's docs
 * name neither the status nor the body, only that requests are "blocked until you add credits"
 * (https://docs.x.com/x-api/getting-started/pricing). Matched on its suffix, as X's older answers
 * use `https://api.twitter.com/2/problems/…`.
 */
const CREDITS_DEPLETED_TYPE = /\/problems\/credits-depleted$/i;

/**
 * The problem `type` of X's answer when the spending limit set in the Developer Console is reached.
 * The docs say only that "When the limit is reached, API requests will be blocked until the next
 * billing cycle" (https://docs.x.com/x-api/getting-started/pricing, "Spending limits"), with no
 * status or body. ASSUMED from answers users report: a 403 with the type
 * `https://api.x.com/2/problems/spend-cap-reached` and the detail "Your monthly spend cap has been
 * reached.". Matched on its suffix (older answers use `https://api.twitter.com/2/problems/…`), or, as
 * the body is undocumented, on a 403 whose words say the spend cap is reached.
 */
const SPEND_CAP_REACHED_TYPE = /\/problems\/spend-cap-reached$/i;
const SPEND_CAP_REACHED_WORDS = /\bspend(?:ing)?[ -]?(?:cap|limit)\b.*\breached\b/i;

/**
 * What to do when X's pay-per-use credits are used up. X bills every request against credits bought
 * in the Developer Console, and "API requests will be blocked until you add credits"; a spending
 * limit blocks them "until the next billing cycle"
 * (https://docs.x.com/x-api/getting-started/pricing). Failed requests are not billed
 * (https://docs.x.com/x-api/fundamentals/post-cap), but retrying cannot succeed before a top-up, so
 * the error is not retryable.
 */
const CREDITS_DEPLETED_HINT =
  "The X app's pay-per-use credits are used up: add credits (or raise the spending limit) in the X Developer Console (https://console.x.com), then try again. smmkit does not retry this by itself.";

/**
 * What to do when the app's spending limit is reached: requests stay "blocked until the next
 * billing cycle" unless the limit is raised in the Developer Console
 * (https://docs.x.com/x-api/getting-started/pricing, "Spending limits"). Adding credits does not
 * help, so the hint does not suggest it; retrying cannot succeed before either, so the error is not
 * retryable.
 */
const SPEND_CAP_REACHED_HINT =
  "The X app's spending limit for this billing cycle is reached: raise the spending limit in the X Developer Console (https://console.x.com), or wait for the next billing cycle, then try again. smmkit does not retry this by itself.";

/** What {@link xBillingRefusal} reads of an X error answer. */
export interface XBillingAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** X's code (the problem `type`), message and title, as `xErrorDetails` reads them. */
  readonly platformError: PlatformErrorDetails | undefined;
  /** Every title, detail and message in the body, joined. */
  readonly words: string;
}

/**
 * The refusal X's billing answers mean, or `undefined` when the answer is not about billing:
 *
 * | answer | error |
 * |---|---|
 * | 402, or a `…/problems/credits-depleted` problem | `PlatformError('platform_refused')` with a hint to add credits |
 * | a `…/problems/spend-cap-reached` problem, or a 403 saying the spend cap is reached | `PlatformError('platform_refused')` with a hint to raise the spending limit or wait for the next billing cycle |
 *
 * Neither is retryable (`platform_refused`): only the user's action in the Developer Console, or
 * the next billing cycle, ends it (https://docs.x.com/x-api/getting-started/pricing).
 *
 * @param answer - the status, X's details and words of the error answer
 * @param failure - the message and options `platformFailure` built for it
 * @returns the refusal, or `undefined` for any other answer
 *
 * @example
 * ```ts
 * const refusal = xBillingRefusal({ status, platformError, words }, platformFailure(response, platformError));
 * if (refusal !== undefined) return refusal;
 * ```
 */
export function xBillingRefusal(answer: XBillingAnswer, failure: PlatformFailure): PlatformError | undefined {
  const { status, platformError, words } = answer;
  const { message, options } = failure;
  const type = String(platformError?.code ?? '');
  if (status === 402 || CREDITS_DEPLETED_TYPE.test(type)) {
    return new PlatformError('platform_refused', `${message} (the X app's API credits are used up)`, {
      ...options,
      hint: CREDITS_DEPLETED_HINT,
    });
  }
  if (SPEND_CAP_REACHED_TYPE.test(type) || (status === 403 && SPEND_CAP_REACHED_WORDS.test(words))) {
    return new PlatformError(
      'platform_refused',
      `${message} (the X app's spending limit for this billing cycle is reached)`,
      { ...options, hint: SPEND_CAP_REACHED_HINT },
    );
  }
  return undefined;
}
