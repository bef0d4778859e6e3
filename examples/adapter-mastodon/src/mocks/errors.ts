/**
 * Mastodon's error body, `{"error": "…"}` (docs.joinmastodon.org/entities/Error/).
 *
 * @example
 * ```ts
 * return mastodonError(404, RECORD_NOT_FOUND);
 * ```
 */
export function mastodonError(
  status: number,
  message: string,
  headers?: Readonly<Record<string, string>>,
): Response {
  return Response.json({ error: message }, headers === undefined ? { status } : { status, headers });
}

/** 404 for a missing or hidden record (docs.joinmastodon.org/methods/statuses/#get, 404). */
export const RECORD_NOT_FOUND = 'Record not found';

/**
 * 404 for a reply to a status that does not exist or cannot be seen: Mastodon's
 * `statuses.errors.in_reply_not_found` (StatusesController#set_thread). The wording is Mastodon's
 * English locale as remembered, not confirmed from the docs.
 */
export const IN_REPLY_NOT_FOUND = 'The post you are trying to reply to does not appear to exist.';

/** 422 for an empty status (docs.joinmastodon.org/methods/statuses/#create, 422). */
export const TEXT_BLANK = "Text can't be blank";

/** 422 for media on a status that is still processing (Mastodon `media_attachments.validations.not_ready`). */
export const MEDIA_NOT_READY =
  'Cannot attach files that have not finished processing. Try again in a moment!';

/** 422 for more than 4 media, or media with a poll (Mastodon `media_attachments.validations.too_many`). */
export const TOO_MANY_MEDIA = 'Cannot attach more than 4 files';

/** 422 for a video mixed with other media (Mastodon `media_attachments.validations.images_and_video`). */
export const IMAGES_AND_VIDEO = 'Cannot attach a video to a post that already contains images';

/** 422 for media that are unknown, someone else's or already attached (Mastodon `media_attachments.validations.not_found`). */
export function mediaNotFound(ids: readonly string[]): string {
  return `Media ${ids.join(', ')} not found or already attached to another post`;
}

/** 422 for an unsupported upload (docs.joinmastodon.org/methods/media/#v2, 422). */
export const FILE_TYPE_INVALID = 'Validation failed: File content type is invalid, File is invalid';

/** 422 from GET /api/v1/media/:id when processing failed (docs.joinmastodon.org/methods/media/#get, 422 / #v2, 500). */
export const PROCESSING_ERROR = 'Error processing thumbnail for uploaded media';

/** ActiveRecord's prefix on model validation errors, as in `Validation failed: Text can't be blank`. */
export function validationFailed(messages: readonly string[]): string {
  return `Validation failed: ${messages.join(', ')}`;
}
