import type { WebhookHandler } from '@smmkit/core';
import { type GraphWebhookOptions, graphWebhookHandler } from '@smmkit/graph-api';
import { facebookWebhookEngagements } from './webhook-payload.js';

/**
 * What the webhook handler needs: the app secret deliveries are signed with (required, never
 * blank), the verify token entered when subscribing (without it every challenge is refused; when
 * set, never blank) and the largest body accepted (`maxBodyBytes`, default 1 MiB).
 */
export type FacebookWebhookOptions = Pick<GraphWebhookOptions, 'appSecret' | 'verifyToken' | 'maxBodyBytes'>;

/**
 * The Facebook Page webhook handler: `@smmkit/graph-api`'s `graphWebhookHandler`
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started) — `hub.challenge`
 * answered when `hub.verify_token` matches, `X-Hub-Signature-256` checked over the raw body in
 * constant time, bodies over `maxBodyBytes` refused — whose `parse` turns the `feed` comment and
 * `mention` changes of a delivery into engagements (webhook-payload.ts). Subscribe the app to the
 * Page's `feed` and `mention` fields (`POST /{page-id}/subscribed_apps`;
 * https://developers.facebook.com/docs/pages-api/webhooks-for-pages). Meta retries a delivery it
 * got no 200 for, so the same change may arrive more than once: deduplicate by the engagement's id.
 *
 * @param options - the app secret, verify token and body size limit
 * @returns the webhook handler
 * @throws ValidationError when the app secret is missing or blank, the verify token is set but
 *   blank, or `maxBodyBytes` is not a positive whole number
 *
 * @example
 * ```ts
 * const webhooks = createFacebookWebhookHandler({ appSecret: process.env.META_APP_SECRET ?? '', verifyToken: 'my-token' });
 * ```
 */
export function createFacebookWebhookHandler(options: FacebookWebhookOptions): WebhookHandler {
  return graphWebhookHandler({
    platform: 'facebook',
    appSecret: options.appSecret,
    verifyToken: options.verifyToken,
    maxBodyBytes: options.maxBodyBytes,
    engagements: facebookWebhookEngagements,
  });
}
