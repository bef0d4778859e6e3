import type { PublishContext } from '@smmkit/core';
import {
  type HttpClient,
  type HttpResponse,
  type MediaPolling,
  mediaRefusalAsProcessingError,
} from '@smmkit/core/adapter-kit';

/** What an upload needs beyond the item and the context. */
export interface LinkedInUploadOptions {
  /** The asset's owner: the post's author URN. */
  readonly owner: string;
  /** The adapter's API origin, trusted with the token for upload URLs on it. */
  readonly baseUrl: string;
  /** How long to wait for processing. */
  readonly polling: MediaPolling;
}

/** Where an upload goes and for which media item. */
export interface UploadTarget {
  /** The upload URL LinkedIn handed out. */
  readonly uploadUrl: string;
  /** The adapter's API origin: an upload URL on it is trusted with the token too (simulators, proxies). */
  readonly baseUrl: string;
  /** Index of the item in the post's media, for errors. */
  readonly mediaIndex: number;
  /** What the PUT is, in words (`upload image`, `upload video part 2 of 3`). */
  readonly operation: string;
}

/**
 * PUTs bytes to an upload URL LinkedIn handed out, with the member's token as LinkedIn's upload
 * examples send it (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api).
 * The token goes only to a LinkedIn host (`linkedin.com` and its subdomains) or the adapter's
 * own origin: an upload URL elsewhere gets the bytes without it. Not marked as creating a
 * resource: an uploaded asset no post uses is harmless. A refusal of the file is a
 * `MediaProcessingError('media_processing_failed')` for the item ({@link refusedMedia}).
 *
 * @param http - the adapter's HTTP client
 * @param target - the URL, the trusted origin, the item and the operation's name
 * @param body - the bytes
 * @param contentType - the `Content-Type` to send
 * @param context - the publish context
 * @returns the response (its `ETag` names a video part)
 */
export async function putUploadPart(
  http: HttpClient,
  target: UploadTarget,
  body: Blob,
  contentType: string,
  context: PublishContext,
): Promise<HttpResponse<undefined>> {
  return refusedMedia(target.mediaIndex, () =>
    http.request({
      method: 'PUT',
      path: target.uploadUrl,
      operation: target.operation,
      body,
      headers: { 'Content-Type': contentType },
      auth: isTrustedUploadHost(target.uploadUrl, target.baseUrl),
      context,
    }),
  );
}

/**
 * Whether an upload URL may receive the member's token: HTTPS on `linkedin.com` or a subdomain,
 * or the adapter's own configured origin.
 *
 * @param uploadUrl - the URL LinkedIn handed out
 * @param baseUrl - the adapter's API origin
 * @returns true when the token may go there
 *
 * @example
 * ```ts
 * isTrustedUploadHost('https://www.linkedin.com/dms-uploader/…', 'https://api.linkedin.com'); // true
 * isTrustedUploadHost('https://cdn.example.com/put', 'https://api.linkedin.com'); // false
 * ```
 */
export function isTrustedUploadHost(uploadUrl: string, baseUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(uploadUrl);
  } catch {
    return false;
  }
  if (url.origin === new URL(baseUrl).origin) return true;
  return (
    url.protocol === 'https:' && (url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com'))
  );
}

/**
 * Runs a media request, turning LinkedIn's refusal of the file (400 Bad Request, which the
 * media APIs answer for a file or declaration they do not take,
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling) into a
 * `MediaProcessingError` for the item.
 *
 * @param mediaIndex - the item's index in the post's media
 * @param request - the initialize, upload or finalize call
 * @returns what `request` returns
 */
export function refusedMedia<T>(mediaIndex: number, request: () => Promise<T>): Promise<T> {
  return mediaRefusalAsProcessingError(mediaIndex, 400, request);
}
