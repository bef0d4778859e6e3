// TikTok's answers: `{"data":{…},"error":{"code":"ok","message":"","log_id":"…"}}` on success and
// `{"data":{},"error":{"code","message","log_id"}}` with the real HTTP status on failure
// (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling). OAuth errors are flat,
// `{"error","error_description","log_id"}` (https://developers.tiktok.com/doc/oauth-error-handling).

import type { SimClock } from '@smmkit/testkit';
import { type Clearable, isJsonObject, type JsonObject, readJsonBody } from '@smmkit/testkit/simulator-kit';

/**
 * The `log_id`s one simulated TikTok hands out, as TikTok writes them: the UTC time to the second
 * (`YYYYMMDDhhmmss`) and a hex request number, 34 characters in all. Each simulator has its own
 * counter, registered with `sim.resettable` so that a reset starts it again: a test's log ids do
 * not depend on which tests ran before it.
 *
 * @example
 * ```ts
 * const logIds = sim.resettable(new LogIds(manualClock(Date.parse('2026-12-04T12:00:00Z'))));
 * logIds.next(); // '2026120412000000000000000000000001'
 * ```
 */
export class LogIds implements Clearable {
  readonly #clock: SimClock;
  #count = 0;

  /** @param clock - the simulator's time, which stamps each id */
  constructor(clock: SimClock) {
    this.#clock = clock;
  }

  /**
   * The next log id, stamped with the simulator's now.
   *
   * @returns the log id
   */
  next(): string {
    this.#count += 1;
    const stamp = new Date(this.#clock.now())
      .toISOString()
      .replace(/[-:TZ.]/g, '')
      .slice(0, 14);
    return `${stamp}${this.#count.toString(16).toUpperCase().padStart(20, '0')}`;
  }

  /** Starts the numbering again (the simulator's reset). */
  clear(): void {
    this.#count = 0;
  }
}

/** A successful answer carrying `data`, with its `log_id`. */
export function ok(data: unknown, logId: string): Response {
  return Response.json({ data, error: { code: 'ok', message: '', log_id: logId } });
}

/** A failed answer: TikTok's error code and message with the real HTTP status, and its `log_id`. */
export function tiktokError(status: number, code: string, message: string, logId: string): Response {
  return Response.json({ data: {}, error: { code, message, log_id: logId } }, { status });
}

/** OAuth's flat error (status 400, as RFC 6749 §5.2 has it; TikTok's pages do not give one). */
export function oauthError(error: string, description: string, logId: string): Response {
  return Response.json({ error, error_description: description, log_id: logId }, { status: 400 });
}

/** 400 `invalid_params` with TikTok's words for the field. */
export function invalidParams(message: string, logId: string): Response {
  return tiktokError(400, 'invalid_params', message, logId);
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
