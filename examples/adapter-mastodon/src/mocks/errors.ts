/**
 * Mastodon's error body, `{"error": "…"}` (docs.joinmastodon.org/entities/Error/).
 *
 * @example
 * ```ts
 * return mastodonError(404, RECORD_NOT_FOUND);
 * ```
 */
export function mastodonError(status: number, message: string) {
  return Response.json({ error: message }, { status });
}

/** 404 for a missing or hidden record (docs.joinmastodon.org/methods/statuses/#get, 404). */
export const RECORD_NOT_FOUND = 'Record not found';

/** ActiveRecord's prefix on model validation errors, as in `Validation failed: Text can't be blank`. */
export function validationFailed(messages: readonly string[]): string {
  return `Validation failed: ${messages.join(', ')}`;
}
