// TikTok's answers: `{"data":{…},"error":{"code":"ok","message":"","log_id":"…"}}` on success and
// `{"data":{},"error":{"code","message","log_id"}}` with the real HTTP status on failure
// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling). OAuth errors are flat,
// `{"error","error_description","log_id"}` (https://developers.tiktok.com/doc/oauth-error-handling).

import { isJsonObject, type JsonObject, readJsonBody } from '@smmkit/testkit/simulator-kit';

let counter = 0;

/**
 * A `log_id` as TikTok writes them: the UTC time to the second (`YYYYMMDDhhmmss`) and a hex
 * request number, 34 characters in all.
 *
 * @param now - simulated now, epoch ms
 * @returns the log id
 */
export function logId(now: number): string {
  counter += 1;
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  return `${stamp}${counter.toString(16).toUpperCase().padStart(20, '0')}`;
}

/** A successful answer carrying `data`. */
export function ok(data: unknown, now: number): Response {
  return Response.json({ data, error: { code: 'ok', message: '', log_id: logId(now) } });
}

/** A failed answer: TikTok's error code and message with the real HTTP status. */
export function tiktokError(status: number, code: string, message: string, now: number): Response {
  return Response.json({ data: {}, error: { code, message, log_id: logId(now) } }, { status });
}

/** OAuth's flat error (status 400, as RFC 6749 §5.2 has it; TikTok's pages do not give one). */
export function oauthError(error: string, description: string, now: number): Response {
  return Response.json({ error, error_description: description, log_id: logId(now) }, { status: 400 });
}

/** 400 `invalid_params` with TikTok's words for the field. */
export function invalidParams(message: string, now: number): Response {
  return tiktokError(400, 'invalid_params', message, now);
}

/** A request's JSON-object body (`{}` when it is empty), or `undefined` when it is none. */
export async function jsonObject(request: Request): Promise<JsonObject | undefined> {
  const body = await readJsonBody(request);
  return body.kind === 'empty' ? {} : body.kind === 'object' ? body.value : undefined;
}

/** A record field of `body`, or `{}`. */
export function recordField(body: JsonObject, name: string): JsonObject {
  const value = body[name];
  return isJsonObject(value) ? value : {};
}
