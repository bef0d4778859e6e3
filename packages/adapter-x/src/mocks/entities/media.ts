import type { MediaKind } from '@smmkit/core';
import type { SimulatedMedia } from '@smmkit/testkit';
import { growingCount, selectFields } from '@smmkit/testkit/simulator-kit';
import type { XMediaJson } from './types.js';

/** Video views per hour in the simulation (growingCount's rate). */
export const VIEWS_PER_HOUR = 300;

/** The `media_category` of videos for Ads ("Ads / promoted video", https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
const AMPLIFY_VIDEO = 'amplify_video';

/**
 * The media key of an upload: X prefixes the media id with its type, `3_` photo, `7_` video,
 * `16_` animated GIF (keys as X returns them, e.g. `7_1788113005861027840` for a video), and `13_`
 * for a video uploaded as `amplify_video`. Sources for `13_`: the chunked-upload quickstart's INIT
 * example with `media_category=amplify_video` answered `"media_key": "13_1880028106020515840"`
 * (https://docs.x.com/x-api/media/quickstart/media-upload-chunked; its current revision shows the same
 * example under `tweet_video`, while posts of `tweet_video` uploads carry `7_` keys and
 * `ext_tw_video_thumb` previews, observed), and the Ads API guide's media key `13_1029825579531807971`
 * (https://developer.x.com/en/docs/ads/creatives/guides/identifying-media). The `dm_*` categories
 * key like their `tweet_*` twins (ASSUMED: the docs show no DM media key).
 *
 * @param kind - what the upload is
 * @param id - its media id
 * @param category - its `media_category`, when known (only `amplify_video` changes the prefix)
 * @returns the media key, e.g. `13_1880028106020515840`
 *
 * @example
 * ```ts
 * mediaKeyOf('video', '1880028106020515840', 'amplify_video'); // '13_1880028106020515840'
 * ```
 */
export function mediaKeyOf(kind: MediaKind, id: string, category?: string): string {
  if (category === AMPLIFY_VIDEO) return `13_${id}`;
  return `${kind === 'video' ? '7' : kind === 'gif' ? '16' : '3'}_${id}`;
}

/**
 * The preview still of a video or GIF: under `amplify_video_thumb/` for an `amplify_video` upload,
 * `ext_tw_video_thumb/` otherwise (the paths of `preview_image_url` on live posts, observed).
 */
function previewImageUrl(media: SimulatedMedia, category: string | undefined): string {
  return category === AMPLIFY_VIDEO
    ? `https://pbs.twimg.com/amplify_video_thumb/${media.id}/img/thumb.jpg`
    : `https://pbs.twimg.com/ext_tw_video_thumb/${media.id}/pu/img/thumb.jpg`;
}

/**
 * A Media object of `includes.media`: `media_key` and `type` always, the `media.fields` asked for.
 * `public_metrics.view_count` (`media.fields=public_metrics`: https://docs.x.com/x-api/fundamentals/metrics)
 * grows with the age of the post that carries it, for videos and GIFs; photos have no views.
 * `category` is the upload's `media_category`, when it was uploaded through the simulator.
 */
export function renderMedia(
  media: SimulatedMedia,
  category: string | undefined,
  fields: ReadonlySet<string>,
  postedAt: number,
  now: number,
): XMediaJson {
  const playable = media.kind === 'video' || media.kind === 'gif';
  // X's media `type` (docs.x.com data dictionary: photo, video, animated_gif).
  const type = media.kind === 'video' ? 'video' : media.kind === 'gif' ? 'animated_gif' : 'photo';
  const json = { media_key: mediaKeyOf(media.kind, media.id, category), type };
  return selectFields(json, fields, {
    alt_text: () => media.altText,
    url: () => (playable ? undefined : `https://pbs.twimg.com/media/${media.id}.jpg`),
    preview_image_url: () => (playable ? previewImageUrl(media, category) : undefined),
    public_metrics: () =>
      playable
        ? { view_count: growingCount(media.id, 'view_count', now - postedAt, VIEWS_PER_HOUR) }
        : undefined,
  }) as XMediaJson;
}
