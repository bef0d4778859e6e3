/**
 * What the router made of one request:
 *
 * - `challenge`: a subscription check, answered by the adapter (200, or 403 for a wrong Meta
 *   verify token);
 * - `accepted`: a verified delivery; its new engagements were handed on (200). Parsed items that
 *   are no valid engagement were left out (`invalid`, named in `error`): redelivering cannot
 *   mend them, so the platform is not asked to;
 * - `forged`: the signature is missing or wrong (401); nothing was parsed;
 * - `stale`: signed too long ago or too far ahead, a replay (401);
 * - `too_large`: the body is over `maxBodyBytes` (413);
 * - `unreadable`: signed, but not a payload the adapter can read (400);
 * - `failed`: the seen store or `onEngagements` threw (500), so the platform retries;
 * - `not_found`: no route for the path (404); `not_allowed`: a method other than GET or POST
 *   (405); `not_challenge`: a GET that is no challenge (400).
 */
export type WebhookOutcomeKind =
  | 'challenge'
  | 'accepted'
  | 'forged'
  | 'stale'
  | 'too_large'
  | 'unreadable'
  | 'failed'
  | 'not_found'
  | 'not_allowed'
  | 'not_challenge';

/** One request's outcome, for logs and counters (`onOutcome`). Never holds the body or a secret. */
export interface WebhookOutcome {
  /** What happened. */
  readonly kind: WebhookOutcomeKind;
  /** The status answered. */
  readonly status: number;
  /** The route, when the path named one. */
  readonly route?: string | undefined;
  /** New engagements handed to `onEngagements` (`accepted` only, else 0). */
  readonly engagements: number;
  /** Engagements dropped as delivered before (`accepted` only, else 0). */
  readonly duplicates: number;
  /** Parsed items left out because they are no valid engagement (`accepted` only, else 0). */
  readonly invalid: number;
  /**
   * What was thrown, for `unreadable` and `failed`. For `accepted` with `invalid` items, a
   * `ValidationError` naming them by id, with each problem's path (from the item's index) and
   * rule: it quotes no payload text.
   */
  readonly error?: unknown;
}

/** The status and fixed text of each outcome: no answer echoes the body, a header or an error. */
const ANSWERS: Readonly<Record<Exclude<WebhookOutcomeKind, 'challenge'>, readonly [number, string]>> = {
  accepted: [200, ''],
  forged: [401, 'invalid signature'],
  stale: [401, 'stale delivery'],
  too_large: [413, 'payload too large'],
  unreadable: [400, 'unreadable delivery'],
  failed: [500, 'delivery not taken, retry later'],
  not_found: [404, 'not found'],
  not_allowed: [405, 'method not allowed'],
  not_challenge: [400, 'not a webhook challenge'],
};

/**
 * The status an outcome is answered with.
 *
 * @example
 * ```ts
 * outcomeStatus('forged'); // 401
 * ```
 */
export function outcomeStatus(kind: Exclude<WebhookOutcomeKind, 'challenge'>): number {
  return ANSWERS[kind][0];
}

/**
 * The response for an outcome: its status and a fixed plain-text body (empty for `accepted`).
 *
 * @example
 * ```ts
 * return outcomeResponse('not_found'); // 404 "not found"
 * ```
 */
export function outcomeResponse(kind: Exclude<WebhookOutcomeKind, 'challenge'>): Response {
  const [status, text] = ANSWERS[kind];
  const headers = new Headers({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  if (kind === 'not_allowed') headers.set('allow', 'GET, POST');
  return new Response(text === '' ? null : text, { status, headers });
}
