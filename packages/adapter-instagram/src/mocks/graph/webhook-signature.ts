import { hmacSha256, toHex } from '@smmkit/core/adapter-kit';

/**
 * The `X-Hub-Signature-256` header Meta puts on webhook deliveries: `sha256=` + hex
 * HMAC-SHA256(app secret, raw body) (https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(instagramWebhook.comment({ igUserId, commentId, mediaId, text, from }));
 * const headers = { 'x-hub-signature-256': await signInstagramWebhook(appSecret, body) };
 * ```
 */
export async function signInstagramWebhook(appSecret: string, rawBody: string | Uint8Array): Promise<string> {
  return `sha256=${toHex(await hmacSha256(appSecret, rawBody))}`;
}
