import type { WebhookRequest } from '../../../../src/adapter/webhooks.js';
import type { StampedWebhookHandler } from '../../../../src/inbox/webhooks/delivery-stamp.js';
import { parseEngagement } from '../../../../src/parse/parse-models.js';
import { hmacSha256, timingSafeEqual, toHex } from '../../../../src/security/signatures.js';

/**
 * A made-up platform that signs a timestamp and names its events, the way TikTok does
 * (`t=<unix>,s=<hex HMAC of "t.body">`): what the router's replay window and delivery-id dedupe
 * work with. Deliveries are `{ event_id, account_id, comments: [{ id, text }] }`.
 */
export const STAMPED_SECRET = 'stamped-secret-91c3';
const HEADER = 'stamped-signature';

/** A delivery's body. */
export interface StampedDelivery {
  readonly event_id: string;
  readonly account_id: string;
  readonly comments: readonly { readonly id: string; readonly text: string }[];
}

/** The signature header for `body` signed at `signedAtMs`. */
export async function stampedSignature(
  body: string,
  signedAtMs: number,
  secret = STAMPED_SECRET,
): Promise<string> {
  const t = Math.floor(signedAtMs / 1000);
  return `t=${t},s=${toHex(await hmacSha256(secret, `${t}.${body}`))}`;
}

function parts(request: WebhookRequest): { t: string; s: string } | undefined {
  const header = request.headers.get(HEADER);
  const t = /(?:^|,)t=(\d+)/.exec(header ?? '')?.[1];
  const s = /(?:^|,)s=([0-9a-f]+)/.exec(header ?? '')?.[1];
  return t === undefined || s === undefined ? undefined : { t, s };
}

function text(request: WebhookRequest): string {
  return typeof request.rawBody === 'string' ? request.rawBody : new TextDecoder().decode(request.rawBody);
}

/** The made-up platform's webhook handler, with `delivery` reading the event id and signed time. */
export const stampedHandler: StampedWebhookHandler = {
  async challenge() {
    return undefined;
  },
  async verify(request) {
    const signed = parts(request);
    if (signed === undefined) return false;
    const expected = toHex(await hmacSha256(STAMPED_SECRET, `${signed.t}.${text(request)}`));
    return timingSafeEqual(signed.s, expected);
  },
  parse(request) {
    const body = JSON.parse(text(request)) as StampedDelivery;
    return body.comments.map((comment) =>
      parseEngagement({
        platform: 'stamped',
        accountId: body.account_id,
        id: comment.id,
        kind: 'comment',
        author: { id: 'fan-1' },
        text: comment.text,
        createdAt: new Date(0),
        raw: comment,
      }),
    );
  },
  delivery(request) {
    const signed = parts(request);
    const body = JSON.parse(text(request)) as StampedDelivery;
    return {
      id: body.event_id,
      ...(signed === undefined ? {} : { signedAt: new Date(Number(signed.t) * 1000) }),
    };
  },
};

/** A signed POST of `delivery` to `url`, signed at `signedAtMs`. */
export async function stampedRequest(
  url: string,
  delivery: StampedDelivery,
  signedAtMs: number,
  secret = STAMPED_SECRET,
): Promise<Request> {
  const body = JSON.stringify(delivery);
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [HEADER]: await stampedSignature(body, signedAtMs, secret),
    },
    body,
  });
}
