import { invalidParameter } from '@smmkit/graph-api/mocks';
import { PUBLISHING_ERRORS, type PublishingError } from './publishing-errors.js';

/**
 * A reel container's `thumb_offset` as a number of milliseconds (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media:
 * "the frame used as cover, in milliseconds"), `undefined` when it is not given or `cover_url`
 * is ("If you specify both `cover_url` and `thumb_offset`, we use `cover_url` and ignore
 * `thumb_offset`", same page). Throws Graph's invalid-parameter error (code 100) for a value
 * that is not a whole number (the wording is ASSUMED).
 *
 * @param thumbOffset - the `thumb_offset` parameter as sent
 * @param coverUrl - the `cover_url` parameter as sent
 * @returns the offset Instagram uses, in milliseconds
 */
export function thumbOffsetOf(
  thumbOffset: string | undefined,
  coverUrl: string | undefined,
): number | undefined {
  if (thumbOffset === undefined || coverUrl !== undefined) return undefined;
  const offset = Number(thumbOffset);
  if (thumbOffset.trim() === '' || !Number.isInteger(offset))
    throw invalidParameter('The parameter thumb_offset must be a whole number of milliseconds.');
  return offset;
}

/**
 * Why a reel whose cover is the frame at `offsetMs` fails, if it does: 1 / 2207057 "Thumbnail
 * offset must be greater than or equal to 0 and less than video duration, i.e. {video-length}"
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 * A video whose length the simulator does not know (nothing declared it with `setVideoDuration`)
 * takes any offset from 0. The `{video-length}` is given in milliseconds, as `thumb_offset` is
 * (ASSUMED: the page does not name its unit).
 *
 * @param offsetMs - the offset Instagram uses (`thumbOffsetOf`), or `undefined` for none
 * @param durationSec - the video's length in seconds, when known
 * @returns the publishing error, or `undefined` when the offset is within the video
 */
export function thumbOffsetFailure(
  offsetMs: number | undefined,
  durationSec: number | undefined,
): PublishingError | undefined {
  if (offsetMs === undefined) return undefined;
  const durationMs = durationSec === undefined ? undefined : Math.round(durationSec * 1000);
  if (offsetMs >= 0 && (durationMs === undefined || offsetMs < durationMs)) return undefined;
  const { thumbOffset } = PUBLISHING_ERRORS;
  return durationMs === undefined
    ? thumbOffset
    : { ...thumbOffset, userMsg: `${thumbOffset.userMsg}, i.e. ${durationMs}` };
}
