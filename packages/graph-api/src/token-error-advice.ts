// What a person has to do about each access-token error Meta reports: code 190 (and 102, "API
// Session") with the authentication sub-codes of
// https://developers.facebook.com/docs/graph-api/guides/error-handling ("Authentication Error
// Subcodes"). The sub-codes come from Facebook Login, which both Facebook Pages and Instagram
// (with Facebook Login) use; Instagram Login tokens answer 190 without one.

/** One documented sub-code: whether a new login cures it, and what the user must do. */
interface TokenSubcode {
  /** Meta's name for it. */
  readonly name: string;
  /** `true` when the grant itself is gone (a person must act), `false` when the token merely expired. */
  readonly revoked: boolean;
  /** What the user must do, as a sentence. */
  readonly advice: string;
}

const LOG_IN_AGAIN = 'have the user log in to the app again (Facebook Login) to get a new token';

/**
 * The documented sub-codes (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 * 463 is an expiry: core refreshes once where the platform can (Instagram Login) before the error
 * reaches the caller. 492 is documented there as "User associated with the Page access token does
 * not have an appropriate role on the Page".
 */
const SUBCODES: ReadonlyMap<number, TokenSubcode> = new Map([
  [
    458,
    {
      name: 'app not installed',
      revoked: true,
      advice: `The user removed the app or never logged in to it: ${LOG_IN_AGAIN}.`,
    },
  ],
  [
    459,
    {
      name: 'user checkpointed',
      revoked: true,
      advice:
        'Facebook has put a security checkpoint on the user’s account: they must log in at https://www.facebook.com and clear it, then log in to the app again.',
    },
  ],
  [
    460,
    {
      name: 'password changed',
      revoked: true,
      advice: `The user changed their Facebook password (or Meta reset their sessions): ${LOG_IN_AGAIN}.`,
    },
  ],
  [
    463,
    {
      name: 'expired',
      revoked: false,
      advice: `The access token expired: ${LOG_IN_AGAIN}, then exchange it for a long-lived one (about 60 days; Page tokens made from a long-lived user token do not expire).`,
    },
  ],
  [
    464,
    {
      name: 'unconfirmed user',
      revoked: true,
      advice:
        'The user has not confirmed their Facebook account: they must log in at https://www.facebook.com and confirm it, then log in to the app again.',
    },
  ],
  [
    467,
    {
      name: 'invalid access token',
      revoked: true,
      advice: `The token is no longer valid (the user logged out of Facebook or the token was revoked): ${LOG_IN_AGAIN}.`,
    },
  ],
  [
    492,
    {
      name: 'invalid session',
      revoked: true,
      advice:
        'The user behind this Page token no longer has a suitable role on the Page: a Page admin must give them the task it needs (CREATE_CONTENT to post) again, then they log in to the app again for a new Page token.',
    },
  ],
]);

/** Advice for a 190 (or 102) without a documented sub-code. */
const GENERIC: TokenSubcode = {
  name: 'invalid token',
  revoked: false,
  advice: `The access token is expired, revoked or otherwise invalid: ${LOG_IN_AGAIN}.`,
};

/**
 * How a token error reads: whether the grant is gone (`revoked`: a person must act; otherwise an
 * expiry core may cure with one refresh) and what the user must do, by Meta's sub-code
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling, "Authentication Error
 * Subcodes": 458, 459, 460, 463, 464, 467, 492). An unknown or missing sub-code reads as an
 * invalid token that one refresh may cure.
 *
 * @param subcode - `error_subcode` of a code 190 (or 102) error
 * @returns whether the grant is revoked, and the advice
 *
 * @example
 * ```ts
 * graphTokenErrorAdvice(459).advice; // 'Facebook has put a security checkpoint on the user’s account: …'
 * ```
 */
export function graphTokenErrorAdvice(subcode: number | undefined): {
  /** The grant is gone: re-authorization (or a person's action on Facebook) is needed. */
  readonly revoked: boolean;
  /** What the user must do, as a sentence. */
  readonly advice: string;
} {
  const known = subcode === undefined ? undefined : SUBCODES.get(subcode);
  const { revoked, advice } = known ?? GENERIC;
  return { revoked, advice };
}
