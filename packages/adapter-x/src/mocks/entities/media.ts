import type { MediaKind } from '@smmkit/core';
import type { SimulatedMedia } from '@smmkit/testkit';
import { growingCount, selectFields } from '@smmkit/testkit/simulator-kit';
import type { XMediaJson } from './types.js';

/** Video views per hour in the simulation (growingCount's rate). */
export const VIEWS_PER_HOUR = 300;

/**
 * The media key of an upload: X prefixes the media id with its type, `3_` photo, `7_` video,
 * `16_` animated GIF (keys as X returns them, e.g. `7_1788113005861027840` for a video).
 */
export function mediaKeyOf(kind: MediaKind, id: string): string {
  return `${kind === 'video' ? '7' : kind === 'gif' ? '16' : '3'}_${id}`;
}

/**
 * A Media object of `includes.media`: `media_key` and `type` always, the `media.fields` asked for.
 * `public_metrics.view_count` (`media.fields=public_metrics`: https://docs.x.com/x-api/fundamentals/metrics)
 * grows with the age of the post that carries it, for videos and GIFs; photos have no views.
 */
export function renderMedia(
  media: SimulatedMedia,
  fields: ReadonlySet<string>,
  postedAt: number,
  now: number,
): XMediaJson {
  const playable = media.kind === 'video' || media.kind === 'gif';
  // X's media `type` (docs.x.com data dictionary: photo, video, animated_gif).
  const type = media.kind === 'video' ? 'video' : media.kind === 'gif' ? 'animated_gif' : 'photo';
  const json = { media_key: mediaKeyOf(media.kind, media.id), type };
  return selectFields(json, fields, {
    alt_text: () => media.altText,
    url: () => (playable ? undefined : `https://pbs.twimg.com/media/${media.id}.jpg`),
    preview_image_url: () =>
      playable ? `https://pbs.twimg.com/ext_tw_video_thumb/${media.id}/pu/img/thumb.jpg` : undefined,
    public_metrics: () =>
      playable
        ? { view_count: growingCount(media.id, 'view_count', now - postedAt, VIEWS_PER_HOUR) }
        : undefined,
  }) as XMediaJson;
}
